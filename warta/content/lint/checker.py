"""One content file checked: every finding, errors and warnings, in line order; and the one check
that needs every file at once (two files writing the same address)."""

import unicodedata
from pathlib import Path

from warta.content.addresses import normalised
from warta.content.errors import Finding, display_path
from warta.content.lint.allow import apply_allowances
from warta.content.lint.body import BodyChecks
from warta.content.lint.elements import ElementChecks
from warta.content.lint.header import HeaderChecks
from warta.content.lint.limits import over_budget
from warta.content.lint.rules import REVIEW_MARKER, RULES
from warta.content.lint.source import Source, content_kind, decode


def ask(kind, path):
    """The file system's answer to one question the checks ask: "file", "exists" or "size"."""
    try:
        if path is None:
            return False
        if kind == "file":
            return path.is_file()
        if kind == "exists":
            return path.exists()
        return path.stat().st_size if path.is_file() else None  # "size"
    except (OSError, ValueError):
        # Names the system cannot even look up (too long, …) are simply not there.
        return None if kind == "size" else False


class Probe:
    """The file-system questions one file's checks asked, with their answers.

    A remembered result (warta.content.lint.memo) is reused only while every answer is still the same:
    a deleted cover image must be reported even though the article did not change.
    """

    def __init__(self):
        self.answers = []

    def ask(self, kind, path):
        answer = ask(kind, path)
        if path is not None:
            self.answers.append((kind, str(path), answer))
        return answer

    def is_file(self, path):
        return self.ask("file", path)

    def exists(self, path):
        return self.ask("exists", path)

    def size(self, path):
        return self.ask("size", path)


class Checker(HeaderChecks, BodyChecks, ElementChecks):
    """Every check of one file; each half lives in its own module, all report through add()."""

    def __init__(self, path, source, settings, probe=None):
        self.path = str(path)
        self.source = source
        self.settings = settings
        self.probe = probe or Probe()
        self.kind = content_kind(path, settings)
        self.findings = []

    def add(self, line, rule, message, fix=""):
        self.findings.append(Finding(self.path, line, rule, message, fix, RULES[rule].severity))


def lint_text(path, text, settings, probe=None):
    """Every finding for the text of one Markdown file, in line order."""
    # A file over the shape budget is refused before any parser sees it (warta.content.lint.limits).
    too_complex = over_budget(path, text)
    if too_complex is not None:
        return [too_complex]
    checker = Checker(path, Source(text), settings, probe)
    checker.check_header()
    checker.check_body()
    apply_allowances(checker)
    checker.findings.sort(key=lambda f: (f.line or 0, f.rule))
    return checker.findings


def lint_file(path, settings, probe=None):
    """Every finding for one content file, errors and warnings, in line order."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [Finding(str(path), 1, "berkas-teks", f"Berkas tidak dapat dibaca ({exc.strerror})",
                        "periksa izin berkasnya")]
    text, problem = decode(path, data)
    if problem:
        return [problem]
    return lint_text(path, text, settings, probe)


def settings_review(path):
    """perlu-ditinjau findings for the markers in a settings file (pelicanconf.py), which
    `warta kota-baru` writes as comments beside the values a person must still check."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, TypeError):
        return []  # a settings file that did not run never reaches the build
    return [
        Finding(str(path), number, "perlu-ditinjau",
                f"Masih perlu ditinjau: {marker.group()[9:-2].strip()[:160]}",
                "putuskan nilainya di baris ini, lalu hapus tanda ((tinjau: ...))",
                RULES["perlu-ditinjau"].severity)
        for number, line in enumerate(text.splitlines(), start=1)
        for marker in REVIEW_MARKER.finditer(line)
    ]


# --- Across files ---------------------------------------------------------------------------------

def duplicate_outputs(entries):
    """url-ganda findings for outputs claimed by more than one source file.

    ``entries`` is an iterable of (output path, source path, line). Pelican would silently keep
    only one of the files (or overwrite it); Warta names both and stops.
    """
    claims = {}
    for save_as, source, line in entries:
        if not save_as:
            continue
        shown = unicodedata.normalize("NFC", str(save_as)).lstrip("/")
        # Case aside: Berita/X/ and berita/x/ are one file on a case-insensitive disk or server.
        key = normalised(save_as).casefold()
        sources = claims.setdefault(key, (shown, []))[1]
        if all(existing[0] != source for existing in sources):
            sources.append((source, line))
    findings = []
    for _, (save_as, sources) in sorted(claims.items()):
        if len(sources) < 2:
            continue
        sources.sort()
        first = sources[0][0]
        for source, line in sources[1:]:
            findings.append(Finding(
                str(source), line, "url-ganda",
                f"Berkas ini dan {display_path(first)} sama-sama ditulis ke {save_as}",
                "ubah `Slug:` salah satunya agar alamatnya berbeda; tanpa ini salah satu tulisan "
                "hilang diam-diam dari situs",
            ))
    return findings
