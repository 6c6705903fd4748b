"""agenda: the city's events from content/agenda/, as pages and as iCalendar files.

Editors write one Markdown file per event: when it starts and ends (`Mulai:`, `Selesai:`, in
the portal's TIMEZONE, or dates alone for whole days), where (`Tempat:`), who organises it
(`Category:`, as in news) and what the venue offers disabled citizens (`Aksesibilitas:`: sign
language interpreters, wheelchair access, accessible toilets), so a citizen can decide before
travelling whether they can take part (UU 8/2016 on the rights of persons with disabilities).
"""

import datetime
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import Page

from warta.content import ical
from warta.content.dates import TIME_FIX, build_date, day_of, parse_when
from warta.content.fields import FieldCheck, notice_attachments
from warta.content.pdf import report_pdf_checks
from warta.content.sections import context as ctx
from warta.content.sections.agenda import in_week, is_upcoming
from warta.content.sections.base import (
    SectionGenerator,
    generators_when_enabled,
    paginate,
    record_size,
    save_as,
)

log = logging.getLogger(__name__)

SINGLE_FIELDS = {
    "title": "Title", "slug": "Slug", "category": "Category", "summary": "Summary",
    "mulai": "Mulai", "selesai": "Selesai", "tempat": "Tempat", "aksesibilitas": "Aksesibilitas",
}
REQUIRED_FIELDS = [
    ("mulai", "Mulai", "Waktu mulai", "2026-12-05 08:00"),
    ("selesai", "Selesai", "Waktu selesai", "2026-12-05 12:00"),
    ("tempat", "Tempat", "Tempat acara", "Aula Balai Kota, Jl. Contoh Raya No. 1"),
    ("category", "Category", "Perangkat daerah penyelenggara", "Diskominfo"),
    ("summary", "Summary", "Ringkasan", "Satu atau dua kalimat tentang acara ini."),
]
RULE = "agenda-kolom"


class AgendaEvent(Page):
    """One event; its body says what happens there and how to take part."""

    default_template = "agenda/event"

    def set_address(self, settings):
        self.override_url = settings["AGENDA_PAGE_URL"].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)
        self.ics_url = settings["AGENDA_EVENT_ICS_URL"].format(slug=self.slug)


class AgendaGenerator(SectionGenerator):
    """Reads content/agenda, checks every event, writes the upcoming and past lists, each
    event's page and the iCalendar files."""

    def generate_context(self):
        settings = self.settings
        self.today = build_date(settings)
        self.timezone = settings.get("TIMEZONE") or "UTC"
        self.content_root = Path(self.path).resolve()
        events = [e for e in self.read_folder(settings["AGENDA_PATH"], AgendaEvent)
                  if self._check(e)]
        taken = {save_as(settings[key]): "daftar agenda"
                 for key in ("AGENDA_URL", "AGENDA_PAST_URL")}
        # A slug whose .ics would be the whole agenda's file, or a list's later page.
        for slug, what in (("agenda", "kalender seluruh agenda"),
                           ("halaman", "halaman berikutnya daftar agenda")):
            taken[save_as(settings["AGENDA_PAGE_URL"].format(slug=slug))] = what
        events = self.drop_address_clashes(
            sorted(events, key=lambda e: e.source_path), taken,
            lambda e: e.notice_header.get("slug", (1, ""))[0])
        events.sort(key=lambda e: (self._instant(e.start), self._instant(e.end), e.slug))
        self.publish(events, lambda e: (d.path for d in e.attachments))
        report_pdf_checks(
            [(e.source_path, d) for e in events for d in e.attachments if d.check is not None],
            "lampiran PDF agenda", "Lampiran", settings["PPID_PDF_STRICT"])
        self.events = events
        self.upcoming = [e for e in events if is_upcoming(e, self.today)]
        # Most recently ended first: what a citizen who just missed an event looks for.
        self.past = sorted((e for e in events if not is_upcoming(e, self.today)),
                           key=lambda e: (self._instant(e.end), self._instant(e.start), e.slug),
                           reverse=True)
        self.context[ctx.AGENDA_UPCOMING] = self.upcoming
        self.context[ctx.AGENDA_PAST] = self.past
        self.context[ctx.AGENDA_THIS_WEEK] = [e for e in self.upcoming
                                            if in_week(e, self.today)]
        record_size(self.context, "agenda", len(events))

    def _instant(self, value):
        """A sortable datetime for a date (the day's start in the portal's zone) or datetime."""
        if isinstance(value, datetime.datetime):
            return value
        return datetime.datetime(value.year, value.month, value.day,
                                         tzinfo=ZoneInfo(self.timezone))

    def _check(self, event):
        """Validate one event and fill in what its page needs; True if valid."""
        check = FieldCheck(event.source_path)
        event.notice_header = check.header
        meta = event.metadata
        if not check.written_once(meta, SINGLE_FIELDS, RULE):
            return check.report()
        check.required(meta, REQUIRED_FIELDS, RULE)
        agency = check.agency("category", str(meta.get("category") or "").strip(), self.settings)
        start, start_day = self._when(check, meta, "mulai", "Mulai")
        end, end_day = self._when(check, meta, "selesai", "Selesai")
        if start is not None and end is not None:
            if start_day != end_day:
                check.fail("selesai", "Mulai dan Selesai ditulis dengan bentuk berbeda: satu "
                           "dengan jam, satu tanpa jam",
                           "tulis keduanya dengan jam (TTTT-BB-HH JJ:MM), atau keduanya tanpa "
                           "jam untuk acara sehari penuh", rule="agenda-waktu")
            elif end < start or (end == start and not start_day):
                check.fail("selesai", f"Acara selesai ({meta['selesai']}) sebelum atau tepat "
                           f"saat mulai ({meta['mulai']})",
                           "periksa tanggal dan jam di baris `Mulai:` dan `Selesai:`; Selesai "
                           "harus sesudah Mulai", rule="agenda-waktu")
        found = notice_attachments(check, meta, self.content_root, self.settings,
                                    event.title, self.settings["AGENDA_PATH"])
        if not check.report():
            return False
        event.opd = agency
        event.start, event.end, event.all_day = start, end, bool(start_day)
        event.multi_day = day_of(start) != day_of(end)
        event.place = str(meta["tempat"]).strip()
        event.accessibility = str(meta.get("aksesibilitas") or "").strip()
        event.attachments = found
        return True

    def _when(self, check, meta, key, written):
        """(date or datetime, whole day) for a time field, or (None, None) with a problem."""
        value = meta.get(key)
        if value is None or not str(value).strip():
            return None, None  # `required` has reported it
        when, whole_day = parse_when(value, self.timezone)
        if when is None:
            check.fail(key, f"Waktu {written} {str(value)!r} tidak dapat dibaca",
                       TIME_FIX.format(key=written), rule="agenda-waktu")
        return when, whole_day

    def generate_output(self, writer):
        settings = self.settings
        self.set_urls(d for e in self.events for d in e.attachments)
        for url, items, past in ((settings["AGENDA_URL"], self.upcoming, False),
                                 (settings["AGENDA_PAST_URL"], self.past, True)):
            self.write_list(writer, "agenda/list", url, paginated={"events": items}, past=past,
                            today=self.today)
        for event in self.events:
            self.write_page(writer, event, "event", search_kind="Agenda")
        name = f"Agenda {settings.get('WARTA_GOVERNMENT_NAME') or settings['SITENAME']}"
        files = [(event.ics_url, [event]) for event in self.events]
        files.append((settings["AGENDA_ICS_URL"], self.events))
        for url, events in files:
            target = Path(self.output_path) / url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(ical.event_calendar(events, settings, name.strip()))


set_defaults = paginate("agenda/list")
get_generators = generators_when_enabled("agenda", AgendaGenerator)


def register():
    # initialized: the settings exist but no generator has copied them yet.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's before the static files, which then copy the
    # attachments we add to static_links; the agency pages read our lists from the context.
    signals.get_generators.connect(get_generators)
