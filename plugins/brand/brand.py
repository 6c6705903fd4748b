"""brand: checks the city's brand colours for contrast and writes the stylesheet that
carries them (WARTA_BRAND_STYLESHEET), since the CSP allows no inline style."""

import logging
from pathlib import Path

from pelican import signals

from warta.content import brand

log = logging.getLogger(__name__)


def check_colours(pelican):
    brand.log_findings(pelican.settings, log)


def write_stylesheet(generators):
    if not generators:
        return
    settings = generators[0].settings
    text = brand.stylesheet(settings)
    if text is None:
        return  # an unreadable colour: check_colours has already failed the build
    target = Path(generators[0].output_path) / settings["WARTA_BRAND_STYLESHEET"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def register():
    # initialized: settings are checked before any content is read, like the menu's.
    signals.initialized.connect(check_colours)
    # all_generators_finalized: after Pelican has emptied the output folder and before any
    # generator writes; the theme's static files are then copied beside it, and finishing
    # (finalized) minifies, hashes and compresses it with them.
    signals.all_generators_finalized.connect(write_stylesheet)
