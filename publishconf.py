"""Production settings: the development settings plus what changes when the site goes live."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("WARTA_SITEURL", "https://portal.kotacontoh.example")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# --- Production output (issue 7) -------------------------------------------------------------
# Absolute URLs everywhere, feeds included (readers and search engines need them).
FEED_DOMAIN = SITEURL
PUBLISH_MINIFY = True
PUBLISH_HASH_ASSETS = True
PUBLISH_PRECOMPRESS = True
