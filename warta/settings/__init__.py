"""Every setting Warta gives a value, in one place, the way pelican/settings.py holds Pelican's.

A city's pelicanconf.py starts with ``from warta.settings import *`` and then sets only what is
its own (who publishes, contacts, menu, agencies, publications, time zone). Everything here is
wiring that every city shares: where content lives, the Indonesian addresses, which plugins run,
caches, the security policy, and each section's defaults. Whatever reads a settings file
(warta.settings.loader: the build, publishconf.py, the e-PPID) fills in every default it lacks, so
a settings file that does not import this module still gets the same values, and no other module
restates a default of its own.
"""

import copy

from warta import ROOT

# --- Content ---------------------------------------------------------------------------------
from warta.content.sections.ppid import schema as ppid_schema

PATH = "content"
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["images", "attachments"]
DEFAULT_LANG = "id"
# Babel locale for dates and numbers ("Senin, 29 April 2024").
WARTA_LOCALE = "id"
DEFAULT_PAGINATION = 10
TYPOGRIFY = True
# No widont: its no-break space glues a heading's last two words into one unit, which at 320 px
# and large text is wider than the line, so the browser breaks it inside a word
# ("Disabilit/as"). Headings then break between words (WCAG 1.4.10 without broken words).
TYPOGRIFY_OMIT_FILTERS = ["widont"]
SUMMARY_MAX_LENGTH = 40
# Drafts and articles dated in the future are never written by a normal build; only the
# editors' preview (`make devserver` turns WARTA_PREVIEW on) shows them, labelled.
WARTA_PREVIEW = False
WITH_FUTURE_DATES = False
# The date a build is for (warta.content.dates.build_date): None is today in TIMEZONE. Current
# announcements, this week's agenda and PPID freshness are measured against it; tests fix it.
WARTA_TODAY = None
# Whether a ((tinjau: ...)) a citizen would read stops the build (warta.content.review): on in
# publishconf.py, so nothing unfinished is published; off while a portal is being completed,
# where `make html` and `make periksa` only warn.
WARTA_REVIEW_BLOCKS = False
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
# Indonesian only: without these, Pelican takes two articles that share a slug for
# translations of each other and warns in English; the url-ganda check names real clashes.
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = None

# --- Help on every page: emergency, complaints, office hours ------------------------------------
# In every footer, in the same place (WCAG 3.2.6 Consistent Help): (label, shown text, link).
# 112 is Indonesia's one emergency number, SP4N-LAPOR! the national complaints channel every
# government takes part in (Perpres 76/2013); a city adds its own call centre.
WARTA_EMERGENCY_CONTACTS = [("Darurat", "112", "tel:112")]
WARTA_COMPLAINT_CONTACTS = [("SP4N-LAPOR!", "lapor.go.id", "https://www.lapor.go.id/")]
# [(days, hours)], e.g. ("Senin–Kamis", "08.00–16.00 WIB"); [] shows none.
WARTA_OFFICE_HOURS = []

# --- The home page ----------------------------------------------------------------------------
# Its h1: what the page is for (the header already names the site).
WARTA_HOME_HEADING = "Layanan dan informasi untuk warga"
# Current announcements it lists, and up to how many agencies it names before it shows only
# the letter index of the agencies' list.
WARTA_HOME_ANNOUNCEMENTS = 3
WARTA_HOME_AGENCIES_LISTED = 12

# --- Sections and the menu ------------------------------------------------------------------
# The sections this city publishes, any of: services (layanan), announcements (pengumuman),
# agenda, video, magazines (majalah). A section left out writes no page and may not be in
# WARTA_MENU (the build names the menu line); one switched on but still without content stays
# out of the menu and the home page until its first file arrives.
WARTA_SECTIONS = ["services", "announcements", "agenda", "video", "magazines"]
# The published address publishconf.py uses (the environment's WARTA_SITEURL wins).
WARTA_SITEURL = None
# The settings file the build read (warta.commands.build sets it), where settings findings point.
WARTA_SETTINGS_FILE = None

# --- Theme, plugins, Markdown ----------------------------------------------------------------
# Warta's own theme and plugins, by absolute path: Pelican resolves a relative THEME and
# PLUGIN_PATHS from the settings file's folder, and a city's portal may live in any folder.
THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "content_check", "indonesian_dates", "figures", "year_archives", "preview",
    "pelican.plugins.sitemap", "finishing", "ppid", "audit_record", "source_map",
    "build_cache", "video", "magazine", "agencies", "services", "menu", "brand", "announcements",
    "agenda",
    "stable_lists", "home",
]
# The header's brand colour and its dark-theme counterpart, as #RRGGBB. The build refuses a
# colour on which the header's white text falls below 4.5:1 (WCAG 1.4.3) and names the nearest
# that passes; the high-contrast theme ignores both. Written to WARTA_BRAND_STYLESHEET, since the
# Content-Security-Policy allows no inline style.
WARTA_BRAND_COLOR = "#0b3558"
WARTA_BRAND_COLOR_DARK = "#0a1f33"
WARTA_BRAND_STYLESHEET = "theme/css/merek.css"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        # Figures, table regions, new-tab links and image sizes, made once while the document
        # tree is in hand (warta/content/rewrite.py; the figures plugin connects it).
        "warta.content.rewrite": {},
        # No smarty extension: typogrify already makes quotes and dashes typographic, and
        # smarty doubled the cost of every build.
    },
    "output_format": "html5",
}

# --- Addresses: Indonesian, one folder per page (/berita/2024/judul/) ------------------------
ARTICLE_URL = "berita/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "berita/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Each agency's news, under its own page (OPD_PAGE_URL); the agencies plugin writes the list.
CATEGORY_URL = "opd/{slug}/berita/"
CATEGORY_SAVE_AS = "opd/{slug}/berita/index.html"
CATEGORIES_SAVE_AS = ""
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = "topik/{slug}/index.html"
TAGS_SAVE_AS = "topik/index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = "penulis/{slug}/index.html"
AUTHORS_SAVE_AS = "penulis/index.html"
ARCHIVES_SAVE_AS = "arsip/index.html"
# Year archives come from the year_archives plugin, paginated; Pelican's own are off.
YEAR_ARCHIVE_SAVE_AS = ""
WARTA_YEAR_ARCHIVE_URL = "arsip/{year}/"
WARTA_YEAR_ARCHIVE_SAVE_AS = "arsip/{year}/index.html"
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
]
# 404.html at the root, where any web server finds it.
DIRECT_TEMPLATES = ["index", "tags", "authors", "archives", "404", "search",
                    "tampilan"]
SEARCH_URL = "cari/"
SEARCH_SAVE_AS = "cari/index.html"
# The display preferences, linked from the header of every page ("Tampilan").
TAMPILAN_URL = "tampilan/"
TAMPILAN_SAVE_AS = "tampilan/index.html"
TEMPLATE_PAGES = {"robots.txt": "robots.txt"}
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# --- Feeds: Atom for all news, per agency, for the PPID and for videos -----------------------
FEED_ALL_ATOM = "feed/berita.atom.xml"
CATEGORY_FEED_ATOM = "feed/opd/{slug}.atom.xml"
FEED_ALL_RSS = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = None

# --- Search and discovery --------------------------------------------------------------------
# Pagefind indexes the <main> of every single document after each build (plugins/finishing),
# never the lists of them; one Indonesian index, whatever a page's lang attribute.
SEARCH_INDEX = True
SEARCH_LANGUAGE = "id"
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
    # Search and error pages are not content; tag and author lists repeat the archive.
    "exclude": ["^cari/", "^404", "^topik/", "^penulis/"],
}
# A share image for pages without a cover (Open Graph needs a raster image); None: no image.
WARTA_SHARE_IMAGE = None

# --- Security and production output ----------------------------------------------------------
# The same policy goes in every page's <meta> (static hosts that cannot send headers) and in
# deploy/nginx.conf as a header. Everything is our own origin; 'wasm-unsafe-eval' lets Pagefind
# compile its WebAssembly and is neither 'unsafe-inline' nor 'unsafe-eval'. The one frame-src is
# the privacy-enhanced YouTube player, loaded only when a citizen presses play.
CSP_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self'; font-src 'self'; connect-src 'self'; media-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
    "frame-src https://www.youtube-nocookie.com"
)
# WebP copies at these widths (never wider than the original) in srcset, with width and height
# against layout shift; images are drawn in the text column, 70ch (about 44rem) at most.
IMAGE_WIDTHS = [480, 800, 1200]
IMAGE_SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)"
# publishconf.py switches these on: minified HTML, CSS and JS, content-hashed theme files, and
# .gz and .br copies for the web server.
PUBLISH_MINIFY = PUBLISH_HASH_ASSETS = PUBLISH_PRECOMPRESS = False

# --- Caches and the audit record -------------------------------------------------------------
# Pelican caches each Markdown file's HTML and build_cache caches typogrify's, so a rebuild
# after one article changes re-reads only that article. Uncompressed: gzip at level 9 made
# saving a 10,000-article cache a large part of a rebuild.
CACHE_PATH = str(ROOT / ".cache" / "pelican")
CACHE_CONTENT = LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False
# The last full audit, written by the gate and shown on the accessibility statement; relative
# to the project root. Without a readable record the page says no audit is recorded.
WARTA_AUDIT_RECORD = ".cache/audit/last-audit.json"

# --- PPID: public information and the Daftar Informasi Publik (UU 14/2008) -------------------
# content/ppid/dokumen/ (one file per document) and content/ppid/halaman/ (Profil PPID,
# Maklumat, …), outside ARTICLE_PATHS and PAGE_PATHS: the ppid plugin reads them.
PPID_PATH = "ppid"
PPID_DOCUMENTS_DIR = "dokumen"
PPID_PAGES_DIR = "halaman"
PPID_URL = WARTA_PPID_URL = "ppid/"
PPID_DIP_URL = "ppid/dip/"
PPID_DIP_YEAR_URL = "ppid/dip/tahun/{year}/"
PPID_DIP_OPD_URL = "ppid/dip/opd/{slug}/"
PPID_CATEGORY_URL = "ppid/{slug}/"
PPID_DOCUMENT_URL = "ppid/dokumen/{slug}/"
PPID_PAGE_URL = "ppid/{slug}/"
# How citizens contact the PPID, linked from every footer (WCAG 3.2.6 Consistent Help).
WARTA_PPID_CONTACT_URL = "ppid/hubungi/"
PPID_DIP_JSON = "ppid/dip.json"
PPID_DIP_CSV = "ppid/dip.csv"
PPID_FEED_ATOM = "feed/ppid.atom.xml"  # None: no feed
PPID_CATEGORIES = ppid_schema.CATEGORIES
# Rows per page of the DIP and documents per category page: one page of hundreds of rows is
# long for anyone to read; dip.json and dip.csv still hold the whole list.
PPID_PER_PAGE = 25
# Attachment formats by extension: the name shown in "Unduh … (PDF, 1,2 MB)".
PPID_ATTACHMENT_FORMATS = {ext: ext.upper() for ext in
                           ("pdf", "xlsx", "xls", "docx", "doc", "odt", "ods", "csv", "zip")}
# UU 14/2008 Pasal 9 ayat (4): Berkala information is updated at least every six months.
PPID_BERKALA_MAX_AGE_MONTHS = 6
# True turns freshness warnings (stale Berkala, retention passed) and inaccessible PDF
# attachments into build failures.
PPID_STRICT = PPID_PDF_STRICT = False
# The date freshness is measured against: None is WARTA_TODAY (older settings files set this).
PPID_TODAY = None

# The e-PPID (eppid/), the service for requests and objections online: its address (e.g.
# "/e-ppid/"), linked from the PPID pages; "" links nowhere. WARTA_EPPID_STATISTICS names the
# statistics file it writes (`manage.py eppid_statistik`, no personal data), shown on the page
# PPID_REPORT_PAGE (the slug of the Laporan Layanan Informasi); None or a missing file: no table.
WARTA_EPPID_URL = ""
WARTA_EPPID_STATISTICS = None
PPID_REPORT_PAGE = "laporan-layanan-informasi"

# --- Agencies (OPD): one file each in content/opd/, its name the address (warta/content/sections/agencies.py) --
OPD_PATH = "opd"
OPD_URL = "opd/"
OPD_PAGE_URL = "opd/{slug}/"
# How many of an agency's newest news its page lists before linking to all of them.
OPD_LATEST_NEWS = 5

# --- Services, announcements and the agenda: one file each in their folders of content/ -----
# Public services (plugins/services): one file each in content/layanan/, its name the address,
# with the parts of the standar pelayanan a citizen needs (PermenPANRB 15/2014): requirements,
# procedure, time, cost, product, place and hours, and where to complain.
SERVICES_PATH = "layanan"
SERVICES_URL = "layanan/"
SERVICES_PAGE_URL = "layanan/{slug}/"
# The topics services are grouped under on the services page, in this order: {`Topik:` as
# editors write it: the heading citizens read}. A city adds or renames its own here.
SERVICES_TOPICS = {
    "kependudukan": "Kependudukan dan catatan sipil",
    "kesehatan": "Kesehatan",
    "pendidikan": "Pendidikan",
    "sosial": "Sosial",
    "perizinan": "Perizinan dan usaha",
    "ketenagakerjaan": "Ketenagakerjaan",
    "lingkungan": "Lingkungan hidup",
    "perhubungan": "Perhubungan",
    "perumahan": "Perumahan dan pertanahan",
    "pengaduan": "Pengaduan dan informasi",
}
# Forms and other files a service offers (`Lampiran:`), by extension: the name shown in the link.
SERVICES_ATTACHMENT_FORMATS = {ext: ext.upper() for ext in ("pdf", "docx", "odt", "xlsx", "ods")}
# A form citizens must fill in is part of the service itself, so a PDF a screen reader cannot
# read (no text layer, title or language: WCAG 1.1.1, 2.4.2, 3.1.1) stops the build; False: a
# warning, as for PPID attachments.
SERVICES_PDF_STRICT = True
# The services the home page features, by file name (`ktp-el` for content/layanan/ktp-el.md).
WARTA_HOME_SERVICES = []
ANNOUNCEMENTS_PATH = "pengumuman"
ANNOUNCEMENTS_URL = "pengumuman/"
# Every announcement, expired ones marked: old links and citations keep a page to land on.
ANNOUNCEMENTS_ARCHIVE_URL = "pengumuman/arsip/"
ANNOUNCEMENTS_PAGE_URL = "pengumuman/{slug}/"
ANNOUNCEMENTS_FEED_ATOM = "feed/pengumuman.atom.xml"  # None: no feed
AGENDA_PATH = "agenda"
AGENDA_URL = "agenda/"
AGENDA_PAST_URL = "agenda/lalu/"
AGENDA_PAGE_URL = "agenda/{slug}/"
# iCalendar (RFC 5545) files: one per event, and the whole agenda to subscribe to.
AGENDA_EVENT_ICS_URL = "agenda/{slug}.ics"
AGENDA_ICS_URL = "agenda/agenda.ics"
# The right-hand part of each event's UID (`slug@host`), which calendars use to recognise an
# event they already hold; None is the host of SITEURL (or "localhost" without one).
AGENDA_UID_DOMAIN = None
# Attachments of announcements and events, by extension: the name shown in "Unduh … (PDF, …)".
# They get the PPID attachments' PDF check (PPID_PDF_STRICT makes a failing PDF an error).
NOTICE_ATTACHMENT_FORMATS = {"pdf": "PDF"}

# --- City TV and digital magazines -----------------------------------------------------------
VIDEO_SECTION_NAME = "Video"
VIDEO_SECTION_DESCRIPTION = ""
VIDEO_PATH = "video"
VIDEO_URL = "video/"
VIDEO_PAGE_URL = "video/{slug}/"
VIDEO_FEED_ATOM = "feed/video.atom.xml"  # None: no feed
# Self-hosted formats: (name shown in download links, MIME type for <source>).
VIDEO_FORMATS = {"mp4": ("MP4", "video/mp4"), "webm": ("WebM", "video/webm")}
# The video's page on YouTube (the link without JavaScript) and the privacy-enhanced player,
# with Indonesian captions on; its origin is CSP_POLICY's one frame-src.
VIDEO_YOUTUBE_WATCH_URL = "https://www.youtube.com/watch?v={id}"
VIDEO_YOUTUBE_EMBED_URL = (
    "https://www.youtube-nocookie.com/embed/{id}?autoplay=1&cc_load_policy=1&cc_lang_pref=id&hl=id"
)
MAGAZINE_SECTION_NAME = "Majalah dan Koran Digital"
MAGAZINE_SECTION_DESCRIPTION = ""
MAGAZINE_PATH = "majalah"
MAGAZINE_URL = "majalah/"
MAGAZINE_PUBLICATION_URL = "majalah/{publication}/"
MAGAZINE_EDITION_URL = "majalah/{publication}/{slug}/"
# [{"name", "slug", "kind" ("Majalah" or "Koran"), "description"}]
MAGAZINE_PUBLICATIONS = []
# An edition whose PDF has no text layer, title or language is refused; False: a warning.
MAGAZINE_PDF_STRICT = True

# --- Editorial checks (warta.content.lint) and what content/ may hold (warta.content.files) ----------
WARTA_LINT_TITLE_MAX = 120
WARTA_LINT_SUMMARY_MAX = 300
WARTA_LINT_TAGS_MAX = 10
# URL prefixes of the video embeds a city allows besides CSP_POLICY's player; none by default.
WARTA_LINT_IFRAME_ALLOWED = []
WARTA_LINT_REQUIRED_ARTICLE = ["title", "date", "category", "summary"]
WARTA_LINT_REQUIRED_PAGE = ["title", "summary"]
WARTA_LINT_REQUIRED_OTHER = ["title"]
# Check files in other processes while Pelican reads, from this many files to check on (a fork
# costs more than checking a handful); None checks everything in one process.
WARTA_LINT_PARALLEL_MIN = 200
# {folder: extensions} replacing or adding to warta.content.files.DEFAULT_ALLOWED_FILES.
WARTA_ALLOWED_FILES = {}
WARTA_MAX_MARKDOWN_BYTES = 2 * 1024**2
WARTA_MAX_ATTACHMENT_BYTES = 50 * 1024**2
# Self-hosted video is large by nature; it still must not fill the server's disk.
WARTA_MAX_VIDEO_BYTES = 1024**3

__all__ = sorted(name for name in dir() if name.isupper() and name != "ROOT")
DEFAULTS = {name: globals()[name] for name in __all__}


def fill_defaults(settings):
    """Give ``settings`` every default it lacks (a copy, so no build changes another's)."""
    for key, value in DEFAULTS.items():
        if key not in settings:
            settings[key] = copy.deepcopy(value)
    return settings
