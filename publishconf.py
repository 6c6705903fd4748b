"""Production settings: the city's settings plus what changes when the site goes live."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402

# The published address: WARTA_SITEURL from the environment, else the one pelicanconf.py sets.
SITEURL = (os.environ.get("WARTA_SITEURL") or globals().get("WARTA_SITEURL")
           or "https://portal.kotacontoh.example")
# Absolute URLs everywhere, feeds included: readers and search engines need them.
FEED_DOMAIN = SITEURL
# Minified HTML, CSS and JS, content-hashed theme files, and .gz and .br copies.
PUBLISH_MINIFY = PUBLISH_HASH_ASSETS = PUBLISH_PRECOMPRESS = True
