"""The tests' settings: a throwaway SQLite file, a fast password hasher, the real SMTP backend
(the mail test points it at a loopback aiosmtpd)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from eppid.settings import *  # noqa: F403 - the service's settings, then the tests' changes

DATA_DIR = Path(tempfile.mkdtemp(prefix="eppid-test-"))
# Every process that loads these settings (the PostgreSQL test's helpers too) removes its own.
atexit.register(shutil.rmtree, DATA_DIR, True)
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": str(DATA_DIR / "eppid.sqlite3"), "ATOMIC_REQUESTS": True,
                         "TEST": {"NAME": str(DATA_DIR / "eppid-test.sqlite3")},
                         "OPTIONS": {"timeout": 1}}}
EPPID_PRIVATE_MEDIA = DATA_DIR / "berkas"
EPPID_STATISTICS_FILE = DATA_DIR / "statistik-layanan.json"
STATIC_ROOT = DATA_DIR / "static"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The rate limits count where production counts: the database cache every worker shares
# (conftest.py creates its table), not the per-process LocMem of a local run.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                      "LOCATION": "eppid_cache"}}
EMAIL_PORT = 1  # nothing listens: a test that wants mail starts its own server

# The PostgreSQL test runs the same tests again with EPPID_TEST_DATABASE_URL pointing at its
# throwaway cluster.
if os.environ.get("EPPID_TEST_DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["EPPID_TEST_DATABASE_URL"])}  # noqa: F405
