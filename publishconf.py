"""Production settings: the development settings plus what changes when the site goes live."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("WARTA_SITEURL", "https://portal.kotacontoh.example")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# --- Editors (issue 5) ---
# Production never shows the preview: drafts and future-dated articles are neither listed nor
# written, whatever the development settings say. A future-dated article appears on the first
# production build after its date (scheduled publishing).
WARTA_PREVIEW = False
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# --- Production output (issue 7) -------------------------------------------------------------
# Absolute URLs everywhere, feeds included (readers and search engines need them).
FEED_DOMAIN = SITEURL
PUBLISH_MINIFY = True
PUBLISH_HASH_ASSETS = True
PUBLISH_PRECOMPRESS = True
