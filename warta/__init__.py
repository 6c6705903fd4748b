"""Warta: build, audit and check an accessible Indonesian government news portal."""

from pathlib import Path

__version__ = "0.1.0"

# The project root: where pelicanconf.py, content/ and node_modules/ live.
ROOT = Path(__file__).resolve().parent.parent
