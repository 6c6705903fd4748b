"""Production: ``from eppid.settings import *`` plus what production changes."""

import os

from eppid.settings import *  # noqa: F403 - the e-PPID's settings, then production's changes

DEBUG = False
# Never the development key: a missing EPPID_SECRET_KEY stops gunicorn at start.
SECRET_KEY = os.environ["EPPID_SECRET_KEY"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# nginx passes the client's address; rate limits count per citizen, not per proxy.
EPPID_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
# One cache every gunicorn worker shares, so a rate limit is one limit
# (`manage.py createcachetable` once).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                      "LOCATION": "eppid_cache"}}
# collectstatic writes here; deploy/nginx.conf serves it as /e-ppid/static/.
STATIC_ROOT = os.environ.get("EPPID_STATIC_ROOT", "/srv/eppid/static")
