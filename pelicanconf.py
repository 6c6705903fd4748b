"""Development settings for the sample portal.

Everything that belongs to one government lives here and in content/, never in the templates:
another city or regency adopts Warta by editing this file and its own content alone.
"""

import sys
from pathlib import Path

# Pelican loads this file by path; make our plugins and the warta package importable.
ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

# --- Who publishes this portal -------------------------------------------------------------
SITENAME = "Portal Berita Kota Contoh"
SITESUBTITLE = "Berita dan informasi publik Pemerintah Kota Contoh"
SITEURL = ""
AUTHOR = "Tim Diskominfo"

WARTA_GOVERNMENT_NAME = "Pemerintah Kota Contoh"
WARTA_AGENCY_NAME = "Dinas Komunikasi dan Informatika Kota Contoh"
# A logo under theme-independent content/images; None shows the site name only.
WARTA_LOGO = "images/logo-kota-contoh.svg"
WARTA_LOGO_ALT = "Lambang Kota Contoh"
# Marks the portal as a demonstration on every page; a real city sets this to False.
WARTA_DEMO_NOTICE = (
    "Portal Contoh: situs demonstrasi Warta untuk sebuah kota fiktif. "
    "Semua nama, berita, dan kontak di sini rekaan."
)
WARTA_ADDRESS = "Jl. Contoh Raya No. 1, Kecamatan Sukamaju, Kota Contoh 10000"
WARTA_CONTACTS = [
    # (label, shown text, link)
    ("Telepon", "(021) 000-0000", "tel:+62210000000"),
    ("Surel", "diskominfo@kotacontoh.example", "mailto:diskominfo@kotacontoh.example"),
]
WARTA_SOCIAL = [
    # (network, account name, address)
    ("Instagram", "@kotacontoh", "https://www.instagram.com/kotacontoh.example/"),
    ("YouTube", "Kota Contoh TV", "https://www.youtube.com/@kotacontoh.example"),
]
# Main navigation: (label, URL relative to SITEURL). Pages and sections alike.
WARTA_MENU = [
    ("Beranda", ""),
    ("Berita", "arsip/"),
    ("Perangkat Daerah", "opd/"),
    ("Topik", "topik/"),
    ("PPID", "ppid/"),
    ("Tentang", "tentang/"),
    ("Kontak", "kontak/"),
]
# Linked from every footer (WCAG 3.2.6 Consistent Help puts help in the same place each time).
WARTA_ACCESSIBILITY_URL = "pernyataan-aksesibilitas/"
WARTA_CONTACT_URL = "kontak/"
# Where citizens find public information (the PPID home, linked from the home page) and how they
# contact the PPID (linked from every footer: WCAG 3.2.6). Both are written by the ppid plugin.
WARTA_PPID_URL = "ppid/"
WARTA_PPID_CONTACT_URL = "ppid/hubungi/"

# Every agency (OPD) that publishes news. The name is what editors write as `Category:`.
WARTA_OPD = [
    {
        "name": "Diskominfo",
        "full_name": "Dinas Komunikasi dan Informatika",
        "description": "Layanan informasi publik, jaringan internet kota, dan aplikasi layanan warga.",
    },
    {
        "name": "Dinas Kesehatan",
        "full_name": "Dinas Kesehatan",
        "description": "Puskesmas, posyandu, imunisasi, dan pelayanan kesehatan masyarakat.",
    },
    {
        "name": "Dinas Sosial",
        "full_name": "Dinas Sosial",
        "description": "Bantuan sosial, layanan bagi penyandang disabilitas dan warga lanjut usia.",
    },
    {
        "name": "Dinas Perkimtan",
        "full_name": "Dinas Perumahan, Kawasan Permukiman, dan Pertanahan",
        "description": "Perbaikan rumah tidak layak huni, drainase, dan penataan permukiman.",
    },
    {
        "name": "Dinas Pendidikan",
        "full_name": "Dinas Pendidikan",
        "description": "Sekolah dasar dan menengah pertama, penerimaan murid baru, dan guru.",
    },
    {
        "name": "Dinas Ketahanan Pangan",
        "full_name": "Dinas Ketahanan Pangan dan Pertanian",
        "description": "Keamanan pangan di pasar, harga bahan pokok, dan pertanian kota.",
    },
]

# --- Content ---------------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["images", "attachments"]
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
# Babel locale used for dates and numbers ("Senin, 29 April 2024").
WARTA_LOCALE = "id"
DEFAULT_PAGINATION = 10
TYPOGRIFY = True
SUMMARY_MAX_LENGTH = 40

# --- Theme and plugins -----------------------------------------------------------------------
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["content_check", "indonesian_dates", "figures", "year_archives"]
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        # Figures, table regions, new-tab links and responsive images, made once while the
        # document tree is in hand (warta/rewrite.py; the figures plugin connects it).
        "warta.rewrite": {},
        # No "markdown.extensions.smarty": typogrify (TYPOGRIFY = True) already makes quotes and
        # dashes typographic, and smarty doubled the cost of every build (issue 6 benchmark).
    },
    "output_format": "html5",
}

# --- Addresses (Indonesian, one folder per page: /berita/2024/judul/) ------------------------
ARTICLE_URL = "berita/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "berita/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "opd/{slug}/"
CATEGORY_SAVE_AS = "opd/{slug}/index.html"
CATEGORIES_SAVE_AS = "opd/index.html"
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = "topik/{slug}/index.html"
TAGS_SAVE_AS = "topik/index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = "penulis/{slug}/index.html"
AUTHORS_SAVE_AS = "penulis/index.html"
ARCHIVES_SAVE_AS = "arsip/index.html"
# Year archives are written by the year_archives plugin, paginated; Pelican's own are off.
YEAR_ARCHIVE_SAVE_AS = ""
WARTA_YEAR_ARCHIVE_URL = "arsip/{year}/"
WARTA_YEAR_ARCHIVE_SAVE_AS = "arsip/{year}/index.html"
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
]
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "404"]
# The 404 page is written to 404.html at the root, where any web server can find it.

# --- Feeds: Atom for all news and per agency ---------------------------------------------------
FEED_ALL_ATOM = "feed/berita.atom.xml"
CATEGORY_FEED_ATOM = "feed/opd/{slug}.atom.xml"
FEED_ALL_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Development: links are root-relative so any local server works.
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# --- Editors: scaffolding, preview, content checks (issue 5) ---------------------------------
PLUGINS += ["preview"]
# Drafts (`Status: draft`) and articles dated in the future are never written by a normal build;
# only the editors' preview (`make devserver`, WARTA_PREVIEW on) shows them, labelled.
WARTA_PREVIEW = False
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
# The portal is Indonesian only: no translations. Without this, Pelican treats two articles that
# share a slug as translations of each other and warns in English; Warta's url-ganda check
# handles real clashes instead.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
# Content checks (warta/lint.py; every rule is explained in docs/panduan-editor.md).
WARTA_LINT_TITLE_MAX = 120  # characters; longer titles wrap badly and are cut in search results
WARTA_LINT_SUMMARY_MAX = 300  # characters; the summary is the lead and the meta description
WARTA_LINT_TAGS_MAX = 10
# URL prefixes of allowed video embeds (<iframe src=...>); the video-embed issue fills this in.
WARTA_LINT_IFRAME_ALLOWED = []
WARTA_LINT_REQUIRED_ARTICLE = ["title", "date", "category", "summary"]
WARTA_LINT_REQUIRED_PAGE = ["title", "summary"]
WARTA_LINT_REQUIRED_OTHER = ["title"]

# --- Search, discovery and production output (issue 7) -------------------------------------
# Site search: Pagefind indexes the built pages after every build (plugins/finishing): the
# <main> of every single document built on base.html (articles, pages, PPID documents), never
# the lists of them (see base.html).
SEARCH_INDEX = True
SEARCH_LANGUAGE = "id"  # Indonesian stemming for every page, whatever its lang attribute
SEARCH_URL = "cari/"
SEARCH_SAVE_AS = "cari/index.html"
DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["search"]
WARTA_MENU = WARTA_MENU + [("Cari", SEARCH_URL)]

# Discovery: sitemap.xml (pelican-sitemap) and robots.txt (theme/templates/robots.txt).
PLUGINS += ["pelican.plugins.sitemap", "finishing"]
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
    # Search and error pages are not content; tag and author lists repeat the archive.
    "exclude": ["^cari/", "^404", "^topik/", "^penulis/"],
}
TEMPLATE_PAGES = {"robots.txt": "robots.txt"}
# A share image for pages without a cover (Open Graph needs a raster image); None: no image.
WARTA_SHARE_IMAGE = None
# The PPID feed of new and updated public information, written by the ppid plugin (issue 3);
# None: no feed.
PPID_FEED_ATOM = "feed/ppid.atom.xml"

# Content-Security-Policy: the same policy goes in every page's <meta> (for static hosts that
# cannot send headers) and in deploy/nginx.conf as a header. Everything comes from our own
# origin; 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine and is not
# 'unsafe-inline' or 'unsafe-eval'. frame-ancestors only works as a header; the <meta> copy
# leaves it out.
CSP_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self'; font-src 'self'; connect-src 'self'; media-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

# Responsive images: WebP copies at these widths (never wider than the original) go into
# srcset, with width and height against layout shift (WCAG-friendly, CLS-free).
IMAGE_WIDTHS = [480, 800, 1200]
# How wide images are drawn: the text column is 70ch (about 44rem) at most.
IMAGE_SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)"

# Production steps (publishconf.py switches them on): minified HTML, CSS and JS,
# content-hashed theme files, and .gz and .br copies for the web server.
PUBLISH_MINIFY = False
PUBLISH_HASH_ASSETS = False
PUBLISH_PRECOMPRESS = False

# --- PPID: public information and the Daftar Informasi Publik (issue 3) ---------------------
# Documents in content/ppid/dokumen/, standard pages in content/ppid/halaman/, attachments in
# content/ppid/lampiran/; the ppid plugin reads them (they are outside ARTICLE_PATHS and
# PAGE_PATHS on purpose) and writes everything under ppid/. Other PPID_* defaults (addresses,
# the four categories, attachment formats) are in plugins/ppid/ppid.py.
PLUGINS += ["ppid"]
PPID_URL = "ppid/"
PPID_DIP_URL = "ppid/dip/"
PPID_DIP_JSON = "ppid/dip.json"
PPID_DIP_CSV = "ppid/dip.csv"
# UU 14/2008 Pasal 9 ayat (4): Berkala information is updated at least every six months.
PPID_BERKALA_MAX_AGE_MONTHS = 6
# Stale Berkala documents and passed retention dates are build warnings; True makes them errors.
PPID_STRICT = False
# PDF attachments without a text layer, title or language are warnings; True makes them errors.
PPID_PDF_STRICT = False

# --- Tampilan: display preferences and read-aloud (issue 4) ---------------------------------
# The display-preferences page, linked from the header of every page ("Tampilan").
DIRECT_TEMPLATES += ["tampilan"]
TAMPILAN_URL = "tampilan/"
TAMPILAN_SAVE_AS = "tampilan/index.html"
# The last full audit, written by `make test` and shown on the accessibility statement
# (plugins/audit_record). Relative to the project root. Without a readable record the page
# says that no audit is recorded; it never shows a result that does not exist.
WARTA_AUDIT_RECORD = ".cache/audit/last-audit.json"
PLUGINS += ["audit_record"]
# --- Audit at scale (issue 6) ----------------------------------------------------------------
# Record which content file produced each page, so the audit report names the file to fix.
# The map is written to .cache/sumber/ (never into the output folder); WARTA_SOURCE_MAP
# overrides the place.
PLUGINS += ["source_map", "build_cache"]
# Pelican caches each Markdown file's HTML between builds, and the build_cache plugin caches
# typogrify's output, so a rebuild after one article changes re-reads only that article.
CACHE_PATH = str(ROOT / ".cache" / "pelican")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
# Uncompressed: gzip at level 9 made saving a 10,000-article cache a large part of a rebuild.
GZIP_CACHE = False

# --- City TV and digital magazines (issue 8) -------------------------------------------------
# Videos in content/video/ and magazine or newspaper editions in content/majalah/, each read by
# the media plugin (outside ARTICLE_PATHS and PAGE_PATHS on purpose). Other VIDEO_* and
# MAGAZINE_* defaults (addresses, formats, the YouTube addresses) are in plugins/media/media.py.
PLUGINS += ["media"]
VIDEO_SECTION_NAME = "Kota Contoh TV"
VIDEO_SECTION_DESCRIPTION = (
    "Video dari perangkat daerah Kota Contoh. Setiap video bertakarir bahasa Indonesia dan "
    "dilengkapi transkrip."
)
VIDEO_URL = "video/"
VIDEO_FEED_ATOM = "feed/video.atom.xml"
MAGAZINE_SECTION_NAME = "Majalah dan Koran Digital"
MAGAZINE_SECTION_DESCRIPTION = (
    "Edisi digital majalah dan koran Pemerintah Kota Contoh. Setiap edisi dapat dibaca dengan "
    "pembaca layar: daftar isinya ada di halaman ini dan PDF-nya bertag."
)
MAGAZINE_URL = "majalah/"
MAGAZINE_PUBLICATIONS = [
    {
        "name": "Majalah Warta Kota Contoh",
        "slug": "warta-kota-contoh",
        "kind": "Majalah",
        "description": "Majalah bulanan tentang program, layanan, dan kisah warga Kota Contoh.",
    },
    {
        "name": "Koran Kota Contoh",
        "slug": "koran-kota-contoh",
        "kind": "Koran",
        "description": "Koran mingguan berisi berita dan pengumuman Pemerintah Kota Contoh.",
    },
]
# An edition whose PDF has no text layer, title or language is refused (issue 8).
MAGAZINE_PDF_STRICT = True
# A video on YouTube: its page there (the link without JavaScript) and the privacy-enhanced
# player, which theme/static/js/media.js loads in a frame only after a citizen presses play,
# with Indonesian captions on. The player's origin is the one frame-src of CSP_POLICY; every
# other directive stays our own origin only.
VIDEO_YOUTUBE_WATCH_URL = "https://www.youtube.com/watch?v={id}"
VIDEO_YOUTUBE_EMBED_URL = (
    "https://www.youtube-nocookie.com/embed/{id}?autoplay=1&cc_load_policy=1&cc_lang_pref=id&hl=id"
)
CSP_POLICY += "; frame-src https://www.youtube-nocookie.com"
# Both sections in the main menu, after the news (the menu wraps at 320 px; tests/test_media.py).
_after_news = next(n for n, (_, link) in enumerate(WARTA_MENU) if link == "arsip/") + 1
WARTA_MENU = (WARTA_MENU[:_after_news] + [("Video", VIDEO_URL), ("Majalah", MAGAZINE_URL)]
              + WARTA_MENU[_after_news:])
