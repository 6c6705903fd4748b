"""Production settings: the city's settings plus what changes when the site goes live.

The city's settings are its pelicanconf.py at the project root, or the sample portal's while
there is none (warta.city_settings_file). They are read from their own file each time, never
from an imported module, so two portals read in one process never mix.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from warta import city_settings_file  # noqa: E402
from warta.settings.loader import read_values  # noqa: E402

_city = city_settings_file()
globals().update(read_values(_city))
# Findings about settings (a menu line, a review marker) point at the city's file, where they
# are fixed, not at this one.
WARTA_SETTINGS_FILE = str(_city)

# The published address: WARTA_SITEURL from the environment, else the one the city's
# settings give.
SITEURL = os.environ.get("WARTA_SITEURL") or globals().get("WARTA_SITEURL") or ""
# Absolute URLs everywhere, feeds included: readers and search engines need them.
FEED_DOMAIN = SITEURL
# Nothing unfinished reaches citizens: a review marker ("tinjau" in double brackets) still on a
# page, or left in the city's settings, stops the build at its line.
WARTA_REVIEW_BLOCKS = True
# Minified HTML, CSS and JS, content-hashed theme files, and .gz and .br copies.
PUBLISH_MINIFY = PUBLISH_HASH_ASSETS = PUBLISH_PRECOMPRESS = True
