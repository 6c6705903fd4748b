"""Warta: build, audit and check an accessible Indonesian government news portal."""

from pathlib import Path

__version__ = "0.1.0"

# The project root: where node_modules/ lives, and a city's own pelicanconf.py and content/.
ROOT = Path(__file__).resolve().parent.parent
# The sample portal of fictional Kota Contoh, kept apart from any city's portal: `make serve`
# shows it on a fresh clone, and Warta's own tests build and audit it, so they never depend on
# a city's content and a city's content never breaks them.
EXAMPLE = ROOT / "examples" / "kota-contoh"


def city_settings_file():
    """The settings file the commands use when none is named: WARTA_CITY_SETTINGS if set (the
    tests set the example's), else the city's pelicanconf.py at the project root once
    `kota-baru` has written it, else the sample portal's."""
    import os  # noqa: PLC0415 - this module stays import-light

    named = os.environ.get("WARTA_CITY_SETTINGS")
    if named:
        return Path(named).resolve()
    own = ROOT / "pelicanconf.py"
    return own if own.is_file() else EXAMPLE / "pelicanconf.py"
