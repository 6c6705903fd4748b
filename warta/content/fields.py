"""The metadata fields of Warta's own sections (PPID, video, magazines), checked with their lines.

Each section validates fields Pelican knows nothing about; FieldCheck collects every problem of
one file, each at its line and with its rule id, so an editor sees them all in one build.
"""

import logging
from pathlib import Path

from warta.content.downloads import content_file, measure
from warta.content.errors import ContentError
from warta.content.lint import Source
from warta.content.pdf import UnreadablePdf
from warta.content.sections import agencies
from warta.content.sections.base import plain

log = logging.getLogger(__name__)


def portal_example(key, example, settings):
    """``example``, or for an agency or a place this portal's own (its first agency, its own
    region), so that no message names another government's offices."""
    if settings is None:
        return example
    if key in ("opd", "category"):
        found = agencies.agencies(settings)
        return found[0].name if found else example
    if key == "tempat":
        region = str(settings.get("WARTA_GOVERNMENT_NAME") or "").removeprefix("Pemerintah ")
        return region.strip() or example
    return example


def read_header(text):
    """The metadata block of a Markdown file: {key: (line number, value)}.

    Kept for other plugins (plugins/ppid reads its DIP fields with it); warta.Source is the
    one parser. A key written twice gives its last line, with its continuation lines joined.
    """
    source = Source(text)
    header = {}
    for key, values in source.fields.items():
        last = source.starts[key][-1]
        header[key] = (last, " ".join(v for line, v in values if line >= last).strip())
    return header


def header_lines(text, key):
    """The line number of every `Key:` line for ``key`` in the metadata block, in order.

    read_header keeps one line per key; a field written once per item (PPID attachments,
    video files, magazine contents) needs each item's own line for its error message.
    """
    return list(Source(text).starts.get(key, []))


class FieldCheck:
    """One content file's metadata problems, each with its line, logged together.

    The plugins that validate fields of their own (PPID, video, magazines) collect every
    problem of a file before reporting, so an editor sees them all in one build.
    """

    def __init__(self, path):
        self.path = path
        self.text = Path(path).read_text(encoding="utf-8-sig")
        self.header = read_header(self.text)
        self.problems = []

    def line(self, key):
        """The line of ``key`` in the metadata block, or 1 when it is missing."""
        return self.header.get(key, (1, ""))[0]

    def fail(self, key, message, fix, at=None, *, rule):
        """Record a problem at line ``at``, or else at the line of ``key``. ``rule`` is the id
        editors look up in docs/panduan-editor.md, as for every other finding."""
        self.problems.append(ContentError(self.path, message, fix, line=at or self.line(key),
                                          rule=rule))

    def written_once(self, metadata, fields, rule):
        """Each of ``fields`` ({key: as editors write it}) is written once; True if so."""
        for key, written in fields.items():
            if isinstance(metadata.get(key), list):
                self.fail(key, f"Baris {written} ditulis lebih dari sekali",
                          "tulis satu baris saja untuk kolom ini", rule=rule)
        return not self.problems

    def required(self, metadata, fields, rule, what="{label} ({written}) tidak ada", settings=None):
        """Each of ``fields`` [(key, as written, label, example, …)] has a value; the fix's
        example is this portal's own where it names an agency or a place (``settings``)."""
        for key, written, label, example, *_ in fields:
            example = portal_example(key, example, settings)
            value = metadata.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.fail(key, what.format(label=label, written=written),
                          f"tambahkan baris `{written}: …` di bagian atas berkas, "
                          f"misalnya `{written}: {example}`", rule=rule)

    def agency(self, key, name, settings):
        """The Agency that ``name`` (a `Singkatan:` of content/opd/) names, or None with a
        problem when it names none; None without one when ``name`` is empty."""
        found = agencies.by_name(settings).get(name) if name else None
        if name and found is None:
            self.fail(key, f"Perangkat daerah {name!r} tidak terdaftar",
                      agencies.unknown_fix(settings), rule="metadata-opd")
        return found

    def named_file(self, key, relative, content_root, label, noun, example, formats=None,
                   setting=None, at=None, *, rule):
        """The file a metadata line names (relative to content/), or None with a problem: it
        does not exist, lies outside content/, or its extension is not in ``formats``
        ({extension: name}; ``setting`` is where more can be added)."""
        source = content_file(content_root, relative)
        if source is None:
            self.fail(key, f"{label} {relative!r} tidak ditemukan",
                      "periksa nama berkasnya dan pastikan berkasnya ikut diunggah; jalurnya "
                      f"dihitung dari folder content/, misalnya `{example}`", at, rule=rule)
            return None
        extension = source.suffix.lower().lstrip(".")
        if formats is not None and extension not in formats:
            fix = f"simpan {noun} dalam salah satu format: {', '.join(formats.values())}"
            if setting:
                fix += f"; format lain dapat ditambahkan di {setting}"
            self.fail(key, f"Format {noun} .{extension} tidak didukung", fix, at, rule=rule)
            return None
        return source

    def report(self):
        """Log every problem (the build collects them); True when there was none."""
        for problem in self.problems:
            log.error("%s", problem)
        return not self.problems

    def attachments(self, entries, content_root, settings, *, setting, example, rule, title):
        """The `Lampiran:` files of one content file, each measured (format and size for its
        download link, WCAG 2.4.4) and, for a PDF, checked; every problem goes to this check
        under ``rule``, or the PDF rule that refused the file.

        ``entries`` are (line or None, "path | label") pairs; ``setting`` names the section's
        formats ({extension: name}); ``title`` labels a file given without one.
        """
        formats = settings[setting]
        found = []
        for at, entry in entries:
            relative, _, label = (part.strip() for part in str(entry).partition("|"))
            source = self.named_file("lampiran", relative, content_root, "Lampiran", "lampiran",
                                     example, formats, setting, at, rule=rule)
            if source is None:
                continue
            try:
                found.append(measure(source, content_root, label or plain(title),
                                     formats[source.suffix.lower().lstrip(".")], line=at,
                                     locale=settings["WARTA_LOCALE"]))
            except UnreadablePdf as exc:
                self.fail("lampiran", f"Lampiran {relative!r}: {exc}", exc.fix, at, rule=exc.rule)
        return found


# How an announcement or an event names an attachment, in the fix of a finding about one.
NOTICE_ATTACHMENT_EXAMPLE = "Lampiran: {folder}/lampiran/nama-berkas.pdf | Judul berkas"


def notice_attachments(check, meta, content_root, settings, default_label, folder):
    """The `Lampiran:` files of an announcement or event (its section's content ``folder``),
    measured and PDFs checked; problems go to ``check`` under `lampiran-berkas`, or the PDF
    rule that refused the file."""
    entries = meta.get("lampiran") or []
    if isinstance(entries, str):
        entries = [entries]
    lines = header_lines(check.text, "lampiran") + [None] * len(entries)
    # lines is padded to be long enough
    return check.attachments(
        list(zip(lines, entries, strict=False)), content_root, settings,
        setting="NOTICE_ATTACHMENT_FORMATS", example=NOTICE_ATTACHMENT_EXAMPLE.format(folder=folder),
        rule="lampiran-berkas", title=default_label)
