"""Errors an editor can act on: the file, the line, what is wrong and how to fix it."""

from pathlib import Path

from warta import ROOT


def display_path(path):
    """A path as an editor sees it in the repository: relative to the project root if possible."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class ContentError(Exception):
    """A mistake in one content file that stops the build.

    Formatted as ``path:line: message (fix)``, the same shape compilers and linters use, so
    editors' tools can jump to the line.
    """

    def __init__(self, path, message, fix="", line=None, rule="metadata"):
        self.path = path
        self.message = message
        self.fix = fix
        self.line = line
        self.rule = rule
        super().__init__(str(self))

    def __str__(self):
        where = display_path(self.path)
        if self.line:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" ({self.fix})"
        return text


class BuildError(Exception):
    """The build failed; the message lists every problem in plain words."""
