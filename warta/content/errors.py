"""Errors an editor can act on: the file, the line, what is wrong and how to fix it."""

from dataclasses import dataclass
from pathlib import Path

from warta import ROOT

ERROR = "kesalahan"  # stops the build
WARNING = "peringatan"  # printed, the build goes on


def display_path(path):
    """A path as an editor sees it in the repository: relative to the project root if possible."""
    path = Path(path)
    try:
        # The parent only: a symbolic link is named as the editor sees it, not by its target.
        if path.name not in ("", ".", ".."):
            return str((path.parent.resolve() / path.name).relative_to(ROOT))
        return str(path.resolve().relative_to(ROOT))
    except (ValueError, OSError):
        return str(path)


def format_finding(path, message, fix="", line=None, rule=None):
    """``path:line: rule-id: message (fix)``: the shape compilers and linters use, so editors'
    tools can jump to the line."""
    where = display_path(path)
    if line:
        where = f"{where}:{line}"
    text = f"{where}: {rule}: {message}" if rule else f"{where}: {message}"
    if fix:
        text += f" ({fix})"
    return text


@dataclass
class Finding:
    """One problem the content checks found in one file, at one line."""

    path: str
    line: int
    rule: str
    message: str
    fix: str = ""
    severity: str = ERROR

    @property
    def is_error(self):
        return self.severity == ERROR

    def __str__(self):
        return format_finding(self.path, self.message, self.fix, self.line, self.rule)


class ContentError(Exception):
    """Mistakes in content that stop the build: one, or every error the checks found in a file.

    Each reads ``path:line: rule-id: message (fix)``, one per line.
    """

    def __init__(self, path, message, fix="", line=None, rule=None):
        self.path = path
        self.message = message
        self.fix = fix
        self.line = line
        self.rule = rule
        self.findings = [Finding(str(path), line, rule, message, fix)]
        super().__init__(str(self))

    @classmethod
    def from_findings(cls, findings):
        """One error carrying several findings (at least one)."""
        first = findings[0]
        error = cls(first.path, first.message, first.fix, first.line, first.rule)
        error.findings = list(findings)
        error.args = (str(error),)
        return error

    def __reduce__(self):
        # Files are checked in other processes, and an error travels back pickled: rebuild it
        # from its findings, since the default would call __init__ with the message alone.
        return (ContentError.from_findings, (self.findings,))

    def lines(self):
        return [str(finding) for finding in self.findings]

    def __str__(self):
        return "\n".join(self.lines())


class BuildError(Exception):
    """The build failed; the message lists every problem in plain words."""

    def __init__(self, message, findings=(), errors=(), warnings=()):
        super().__init__(message)
        self.findings = list(findings)  # content findings, errors and warnings (Finding)
        self.errors = list(errors)  # every error line, content or not
        self.warnings = list(warnings)
