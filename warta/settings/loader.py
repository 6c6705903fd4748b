"""The one reader of a settings file, for the build, publishconf.py and the e-PPID.

A settings file is run from its own text each time, never imported as a module, so two portals
read in one process never mix; its upper-case names are its settings. :func:`load` then fills
every default a file does not set from warta.settings, once, so the code that reads the settings
afterwards never restates a default of its own (a test holds the code to that).
"""

import copy
import os
import re
from pathlib import Path

from warta.content.errors import display_path
from warta.settings import fill_defaults


def read_values(path):
    """{NAME: value} of the upper-case names the settings file at ``path`` assigns.

    Runs the file as Pelican would (``__file__`` is its path), so a file may name paths relative
    to itself or star-import warta.settings. Any exception the file raises is the caller's to
    report at its line.
    """
    path = Path(path)
    values = {"__file__": str(path), "__name__": "pelicanconf"}
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    exec(code, values)  # noqa: S102 - a settings file is Python by design, as Pelican's are
    # A star import hands the file warta.settings' own dicts and lists: a build that fills one
    # in place (Pelican adds to MARKDOWN) would change every later build in this process.
    return {name: _own_copy(value) for name, value in values.items() if name.isupper()}


def _own_copy(value):
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - what cannot be copied (a lock, a module) is kept as is
        return value


def load(path, **overrides):
    """The settings of the file at ``path`` with ``overrides``, every default filled.

    WARTA_SETTINGS_FILE names the file a settings finding points at: the file itself, unless it
    names another (publishconf.py names the city's pelicanconf.py, where values are fixed).
    """
    values = {**read_values(path), **overrides}
    values["WARTA_SETTINGS_FILE"] = values.get("WARTA_SETTINGS_FILE") or str(path)
    return fill_defaults(values)


def resolve_paths(values, settings_file):
    """``values`` with their folders made absolute from the settings file's own folder, as
    Pelican's read_settings does for a file it reads itself (the build hands Pelican values
    already read, so Pelican never runs the file a second time)."""
    def absolute(value):
        return os.path.abspath(os.path.join(settings_file.parent, value))

    for name in ("PATH", "OUTPUT_PATH", "CACHE_PATH"):
        if values.get(name) is not None:
            values[name] = absolute(values[name])
    theme = values.get("THEME")
    if theme is not None and os.path.exists(absolute(theme)):  # THEME may name a built-in theme
        values["THEME"] = absolute(theme)
    if values.get("PLUGIN_PATHS") is not None:
        values["PLUGIN_PATHS"] = [absolute(folder) for folder in values["PLUGIN_PATHS"]]
    return values


def settings_file(settings):
    """The settings file as findings name it (pelicanconf.py unless the build read another)."""
    return display_path(settings.get("WARTA_SETTINGS_FILE") or "pelicanconf.py")


def _settings_lines(settings):
    """The lines of the settings file the build read, or none when it cannot be read."""
    path = settings.get("WARTA_SETTINGS_FILE")
    try:
        return Path(path).read_text(encoding="utf-8").splitlines() if path else []
    except OSError:
        return []


def settings_line(settings, *words):
    """The first line of the settings file holding every one of ``words``, or None: where a
    finding about a setting points."""
    return next((number for number, line in enumerate(_settings_lines(settings), 1)
                 if all(word in line for word in words)), None)


def assignment_line(settings, name):
    """The line of the settings file that assigns ``name``, or 1."""
    assignment = re.compile(rf"^\s*{re.escape(name)}\s*=")
    return next((number for number, line in enumerate(_settings_lines(settings), 1)
                 if assignment.match(line)), 1)
