"""Production settings: the city's settings plus what changes when the site goes live."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402

SITEURL = os.environ.get("WARTA_SITEURL", "https://portal.kotacontoh.example")
# Absolute URLs everywhere, feeds included: readers and search engines need them.
FEED_DOMAIN = SITEURL
# Minified HTML, CSS and JS, content-hashed theme files, and .gz and .br copies.
PUBLISH_MINIFY = PUBLISH_HASH_ASSETS = PUBLISH_PRECOMPRESS = True
