"""Announcements (pengumuman): current as of the build date, archived once their last day has
passed but still reachable, and every editor's mistake refused with its line."""

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import refused, soup_of
from pelican import signals

from warta import EXAMPLE
from warta.content.pdf import check_pdf

CONTENT = EXAMPLE / "content"
SAMPLE_PDF = CONTENT / "pengumuman" / "lampiran" / "formulir-bantuan-alat-bantu-2026.pdf"
ATOM = "{http://www.w3.org/2005/Atom}"
TODAY = "2026-12-01"  # always a fixed date, never the clock

ANNOUNCEMENT = {
    "Title": "Pengumuman uji",
    "Date": "2026-11-20 09:00",
    "Category": "Dinkes",
    "Slug": "pengumuman-uji",
    "Summary": "Ringkasan pengumuman uji.",
    "Berlaku_sampai": "2026-12-01",
}


def write(content_dir, name, body="Isi pengumuman uji.\n", **changes):
    """An announcement in content/pengumuman/ with ``changes`` (None leaves a field out)."""
    values = {**ANNOUNCEMENT, "Slug": Path(name).stem, "Title": f"Pengumuman {Path(name).stem}",
              **changes}
    lines = []
    for key, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                lines.append(f"{key}: {item}")
    path = content_dir / "pengumuman" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    return path


def words(element):
    return " ".join(element.get_text(" ").split()).replace("\xa0", " ")


def listed(site, page):
    """The announcement addresses a list page links to, in order."""
    return [a["href"] for a in soup_of(site, page).select("main .w-card-list a.w-card__link")]


@pytest.fixture
def notices_dir(content_dir):
    """The small test content plus three announcements: one whose last day is 1 December 2026,
    one that ended on 30 November, one without an end date."""
    write(content_dir, "sampai-hari-ini.md", Date="2026-11-20 09:00", Berlaku_sampai="2026-12-01")
    write(content_dir, "sudah-berakhir.md", Date="2026-11-10 09:00", Berlaku_sampai="2026-11-30")
    write(content_dir, "tanpa-batas.md", Date="2026-11-25 09:00", Berlaku_sampai=None)
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


# --- Current, archived, expired ---------------------------------------------------------------

def test_current_list_holds_announcements_in_force_on_the_build_date_newest_first(
        notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    assert listed(site, "pengumuman/index.html") == ["/pengumuman/tanpa-batas/",
                                                     "/pengumuman/sampai-hari-ini/"]


def test_archive_lists_every_announcement_and_marks_the_expired_ones(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    assert listed(site, "pengumuman/arsip/index.html") == [
        "/pengumuman/tanpa-batas/", "/pengumuman/sampai-hari-ini/", "/pengumuman/sudah-berakhir/"]
    cards = soup_of(site, "pengumuman/arsip/index.html").select("main .w-card")
    metas = [words(card.select_one(".w-card__meta")) for card in cards]
    assert "Berlaku tanpa batas waktu" in metas[0]
    assert "Berlaku sampai Selasa, 1 Desember 2026" in metas[1]
    assert "Berakhir Senin, 30 November 2026" in metas[2]
    assert cards[2].select_one("time[datetime='2026-11-30']") is not None


def test_announcement_leaves_the_current_list_on_the_first_build_after_its_last_day(
        notices_dir, build_site, tmp_path):
    on_last_day = build_site(notices_dir, tmp_path / "hari-terakhir", WARTA_TODAY="2026-12-01")
    day_after = build_site(notices_dir, tmp_path / "sehari-sesudah", WARTA_TODAY="2026-12-02")
    assert "/pengumuman/sampai-hari-ini/" in listed(on_last_day, "pengumuman/index.html")
    assert listed(day_after, "pengumuman/index.html") == ["/pengumuman/tanpa-batas/"]
    assert "/pengumuman/sampai-hari-ini/" in listed(day_after, "pengumuman/arsip/index.html")


def test_expired_announcement_keeps_its_page_marked_as_ended(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    main = soup_of(site, "pengumuman/sudah-berakhir/index.html").find("main")
    assert "Berakhir Senin, 30 November 2026" in words(main)
    assert "sudah berakhir" in words(main.select_one(".w-announcement-ended"))
    assert main.select_one(".w-announcement-ended a")["href"] == "/pengumuman/arsip/"


def test_lists_say_the_date_they_were_built_for(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    for page in ("pengumuman/index.html", "pengumuman/arsip/index.html"):
        as_of = soup_of(site, page).select_one("main .w-as-of")
        assert words(as_of) == "Keadaan per Selasa, 1 Desember 2026 .", page
        assert as_of.time["datetime"] == "2026-12-01"


def test_announcement_dated_after_the_build_date_is_not_yet_published(content_dir, build_site):
    write(content_dir, "terjadwal.md", Date="2026-12-05 09:00", Berlaku_sampai=None)
    write(content_dir, "hari-ini.md", Date="2026-12-01 09:00", Berlaku_sampai=None)
    site = build_site(content_dir, WARTA_TODAY=TODAY)
    assert listed(site, "pengumuman/arsip/index.html") == ["/pengumuman/hari-ini/"]
    assert not (site / "pengumuman" / "terjadwal").exists()


def test_announcement_page_names_its_agency_dates_and_is_in_site_search(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    soup = soup_of(site, "pengumuman/sampai-hari-ini/index.html")
    main = soup.find("main")
    assert main["data-pagefind-meta"] == "jenis:Pengumuman"
    assert main.select_one("time[datetime^='2026-11-20T09:00:00+07:00']") is not None
    agency = main.select_one(".w-article__meta a")
    assert (agency["href"], words(agency)) == ("/opd/dinas-kesehatan/", "Dinas Kesehatan")
    for page in ("pengumuman/index.html", "pengumuman/arsip/index.html"):
        assert not soup_of(site, page).find("main").has_attr("data-pagefind-body"), page


def test_feed_lists_every_announcement_newest_first(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    feed = ET.parse(site / "feed" / "pengumuman.atom.xml").getroot()
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert [link.rstrip("/").rsplit("/", 1)[-1] for link in links] == [
        "tanpa-batas", "sampai-hari-ini", "sudah-berakhir"]
    feeds = [link["href"] for link in soup_of(site, "pengumuman/index.html").find_all(
        "link", rel="alternate")]
    assert "/feed/pengumuman.atom.xml" in feeds


def test_pdf_attachment_is_checked_and_linked_with_its_format_and_size(content_dir, build_site):
    target = content_dir / "pengumuman" / "lampiran" / "formulir.pdf"
    target.parent.mkdir(parents=True)
    shutil.copy(SAMPLE_PDF, target)
    write(content_dir, "berlampiran.md", Lampiran="pengumuman/lampiran/formulir.pdf | Formulir uji")
    site = build_site(content_dir, WARTA_TODAY=TODAY)
    link = soup_of(site, "pengumuman/berlampiran/index.html").select_one("main .w-downloads__link")
    assert re.fullmatch(r"Unduh Formulir uji \(PDF, [\d,]+ KB, 1 halaman\)", words(link))
    assert (site / link["href"].lstrip("/")).read_bytes() == SAMPLE_PDF.read_bytes()


def test_agency_page_lists_its_current_announcements_only(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    section = soup_of(site, "opd/dinas-kesehatan/index.html").find(
        "section", attrs={"aria-labelledby": "pengumuman-opd"})
    links = [a["href"] for a in section.select("a.w-card__link")]
    assert links == ["/pengumuman/tanpa-batas/", "/pengumuman/sampai-hari-ini/"]
    assert section.select_one(".w-as-of time")["datetime"] == "2026-12-01"


def test_home_page_context_holds_current_announcements_and_the_build_date(
        notices_dir, build_site, captured_context):
    import datetime

    build_site(notices_dir, WARTA_TODAY=TODAY)
    assert [a.slug for a in captured_context["announcements_current"]] == [
        "tanpa-batas", "sampai-hari-ini"]
    assert captured_context["build_date"] == datetime.date(2026, 12, 1)
    assert captured_context["section_sizes"]["announcements"] == 3


def test_menu_links_to_announcements_once_there_are_any(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY)
    menu = [a["href"] for a in soup_of(site, "index.html").select("nav.w-nav a")]
    assert menu.index("/pengumuman/") == menu.index("/arsip/") + 1


def test_switched_off_announcements_write_nothing(notices_dir, build_site):
    site = build_site(notices_dir, WARTA_TODAY=TODAY, WARTA_SECTIONS=["agenda"],
                      WARTA_MENU=[("Beranda", ""), ("Berita", "arsip/")])
    assert not (site / "pengumuman").exists()
    assert not (site / "feed" / "pengumuman.atom.xml").exists()


# --- Bad input: each refused at its line, with the fix, the old output untouched ---------------

def test_valid_until_before_the_announcement_date_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "terbalik.md", Date="2026-11-20 09:00", Berlaku_sampai="2026-11-19")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"pengumuman/terbalik\.md:6: pengumuman-berlaku: Berlaku_sampai 2026-11-19 "
                     r"lebih awal daripada tanggal pengumuman \(Date: 2026-11-20\) \(tulis hari "
                     r"terakhir", error), error


def test_unreadable_valid_until_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "tanggal-kabur.md", Berlaku_sampai="akhir bulan")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"pengumuman/tanggal-kabur\.md:6: pengumuman-berlaku: Tanggal Berlaku_sampai "
                     r"'akhir bulan' tidak dapat dibaca \(tulis tanggal sebagai TTTT-BB-HH", error)


def test_missing_attachment_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "tanpa-berkas.md", Lampiran="pengumuman/lampiran/hilang.pdf")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"pengumuman/tanpa-berkas\.md:7: lampiran-berkas: Lampiran "
                     r"'pengumuman/lampiran/hilang\.pdf' tidak ditemukan \(periksa nama berkasnya",
                     error), error


def test_unknown_agency_is_refused_listing_the_registered_ones(content_dir, build_site, tmp_path):
    write(content_dir, "opd-salah.md", Category="Dinas Antah")
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"pengumuman/opd-salah\.md:3: metadata-opd: Perangkat daerah 'Dinas Antah' "
                     r"tidak terdaftar \(pilih salah satu dari: .*Dinkes", error), error


def test_announcement_without_summary_is_refused(content_dir, build_site, tmp_path):
    write(content_dir, "tanpa-ringkasan.md", Summary=None)
    error = refused(build_site, content_dir, tmp_path / "output", WARTA_TODAY=TODAY)
    assert re.search(r"pengumuman/tanpa-ringkasan\.md:1: pengumuman-kolom: Ringkasan \(Summary\) "
                     r"tidak ada \(tambahkan baris `Summary: …`", error), error


# --- The sample portal ------------------------------------------------------------------------

def sample_headers():
    headers = {}
    for path in sorted((CONTENT / "pengumuman").glob("*.md")):
        fields = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            fields[key.strip().lower()] = value.strip()
        headers[path.name] = fields
    return headers


def test_sample_announcements_cover_expired_open_ended_and_attached_ones():
    headers = sample_headers().values()
    assert len(headers) >= 6
    ended = [h for h in headers if h.get("berlaku_sampai", "9999") < "2026-12-01"]
    assert len(ended) >= 2
    assert any("berlaku_sampai" not in h for h in headers)
    attached = [h["lampiran"].split("|")[0].strip() for h in headers if "lampiran" in h]
    assert attached
    for relative in attached:
        check = check_pdf(CONTENT / relative)
        assert check.passed and check.tagged and check.lang == "id", relative


def test_sample_portal_lists_current_announcements_as_of_its_fixed_date(site):
    current = listed(site, "pengumuman/index.html")
    archive = listed(site, "pengumuman/arsip/index.html")
    assert len(archive) == len(sample_headers()) and 0 < len(current) <= len(archive) - 2
    as_of = soup_of(site, "pengumuman/index.html").select_one("main .w-as-of time")
    assert as_of["datetime"] == "2026-12-01"
