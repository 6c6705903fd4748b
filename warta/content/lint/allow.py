"""`Lint_diizinkan:`: a file's visible, counted exception to the editorial rules only.

Old articles brought in by `bin/warta impor` were written under other rules: a title of
140 characters, a summary of a whole paragraph. Rewriting hundreds before the new portal opens
is not realistic, and refusing them would lose the archive. A file may therefore name, in its
header, the editorial rules it is allowed to break. Nothing that keeps a citizen from reading
the page can be allowed: alt text, links, headings (axe's heading-order judges them on the
page anyway), HTML and the sanitizer, addresses, dates. Every file using the flag is reported
by every build, so the exceptions stay in sight.
"""

from warta.content.lint.source import split_list

KEY = "lint_diizinkan"
# Length and count limits: style, which the gate's accessibility checks do not depend on.
EDITORIAL = frozenset({"judul-panjang", "ringkasan-panjang", "metadata-tag-banyak"})


def apply_allowances(checker):
    """Drop the findings the file allows, flag what it may not allow, and note its use."""
    source = checker.source
    value = source.value(KEY)
    if value is None:
        return
    line = source.line(KEY)
    names = [name.strip() for name in split_list(value) if name.strip()]
    allowed = {name for name in names if name in EDITORIAL}
    for name in names:
        if name not in EDITORIAL:
            checker.add(line, "lint-diizinkan-salah",
                        f"Aturan {name[:40]!r} tidak dapat diizinkan per berkas",
                        f"Lint_diizinkan hanya untuk aturan redaksional: {', '.join(sorted(EDITORIAL))}; "
                        "perbaiki temuan aturan lain di berkasnya")
    skipped = [f for f in checker.findings if f.rule in allowed]
    checker.findings = [f for f in checker.findings if f.rule not in allowed]
    if allowed:
        checker.add(line, "lint-diizinkan",
                    f"Berkas ini memakai Lint_diizinkan: {', '.join(sorted(allowed))} "
                    f"({len(skipped)} temuan dilewati)",
                    "setelah judul atau ringkasan diperbaiki, hapus baris Lint_diizinkan")
