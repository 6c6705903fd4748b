"""Imported items as Warta Markdown files: metadata, drafts, idempotent re-runs, all or nothing.

Each file records where it came from and a hash of what the import wrote
(`Impor: wordpress 123 sha256:…`). A re-run rewrites a file only when the export changed it,
and never a file an editor has edited since (unless `--paksa`): the hash no longer matches.
Every file is planned and checked in memory first; only a complete plan is written, into a
staging folder, and then moved into place.
"""

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from warta.commands.importer.convert import (
    Converted,
    Images,
    bad_alt,
    code,
    convert,
    escape_text,
    quote,
    summary_of,
)
from warta.commands.importer.source import is_draft
from warta.commands.importer.wxr import uploads_path
from warta.content import paths
from warta.content.lint import Probe, lint_text, normalise_tag
from warta.content.lint.allow import EDITORIAL
from warta.content.slugs import slug_from

IMPOR = re.compile(r"^Impor: (\S+) (\S+) sha256:([0-9a-f]+)[ \t]*$", re.MULTILINE)
FOLDERS = {"post": "berita", "page": "halaman"}
HASH_LENGTH = 16
# Files that would fail the content checks wait here, outside every folder Pelican reads.
HELD = "impor-tertahan"
# A file an editor changed since the import wrote it: left as the editor made it.
EDITED = "diubah editor, dibiarkan"


@dataclass
class Entry:
    """One item's outcome, for the report and the redirects."""

    item: object
    path: str = ""  # relative to the content root
    slug: str = ""
    published: bool = False
    action: str = ""
    notes: list = field(default_factory=list)
    draft_reasons: list = field(default_factory=list)
    converted: list = field(default_factory=list)
    allowed: list = field(default_factory=list)
    held_findings: list = field(default_factory=list)
    uploads_used: dict = field(default_factory=dict)

    @property
    def held(self):
        """Waiting in impor-tertahan/: failed the checks now, or an editor's file still there."""
        return bool(self.held_findings) or self.path.startswith(f"{HELD}/")

    @property
    def weight(self):
        """Worst first: refused, then drafts by how much they need, then published with notes."""
        return (self.action != "dilewati", not self.held, self.published,
                -len(self.draft_reasons) - len(self.notes))


@dataclass
class Plan:
    files: dict = field(default_factory=dict)  # content-relative path -> text
    copies: dict = field(default_factory=dict)  # content-relative path -> source Path
    entries: list = field(default_factory=list)
    deletes: list = field(default_factory=list)  # content-relative paths an update moved away from


def digest(text):
    """The hash recorded in a file: of its text with the hash itself left out."""
    return hashlib.sha256(IMPOR.sub(r"Impor: \1 \2", text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded_hash(text):
    """The hash an import recorded in a file's `Impor:` line, or ""."""
    match = IMPOR.search(text)
    return match.group(3) if match else ""


def edited_since(text):
    """True when a file's text no longer has the hash the import recorded in it."""
    return digest(text) != recorded_hash(text)


def existing_imports(content):
    """{(origin, ident): (relative path, text)} of files an earlier import wrote."""
    found = {}
    for folder in [*FOLDERS.values(), *(f"{HELD}/{f}" for f in FOLDERS.values())]:
        for path in sorted((content / folder).glob("*.md")) if (content / folder).is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            match = IMPOR.search(text)
            if match:
                found[(match.group(1), match.group(2))] = (path.relative_to(content).as_posix(), text)
    return found


def clean_slug(item, settings):
    slug = slug_from(item.slug or item.title or f"{item.origin}-{item.ident}", settings)
    return slug or f"{item.kind}-{item.ident}"


def header_line(key, value):
    return f"{key}: {' '.join(str(value).split())}"


def render(item, entry, body, category, cover, settings):
    """The file's text, Impor line last in the header."""
    title = item.title or ""
    lines = [header_line("Title", title), header_line("Date", item.date.strftime("%Y-%m-%d %H:%M"))]
    if item.kind == "post":
        lines.append(header_line("Category", category))
        tags = {}
        for tag in item.tags:
            tag = " ".join(tag.replace(",", " ").replace(";", " ").split())
            tags.setdefault(normalise_tag(tag), tag)
        if any(tags):
            lines.append(header_line("Tags", ", ".join(t for t in tags.values() if t)))
    if item.author:
        lines.append(header_line("Author", item.author))
    lines.append(header_line("Slug", entry.slug))
    limit = settings["WARTA_LINT_SUMMARY_MAX"] or 300
    lines.append(header_line("Summary", escape_text(summary_of(item.excerpt, item.html, limit))))
    if cover:
        lines += [header_line("Cover", cover[0]), header_line("Cover_alt", cover[1])]
    if not entry.published:
        lines.append("Status: draft")
    if entry.allowed:
        lines.append(header_line("Lint_diizinkan", ", ".join(entry.allowed)))
    lines.append(f"Impor: {item.origin} {item.ident} sha256:0")
    text = "\n".join(lines) + "\n\n" + body
    return IMPOR.sub(lambda m: f"Impor: {m.group(1)} {m.group(2)} sha256:{digest(text)}", text)


def _cover(item, export, result, images):
    """((Cover, Cover_alt), "") or (None, the note the body shows instead). A cover's alt
    text lives in the header, so its note asks for `Cover_alt:` there, never in the body."""
    attachment = export.attachments.get(item.cover_id) if export and item.cover_id else None
    if attachment is None:
        if item.cover_id:
            result.notes.append(f"Gambar sampul (lampiran {item.cover_id}) tidak ada di ekspor")
        return None
    before = len(result.notes)
    placed = images.place(attachment.url, attachment.alt)
    target = result.uploads_used.get(uploads_path(attachment.url), "")
    if len(result.notes) == before:
        result.converted[-1] = f"sampul {target}"  # not "gambar": the report names it a cover
        return (target, attachment.alt), ""
    if target and (not attachment.alt or bad_alt(attachment.alt)):
        why = "tanpa teks alternatif" if not attachment.alt else \
            f"yang teks alternatifnya {code(attachment.alt[:40])} tidak menjelaskan isinya"
        result.notes[-1] = (f"Sampul {why}: tambahkan ke kepala berkas `Cover: {target}` dan "
                            "`Cover_alt:` berisi apa isi gambarnya, lalu hapus kutipan ini")
    else:  # no file to show: the note says why, as for a picture in the body
        result.notes[-1] = "Sampul: " + result.notes[-1]
    return None, quote(result.notes[-1]) if placed else ""


class PlannedProbe(Probe):
    """The checks' file-system questions, answered as they will be once the plan is written:
    the pictures the import is about to copy count as there."""

    def __init__(self, planned):
        super().__init__()
        self.planned = {str(Path(p).resolve()): size for p, size in planned.items()}

    def ask(self, kind, path):
        size = self.planned.get(str(Path(path).resolve())) if path is not None else None
        if size is not None:
            return size if kind == "size" else True
        return super().ask(kind, path)


def _lint(content, entry, text, settings, result):
    probe = PlannedProbe({content / target: source.stat().st_size
                          for target, source in result.copies.items()})
    return [f for f in lint_text(content / entry.path, text, settings, probe) if f.is_error]


def plan_item(item, export, settings, content, uploads, category, slug):
    entry = Entry(item, slug=slug)
    result = convert(item.html, export, uploads)
    cover, cover_note = None, ""
    placed = _cover(item, export, result, Images(export, uploads, result))
    if placed:
        cover, cover_note = placed
    if not item.title.strip():
        words = " ".join(summary_of("", item.html).split()[:8]) or f"pos {item.ident}"
        item.title = f"Tanpa judul: {words}"
        result.draft_reasons.append("judul kosong")
        result.notes.append("Pos tanpa judul: judul sementara dibuat dari kalimat pertama; tulis judulnya")
    if not result.markdown.strip() and not cover_note:
        result.markdown = "> **Catatan impor:** isi pos kosong di situs lama; tulis isinya atau hapus berkas ini.\n"
        result.draft_reasons.append("isi kosong")
    entry.notes, entry.converted = result.notes, result.converted
    entry.draft_reasons, entry.uploads_used = result.draft_reasons, result.uploads_used
    if is_draft(item.status):
        entry.draft_reasons.insert(0, f"berstatus {item.status} di situs lama")
    entry.published = not entry.draft_reasons
    body = (cover_note.strip() + "\n\n" if cover_note else "") + result.markdown
    folder = FOLDERS[item.kind]
    name = f"{item.date:%Y-%m-%d}-{slug}.md" if item.kind == "post" else f"{slug}.md"
    entry.path = f"{folder}/{name}"
    text = render(item, entry, body, category, cover, settings)
    findings = _lint(content, entry, text, settings, result)
    allowed = sorted({f.rule for f in findings if f.rule in EDITORIAL})
    if allowed:
        entry.allowed = allowed
        text = render(item, entry, body, category, cover, settings)
        findings = _lint(content, entry, text, settings, result)
    if findings:
        # Even a draft must pass the checks (every build reads drafts): the file waits outside
        # the folders Pelican reads until an editor fixes it.
        entry.held_findings = [f"baris {f.line}: {f.rule}: {f.message}" for f in findings]
        entry.published = False
        entry.draft_reasons.append("gagal pemeriksaan konten: " + ", ".join(sorted({f.rule for f in findings})))
        entry.path = f"{HELD}/{entry.path}"
        text = render(item, entry, body, category, cover, settings)
    return entry, text, result


def write_all(plan, content):
    """Write every planned file through a staging folder beside ``content``; move into place
    only once all of it is written. Returns nothing; raises OSError (content unchanged)."""
    content.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".impor-baru-", dir=content.parent))
    try:
        for relative, text in plan.files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for relative, source in plan.copies.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            final = content / path.relative_to(staging)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def inside(root, relative):
    """True when ``relative`` stays under ``root`` (warta.content.paths: no `..` out, no symbolic link
    out, no backslash)."""
    if str(relative).startswith("/"):
        return False
    try:
        paths.inside(root, str(relative))
    except paths.Refused:
        return False
    return True


__all__ = ["Converted", "Entry", "Plan", "existing_imports", "plan_item", "write_all"]
