"""ppid: public-information documents, the Daftar Informasi Publik (DIP) and its open data.

Under UU 14/2008 and Perki 1/2021 every PPID publishes its public information in four categories,
lists it in a DIP, and keeps it accessible. Editors write one Markdown file per document in
content/ppid/dokumen/ and the standard PPID pages in content/ppid/halaman/; attachments live in
the content tree (content/ppid/lampiran/). The schema is warta.content.sections.ppid.schema, the checks
warta.content.sections.ppid.check, the open data warta.content.sections.ppid.open_data.

Why a generator of our own: content/ppid is outside ARTICLE_PATHS and PAGE_PATHS, so Pelican's
own generators never see it; this generator reads it with Pelican's readers (the same checked
Markdown reader as articles), validates the DIP fields, and writes the PPID home, the DIP with its
filter pages, one page per category and per document, and dip.json/dip.csv from the same rows.
"""

import functools
import logging
from pathlib import Path, PurePosixPath

from pelican import signals
from pelican.contents import Page

from warta.content.errors import ContentError, display_path
from warta.content.pdf import report_pdf_checks
from warta.content.sections import context as ctx
from warta.content.sections.agencies import agencies
from warta.content.sections.base import SectionGenerator, save_as
from warta.content.sections.ppid.check import check_document, report_freshness
from warta.content.sections.ppid.dip import DipFilter, PPIDCategory, PPIDSection, natural
from warta.content.sections.ppid.open_data import dip_csv, dip_json, document_row
from warta.content.sections.ppid.statistics import read_statistics

log = logging.getLogger(__name__)



class _PPIDContent:
    """What PPID pages and documents share: their address setting and `{ppid}` links."""

    url_setting = ""

    def set_address(self, settings):
        """The address comes from PPID_PAGE_URL or PPID_DOCUMENT_URL, not PAGE_URL."""
        self.override_url = settings[self.url_setting].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)

    def named_address(self, marker, rest, siteurl):
        # `{ppid}` in PPID Markdown links to the PPID section: `[DIP]({ppid}dip/)`. Pelican's
        # `{filename}` reaches other Markdown files only, and the DIP, its filter pages and the
        # category pages are generated. warta.content.links writes the result escaped.
        if marker != "ppid":
            return None
        return f"{siteurl.rstrip('/')}/{self.settings['PPID_URL']}{rest}"


class PPIDPage(_PPIDContent, Page):
    """A standard PPID page: Profil PPID, Maklumat Pelayanan, Tata Cara …"""

    default_template = "ppid/page"
    url_setting = "PPID_PAGE_URL"


class PPIDDocument(_PPIDContent, Page):
    """One entry of the Daftar Informasi Publik, with its HTML version as the body."""

    default_template = "ppid/document"
    url_setting = "PPID_DOCUMENT_URL"


def set_defaults(pelican):
    templates = pelican.settings.setdefault("PAGINATED_TEMPLATES", {})
    for template in PAGINATED:
        templates.setdefault(template, pelican.settings["PPID_PER_PAGE"])


PAGINATED = ("ppid/dip", "ppid/category")


class PPIDGenerator(SectionGenerator):
    """Reads content/ppid, checks every document, and writes the PPID section."""

    def generate_context(self):
        settings = self.settings
        self.categories = [
            PPIDCategory(
                **category,
                url=settings["PPID_CATEGORY_URL"].format(slug=category["slug"]),
                save_as=save_as(settings["PPID_CATEGORY_URL"].format(slug=category["slug"])),
            )
            for category in settings["PPID_CATEGORIES"]
        ]
        base = PurePosixPath(settings["PPID_PATH"])
        pages = self.read_folder(base / settings["PPID_PAGES_DIR"], PPIDPage)
        documents = [
            document
            for document in self.read_folder(base / settings["PPID_DOCUMENTS_DIR"], PPIDDocument)
            if check_document(document, self.categories, settings, Path(self.path).resolve())
        ]
        documents = self._drop_duplicate_numbers(documents)
        pages, documents = self._drop_address_clashes(pages, documents)
        order = {category.name: number for number, category in enumerate(self.categories)}
        documents.sort(key=lambda d: (order[d.ppid_category.name], natural(d.nomor)))
        for document in documents:
            document.ppid_category.documents.append(document)
        self.publish(pages + documents, lambda content: (
            a.path for a in getattr(content, "attachments", ())))
        report_freshness(documents, settings)
        self._report_pdfs(documents)
        self.pages = sorted(pages, key=lambda p: Path(p.source_path).name)
        self.documents = documents
        self.section = PPIDSection(
            url=settings["PPID_URL"],
            dip_url=settings["PPID_DIP_URL"],
            json_url=settings["PPID_DIP_JSON"],
            csv_url=settings["PPID_DIP_CSV"],
            contact_url=settings["WARTA_PPID_CONTACT_URL"],
            categories=self.categories,
            documents=documents,
            pages=self.pages,
            years=self._year_filters(documents),
            opds=self._opd_filters(documents),
            # The e-PPID's service statistics for the Laporan Layanan Informasi page, if any.
            statistics=read_statistics(settings),
        )
        self.context[ctx.PPID] = self.section

    # --- Checking one document ----------------------------------------------------------------


    def _drop_duplicate_numbers(self, documents):
        """Every DIP number is used once; a second use is an error naming the first."""
        seen = {}
        kept = []
        for document in sorted(documents, key=lambda d: d.source_path):
            key = document.nomor.casefold()
            if key in seen:
                log.error("%s", ContentError(
                    document.source_path,
                    f"Nomor {document.nomor!r} sudah dipakai oleh "
                    f"{display_path(seen[key].source_path)}",
                    "beri nomor lain yang belum dipakai; setiap informasi di Daftar Informasi "
                    "Publik punya nomor sendiri",
                    line=document.ppid_header.get("nomor", (1, ""))[0],
                    rule="ppid-nomor-ganda",
                ))
                continue
            seen[key] = document
            kept.append(document)
        return kept

    def _drop_address_clashes(self, pages, documents):
        """Two files must not be written to the same address, nor over a generated page."""
        settings = self.settings
        taken = {
            save_as(settings[key]): "halaman PPID buatan Warta"
            for key in ("PPID_URL", "PPID_DIP_URL")
        }
        taken.update({c.save_as: "halaman kategori PPID" for c in self.categories})

        def slug_line(content):
            return getattr(content, "ppid_header", {}).get("slug", (1, ""))[0]

        pages = self.drop_address_clashes(pages, taken, slug_line)
        return pages, self.drop_address_clashes(documents, taken, slug_line)


    def _report_pdfs(self, documents):
        """The attachment accessibility summary: one line, then one line per failing PDF."""
        report_pdf_checks(
            [(d.source_path, a) for d in documents for a in d.attachments if a.check is not None],
            "lampiran PDF PPID", "Lampiran", self.settings["PPID_PDF_STRICT"],
        )

    # --- Filters -----------------------------------------------------------------------------

    def _year_filters(self, documents):
        url = self.settings["PPID_DIP_YEAR_URL"]
        return [
            DipFilter("tahun", year, str(year), url.format(year=year),
                      save_as(url.format(year=year)),
                      [d for d in documents if d.tahun == year])  # in the DIP's own order
            for year in sorted({d.tahun for d in documents}, reverse=True)
        ]

    def _opd_filters(self, documents):
        url = self.settings["PPID_DIP_OPD_URL"]
        filters = []
        for agency in agencies(self.settings):
            members = [d for d in documents if d.opd == agency.name]
            if not members:
                continue
            address = url.format(slug=agency.slug)
            filters.append(DipFilter("opd", agency, agency.name, address, save_as(address),
                                     members))
        return filters

    # --- Writing -------------------------------------------------------------------------------

    def generate_output(self, writer):
        settings = self.settings
        siteurl = settings["SITEURL"]
        self.set_urls(a for document in self.documents for a in document.attachments)
        for document in self.documents:
            document.dip_row = document_row(document, siteurl)

        write = functools.partial(self.write, writer)

        def in_category_order(documents):
            # Pages of the DIP follow its grouping, so a category's rows are never split
            # between pages more than the page size forces.
            return [d for _, members in section.groups(documents) for d in members]

        section = self.section
        # Site search indexes single documents, not the lists of them (see base.html): a list
        # page would match every query its documents match.
        write(save_as(section.url), "ppid/index", section.url, search_indexed=False)
        write(save_as(section.dip_url), "ppid/dip", section.dip_url, search_indexed=False,
              dip_filter=None, dip_documents=self.documents,
              paginated={"dip_rows": in_category_order(self.documents)})
        for dip_filter in section.years + section.opds:
            write(dip_filter.save_as, "ppid/dip", dip_filter.url, search_indexed=False,
                  dip_filter=dip_filter, dip_documents=dip_filter.documents,
                  paginated={"dip_rows": in_category_order(dip_filter.documents)})
        for category in self.categories:
            write(category.save_as, "ppid/category", category.url, search_indexed=False,
                  category=category, paginated={"category_documents": category.documents})
        for document in self.documents:
            self.write_page(writer, document, "document")
        for page in self.pages:
            self.write(writer, page.save_as, page.template, page.url, page=page)

        if settings.get("PPID_FEED_ATOM"):
            # Newest first, so a feed reader shows new and updated information (Serta Merta
            # above all) as soon as it is published.
            newest = sorted(self.documents, key=lambda d: (d.last_updated, d.date), reverse=True)
            writer.write_feed(newest, self.context, settings["PPID_FEED_ATOM"],
                              feed_title="Informasi publik (PPID)")

        rows = [document.dip_row for document in self.documents]
        publisher = settings.get("WARTA_GOVERNMENT_NAME", settings["SITENAME"])
        for name, text in ((section.json_url, dip_json(rows, publisher)),
                           (section.csv_url, dip_csv(rows))):
            target = Path(self.output_path) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")



def get_generators(pelican):
    return PPIDGenerator


def register():
    # initialized: the settings exist but no generator has copied them yet, so every template
    # and generator sees the PPID_* defaults.
    signals.initialized.connect(set_defaults)
    # get_generators: our generator joins Pelican's, after articles and pages and before the
    # static files, which then copy the attachments we add to static_links.
    signals.get_generators.connect(get_generators)
