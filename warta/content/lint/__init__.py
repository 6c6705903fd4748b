"""The content checks: one implementation for every build and for `bin/warta periksa`.

plugins/content_check calls :func:`lint_file` (through :class:`LintMemo`) for every Markdown file
Pelican reads and :func:`duplicate_outputs` once all content is read. Every rule has an id, a
severity and a section of the same name in docs/panduan-editor.md. Findings point at the
Markdown source line where the editor types, never only at the HTML.

rules: the rules, their settings and the guide · source: reading a file and its header ·
header, body, elements: the checks · checker: one file checked · memo: remembered results and
checks run ahead in other processes.
"""

from warta.content.lint.checker import (
    Checker,
    Probe,
    duplicate_outputs,
    lint_file,
    lint_text,
    settings_review,
)
from warta.content.lint.memo import AheadChecker, LintMemo, lint_recording
from warta.content.lint.rules import (
    GUIDE,
    PLACEHOLDER,
    REVIEW_MARKER,
    RULES,
    Rule,
    guide_link,
)
from warta.content.lint.source import (
    Source,
    content_kind,
    decode,
    normalise_tag,
    split_list,
    tag_spelling,
)

__all__ = [
    "GUIDE", "PLACEHOLDER", "REVIEW_MARKER", "RULES", "AheadChecker", "Checker", "LintMemo", "Probe",
    "Rule", "Source", "content_kind", "decode", "duplicate_outputs", "guide_link", "lint_file",
    "lint_recording", "lint_text", "normalise_tag", "settings_review", "split_list", "tag_spelling",
]
