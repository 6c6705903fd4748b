"""Production settings: the development settings plus what changes when the site goes live."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("WARTA_SITEURL", "https://portal.kotacontoh.example")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
