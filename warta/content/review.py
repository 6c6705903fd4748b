"""Review markers, ((tinjau: …)): what a person must still decide, kept out of citizens' sight.

`warta kota-baru` and the importer write a marker wherever only a person can know the value (the
head of an agency, the decree that set up the PPID, office hours). An ordinary build and
`periksa` only warn about them, so a new portal can be built and looked at while it is being
completed. What is published must not show them: a citizen who reads "((tinjau: tulis nama
kepala dinas))" on an agency's page is told nothing and trusts the portal less. So:

- `make publish` and the gate refuse a site in which a citizen would read a marker, and refuse
  markers left in the settings file, where they sit beside values that reach every page;
- the editors' preview shows each marker as a clearly labelled editor's note on the page.

What counts is what the pages say, not what the files hold: a draft is never published, so the
markers in it block nothing until it is.
"""

import bisect
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from warta.content.errors import ERROR, Finding, display_path
from warta.content.lint.checker import settings_review
from warta.content.lint.rules import REVIEW_MARKER

RULE = "perlu-ditinjau"
FIX = "putuskan isinya, tulis di tempat tanda itu, lalu hapus tanda ((tinjau: ...))"
# Markup that is not page text: a marker there is inside an element's raw text or an attribute.
_RAW_TEXT = re.compile(r"<(title|script|style|textarea)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
# The header field a file uses to skip editorial rules (warta.content.lint.allow), as written.
_ALLOWANCE = re.compile(r"^lint_diizinkan\s*:", re.I)


def marker_text(found):
    """The words of a marker, as plain text: ``((tinjau: tulis nama))`` → ``tulis nama``."""
    inner = found[2:-2].split(":", 1)[1] if ":" in found else found[2:-2]
    return " ".join(html.unescape(_TAG.sub("", inner)).split())


def _key(text):
    """Markers compared by their letters and digits: typography and entities may differ."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# --- In pages ----------------------------------------------------------------------------------

def _hidden_spans(page):
    """Where ``page`` has no text a reader sees (tags, raw-text elements), merged and sorted."""
    spans = sorted([m.span() for m in _RAW_TEXT.finditer(page)]
                   + [m.span() for m in _TAG.finditer(page)])
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _visible_markers(page):
    """The markers in a page's text, as regular-expression matches, in order."""
    hidden = _hidden_spans(page)
    starts = [start for start, _ in hidden]
    found = []
    for match in REVIEW_MARKER.finditer(page):
        before = bisect.bisect_right(starts, match.start()) - 1
        if before < 0 or hidden[before][1] <= match.start():
            found.append(match)
    return found


def _attribute_markers(page):
    """Markers in attribute values (alt text, titles) and in the head: read aloud or indexed."""
    visible = {m.start() for m in _visible_markers(page)}
    return [m for m in REVIEW_MARKER.finditer(page) if m.start() not in visible]


def label_notes(page):
    """``page`` with every visible marker shown as an editor's note (the preview only).

    The note is page text and markup already sanitized, so only our own wrapper is added.
    """
    pieces, last = [], 0
    for match in _visible_markers(page):
        inner = match.group()[2:-2].split(":", 1)[1].strip()
        pieces += [page[last:match.start()],
                   '<mark class="w-review-note"><strong>Catatan editor, perlu ditinjau:</strong> ',
                   inner, "</mark>"]
        last = match.end()
    return "".join(pieces) + page[last:] if pieces else page


# --- Blocking what is published --------------------------------------------------------------

@dataclass
class _Place:
    text: str
    pages: list = field(default_factory=list)


def _source_markers(content, settings_file):
    """{key: [(path, line)]} of every marker written in the content folder and settings."""
    files = sorted(Path(content).rglob("*.md")) if content and Path(content).is_dir() else []
    if settings_file and Path(settings_file).is_file():
        files.append(Path(settings_file))
    index = {}
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the build's own checks name a file it cannot read
        for number, line in enumerate(text.splitlines(), start=1):
            for found in REVIEW_MARKER.finditer(line):
                key = _key(marker_text(found.group()))
                index.setdefault(key, []).append((display_path(path), number))
    return index


def _page_sources(source_map):
    try:
        pages = json.loads(Path(source_map).read_text(encoding="utf-8"))["pages"]
        return pages if isinstance(pages, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def published_markers(output, content, settings_file, source_map=None, shown_as=None):
    """perlu-ditinjau errors, one per marker written in a file, for every marker a citizen would
    read in the pages of ``output`` and every marker left in the settings file.

    ``source_map`` (the build's, see warta.content.source_maps) lets a marker be named in the file that
    made its page when several files hold the same words. ``shown_as`` is how the output folder
    is named in messages (the build's staging folder is not the editor's business).
    """
    output = Path(output)
    index = _source_markers(content, settings_file)
    sources = _page_sources(source_map) if source_map else {}
    places = {}
    for page in sorted(output.rglob("*.html")):
        relative = page.relative_to(output).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        if "((tinjau:" not in text:
            continue
        own = (sources.get(relative) or {}).get("source")
        for match in _visible_markers(text) + _attribute_markers(text):
            words = marker_text(match.group())
            written = index.get(_key(words)) or [(f"{shown_as or output.name}/{relative}", None)]
            chosen = [place for place in written if place[0] == own] or written
            for place in chosen:
                entry = places.setdefault(place, _Place(words))
                if relative not in entry.pages:
                    entry.pages.append(relative)
    for finding in settings_review(settings_file) if settings_file else []:
        places.setdefault((display_path(finding.path), finding.line),
                          _Place(finding.message.removeprefix("Masih perlu ditinjau: ")))
    return [Finding(path, line, RULE, _message(entry), FIX, ERROR)
            for (path, line), entry in sorted(places.items(), key=lambda item: (item[0][0],
                                                                                item[0][1] or 0))]


def _message(entry):
    text = f"Masih perlu ditinjau: {entry.text[:160]}"
    if not entry.pages:
        return text + "; nilai di baris ini tampil bagi warga"
    first = "/" + entry.pages[0].removesuffix("index.html")
    more = f" dan {len(entry.pages) - 1} halaman lain" if len(entry.pages) > 1 else ""
    return f"{text}; tampil bagi warga di {first}{more}"


def allowance_files(content):
    """The content files whose header names rules they may break (Lint_diizinkan)."""
    found = []
    for path in sorted(Path(content).rglob("*.md")) if content and Path(content).is_dir() else []:
        try:
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if not line.strip():
                        break
                    if _ALLOWANCE.match(line):
                        found.append(display_path(path))
                        break
        except (OSError, UnicodeDecodeError):
            continue
    return found
