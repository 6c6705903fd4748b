"""The e-PPID's settings for a local run and the tests: SQLite, DEBUG off unless asked for.

Production is settings_production.py (``from eppid.settings import *`` plus what production
changes). Everything a city changes is an ``EPPID_*`` name or an environment variable; the portal's
identity, contacts and footer are read from the portal's own pelicanconf.py (EPPID_PORTAL_SETTINGS),
so citizens see the same header, footer and "Hubungi PPID" in the same place (WCAG 3.2.6).
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from warta import city_settings_file

BASE_DIR = Path(__file__).resolve().parent
ROOT = BASE_DIR.parent
# Data the service writes (the SQLite file, uploads, the statistics export): outside the web
# root and outside the repository's tracked files.
DATA_DIR = Path(os.environ.get("EPPID_DATA_DIR", ROOT / ".cache" / "eppid"))

# A development key only: settings_production.py refuses to start without EPPID_SECRET_KEY.
SECRET_KEY = os.environ.get("EPPID_SECRET_KEY", "dev-only-not-secret-eppid-warta")
DEBUG = os.environ.get("EPPID_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("EPPID_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "eppid.permohonan",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "eppid.permohonan.security.SecurityHeadersMiddleware",
    "eppid.permohonan.security.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "eppid.urls"
WSGI_APPLICATION = "eppid.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "eppid.permohonan.portal.portal_context",
    ]},
}]


def database_from_url(url):
    """DATABASES['default'] from a DATABASE_URL: sqlite:///path or postgres://user:pw@host:port/db."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path[1:]) or ":memory:"}
    if parts.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # Each request in one transaction: a failure half-way leaves nothing half-saved.
            "ATOMIC_REQUESTS": True,
        }
    raise ValueError(f"DATABASE_URL tidak dikenal: skema {parts.scheme!r} (pakai sqlite:// atau postgres://)")


DATABASES = {"default": database_from_url(
    os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'eppid.sqlite3'}")
)}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A locked database waits this long, then the citizen gets the "coba lagi" page.
    DATABASES["default"]["OPTIONS"] = {"timeout": 5}
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Officers' passwords: long, not common, not numeric, not like the user's name (Perki 1/2021
# makes the PPID answerable for the register; the register holds citizens' personal data).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/e-ppid/static/"
STATIC_ROOT = DATA_DIR / "static"
# The theme's CSS and fonts, and the portal's images (its logo), served from the same files the
# portal publishes: never a copy that drifts, never a CDN.
STATICFILES_DIRS = [("warta", ROOT / "theme" / "static"), ("portal", city_settings_file().parent / "content" / "images")]
# The theme's stylesheet is joined from one file per component (warta/content/stylesheet.py), so it is
# not in theme/static/: this finder adds it as warta/css/warta.css, the portal's very bytes.
STATICFILES_FINDERS = [
    "eppid.theme_finder.ThemeStylesheetFinder",
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LOGIN_URL = "eppid:login"
LOGIN_REDIRECT_URL = "eppid:officer-list"

# Rate limits count in the cache; in production with several gunicorn workers the cache must be
# shared (settings_production.py and the tests use the database cache).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EPPID_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EPPID_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EPPID_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EPPID_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EPPID_SMTP_TLS") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("EPPID_FROM_EMAIL", "ppid@localhost")

# No personal data in logs (UU 27/2022): Django's request log names only the path, and every
# form here is a POST, so nothing a citizen typed reaches a log line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"eppid": {"handlers": ["console"], "level": "INFO"}},
}

# --- The e-PPID's own settings -------------------------------------------------------------
EPPID_URL_PREFIX = "e-ppid/"
# The portal whose header, footer and contacts these pages show, and its address (links from
# here to the portal; "" is the same host, where nginx serves both).
EPPID_PORTAL_SETTINGS = city_settings_file()
EPPID_PORTAL_URL = os.environ.get("EPPID_PORTAL_URL", "")

# Register numbers (Perki 1/2021: every request gets a register number); seq restarts each year.
EPPID_REQUEST_NUMBER_FORMAT = "{year}/PPID/{seq:05d}"
EPPID_OBJECTION_NUMBER_FORMAT = "{year}/KEB/{seq:05d}"

# Deadlines in working days, from the law.
EPPID_ANSWER_DAYS = 10  # UU 14/2008 Pasal 22 ayat (7)
EPPID_EXTENSION_DAYS = 7  # Pasal 22 ayat (8): once, with written reasons
EPPID_OBJECTION_WINDOW_DAYS = 30  # Pasal 36 ayat (1): after the reason arises
EPPID_OBJECTION_ANSWER_DAYS = 30  # Pasal 36 ayat (2): the atasan PPID answers
EPPID_COMMISSION_DAYS = 14  # Pasal 37 ayat (2): then to the Komisi Informasi

# Working days exclude weekends, Indonesia's national holidays and the cuti bersama of the joint
# decree (SKB) of three ministers, both from the holidays package (categories "public" and
# "government"; upgrade the package when a new SKB is out), and these:
# The city's own days off (its anniversary, a regional holiday): {"2027-04-20": "Hari jadi Kota"}.
EPPID_LOCAL_HOLIDAYS = {}
# Only for a year the package does not list yet (`manage.py check` warns, eppid.W001): that
# year's cuti bersama as the SKB lists them; a year named here counts as known. Empty by default.
EPPID_CUTI_BERSAMA = {}
# The library estimates Islamic holidays from a calendar; when the government fixes another
# date, move it here: {"estimated date": "actual date"} (or "" to drop it).
EPPID_HOLIDAY_CORRECTIONS = {}

# The agencies (OPD) whose PPID answers requests here: (slug, name). With EPPID_SEPARATE_AGENCIES
# an officer sees only their own agency's register; the PPID Utama (no agency) sees all.
EPPID_AGENCIES = [("ppid-utama", "PPID Utama")]
EPPID_SEPARATE_AGENCIES = True

# Rate limits: (attempts, seconds) per client address and form. No captcha, no time limit.
# Logins count failures only: "login" per address, "login-akun" per account from any address
# (a browser the officer logged in from before keeps its own budget: login_limits.py).
EPPID_RATE_LIMITS = {
    "permohonan": (10, 3600),
    "keberatan": (10, 3600),
    "status": (10, 600),
    # Downloads from "Cek status": like the lookup, with room for a few documents twice.
    "unduh": (20, 600),
    "login": (5, 900),
    "login-akun": (5, 900),
}
# The header that holds the client's address behind our own nginx (None: REMOTE_ADDR).
EPPID_CLIENT_IP_HEADER = None

# Personal data (UU 27/2022): an identity document upload is off unless a city needs it; when on,
# files go to EPPID_PRIVATE_MEDIA (outside any web root), only these types, this size.
EPPID_ID_UPLOAD = False
EPPID_PRIVATE_MEDIA = DATA_DIR / "berkas"
EPPID_UPLOAD_TYPES = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff",
                      "jpeg": b"\xff\xd8\xff"}
EPPID_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
# The answer's documents go with the mail while their total is within this (many mail servers
# refuse messages over 10-25 MB); above it the mail says to download them from "Cek status".
EPPID_MAIL_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# A notice that could not be sent (an extension, Pasal 22 ayat 8; an answer, Pasal 22 ayat 7 and
# Pasal 36 ayat 2) waits in the outbox; `manage.py eppid_surel_ulang` (eppid-surel-ulang.timer,
# every 5 minutes) tries again after these delays in seconds, the last one repeated, and gives up
# after EPPID_MAIL_RETRY_GIVE_UP_SECONDS, when the officer is told to call or write instead.
EPPID_MAIL_RETRY_DELAYS = [5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60]
EPPID_MAIL_RETRY_GIVE_UP_SECONDS = 3 * 24 * 60 * 60
# How long a download button on "Cek status" works (a signed token; the code is never in a URL).
EPPID_DOWNLOAD_TOKEN_SECONDS = 15 * 60
# Years after a request is closed before `manage.py eppid_purge` pseudonymises it (its
# numbers and dates stay, so the annual report's counts survive).
EPPID_RETENTION_YEARS = 2
# The statistics (no personal data) the static portal reads: WARTA_EPPID_STATISTICS there.
EPPID_STATISTICS_FILE = DATA_DIR / "statistik-layanan.json"
# The longest text a field takes: a request is a description, not a document.
EPPID_MAX_TEXT = 5000
CSRF_FAILURE_VIEW = "eppid.permohonan.views.csrf_failure"
