"""The theme's stylesheet, joined from one file per component.

Editors of the theme work in theme/css/warta/, one file per component, numbered in the order
the components appear on a page (01-tokens.css … 25-utilities.css); each stays under 400 lines.
Citizens download a single file, /theme/css/warta.css: one request on a slow connection.
The portal's build (plugins/finishing) and the e-PPID (eppid/theme_finder.py) both serve
``joined()``, so the two can never drift. The parts live outside theme/static/ so that neither
Pelican nor Django's staticfiles ever publishes them as files of their own.
"""

import re

from warta import ROOT

PARTS = ROOT / "theme" / "css" / "warta"
# Where the joined stylesheet is served, inside the theme's static folder (theme/ on the portal,
# warta/ on the e-PPID): the address base.html of both links.
SERVED = "css/warta.css"
# Two digits fix the order; the rest names the component in English.
PART_NAME = re.compile(r"\d\d-[a-z]+(?:-[a-z]+)*\.css")


class StylesheetError(Exception):
    """A file in the parts folder is not named NN-component.css, or two share a number."""


def parts(folder=PARTS):
    """The part files in the order they are joined: by their number."""
    found = sorted(p for p in folder.iterdir() if p.is_file())
    wrong = [p.name for p in found if not PART_NAME.fullmatch(p.name)]
    if wrong:
        raise StylesheetError(f"{folder}: bukan bernama NN-komponen.css: {', '.join(wrong)}")
    numbers = [p.name[:2] for p in found]
    if len(set(numbers)) != len(numbers):
        raise StylesheetError(f"{folder}: dua bagian bernomor sama: {', '.join(numbers)}")
    return found


def joined(folder=PARTS):
    """The stylesheet citizens download: every part, in order, each exactly once."""
    return "\n".join(part.read_text(encoding="utf-8").rstrip("\n") + "\n" for part in parts(folder))
