"""The agenda: upcoming and past events as of the build date, each with its page and an
iCalendar file that parses back as RFC 5545 and is the same bytes on every rebuild."""

import datetime
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import refused, soup_of
from icalendar import Calendar
from pelican import signals

from warta import EXAMPLE

CONTENT = EXAMPLE / "content"
SAMPLE_PDF = CONTENT / "agenda" / "lampiran" / "undangan-musrenbang-sukamaju-2027.pdf"
TODAY = "2026-12-01"  # always a fixed date, never the clock
JAKARTA = ZoneInfo("Asia/Jakarta")

EVENT = {
    "Title": "Acara uji",
    "Slug": "acara-uji",
    "Category": "Dinkes",
    "Summary": "Ringkasan acara uji.",
    "Mulai": "2026-12-03 08:00",
    "Selesai": "2026-12-03 12:00",
    "Tempat": "Aula Balai Kota",
    "Aksesibilitas": "Juru bahasa isyarat tersedia; akses kursi roda",
}


def write(content_dir, name, body="Isi acara uji.\n", **changes):
    """An event in content/agenda/ with ``changes`` (None leaves a field out)."""
    values = {**EVENT, "Slug": Path(name).stem, "Title": f"Acara {Path(name).stem}", **changes}
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    path = content_dir / "agenda" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    return path


def words(element):
    return " ".join(element.get_text(" ").split()).replace("\xa0", " ")


def listed(site, page):
    return [a["href"] for a in soup_of(site, page).select("main .w-card-list a.w-card__link")]


def calendar_of(site, name):
    return Calendar.from_ical((Path(site) / "agenda" / name).read_bytes())


@pytest.fixture
def agenda_dir(content_dir):
    """Four events around 1 December 2026: one ended the day before, one ends that day, one
    that week over three whole days, one the week after."""
    write(content_dir, "kemarin.md", Mulai="2026-11-30 09:00", Selesai="2026-11-30 11:00")
    write(content_dir, "hari-ini.md", Mulai="2026-11-28 09:00", Selesai="2026-12-01 17:00",
          Date="2026-11-01 10:00", Modified="2026-11-15 08:30")
    write(content_dir, "tiga-hari.md", Mulai="2026-12-03", Selesai="2026-12-05",
          Category="Diskominfo", Date="2026-11-02 10:00")
    write(content_dir, "pekan-depan.md", Mulai="2026-12-08 13:00", Selesai="2026-12-08 15:00")
    return content_dir


@pytest.fixture
def captured_context():
    """The context every generator shares, as the home page's template will see it."""
    seen = {}

    def keep(generators):
        seen.update(generators[0].context)

    signals.all_generators_finalized.connect(keep)
    yield seen
    signals.all_generators_finalized.disconnect(keep)


# --- Upcoming and past --------------------------------------------------------------------------

def test_upcoming_events_are_those_ending_on_or_after_the_build_date_soonest_first(
        agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    assert listed(site, "agenda/index.html") == [
        "/agenda/hari-ini/", "/agenda/tiga-hari/", "/agenda/pekan-depan/"]


def test_past_events_are_listed_newest_first_and_keep_their_pages(agenda_dir, build_site, tmp_path):
    site = build_site(agenda_dir, tmp_path / "sesudah", WARTA_TODAY="2026-12-06")
    assert listed(site, "agenda/lalu/index.html") == [
        "/agenda/tiga-hari/", "/agenda/hari-ini/", "/agenda/kemarin/"]
    assert listed(site, "agenda/index.html") == ["/agenda/pekan-depan/"]
    assert (site / "agenda" / "kemarin" / "index.html").is_file()


def test_agenda_lists_say_the_date_they_were_built_for(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    for page in ("agenda/index.html", "agenda/lalu/index.html"):
        as_of = soup_of(site, page).select_one("main .w-as-of")
        assert words(as_of) == "Keadaan per Selasa, 1 Desember 2026 .", page
        assert as_of.time["datetime"] == "2026-12-01"


def test_home_page_context_holds_upcoming_events_and_this_weeks(
        agenda_dir, build_site, captured_context):
    build_site(agenda_dir, WARTA_TODAY=TODAY)
    assert [e.slug for e in captured_context["agenda_upcoming"]] == [
        "hari-ini", "tiga-hari", "pekan-depan"]
    # The seven days from 1 December are 1 to 7 December: the 8th is the week after.
    assert [e.slug for e in captured_context["agenda_this_week"]] == ["hari-ini", "tiga-hari"]
    assert captured_context["build_date"] == datetime.date(2026, 12, 1)
    assert captured_context["section_sizes"]["agenda"] == 4


# --- An event's page ------------------------------------------------------------------------------

def test_event_page_says_when_where_who_and_what_the_venue_offers(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    main = soup_of(site, "agenda/pekan-depan/index.html").find("main")
    assert main["data-pagefind-meta"] == "jenis:Agenda"
    rows = {words(row.dt): row.dd for row in main.select(".w-article__meta-row")}
    assert words(rows["Waktu"]) == "Selasa, 8 Desember 2026, 13.00 WIB sampai 15.00 WIB"
    assert [t["datetime"] for t in rows["Waktu"].find_all("time")] == [
        "2026-12-08T13:00:00+07:00", "2026-12-08T15:00:00+07:00"]
    assert words(rows["Tempat"]) == "Aula Balai Kota"
    assert rows["Penyelenggara"].a["href"] == "/opd/dinas-kesehatan/"
    assert words(rows["Aksesibilitas"]) == "Juru bahasa isyarat tersedia; akses kursi roda"
    link = main.find("a", href="/agenda/pekan-depan.ics")
    assert words(link).startswith("Tambahkan ke kalender: Acara pekan-depan")


def test_whole_day_events_show_dates_without_hours(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    when = soup_of(site, "agenda/tiga-hari/index.html").select_one(".w-article__meta-row dd")
    assert words(when) == "Kamis, 3 Desember 2026 sampai Sabtu, 5 Desember 2026 (sehari penuh)"
    assert [t["datetime"] for t in when.find_all("time")] == ["2026-12-03", "2026-12-05"]


def test_event_without_accessibility_information_says_whom_to_ask(content_dir, build_site):
    write(content_dir, "tanpa-info.md", Aksesibilitas=None)
    site = build_site(content_dir, WARTA_TODAY=TODAY)
    rows = soup_of(site, "agenda/tanpa-info/index.html").select(".w-article__meta-row")
    assert "tanyakan kepada Dinas Kesehatan" in words(rows[-1])


def test_agency_page_lists_its_upcoming_events_only(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    section = soup_of(site, "opd/dinas-kesehatan/index.html").find(
        "section", attrs={"aria-labelledby": "agenda-opd"})
    assert [a["href"] for a in section.select("a.w-card__link")] == [
        "/agenda/hari-ini/", "/agenda/pekan-depan/"]


def test_event_attachment_is_checked_and_linked(content_dir, build_site):
    target = content_dir / "agenda" / "lampiran" / "undangan.pdf"
    target.parent.mkdir(parents=True)
    shutil.copy(SAMPLE_PDF, target)
    write(content_dir, "berlampiran.md", Lampiran="agenda/lampiran/undangan.pdf | Undangan uji")
    site = build_site(content_dir, WARTA_TODAY=TODAY)
    link = soup_of(site, "agenda/berlampiran/index.html").select_one("main .w-downloads__link")
    assert re.fullmatch(r"Unduh Undangan uji \(PDF, [\d,]+ KB, 1 halaman\)", words(link))


# --- iCalendar ------------------------------------------------------------------------------------

def test_every_calendar_file_has_the_properties_rfc_5545_requires(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    names = sorted(p.name for p in (site / "agenda").glob("*.ics"))
    assert names == ["agenda.ics", "hari-ini.ics", "kemarin.ics", "pekan-depan.ics",
                     "tiga-hari.ics"]
    for name in names:
        calendar = calendar_of(site, name)
        assert calendar.name == "VCALENDAR" and calendar["VERSION"] == "2.0"
        assert str(calendar["PRODID"]).startswith("-//Warta//")
        events = calendar.walk("VEVENT")
        assert len(events) == (4 if name == "agenda.ics" else 1), name
        for event in events:
            for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
                assert required in event, (name, required)
            assert event.decoded("DTEND") > event.decoded("DTSTART"), name


def test_timed_events_carry_their_zone_with_its_vtimezone(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    text = (site / "agenda" / "pekan-depan.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Asia/Jakarta:20261208T130000" in text
    event = calendar_of(site, "pekan-depan.ics").walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime.datetime(2026, 12, 8, 13, 0, tzinfo=JAKARTA)
    zones = [str(zone["TZID"]) for zone in calendar_of(site, "pekan-depan.ics").walk("VTIMEZONE")]
    assert zones == ["Asia/Jakarta"]


def test_whole_day_events_end_the_day_after_their_last_day_as_rfc_5545_counts(
        agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    event = calendar_of(site, "tiga-hari.ics").walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime.date(2026, 12, 3)
    assert event.decoded("DTEND") == datetime.date(2026, 12, 6)


def test_dtstamp_comes_from_the_event_file_never_the_clock(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY)
    utc = datetime.timezone.utc

    def stamp(name):
        return calendar_of(site, name).walk("VEVENT")[0].decoded("DTSTAMP")

    assert stamp("hari-ini.ics") == datetime.datetime(2026, 11, 15, 1, 30, tzinfo=utc)  # Modified
    assert stamp("tiga-hari.ics") == datetime.datetime(2026, 11, 2, 3, 0, tzinfo=utc)  # Date
    assert stamp("pekan-depan.ics") == datetime.datetime(2026, 12, 8, 6, 0, tzinfo=utc)  # start


def test_uid_is_the_slug_at_the_sites_host(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY, SITEURL="https://kotacontoh.example")
    event = calendar_of(site, "pekan-depan.ics").walk("VEVENT")[0]
    assert str(event["UID"]) == "pekan-depan@kotacontoh.example"
    assert str(event["URL"]) == "https://kotacontoh.example/agenda/pekan-depan/"


def test_rebuilding_unchanged_content_writes_the_same_calendar_bytes(
        agenda_dir, build_site, tmp_path):
    first = build_site(agenda_dir, tmp_path / "pertama", WARTA_TODAY=TODAY)
    second = build_site(agenda_dir, tmp_path / "kedua", WARTA_TODAY="2026-12-04")
    files = sorted(p.name for p in (first / "agenda").glob("*.ics"))
    assert files
    for name in files:
        assert (first / "agenda" / name).read_bytes() == (second / "agenda" / name).read_bytes()


def test_switched_off_agenda_writes_nothing(agenda_dir, build_site):
    site = build_site(agenda_dir, WARTA_TODAY=TODAY, WARTA_SECTIONS=["announcements"],
                      WARTA_MENU=[("Beranda", ""), ("Berita", "arsip/")])
    assert not (site / "agenda").exists()


# --- Bad input: each refused at its line, with the fix, the old output untouched ---------------

def test_event_that_ends_before_it_starts_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "terbalik.md", Mulai="2026-12-05 12:00", Selesai="2026-12-05 08:00")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"agenda/terbalik\.md:6: agenda-waktu: Acara selesai \(2026-12-05 08:00\) "
                     r"sebelum atau tepat saat mulai \(2026-12-05 12:00\) \(periksa tanggal",
                     error), error


def test_event_with_an_unreadable_time_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "jam-kabur.md", Mulai="5 Desember jam 8 pagi")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"agenda/jam-kabur\.md:5: agenda-waktu: Waktu Mulai '5 Desember jam 8 pagi' "
                     r"tidak dapat dibaca \(tulis tanggal dan jam sebagai TTTT-BB-HH JJ:MM",
                     error), error


def test_event_mixing_a_time_and_a_whole_day_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "campur.md", Mulai="2026-12-05 08:00", Selesai="2026-12-06")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert "agenda/campur.md:6: agenda-waktu: Mulai dan Selesai ditulis dengan bentuk berbeda" \
        in error, error


def test_event_without_a_place_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "tanpa-tempat.md", Tempat=None)
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"agenda/tanpa-tempat\.md:1: agenda-kolom: Tempat acara \(Tempat\) tidak ada "
                     r"\(tambahkan baris `Tempat: …`", error), error


def test_event_linking_a_missing_attachment_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "tanpa-berkas.md", Lampiran="agenda/lampiran/hilang.pdf")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"agenda/tanpa-berkas\.md:9: lampiran-berkas: Lampiran "
                     r"'agenda/lampiran/hilang\.pdf' tidak ditemukan", error), error


def test_event_with_an_unknown_organiser_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "opd-salah.md", Category="Dinas Antah")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"agenda/opd-salah\.md:3: metadata-opd: Perangkat daerah 'Dinas Antah' "
                     r"tidak terdaftar", error), error


def test_event_slug_that_would_overwrite_the_whole_agenda_calendar_is_refused(
        content_dir, build_site, tmp_path):
    write(content_dir, "semua.md", Slug="agenda")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"agenda/semua\.md:2: url-ganda: .*kalender seluruh agenda", error), error


# --- The sample portal ------------------------------------------------------------------------

def test_sample_agenda_has_this_weeks_past_multi_day_and_interpreted_events(site):
    upcoming = listed(site, "agenda/index.html")
    past = listed(site, "agenda/lalu/index.html")
    assert len(upcoming) + len(past) >= 6 and len(past) >= 2
    calendar = calendar_of(site, "agenda.ics")
    events = calendar.walk("VEVENT")
    assert len(events) == len(upcoming) + len(past)
    first, last = datetime.date(2026, 12, 1), datetime.date(2026, 12, 7)

    def day(value):
        return value.date() if isinstance(value, datetime.datetime) else value

    def last_day(event):
        end = event.decoded("DTEND")
        # A whole-day DTEND is the day after; a timed one is its own day.
        return end - datetime.timedelta(days=1) if not isinstance(end, datetime.datetime) else \
            end.astimezone(JAKARTA).date()

    this_week = [e for e in events if day(e.decoded("DTSTART")) <= last and last_day(e) >= first]
    assert len(this_week) >= 3
    assert any(day(e.decoded("DTSTART")) != last_day(e) for e in events)
    assert any("juru bahasa isyarat" in str(e["DESCRIPTION"]).lower() for e in events)
