"""ppid: public-information documents, the Daftar Informasi Publik (DIP) and its open data.

Under UU 14/2008 and Perki 1/2021 every PPID publishes its public information in four categories,
lists it in a DIP, and keeps it accessible (issue 3). Editors write one Markdown file per document
in content/ppid/dokumen/ and the standard PPID pages in content/ppid/halaman/; attachments live
in the content tree (content/ppid/lampiran/).

Why a generator of our own: content/ppid is outside ARTICLE_PATHS and PAGE_PATHS, so Pelican's
own generators never see it; this generator reads it with Pelican's readers (the same checked
Markdown reader as articles), validates the DIP fields, and writes the PPID home, the DIP with its
filter pages, one page per category and per document, and dip.json/dip.csv from the same rows.
"""

import datetime
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from markupsafe import escape
from pelican import signals
from pelican.contents import Page
from pelican.urlwrappers import Category

# Both plugins are listed before this one in PLUGINS, so Pelican has imported them already.
from content_check.content_check import FieldCheck, header_lines
from indonesian_dates.indonesian_dates import short_date
from warta.downloads import measure
from warta.errors import WARNING, ContentError, display_path
from warta.pdf_check import UnreadablePdf, report_pdf_checks
from warta.sections import SectionGenerator, plain, save_as

from .open_data import FIELDS, dip_csv, dip_json, document_row

log = logging.getLogger(__name__)

# The four categories of UU 14/2008 (Pasal 9, 10, 11 and 17), explained in plain Indonesian.
# They are the law, the same for every agency; a setting can still reword them.
CATEGORIES = [
    {
        "name": "Berkala",
        "slug": "informasi-berkala",
        "title": "Informasi Berkala",
        "summary": "Informasi yang kami umumkan secara rutin, paling lambat setiap enam bulan.",
        "description": [
            "Informasi berkala adalah informasi yang wajib kami umumkan secara rutin tanpa "
            "perlu Anda minta, dan kami perbarui paling lambat setiap enam bulan (Undang-Undang "
            "Nomor 14 Tahun 2008 Pasal 9).",
            "Contohnya profil dan program kerja perangkat daerah, laporan kinerja, laporan "
            "keuangan, dan laporan layanan informasi publik.",
        ],
    },
    {
        "name": "Serta Merta",
        "slug": "informasi-serta-merta",
        "title": "Informasi Serta Merta",
        "summary": "Informasi yang menyangkut keselamatan orang banyak, diumumkan segera.",
        "description": [
            "Informasi serta merta adalah informasi yang dapat mengancam hajat hidup orang banyak "
            "dan ketertiban umum. Kami wajib mengumumkannya segera, tanpa penundaan (Undang-Undang "
            "Nomor 14 Tahun 2008 Pasal 10).",
            "Contohnya peringatan dini bencana, kejadian luar biasa penyakit, dan peringatan "
            "tentang pangan yang tidak aman.",
        ],
    },
    {
        "name": "Tersedia Setiap Saat",
        "slug": "informasi-setiap-saat",
        "title": "Informasi Tersedia Setiap Saat",
        "summary": "Informasi yang kami simpan dan berikan kapan pun Anda memintanya.",
        "description": [
            "Informasi yang tersedia setiap saat adalah informasi yang kami simpan dan siapkan "
            "untuk diberikan kapan pun Anda memintanya (Undang-Undang Nomor 14 Tahun 2008 "
            "Pasal 11).",
            "Contohnya keputusan dan kebijakan, prosedur kerja, perjanjian dengan pihak ketiga, "
            "dan data. Sebagian sudah kami terbitkan di sini; yang belum terbit dapat Anda minta "
            "melalui permohonan informasi.",
        ],
    },
    {
        "name": "Dikecualikan",
        "slug": "informasi-dikecualikan",
        "title": "Informasi yang Dikecualikan",
        "summary": "Informasi yang tertutup untuk umum, dengan dasar hukum dan uji konsekuensinya.",
        "description": [
            "Informasi yang dikecualikan adalah informasi yang tidak dapat dibuka untuk umum, "
            "karena membukanya dapat merugikan kepentingan yang dilindungi undang-undang, "
            "misalnya rahasia pribadi seseorang, penegakan hukum, atau persaingan usaha yang "
            "sehat (Undang-Undang Nomor 14 Tahun 2008 Pasal 17). Pengecualian bersifat ketat "
            "dan terbatas, dan setiap pengecualian "
            "ditetapkan melalui uji konsekuensi.",
            "Daftar ini mencatat dasar hukum dan uji konsekuensi setiap informasi yang "
            "dikecualikan; isi informasinya tidak kami terbitkan. Bila Anda tidak setuju, Anda "
            "dapat mengajukan permohonan informasi, lalu keberatan.",
        ],
    },
]
EXEMPT = "Dikecualikan"

# Defaults, filled in one place (the `initialized` signal below). pelicanconf.py overrides them.
DEFAULTS = {
    "PPID_PATH": "ppid",  # content/ppid
    "PPID_DOCUMENTS_DIR": "dokumen",  # content/ppid/dokumen: one Markdown file per document
    "PPID_PAGES_DIR": "halaman",  # content/ppid/halaman: Profil PPID, Maklumat, …
    "PPID_URL": "ppid/",
    "PPID_DIP_URL": "ppid/dip/",
    "PPID_DIP_YEAR_URL": "ppid/dip/tahun/{year}/",
    "PPID_DIP_OPD_URL": "ppid/dip/opd/{slug}/",
    "PPID_CATEGORY_URL": "ppid/{slug}/",
    "PPID_DOCUMENT_URL": "ppid/dokumen/{slug}/",
    "PPID_PAGE_URL": "ppid/{slug}/",
    "PPID_DIP_JSON": "ppid/dip.json",
    "PPID_DIP_CSV": "ppid/dip.csv",
    "PPID_CATEGORIES": CATEGORIES,
    # Rows per page of the DIP and its filters, and documents per category page. A DIP of
    # hundreds of rows on one page took axe over 5 s and is a long page for anyone to read;
    # the JSON and CSV still hold the whole list (issue 6: paginate every list).
    "PPID_PER_PAGE": 25,
    # Attachment formats by file extension: the name shown in "Unduh … (PDF, 1,2 MB)".
    "PPID_ATTACHMENT_FORMATS": {
        "pdf": "PDF",
        "xlsx": "XLSX",
        "xls": "XLS",
        "docx": "DOCX",
        "doc": "DOC",
        "odt": "ODT",
        "ods": "ODS",
        "csv": "CSV",
        "zip": "ZIP",
    },
    # UU 14/2008 Pasal 9 ayat (4): Berkala information is updated at least every six months.
    "PPID_BERKALA_MAX_AGE_MONTHS": 6,
    # True turns the freshness warnings (stale Berkala, retention passed) into build failures.
    "PPID_STRICT": False,
    # True turns inaccessible PDF attachments into build failures; by default they are warnings.
    "PPID_PDF_STRICT": False,
    # The date freshness is measured against: None is today in TIMEZONE (tests fix it).
    "PPID_TODAY": None,
}

# The DIP fields every document must have: (metadata key, as editors write it, what it is in the
# DIP, an example value for the fix).
REQUIRED_FIELDS = [
    ("nomor", "Nomor", "nomor di Daftar Informasi Publik", "B-001"),
    ("kategori", "Kategori", "kategori informasi", "Berkala"),
    ("ringkasan", "Ringkasan", "ringkasan isi informasi", "Laporan realisasi anggaran tahun 2025"),
    ("opd", "OPD", "perangkat daerah pemilik", "Diskominfo"),
    ("dikuasai_oleh", "Dikuasai_oleh", "pejabat atau unit yang menguasai informasi",
     "Sekretariat Dinas Kesehatan"),
    ("penanggung_jawab", "Penanggung_jawab", "penanggung jawab pembuatan atau penerbitan",
     "Kepala Dinas Kesehatan"),
    ("date", "Date", "waktu pembuatan", "2025-06-30"),
    ("tempat", "Tempat", "tempat pembuatan", "Kota Contoh"),
    ("bentuk", "Bentuk", "bentuk informasi", "Softcopy dan hardcopy"),
    ("retensi", "Retensi", "jangka waktu penyimpanan (retensi)", "5 tahun"),
]
# A Dikecualikan document records why it is closed instead of publishing it.
EXEMPT_FIELDS = [
    ("dasar_hukum", "Dasar_hukum", "dasar hukum pengecualian",
     "UU 14/2008 Pasal 17 huruf h; UU 27/2022 tentang Pelindungan Data Pribadi"),
    ("uji_konsekuensi", "Uji_konsekuensi", "rujukan uji konsekuensi",
     "Penetapan PPID Nomor 01/UK/PPID/2025"),
]
# Fields written once: {metadata key: as editors write it}.
SINGLE_FIELDS = {key: written for key, written, *_ in REQUIRED_FIELDS + EXEMPT_FIELDS}
SINGLE_FIELDS.update({"tahun": "Tahun", "title": "Title", "slug": "Slug"})
RETENTION = re.compile(r"^\s*(?:(\d+)\s+tahun\b|(permanen)\b)", re.IGNORECASE)
RETENTION_FIX = "tulis jangka waktu penyimpanan sebagai 'N tahun' atau 'Permanen', misalnya 5 tahun"
YEAR = re.compile(r"^\d{4}$")


def natural(number):
    """Sort key for DIP numbers, so B-9 comes before B-10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", number) if part]


class _PPIDContent:
    """What PPID pages and documents share: their address setting and `{ppid}` links."""

    url_setting = ""

    def set_address(self, settings):
        """The address comes from PPID_PAGE_URL or PPID_DOCUMENT_URL, not PAGE_URL."""
        self.override_url = settings[self.url_setting].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)

    def _link_replacer(self, siteurl, m):
        # `{ppid}` in PPID Markdown links to the PPID section: `[DIP]({ppid}dip/)`. Pelican's
        # `{filename}` reaches other Markdown files only, and the DIP, its filter pages and the
        # category pages are generated.
        if m.group("what") != "ppid":
            return super()._link_replacer(siteurl, m)
        target = f"{siteurl.rstrip('/')}/{self.settings['PPID_URL']}{m.group('value')}"
        return "".join((m.group("markup"), m.group("quote"), target, m.group("quote")))


class PPIDPage(_PPIDContent, Page):
    """A standard PPID page: Profil PPID, Maklumat Pelayanan, Tata Cara …"""

    default_template = "ppid/page"
    url_setting = "PPID_PAGE_URL"


class PPIDDocument(_PPIDContent, Page):
    """One entry of the Daftar Informasi Publik, with its HTML version as the body."""

    default_template = "ppid/document"
    url_setting = "PPID_DOCUMENT_URL"


@dataclass
class PPIDCategory:
    """One of the four categories, with the documents in it."""

    name: str
    slug: str
    title: str
    summary: str
    description: list
    url: str
    save_as: str
    documents: list = field(default_factory=list)

    @property
    def exempt(self):
        return self.name == EXEMPT


@dataclass
class DipFilter:
    """One filter page of the DIP: a year or an agency."""

    kind: str  # "tahun" or "opd"
    value: object
    label: str
    url: str
    save_as: str
    documents: list = field(default_factory=list)

    @property
    def title(self):
        """How the page names its filter: "Tahun 2025", "Dinas Kesehatan"."""
        return f"Tahun {self.label}" if self.kind == "tahun" else self.label


@dataclass
class PPIDSection:
    """Everything the PPID templates need, in the context as `ppid`."""

    url: str
    dip_url: str
    json_url: str
    csv_url: str
    contact_url: str
    categories: list
    documents: list
    pages: list
    years: list
    opds: list
    fields: list = field(default_factory=lambda: list(FIELDS))

    @property
    def menu(self):
        """(label, url) of every PPID page that is not a document, in menu order."""
        links = [("Beranda PPID", self.url), ("Daftar Informasi Publik", self.dip_url)]
        links += [(category.title, category.url) for category in self.categories]
        links += [(plain(page.title), page.url) for page in self.pages]
        return links

    def groups(self, documents):
        """[(category, documents)] for the categories that have any of ``documents``."""
        chosen = set(map(id, documents))
        groups = [(c, [d for d in c.documents if id(d) in chosen]) for c in self.categories]
        return [(category, members) for category, members in groups if members]


def set_defaults(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    templates = pelican.settings.setdefault("PAGINATED_TEMPLATES", {})
    for template in PAGINATED:
        templates.setdefault(template, pelican.settings["PPID_PER_PAGE"])


PAGINATED = ("ppid/dip", "ppid/category")


def today(settings):
    value = settings.get("PPID_TODAY")
    if value is None:
        return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE", "UTC"))).date()
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


class PPIDGenerator(SectionGenerator):
    """Reads content/ppid, checks every document, and writes the PPID section."""

    def generate_context(self):
        settings = self.settings
        self.locale = settings.get("WARTA_LOCALE", "id")
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
            if self._check_document(document)
        ]
        documents = self._drop_duplicate_numbers(documents)
        pages, documents = self._drop_address_clashes(pages, documents)
        order = {category.name: number for number, category in enumerate(self.categories)}
        documents.sort(key=lambda d: (order[d.ppid_category.name], natural(d.nomor)))
        for document in documents:
            document.ppid_category.documents.append(document)
            for attachment in document.attachments:
                # Pelican's StaticGenerator runs after us and copies every linked file.
                self.context["static_links"].add(attachment.path)
        for content in pages + documents:
            self.add_source_path(content)
            self.add_static_links(content)
        self._report_freshness(documents)
        self._report_pdfs(documents)
        self.pages = sorted(pages, key=lambda p: Path(p.source_path).name)
        self.documents = documents
        self.section = PPIDSection(
            url=settings["PPID_URL"],
            dip_url=settings["PPID_DIP_URL"],
            json_url=settings["PPID_DIP_JSON"],
            csv_url=settings["PPID_DIP_CSV"],
            contact_url=settings.get("WARTA_PPID_CONTACT_URL", settings["PPID_URL"]),
            categories=self.categories,
            documents=documents,
            pages=self.pages,
            years=self._year_filters(documents),
            opds=self._opd_filters(documents),
        )
        self.context["ppid"] = self.section

    # --- Checking one document ----------------------------------------------------------------

    def _check_document(self, document):
        """Validate one document and fill in its DIP values; log every problem. True if valid."""
        check = FieldCheck(document.source_path)
        fail = check.fail
        document.ppid_header = check.header
        document.ppid_attachment_lines = header_lines(check.text, "lampiran")
        meta = document.metadata
        if not check.written_once(meta, SINGLE_FIELDS, "ppid-kolom"):  # the checks below read single values
            return check.report()
        category = self._match_category(meta.get("kategori"))
        fields = REQUIRED_FIELDS + (EXEMPT_FIELDS if category and category.exempt else [])
        check.required(meta, fields, "ppid-kolom", "Kolom DIP {label} ({written}) tidak ada")
        names = ", ".join(c.name for c in self.categories)
        if meta.get("kategori") and category is None:
            fail("kategori", f"Kategori {meta['kategori']!r} tidak dikenal",
                 f"pilih salah satu dari: {names}", rule="ppid-kolom")
        opds = {opd["name"]: opd for opd in self.settings.get("WARTA_OPD", [])}
        check.agency("opd", meta.get("opd"), opds)
        retention = RETENTION.match(str(meta.get("retensi") or ""))
        if meta.get("retensi") and not retention:
            fail("retensi", f"Jangka waktu penyimpanan {meta['retensi']!r} tidak dapat dibaca",
                 RETENTION_FIX, rule="ppid-kolom")
        year = str(meta.get("tahun") or "").strip()
        if year and not YEAR.match(year):
            fail("tahun", f"Tahun {year!r} tidak dapat dibaca",
                 "tulis tahun dengan empat angka, misalnya `Tahun: 2025`, atau hapus barisnya "
                 "agar tahun diambil dari Date", rule="ppid-kolom")
        attachments = self._check_attachments(document, category, check)
        if not check.report():
            return False
        document.ppid_category = category
        document.nomor = meta["nomor"].strip()
        document.plain_title = plain(document.title)
        document.opd_info = opds[meta["opd"]]
        document.tahun = int(year) if year else document.date.year
        document.retention_years = int(retention.group(1)) if retention.group(1) else None
        document.dasar_hukum = meta.get("dasar_hukum", "") if category.exempt else ""
        document.uji_konsekuensi = meta.get("uji_konsekuensi", "") if category.exempt else ""
        document.last_updated = (getattr(document, "modified", None) or document.date).date()
        document.attachments = attachments
        # The summary feeds, search results and share cards read: the DIP's own ringkasan.
        document.metadata["summary"] = str(escape(document.ringkasan))
        return True

    def _match_category(self, name):
        name = str(name or "").strip().casefold()
        return next((c for c in self.categories if c.name.casefold() == name), None)

    def _check_attachments(self, document, category, check):
        """The document's attachments, measured; problems go to ``check``."""
        entries = document.metadata.get("lampiran") or []
        if isinstance(entries, str):
            entries = [entries]
        if entries and category is not None and category.exempt:
            check.fail("lampiran", "Informasi Dikecualikan tidak boleh punya lampiran (Lampiran)",
                 "hapus baris `Lampiran:`; informasi yang dikecualikan tidak diterbitkan, "
                 "cukup catat dasar hukum (Dasar_hukum) dan uji konsekuensinya (Uji_konsekuensi)",
                 rule="ppid-lampiran")
            return []
        formats = self.settings["PPID_ATTACHMENT_FORMATS"]
        content_root = Path(self.path).resolve()
        attachments = []
        lines = document.ppid_attachment_lines + [None] * len(entries)
        for entry, at in zip(entries, lines):
            relative, _, label = (part.strip() for part in entry.partition("|"))
            source = check.named_file(
                "lampiran", relative, content_root, "Lampiran", "lampiran",
                "Lampiran: ppid/lampiran/nama-berkas.pdf | Judul berkas", formats,
                "PPID_ATTACHMENT_FORMATS", at, rule="ppid-lampiran",
            )
            if source is None:
                continue
            try:
                attachments.append(measure(
                    source, content_root, label or plain(document.title),
                    formats[source.suffix.lower().lstrip(".")],
                    line=at, locale=self.settings.get("WARTA_LOCALE", "id"),
                ))
            except UnreadablePdf as exc:
                check.fail("lampiran", f"Lampiran {relative!r}: {exc}", exc.fix, at, rule=exc.rule)
        return attachments

    # --- Checking the whole list ---------------------------------------------------------------

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

    def _report_freshness(self, documents):
        """Stale Berkala documents and passed retention dates: warnings, or errors if strict."""
        strict = self.settings["PPID_STRICT"]
        report = log.error if strict else log.warning

        def finding(problem):
            if not strict:
                problem.findings[0].severity = WARNING
            return problem

        now = today(self.settings)
        months = self.settings["PPID_BERKALA_MAX_AGE_MONTHS"]
        for document in documents:
            header = document.ppid_header
            if document.ppid_category.name == "Berkala":
                due = document.last_updated + relativedelta(months=months)
                if due < now:
                    key = "modified" if "modified" in header else "date"
                    report("%s", finding(ContentError(
                        document.source_path,
                        f"Informasi Berkala {document.nomor!r} terakhir diperbarui "
                        f"{short_date(document.last_updated, self.locale)}, lebih dari "
                        f"{months} bulan lalu",
                        "perbarui isinya lalu tulis tanggal pembaruannya di baris `Modified:`; "
                        f"informasi berkala wajib diperbarui paling lambat setiap {months} bulan",
                        line=header.get(key, (1, ""))[0],
                        rule="ppid-berkala-usang",
                    )))
            if document.retention_years is not None:
                end = document.date.date() + relativedelta(years=document.retention_years)
                if end < now:
                    report("%s", finding(ContentError(
                        document.source_path,
                        f"Masa retensi {document.nomor!r} ({document.retensi}) berakhir "
                        f"{short_date(end, self.locale)}",
                        "tinjau dokumen ini sesuai jadwal retensi arsip: perbarui, pindahkan ke "
                        "arsip, atau hapus dari Daftar Informasi Publik",
                        line=header.get("retensi", (1, ""))[0],
                        rule="ppid-retensi-lewat",
                    )))

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
        for opd in self.settings.get("WARTA_OPD", []):
            members = [d for d in documents if d.opd == opd["name"]]
            if not members:
                continue
            slug = Category(opd["name"], self.settings).slug
            filters.append(DipFilter("opd", opd, opd["name"], url.format(slug=slug),
                                     save_as(url.format(slug=slug)), members))
        return filters

    # --- Writing -------------------------------------------------------------------------------

    def generate_output(self, writer):
        settings = self.settings
        siteurl = settings.get("SITEURL", "")
        for document in self.documents:
            for attachment in document.attachments:
                static = self.context["static_content"].get(attachment.path)
                attachment.url = static.url if static is not None else attachment.path
            document.dip_row = document_row(document, siteurl)

        def write(name, template, url, paginated=None, **variables):
            writer.write_file(
                name, self.get_template(template), self.context, url=url,
                relative_urls=settings["RELATIVE_URLS"], paginated=paginated,
                template_name=template if paginated else None, **variables,
            )

        def in_category_order(documents):
            # Pages of the DIP follow its grouping, so a category's rows are never split
            # between pages more than the page size forces.
            return [d for _, members in section.groups(documents) for d in members]

        section = self.section
        # Site search indexes single documents, not the lists of them (base.html, issue 7).
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
            # `page` too: Pelican's plugins (the sitemap's lastmod, share cards) read that name.
            write(document.save_as, document.template, document.url, document=document,
                  page=document)
        for page in self.pages:
            write(page.save_as, page.template, page.url, page=page)

        if settings.get("PPID_FEED_ATOM"):
            # Newest first, so a feed reader shows new and updated information (Serta Merta
            # above all) as soon as it is published.
            newest = sorted(self.documents, key=lambda d: (d.last_updated, d.date), reverse=True)
            writer.write_feed(newest, self.context, settings["PPID_FEED_ATOM"],
                              feed_title="Informasi publik (PPID)")

        rows = [document.dip_row for document in self.documents]
        publisher = settings.get("WARTA_GOVERNMENT_NAME", settings.get("SITENAME", ""))
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
