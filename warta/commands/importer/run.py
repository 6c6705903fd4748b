"""One import, from items to files: categories, unique slugs, idempotence, then all or nothing."""

from dataclasses import dataclass, field
from pathlib import Path

from warta.commands.importer import categories
from warta.commands.importer.writer import (
    EDITED,
    HELD,
    Entry,
    Plan,
    clean_slug,
    digest,
    edited_since,
    existing_imports,
    inside,
    plan_item,
    recorded_hash,
    write_all,
)
from warta.content.addresses import BUILT_FOLDERS
from warta.content.lint import Source
from warta.content.sections import agencies as agency_files

# Top-level addresses a page may not take: the portal writes them itself.
RESERVED_PAGE_SLUGS = set(BUILT_FOLDERS) | {"berita", "images", "attachments", "halaman"}


@dataclass
class Outcome:
    plan: Plan
    entries: list
    duplicates: list = field(default_factory=list)  # (slug, [entries])
    post_agency: dict = field(default_factory=dict)
    category_agency: dict = field(default_factory=dict)
    deleted: list = field(default_factory=list)


def _taken_slugs(content, imported_paths):
    """Slugs of the content that did not come from this import (an editor's own pages)."""
    taken = set()
    for folder in ("berita", "halaman"):
        for path in (content / folder).glob("*.md") if (content / folder).is_dir() else []:
            if path.relative_to(content).as_posix() in imported_paths:
                continue
            slug = Source(path.read_text(encoding="utf-8", errors="replace")).value("slug")
            taken.add((folder, slug or path.stem))
    return taken


def plan_import(items, export, settings, content, uploads=None, map_path=None, export_path="",
                force=False):
    """An :class:`Outcome`; ContentError before anything is written for unmapped categories."""
    content = Path(content)
    opds = agency_files.by_name(settings)
    mapping = categories.read_map(map_path)
    post_agency, category_agency = categories.resolve(export_path, map_path, mapping, items, opds)
    previous = existing_imports(content)
    taken = _taken_slugs(content, {path for path, _ in previous.values()})
    limit = settings["WARTA_MAX_MARKDOWN_BYTES"]
    plan, entries, seen, duplicates = Plan(), [], {}, {}
    for item in sorted(items, key=lambda i: (i.kind, i.date, int(i.ident) if i.ident.isdigit() else 0, i.ident)):
        if len(item.html.encode("utf-8")) > limit:
            entries.append(Entry(item, action="dilewati", draft_reasons=[
                f"isi {len(item.html.encode('utf-8')) // 1024} KB, lebih dari batas "
                f"{limit // 1024} KB per berkas (WARTA_MAX_MARKDOWN_BYTES)"]))
            continue
        folder = "berita" if item.kind == "post" else "halaman"
        base = clean_slug(item, settings)
        if item.kind == "page" and base in RESERVED_PAGE_SLUGS:
            base = f"{base}-lama"
        # Posts share an address only within one year (berita/{year}/{slug}/); pages share one.
        scope = (folder, item.date.year if item.kind == "post" else 0)
        slug, number = base, 1
        while (scope, slug) in seen or (folder, slug) in taken:
            number += 1
            slug = f"{base}-{number}"
        seen[(scope, slug)] = item
        if slug != base:
            duplicates.setdefault((folder, base), [seen.get((scope, base))]).append(item)
        try:
            entry, text, result = plan_item(item, export, settings, content, uploads,
                                            post_agency.get(item.ident, ""), slug)
        except Exception as exc:  # noqa: BLE001 - one odd post never stops the import
            # A shape no conversion rule foresaw: the post is left out with its reason in the
            # report, never a traceback; the rest of the site is still imported.
            entries.append(Entry(item, action="dilewati", draft_reasons=[
                f"isinya tidak dapat diubah menjadi Markdown ({type(exc).__name__}: "
                f"{' '.join(str(exc).split())[:120]}); salin isinya dengan tangan"]))
            continue
        if slug != base:
            entry.notes.append(f"Slug {base!r} sudah dipakai tulisan lain; tulisan ini memakai {slug!r}")
        before = previous.get((item.origin, item.ident))
        if not inside(content, entry.path):
            raise ValueError(entry.path)  # clean_slug allows no separator: a bug, not input
        _decide(entry, text, before, content, force, plan)
        if entry.action not in ("tidak berubah", EDITED):
            for target, source in result.copies.items():
                existing = content / target
                if not (existing.is_file() and existing.read_bytes() == source.read_bytes()):
                    plan.copies[target] = source
        entries.append(entry)
    outcome = Outcome(plan, entries, post_agency=post_agency, category_agency=category_agency)
    outcome.duplicates = [(base, group) for (_, base), group in sorted(duplicates.items())]
    return outcome


def _decide(entry, text, before, content, force, plan):
    """New, unchanged, updated, or edited by an editor since (kept unless --paksa)."""
    if before is None:
        entry.action = "baru"
        plan.files[entry.path] = text
        return
    old_path, old_text = before
    edited = edited_since(old_text)
    if old_text == text and old_path == entry.path:
        entry.action = "tidak berubah"
    elif edited and not force:
        _keep_editors_file(entry, text, old_path, old_text)
    else:
        entry.action = "ditimpa (--paksa)" if edited else "diperbarui"
        plan.files[entry.path] = text
        if old_path != entry.path:
            plan.deletes.append(old_path)


def _keep_editors_file(entry, text, old_path, old_text):
    """The report describes the editor's file as it is, not the export's version of it: the
    editor's fixes (a published post, alt text written) are theirs, the conversion's findings
    no longer apply, and --paksa, which would throw those fixes away, is never suggested."""
    entry.action = EDITED
    entry.path = old_path
    entry.published = Source(old_text).value("status") is None and not old_path.startswith(f"{HELD}/")
    entry.notes, entry.draft_reasons, entry.converted = [], [], []
    entry.held_findings, entry.allowed = [], []
    if recorded_hash(old_text) != digest(text):
        entry.notes.append("Tulisan ini juga berubah di situs lama sejak impor sebelumnya; "
                           "bila perubahan itu perlu, salin sendiri ke berkas ini")


def apply(outcome, content):
    """Write the plan; a failure leaves content/ as it was."""
    write_all(outcome.plan, Path(content))
    for relative in outcome.plan.deletes:
        (Path(content) / relative).unlink(missing_ok=True)
