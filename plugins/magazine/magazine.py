"""magazine: digital magazine and newspaper editions (Majalah / Koran digital).

Editors write one Markdown file per edition in content/majalah/: the publication (one of
MAGAZINE_PUBLICATIONS), the edition number, the cover with its alt text, the PDF, the table of
contents with page numbers, and the slugs of articles also published as news. The PDF must
exist and pass the same accessibility check as PPID attachments (warta/content/pdf.py: text
layer, title, language; tags reported): a magazine that is only pictures of pages is the
barrier this refuses. The edition's page gives the cover, the contents as HTML and the
download link, so the PDF is never the only way in.
"""

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.contents import Page
from pelican.utils import slugify

from warta.content.downloads import measure
from warta.content.errors import ContentError, display_path
from warta.content.fields import FieldCheck, header_lines
from warta.content.pdf import UnreadablePdf, report_pdf_checks
from warta.content.sections import context as ctx
from warta.content.sections.base import (
    SectionGenerator,
    generators_when_enabled,
    paginate,
    plain,
    record_size,
    save_as,
)

log = logging.getLogger(__name__)

# "4 | Laporan utama: rumah layak huni", optionally "| <slug>" of the news article it printed.
CONTENTS_ENTRY = re.compile(r"^\s*(\d+)\s*\|\s*([^|]*?\S)\s*(?:\|\s*([^|\s]+)\s*)?$")
CONTENTS_FIX = ("tulis satu baris `Contents:` untuk setiap isi, dengan nomor halaman lalu "
                "judulnya, misalnya `Contents: 4 | Laporan utama: rumah layak huni`; bila isinya "
                "juga terbit sebagai berita, tambahkan slug beritanya: "
                "`Contents: 4 | Laporan utama: rumah layak huni | serah-terima-rutilahu-2025`")
SINGLE_FIELDS = {
    "title": "Title", "slug": "Slug", "date": "Date", "publication": "Publication",
    "edition": "Edition", "summary": "Summary", "cover": "Cover", "cover_alt": "Cover_alt",
    "pdf": "PDF",
}
REQUIRED_FIELDS = [
    ("date", "Date", "Tanggal terbit", "2025-09-01"),
    ("edition", "Edition", "Nomor edisi", "8"),
]


@dataclass
class Publication:
    """A magazine or newspaper the city publishes, with its editions newest first."""

    name: str
    slug: str
    kind: str  # "Majalah" or "Koran": how citizens call it
    description: str
    url: str
    save_as: str
    editions: list = field(default_factory=list)


@dataclass
class MagazineSection:
    """Everything the magazine templates need, in the context as `magazine_section`."""

    name: str
    description: str
    url: str
    publications: list


class Edition(Page):
    """One edition of a publication; its body, when there is one, is the editors' foreword."""

    default_template = "magazine/edition"

    def set_address(self, settings):
        """`majalah/<publication>/edisi-<number>/` unless the file gives its own Slug."""
        name = str(self.metadata.get("publication") or "").strip()
        publication = next((p["slug"] for p in settings["MAGAZINE_PUBLICATIONS"]
                            if p["name"] == name), slugify(name or "terbitan"))
        if "slug" not in self.metadata:
            self.slug = slugify(f"edisi {self.metadata.get('edition') or ''}",
                                regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
        self.override_url = settings["MAGAZINE_EDITION_URL"].format(
            publication=publication, slug=self.slug)
        self.override_save_as = save_as(self.override_url)


class MagazineGenerator(SectionGenerator):
    """Reads content/majalah, refuses editions without their PDF or accessibility, writes them."""

    def generate_context(self):
        settings = self.settings
        self.locale = settings["WARTA_LOCALE"]
        self.content_root = Path(self.path).resolve()
        self.publications = {
            p["name"]: Publication(
                **p,
                url=settings["MAGAZINE_PUBLICATION_URL"].format(publication=p["slug"]),
                save_as=save_as(settings["MAGAZINE_PUBLICATION_URL"].format(publication=p["slug"])),
            )
            for p in settings["MAGAZINE_PUBLICATIONS"]
        }
        # Articles are read before us (our generator comes after Pelican's), so an edition can
        # link the news it also printed.
        self.articles = {article.slug: article for article in self.context.get("articles", [])}
        editions = [edition for edition in self.read_folder(settings["MAGAZINE_PATH"], Edition)
                    if self._check(edition)]
        editions = self._drop_duplicate_editions(editions)
        taken = {save_as(settings["MAGAZINE_URL"]): "daftar majalah dan koran"}
        taken.update({p.save_as: f"daftar edisi {p.name}" for p in self.publications.values()})
        editions = self.drop_address_clashes(
            sorted(editions, key=lambda e: e.source_path), taken,
            lambda edition: edition.media_header.get("slug", (1, ""))[0],
        )
        # Newest first, in every list: readers come for the latest edition.
        editions.sort(key=lambda e: e.date, reverse=True)
        for edition in editions:
            edition.publication.editions.append(edition)
        self.publish(editions, lambda edition: (edition.pdf.path, edition.cover))
        report_pdf_checks([(e.source_path, e.pdf) for e in editions],
                          "PDF majalah dan koran digital", "PDF", settings["MAGAZINE_PDF_STRICT"])
        self.editions = editions
        self.section = MagazineSection(
            name=settings["MAGAZINE_SECTION_NAME"],
            description=settings["MAGAZINE_SECTION_DESCRIPTION"],
            url=settings["MAGAZINE_URL"],
            publications=[p for p in self.publications.values() if p.editions],
        )
        self.context[ctx.MAGAZINE_SECTION] = self.section
        record_size(self.context, "magazines", len(editions))

    # --- Checking one edition -------------------------------------------------------------------

    def _check(self, edition):
        """Validate one edition, fill in what its page needs, log every problem; True if valid."""
        check = FieldCheck(edition.source_path)
        edition.media_header = check.header
        meta = edition.metadata
        if not check.written_once(meta, SINGLE_FIELDS, "majalah-kolom"):  # the checks below read single values
            return check.report()
        check.required(meta, REQUIRED_FIELDS, "majalah-kolom")
        publication = self._check_publication(meta, check)
        if not meta.get("cover"):
            check.fail("cover", "Gambar sampul edisi (Cover) tidak ada",
                       "tambahkan baris `Cover: majalah/berkas/nama-sampul.webp` dan "
                       "`Cover_alt: …` yang menuliskan teks di sampul", rule="majalah-sampul")
        pdf = self._check_pdf(meta, publication, check)
        articles = self._check_articles(meta, check)
        contents = self._check_contents(meta, check, pdf, articles)
        if not check.report():
            return False
        edition.publication = publication
        edition.number = str(meta["edition"]).strip()
        edition.heading = f"{publication.name} Edisi {edition.number}"
        edition.pdf = pdf
        edition.table_of_contents = contents
        edition.news = articles
        return True

    def _check_publication(self, meta, check):
        name = str(meta.get("publication") or "").strip()
        names = ", ".join(self.publications)
        if not name:
            check.fail("publication", "Nama terbitan (Publication) tidak ada",
                       f"tambahkan baris `Publication: …` dengan salah satu dari: {names}",
                       rule="majalah-kolom")
            return None
        if name not in self.publications:
            check.fail("publication", f"Terbitan {name!r} tidak terdaftar",
                       f"pilih salah satu dari: {names}; daftarnya ada di MAGAZINE_PUBLICATIONS "
                       "di pelicanconf.py", rule="majalah-kolom")
            return None
        return self.publications[name]

    def _check_pdf(self, meta, publication, check):
        """The edition's PDF as a Download, measured and checked, or None."""
        relative = meta.get("pdf")
        if not relative:
            check.fail("pdf", "Berkas PDF edisi (PDF) tidak ada",
                       "tambahkan baris `PDF: majalah/berkas/nama-edisi.pdf` dengan berkas PDF "
                       "edisi ini; jalurnya dihitung dari folder content/", rule="majalah-pdf")
            return None
        source = check.named_file("pdf", relative, self.content_root, "Berkas PDF", "edisi",
                                  "PDF: majalah/berkas/nama-edisi.pdf", {"pdf": "PDF bertag"},
                                  rule="majalah-pdf")
        if source is None:
            return None
        label = f"{publication.name} Edisi {meta.get('edition')}" if publication else "edisi ini"
        try:
            return measure(source, self.content_root, label, "PDF", line=check.line("pdf"),
                           locale=self.locale)
        except UnreadablePdf as exc:
            check.fail("pdf", f"PDF {relative!r}: {exc}", exc.fix, rule=exc.rule)
            return None

    def _check_contents(self, meta, check, pdf, printed):
        """The table of contents: [(page, title, article or None)] in the order written.

        An entry links to the news article it printed, so a reader of the contents reaches the
        story in HTML without the PDF: the one its line names by slug, else a news article of
        the edition (``printed``) or of the portal with the same title.
        """
        entries = meta.get("contents") or []
        if isinstance(entries, str):
            entries = [entries]
        if not entries:
            check.fail("contents", "Daftar isi (Contents) tidak ada", CONTENTS_FIX,
                       rule="majalah-daftar-isi")
            return []
        contents = []
        lines = header_lines(check.text, "contents") + [None] * len(entries)
        for entry, at in zip(entries, lines, strict=False):  # lines is padded to be long enough
            match = CONTENTS_ENTRY.match(entry)
            if not match:
                check.fail("contents", f"Baris daftar isi {entry!r} tidak dapat dibaca",
                           CONTENTS_FIX, at, rule="majalah-daftar-isi")
                continue
            page, title, slug = int(match.group(1)), match.group(2), match.group(3)
            article = self.articles.get(slug) if slug else self._same_title(title, printed)
            if slug and article is None:
                check.fail("contents", f"Berita {slug!r} di daftar isi tidak ditemukan",
                           "tulis slug berita yang sudah terbit, yaitu bagian terakhir alamatnya "
                           "(berita/2025/<slug>/), atau hapus bagian `| …` terakhir", at,
                           rule="majalah-berita")
                continue
            if pdf is not None and not 1 <= page <= pdf.pages:
                check.fail("contents", f"Daftar isi menunjuk halaman {page}, padahal PDF-nya "
                           f"{pdf.pages} halaman", "periksa nomor halaman di daftar isi", at,
                           rule="majalah-daftar-isi")
                continue
            contents.append((page, title, article))
        return contents

    def _same_title(self, title, printed):
        """The article titled ``title`` (case, punctuation and spacing aside), or None."""
        wanted = _title_key(title)
        for article in list(printed) + list(self.articles.values()):
            if _title_key(plain(article.title)) == wanted:
                return article
        return None

    def _check_articles(self, meta, check):
        """The news articles this edition also printed, by slug, in the order written."""
        entries = meta.get("articles") or []
        if isinstance(entries, str):
            entries = [entries]
        slugs = [slug.strip() for entry in entries for slug in entry.split(",") if slug.strip()]
        found = []
        for slug in slugs:
            if slug not in self.articles:
                check.fail("articles", f"Berita {slug!r} tidak ditemukan",
                           "tulis slug berita yang sudah terbit, yaitu bagian terakhir alamatnya "
                           "(berita/2025/<slug>/), dipisahkan koma", rule="majalah-berita")
                continue
            found.append(self.articles[slug])
        return found

    def _drop_duplicate_editions(self, editions):
        """Each edition number appears once per publication; a second one names the first."""
        seen, kept = {}, []
        for edition in sorted(editions, key=lambda e: e.source_path):
            key = (edition.publication.name, edition.number.casefold())
            if key in seen:
                log.error("%s", ContentError(
                    edition.source_path,
                    f"{edition.heading} sudah ada di {display_path(seen[key].source_path)}",
                    "periksa nomor edisinya (Edition); setiap edisi punya nomor sendiri",
                    line=edition.media_header.get("edition", (1, ""))[0],
                    rule="majalah-edisi-ganda",
                ))
                continue
            seen[key] = edition
            kept.append(edition)
        return kept

    # --- Writing -------------------------------------------------------------------------------

    def generate_output(self, writer):
        self.set_urls(edition.pdf for edition in self.editions)
        section = self.section
        self.write_list(writer, "magazine/index", section.url)
        for publication in section.publications:
            self.write(writer, publication.save_as, "magazine/publication", publication.url,
                       paginated={"editions": publication.editions}, publication=publication,
                       search_indexed=False)
        for edition in self.editions:
            self.write_page(writer, edition, "edition")


def _title_key(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


set_defaults = paginate("magazine/publication")
get_generators = generators_when_enabled("magazines", MagazineGenerator)


def register():
    # initialized: the settings exist but no generator has copied them yet.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's after articles and pages (an edition links the
    # news it printed) and before the static files, which then copy the PDFs we add to
    # static_links.
    signals.get_generators.connect(get_generators)
