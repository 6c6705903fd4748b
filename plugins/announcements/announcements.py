"""announcements: the city's announcements (pengumuman) from content/pengumuman/.

Editors write one Markdown file per announcement: who announces it (`Category:`, an agency's
`Singkatan:` as in news), a summary, optionally the last day it applies (`Berlaku_sampai:`) and
attachments (`Lampiran:`). The current list shows those still in force on the build date; once
that day has passed an announcement leaves it (and the home page) on the next build, but keeps
its page and its place in the archive, so links in letters and chat messages keep working.
"""

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Page

from warta.content.dates import DATE_FIX, build_date, parse_date
from warta.content.fields import FieldCheck, notice_attachments
from warta.content.pdf import report_pdf_checks
from warta.content.sections import context as ctx
from warta.content.sections.announcements import is_current
from warta.content.sections.base import (
    SectionGenerator,
    generators_when_enabled,
    paginate,
    record_size,
    save_as,
)

log = logging.getLogger(__name__)

# Fields written once: {metadata key: as editors write it}.
SINGLE_FIELDS = {
    "title": "Title", "slug": "Slug", "date": "Date", "category": "Category",
    "summary": "Summary", "berlaku_sampai": "Berlaku_sampai",
}
# Required fields: (metadata key, as written, what it is, an example).
REQUIRED_FIELDS = [
    ("date", "Date", "Tanggal pengumuman", "2026-11-20 09:00"),
    ("category", "Category", "Perangkat daerah yang mengumumkan", "Diskominfo"),
    ("summary", "Summary", "Ringkasan", "Satu atau dua kalimat tentang isi pengumuman."),
]
RULE = "pengumuman-kolom"


class Announcement(Page):
    """One announcement; its body is the full text."""

    default_template = "announcements/announcement"

    def set_address(self, settings):
        self.override_url = settings["ANNOUNCEMENTS_PAGE_URL"].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)


class AnnouncementGenerator(SectionGenerator):
    """Reads content/pengumuman, checks every announcement, writes the current list, the
    archive, each announcement's page and the feed."""

    def generate_context(self):
        settings = self.settings
        self.today = build_date(settings)
        self.content_root = Path(self.path).resolve()
        found = [a for a in self.read_folder(settings["ANNOUNCEMENTS_PATH"], Announcement)
                 if self._check(a)]
        # Dated after the build date: scheduled, like a future-dated article, and only the
        # editors' preview shows it.
        if not settings.get("WARTA_PREVIEW"):
            found = [a for a in found if a.date.date() <= self.today]
        urls = {key: settings[key] for key in ("ANNOUNCEMENTS_URL", "ANNOUNCEMENTS_ARCHIVE_URL")}
        # The lists' own pages and their later pages (…/halaman/2/) are not free for a slug.
        taken = {save_as(url): "daftar pengumuman" for url in urls.values()}
        taken[save_as(settings["ANNOUNCEMENTS_PAGE_URL"].format(slug="halaman"))] = \
            "halaman berikutnya daftar pengumuman"
        found = self.drop_address_clashes(
            sorted(found, key=lambda a: a.source_path), taken,
            lambda a: a.notice_header.get("slug", (1, ""))[0])
        found.sort(key=lambda a: (a.date, a.slug), reverse=True)
        for announcement in found:
            announcement.expired = not is_current(announcement, self.today)
        self.publish(found, lambda a: (d.path for d in a.attachments))
        report_pdf_checks(
            [(a.source_path, d) for a in found for d in a.attachments if d.check is not None],
            "lampiran PDF pengumuman", "Lampiran", settings["PPID_PDF_STRICT"])
        self.announcements = found
        self.current = [a for a in found if not a.expired]
        self.context[ctx.ANNOUNCEMENTS_CURRENT] = self.current
        self.context[ctx.ANNOUNCEMENTS_ALL] = found
        record_size(self.context, "announcements", len(found))

    def _check(self, announcement):
        """Validate one announcement and fill in what its page needs; True if valid."""
        check = FieldCheck(announcement.source_path)
        announcement.notice_header = check.header
        meta = announcement.metadata
        if not check.written_once(meta, SINGLE_FIELDS, RULE):
            return check.report()
        check.required(meta, REQUIRED_FIELDS, RULE)
        agency = check.agency("category", str(meta.get("category") or "").strip(), self.settings)
        until = None
        written = meta.get("berlaku_sampai")
        if written is not None and str(written).strip():
            until = parse_date(written)
            if until is None:
                check.fail("berlaku_sampai", f"Tanggal Berlaku_sampai {str(written)!r} tidak "
                           "dapat dibaca", DATE_FIX.format(key="Berlaku_sampai"),
                           rule="pengumuman-berlaku")
            elif getattr(announcement, "date", None) and until < announcement.date.date():
                check.fail("berlaku_sampai",
                           f"Berlaku_sampai {until.isoformat()} lebih awal daripada tanggal "
                           f"pengumuman (Date: {announcement.date.date().isoformat()})",
                           "tulis hari terakhir pengumuman ini berlaku, pada atau sesudah "
                           "tanggal di baris `Date:`", rule="pengumuman-berlaku")
        found = notice_attachments(check, meta, self.content_root, self.settings,
                                    announcement.title, self.settings["ANNOUNCEMENTS_PATH"])
        if not check.report():
            return False
        announcement.opd = agency
        announcement.valid_until = until
        announcement.attachments = found
        return True

    def generate_output(self, writer):
        settings = self.settings
        self.set_urls(d for a in self.announcements for d in a.attachments)
        for url, items, archive in ((settings["ANNOUNCEMENTS_URL"], self.current, False),
                                    (settings["ANNOUNCEMENTS_ARCHIVE_URL"], self.announcements, True)):
            self.write_list(writer, "announcements/list", url,
                            paginated={"announcements": items}, archive=archive, today=self.today)
        for announcement in self.announcements:
            self.write_page(writer, announcement, "announcement", search_kind="Pengumuman")
        if settings.get("ANNOUNCEMENTS_FEED_ATOM"):
            writer.write_feed(self.announcements, self.context,
                              settings["ANNOUNCEMENTS_FEED_ATOM"], feed_title="Pengumuman")


set_defaults = paginate("announcements/list")
get_generators = generators_when_enabled("announcements", AnnouncementGenerator)


def register():
    # initialized: the settings exist but no generator has copied them yet.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's before the static files, which then copy the
    # attachments we add to static_links.
    signals.get_generators.connect(get_generators)
