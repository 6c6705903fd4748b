"""Every setting a city may write in its pelicanconf.py: its shape, what it is for, an example.

warta/settings/__init__.py holds the defaults (cities star-import them); this registry holds what each
setting must look like, and :func:`findings` checks a city's settings against it before any
plugin or template uses them, so a contact with two parts instead of three is one line
``pelicanconf.py:LINE: pengaturan-bentuk: … (…)`` rather than a ValueError in a template. The
line is found by reading the settings file with ``ast`` and walking each assignment's syntax
alongside its value (warta.settings.shapes); a value that was computed is named at its
assignment's line.

Every name in warta.settings.DEFAULTS is either described here or listed in WIRING, so a new
default cannot be added without deciding what a city may write in it; :func:`default` gives a
registered setting's default, the one way to ask for it.
"""

import ast
import warnings
from dataclasses import dataclass
from pathlib import Path

from warta import city_settings_file, settings
from warta.content.errors import Finding
from warta.content.sections import base as sections
from warta.settings.shapes import (
    Bool,
    Choice,
    Colour,
    Date,
    DictOf,
    Int,
    ListOf,
    Optional,
    Record,
    Slug,
    Text,
    TimeZone,
    Tuple,
)

NO_DEFAULT = object()


@dataclass(frozen=True)
class Setting:
    """One setting: its shape, what it is for (for messages), and an example value as written."""

    shape: object
    about: str
    example: str = ""


CONTACT = Tuple(Text("label"), Text("teks yang ditampilkan"), Text("tautan"))
CONTACTS = ListOf(CONTACT)
PUBLICATION = Record(
    {"name": Text("nama"), "slug": Slug("nama berkas"), "kind": Choice(("Majalah", "Koran")),
     "description": Text("keterangan")},
    required=("name", "slug", "kind"))

REGISTRY = {
    # --- Who publishes the portal ---------------------------------------------------------
    "SITENAME": Setting(Text(), "nama situs di kepala setiap halaman", '"Portal Berita Kota X"'),
    "SITESUBTITLE": Setting(Text(), "keterangan di bawah nama situs",
                            '"Berita dan informasi publik Pemerintah Kota X"'),
    "SITEURL": Setting(Text(), "alamat situs saat build (kosong saat mencoba)", '""'),
    "WARTA_SITEURL": Setting(Optional(Text()), "alamat portal yang diterbitkan",
                             '"https://portal.namadaerah.go.id"'),
    "AUTHOR": Setting(Text(), "penulis bawaan berita", '"Redaksi Diskominfo"'),
    "WARTA_GOVERNMENT_NAME": Setting(Text(), "nama pemerintah daerah", '"Pemerintah Kota X"'),
    "WARTA_AGENCY_NAME": Setting(Text(), "perangkat daerah pengelola portal",
                                 '"Dinas Komunikasi dan Informatika Kota X"'),
    "WARTA_LOGO": Setting(Optional(Text()), "lambang daerah di content/images/",
                          '"images/lambang.svg"'),
    "WARTA_LOGO_ALT": Setting(Text(), "teks pengganti lambang", '"Lambang Kota X"'),
    "WARTA_DEMO_NOTICE": Setting(Optional(Text()), "pemberitahuan situs demonstrasi", "None"),
    "WARTA_BRAND_COLOR": Setting(Colour(), "warna merek di kepala halaman", '"#0b3558"'),
    "WARTA_BRAND_COLOR_DARK": Setting(Colour(), "warna merek untuk tema gelap", '"#0a1f33"'),
    "WARTA_ADDRESS": Setting(Text(), "alamat kantor pemerintah daerah", '"Jl. Merdeka No. 1"'),
    # --- Help in every footer ---------------------------------------------------------------
    "WARTA_CONTACTS": Setting(CONTACTS, "kontak di kaki halaman",
                              '[("Telepon", "(021) 000-0000", "tel:+62210000000")]'),
    "WARTA_EMERGENCY_CONTACTS": Setting(CONTACTS, "nomor darurat",
                                        '[("Darurat", "112", "tel:112")]'),
    "WARTA_COMPLAINT_CONTACTS": Setting(
        CONTACTS, "saluran pengaduan", '[("SP4N-LAPOR!", "lapor.go.id", "https://www.lapor.go.id/")]'),
    "WARTA_OFFICE_HOURS": Setting(ListOf(Tuple(Text("hari"), Text("jam"))), "jam layanan kantor",
                                  '[("Senin–Kamis", "08.00–16.00 WIB")]'),
    "WARTA_SOCIAL": Setting(
        ListOf(Tuple(Text("jaringan"), Text("nama akun"), Text("tautan"))), "media sosial",
        '[("Instagram", "@akun", "https://www.instagram.com/akun/")]'),
    "WARTA_ACCESSIBILITY_URL": Setting(Text(), "alamat pernyataan aksesibilitas",
                                       '"pernyataan-aksesibilitas/"'),
    "WARTA_CONTACT_URL": Setting(Text(), "alamat halaman kontak", '"kontak/"'),
    "WARTA_PPID_CONTACT_URL": Setting(Text(), "alamat kontak PPID", '"ppid/hubungi/"'),
    # --- Sections, the menu and the home page -------------------------------------------------
    "WARTA_SECTIONS": Setting(ListOf(Choice(sections.SECTION_URL_SETTINGS)), "seksi yang terbit",
                              '["services", "announcements", "agenda"]'),
    "WARTA_MENU": Setting(ListOf(Tuple(Text("label"), Text("alamat"))), "menu utama",
                          '[("Beranda", ""), ("Berita", "arsip/")]'),
    "WARTA_HOME_HEADING": Setting(Text(), "judul beranda", '"Layanan dan informasi untuk warga"'),
    "WARTA_HOME_ANNOUNCEMENTS": Setting(Int(minimum=0), "jumlah pengumuman di beranda", "3"),
    "WARTA_HOME_AGENCIES_LISTED": Setting(Int(minimum=0), "jumlah perangkat daerah di beranda",
                                          "12"),
    "WARTA_HOME_SERVICES": Setting(ListOf(Slug()), "layanan unggulan di beranda",
                                   '["ktp-el", "akta-kelahiran"]'),
    "DEFAULT_PAGINATION": Setting(Optional(Int(minimum=1), empty=(False,)),
                                  "jumlah berita per halaman daftar", "10"),
    "SUMMARY_MAX_LENGTH": Setting(Optional(Int(minimum=1)), "panjang ringkasan (kata)", "40"),
    "OPD_LATEST_NEWS": Setting(Int(minimum=0), "berita terbaru di halaman perangkat daerah", "5"),
    # --- Time and language --------------------------------------------------------------------
    "TIMEZONE": Setting(TimeZone(), "zona waktu daerah", '"Asia/Jakarta"'),
    "WARTA_TODAY": Setting(Optional(Date()), "tanggal build yang ditetapkan", '"2026-12-01"'),
    "PPID_TODAY": Setting(Optional(Date()), "tanggal ukur kebaruan PPID (lama)", "None"),
    "WARTA_LOCALE": Setting(Text(), "bahasa tanggal dan angka", '"id"'),
    "DEFAULT_LANG": Setting(Text(), "bahasa halaman", '"id"'),
    "SEARCH_LANGUAGE": Setting(Text(), "bahasa indeks pencarian", '"id"'),
    # --- Video and magazines --------------------------------------------------------------------
    "VIDEO_SECTION_NAME": Setting(Text(), "nama seksi video", '"Kota X TV"'),
    "VIDEO_SECTION_DESCRIPTION": Setting(Text(), "keterangan seksi video", '"Video dari ..."'),
    "VIDEO_FORMATS": Setting(DictOf(Text(), Tuple(Text("nama"), Text("jenis MIME"))),
                             "format video", '{"mp4": ("MP4", "video/mp4")}'),
    "VIDEO_YOUTUBE_WATCH_URL": Setting(Text(), "alamat video di YouTube", ""),
    "VIDEO_YOUTUBE_EMBED_URL": Setting(Text(), "alamat pemutar YouTube", ""),
    "MAGAZINE_SECTION_NAME": Setting(Text(), "nama seksi majalah", '"Majalah dan Koran Digital"'),
    "MAGAZINE_SECTION_DESCRIPTION": Setting(Text(), "keterangan seksi majalah",
                                            '"Edisi digital ..."'),
    "MAGAZINE_PUBLICATIONS": Setting(
        ListOf(PUBLICATION), "terbitan majalah dan koran",
        '[{"name": "Majalah Kota X", "slug": "majalah-kota-x", "kind": "Majalah", '
        '"description": "Majalah bulanan."}]'),
    "MAGAZINE_PDF_STRICT": Setting(Bool(), "PDF edisi yang tidak aksesibel menghentikan build",
                                   "True"),
    # --- Services, PPID and other sections ----------------------------------------------------
    "SERVICES_TOPICS": Setting(DictOf(Slug(), Text()), "topik layanan",
                               '{"kesehatan": "Kesehatan"}'),
    "SERVICES_PDF_STRICT": Setting(Bool(), "formulir yang tidak aksesibel menghentikan build",
                                   "True"),
    "PPID_PER_PAGE": Setting(Int(minimum=1), "baris per halaman DIP", "25"),
    "PPID_BERKALA_MAX_AGE_MONTHS": Setting(Int(minimum=1), "umur informasi berkala (bulan)", "6"),
    "PPID_STRICT": Setting(Bool(), "peringatan kebaruan PPID menghentikan build", "False"),
    "PPID_PDF_STRICT": Setting(Bool(), "PDF PPID yang tidak aksesibel menghentikan build",
                               "False"),
    "PPID_REPORT_PAGE": Setting(Text(), "halaman laporan layanan informasi",
                                '"laporan-layanan-informasi"'),
    "WARTA_EPPID_URL": Setting(Text(), "alamat layanan e-PPID", '"/e-ppid/"'),
    "WARTA_EPPID_STATISTICS": Setting(Optional(Text()), "berkas statistik e-PPID", "None"),
    "AGENDA_UID_DOMAIN": Setting(Optional(Text()), "nama host UID acara", '"namadaerah.go.id"'),
    # --- Output, images and search ------------------------------------------------------------
    "IMAGE_WIDTHS": Setting(ListOf(Int(minimum=1)), "lebar salinan gambar (piksel)",
                            "[480, 800, 1200]"),
    "IMAGE_SIZES": Setting(Text(), "atribut sizes gambar", ""),
    "SEARCH_INDEX": Setting(Bool(), "membuat indeks pencarian", "True"),
    "WARTA_SHARE_IMAGE": Setting(Optional(Text()), "gambar bagikan bawaan",
                                 '"images/bagikan.png"'),
    "WARTA_PREVIEW": Setting(Bool(), "pratinjau draf", "False"),
    "WARTA_REVIEW_BLOCKS": Setting(Bool(), "tanda ((tinjau: ...)) yang terbaca warga menghentikan build",
                                   "False"),
    "PUBLISH_MINIFY": Setting(Bool(), "meringkas HTML, CSS dan JS", "False"),
    "PUBLISH_HASH_ASSETS": Setting(Bool(), "nama berkas tema bersidik", "False"),
    "PUBLISH_PRECOMPRESS": Setting(Bool(), "salinan .gz dan .br", "False"),
    "WARTA_AUDIT_RECORD": Setting(Text(), "berkas catatan audit terakhir", ""),
    "WARTA_BRAND_STYLESHEET": Setting(Text(), "berkas CSS warna merek", ""),
    "PATH": Setting(Text(), "folder konten", '"content"'),
    "ARTICLE_PATHS": Setting(ListOf(Text()), "folder berita", '["berita"]'),
    "PAGE_PATHS": Setting(ListOf(Text()), "folder halaman", '["halaman"]'),
    "STATIC_PATHS": Setting(ListOf(Text()), "folder gambar dan lampiran",
                            '["images", "attachments"]'),
    "WARTA_LINT_TITLE_MAX": Setting(Int(minimum=1), "panjang judul terpanjang (huruf)", "120"),
    "WARTA_LINT_SUMMARY_MAX": Setting(Int(minimum=1), "panjang ringkasan terpanjang (huruf)",
                                      "300"),
    "WARTA_LINT_TAGS_MAX": Setting(Int(minimum=1), "jumlah topik terbanyak per berita", "10"),
    "WARTA_LINT_IFRAME_ALLOWED": Setting(ListOf(Text()), "awal alamat sematan video yang diizinkan",
                                         '["https://www.youtube-nocookie.com/embed/"]'),
    "WARTA_LINT_REQUIRED_ARTICLE": Setting(ListOf(Text()), "kolom wajib berita",
                                           '["title", "date", "category", "summary"]'),
    "WARTA_LINT_REQUIRED_PAGE": Setting(ListOf(Text()), "kolom wajib halaman",
                                        '["title", "summary"]'),
    "WARTA_LINT_REQUIRED_OTHER": Setting(ListOf(Text()), "kolom wajib tulisan lain", '["title"]'),
    "WARTA_LINT_PARALLEL_MIN": Setting(Optional(Int(minimum=1)),
                                       "jumlah berkas mulai diperiksa paralel", "200"),
    "WARTA_ALLOWED_FILES": Setting(DictOf(Text(), ListOf(Text())),
                                   "jenis berkas tambahan per folder konten",
                                   '{"attachments": ["pdf", "csv"]}'),
    "WARTA_MAX_MARKDOWN_BYTES": Setting(Int(minimum=1), "ukuran terbesar berkas Markdown (bita)",
                                        "2097152"),
    "WARTA_MAX_ATTACHMENT_BYTES": Setting(Int(minimum=1), "ukuran terbesar lampiran (bita)",
                                          "52428800"),
    "WARTA_MAX_VIDEO_BYTES": Setting(Int(minimum=1), "ukuran terbesar berkas video (bita)",
                                     "1073741824"),
    "PPID_ATTACHMENT_FORMATS": Setting(DictOf(Text(), Text()), "format lampiran PPID",
                                       '{"pdf": "PDF"}'),
    "SERVICES_ATTACHMENT_FORMATS": Setting(DictOf(Text(), Text()), "format formulir layanan",
                                           '{"pdf": "PDF"}'),
    "NOTICE_ATTACHMENT_FORMATS": Setting(DictOf(Text(), Text()), "format lampiran pengumuman",
                                         '{"pdf": "PDF"}'),
}

# Addresses, output files and content folders: text, or None to write nothing (a feed). The
# sections' code and Pelican give each its meaning; the registry only keeps its form.
ADDRESS_SUFFIXES = ("_URL", "_SAVE_AS", "_PATH", "_DIR", "_ATOM", "_RSS", "_JSON", "_CSV")
for _name, _value in settings.DEFAULTS.items():
    if _name.endswith(ADDRESS_SUFFIXES) and _name not in REGISTRY:
        _optional = _value is None or _name.endswith(("_ATOM", "_RSS"))
        REGISTRY[_name] = Setting(Optional(Text()) if _optional else Text(),
                                  "alamat, berkas atau folder", repr(_value))

# Defaults that are Warta's wiring rather than a city's choice: Pelican's plugins, theme,
# Markdown, caches, the security policy. Developers change them in warta/settings/__init__.py; the
# registry leaves their form to Pelican and to the code that reads them.
WIRING = {
    "PLUGINS", "PLUGIN_PATHS", "THEME", "MARKDOWN", "CSP_POLICY", "SITEMAP",
    "PAGINATION_PATTERNS", "DIRECT_TEMPLATES", "TEMPLATE_PAGES", "TYPOGRIFY",
    "TYPOGRIFY_OMIT_FILTERS", "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "CHECK_MODIFIED_METHOD",
    "GZIP_CACHE", "ARTICLE_TRANSLATION_ID", "PAGE_TRANSLATION_ID", "WARTA_SETTINGS_FILE",
    "PPID_CATEGORIES", "DELETE_OUTPUT_DIRECTORY", "RELATIVE_URLS", "WITH_FUTURE_DATES",
}


# What only the city can say and every page shows (its name, who publishes, where the office is,
# how to reach it: UU 14/2008 Pasal 7 asks a public body to say who it is and how to contact it),
# and the time zone its dates are in. A build without one would print a blank or an English
# default ("A Pelican Blog") to citizens, so it stops and names what to add.
REQUIRED = ("SITENAME", "WARTA_GOVERNMENT_NAME", "WARTA_AGENCY_NAME", "WARTA_ADDRESS",
            "WARTA_CONTACTS", "TIMEZONE")
# Pelican's own default name: never a city's.
PELICAN_SITENAME = "A Pelican Blog"


def missing(values, settings_file):
    """A pengaturan-wajib Finding for each REQUIRED setting ``values`` lacks, at line 1 of
    ``settings_file``, with the line to add."""
    found = []
    for name in REQUIRED:
        value = values.get(name)
        if value in (None, "", [], PELICAN_SITENAME):
            setting = REGISTRY[name]
            found.append(Finding(str(settings_file), 1, "pengaturan-wajib",
                                 f"{name} belum diisi: {setting.about}",
                                 f"tambahkan baris {name} = {setting.example}"))
    return found


def default(name):
    """The default of a registered setting, or NO_DEFAULT for one only a city can give."""
    return settings.DEFAULTS.get(name, NO_DEFAULT)


def findings(values, settings_file):
    """A Finding for each way ``values`` (settings as read) misses the registry, each at the line
    of ``settings_file`` (or of the city's settings it reads) that wrote the faulty value."""
    sources = Sources(Path(settings_file))
    found = []
    for name, setting in REGISTRY.items():
        if name not in values:
            continue
        path, node, line = sources.locate(name)
        example = f"contoh: {name} = {setting.example}" if setting.example else ""
        for at, rule, message in setting.shape.problems(values[name], node, line, name):
            found.append(Finding(str(path), at, rule, message, example))
    return sorted(found, key=lambda finding: (finding.path, finding.line))


class Sources:
    """Where each setting is assigned: in the settings file itself or, for publishconf.py, in the
    city's settings it reads; the last assignment wins, as it does when the file runs."""

    def __init__(self, settings_file):
        self.files = [settings_file]
        city = city_settings_file()
        if city.resolve() != settings_file.resolve():
            self.files.append(city)
        self._assigned = {}

    def locate(self, name):
        """(file, value node or None, line) of the assignment of ``name``; (file, None, 1)
        when no file writes it (a default, or a value given on the command line)."""
        for path in self.files:
            node_and_line = self.assigned(path).get(name)
            if node_and_line is not None:
                return (path, *node_and_line)
        return self.files[0], None, 1

    def assigned(self, path):
        if path not in self._assigned:
            self._assigned[path] = assignments(path)
        return self._assigned[path]


def assignments(path):
    """{NAME: (value node or None, line)} for each assignment at the top of ``path``, including
    those inside ``if`` and ``try`` blocks; {} when the file cannot be read."""
    try:
        with warnings.catch_warnings():
            # Python's own SyntaxWarnings are English; the settings already ran, so any real
            # problem has been reported as pengaturan-rusak.
            warnings.simplefilter("ignore")
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return {}
    found = {}
    _collect(tree.body, found)
    return found


def _collect(statements, found):
    for node in statements:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                _bind(target, node.value, node.lineno, found)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            _bind(node.target, node.value, node.lineno, found)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = (None, node.lineno)  # `+= [...]`: the whole is computed
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            for block in ("body", "orelse", "finalbody", "handlers"):
                for part in getattr(node, block, ()):
                    _collect(part.body if isinstance(part, ast.ExceptHandler) else [part], found)


def _bind(target, value, line, found):
    if isinstance(target, ast.Name):
        found[target.id] = (value, line)
    elif isinstance(target, (ast.Tuple, ast.List)):
        # `A, B = 1, 2` pairs up; `A, B = pair()` is computed.
        values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and \
            len(value.elts) == len(target.elts) else [None] * len(target.elts)
        for part, part_value in zip(target.elts, values, strict=True):
            _bind(part, part_value, line, found)
