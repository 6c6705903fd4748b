"""content_check: stop the build with a plain Indonesian message when a file's metadata is broken."""

import datetime
import logging
import re
from pathlib import Path

from pelican import signals
from pelican.readers import MarkdownReader

from warta.downloads import content_file
from warta.errors import ContentError

log = logging.getLogger(__name__)

# Editors write dates one way only: 2024-04-29 or 2024-04-29 09:30. A looser parser would read
# "04/05/2024" as 5 April or 4 May depending on habit; we refuse to guess.
DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")
DATE_FIX = "tulis tanggal sebagai TTTT-BB-HH atau TTTT-BB-HH JJ:MM, misalnya 2024-04-29 09:30"
HEADER_KEY = re.compile(r"^([A-Za-z0-9_-]+):\s*(.*)$")


def read_header(text):
    """The metadata block at the top of a Markdown file: {key: (line number, value)}.

    Mirrors Markdown's `meta` extension: `Key: value` lines up to the first blank line, with
    indented continuation lines.
    """
    header = {}
    last = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            break
        match = HEADER_KEY.match(line)
        if match:
            last = match.group(1).lower()
            header[last] = (number, match.group(2).strip())
        elif line.startswith((" ", "\t")) and last:
            line_no, value = header[last]
            header[last] = (line_no, f"{value} {line.strip()}".strip())
        else:
            break
    return header


def header_lines(text, key):
    """The line number of every `Key:` line for ``key`` in the metadata block, in order.

    read_header keeps one line per key; a field written once per item (PPID attachments,
    video files, magazine contents) needs each item's own line for its error message.
    """
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            break
        match = HEADER_KEY.match(line)
        if match and match.group(1).lower() == key:
            lines.append(number)
    return lines


def is_under(path, folders, base):
    relative = Path(path).resolve().relative_to(Path(base).resolve()).as_posix()
    return any(relative == f or relative.startswith(f.rstrip("/") + "/") for f in folders)


def check_date(path, header, key, required):
    if key not in header:
        if required:
            raise ContentError(path, f"Tanggal ({key.capitalize()}) tidak ada", DATE_FIX, line=1)
        return
    line, value = header[key]
    match = DATE_PATTERN.match(value)
    if not match:
        raise ContentError(path, f"Tanggal {value!r} tidak dapat dibaca", DATE_FIX, line=line)
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise ContentError(
            path, f"Tanggal {value!r} tidak ada di kalender", DATE_FIX, line=line
        ) from None


def check_metadata(path, text, settings):
    """Raise ContentError for the first metadata mistake in one content file."""
    header = read_header(text)
    if "title" not in header or not header["title"][1]:
        raise ContentError(
            path,
            "Judul (Title) tidak ada",
            "tulis baris `Title: Judul tulisan` di baris pertama berkas, lalu satu baris kosong",
            line=header.get("title", (1, ""))[0],
        )
    is_article = is_under(path, settings["ARTICLE_PATHS"], settings["PATH"])
    check_date(path, header, "date", required=is_article)
    check_date(path, header, "modified", required=False)
    if is_article:
        opds = [opd["name"] for opd in settings.get("WARTA_OPD", [])]
        if "category" not in header or not header["category"][1]:
            raise ContentError(
                path,
                "Perangkat daerah (Category) tidak ada",
                f"tambahkan baris `Category: ` dengan salah satu dari: {', '.join(opds)}",
                line=1,
            )
        line, category = header["category"]
        if opds and category not in opds:
            raise ContentError(
                path,
                f"Perangkat daerah {category!r} tidak terdaftar",
                f"pilih salah satu dari: {', '.join(opds)}; daftarnya ada di WARTA_OPD "
                "di pelicanconf.py",
                line=line,
            )
    if "cover" in header:
        line, cover = header["cover"]
        if not (Path(settings["PATH"]) / cover).is_file():
            raise ContentError(
                path,
                f"Gambar sampul {cover!r} tidak ditemukan",
                "periksa nama berkasnya; jalurnya dihitung dari folder content/, "
                "misalnya images/berita/nama.webp",
                line=line,
            )
        if not header.get("cover_alt", (0, ""))[1]:
            raise ContentError(
                path,
                "Gambar sampul tidak punya teks alternatif (Cover_alt)",
                "tambahkan baris `Cover_alt: ` yang menjelaskan isi gambar bagi pembaca "
                "yang tidak dapat melihatnya",
                line=line,
            )


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

    def fail(self, key, message, fix, at=None):
        """Record a problem at line ``at``, or else at the line of ``key``."""
        self.problems.append(ContentError(self.path, message, fix, line=at or self.line(key)))

    def written_once(self, metadata, fields):
        """Each of ``fields`` ({key: as editors write it}) is written once; True if so."""
        for key, written in fields.items():
            if isinstance(metadata.get(key), list):
                self.fail(key, f"Baris {written} ditulis lebih dari sekali",
                          "tulis satu baris saja untuk kolom ini")
        return not self.problems

    def required(self, metadata, fields, what="{label} ({written}) tidak ada"):
        """Each of ``fields`` [(key, as written, label, example)] has a value."""
        for key, written, label, example in fields:
            value = metadata.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.fail(key, what.format(label=label, written=written),
                          f"tambahkan baris `{written}: …` di bagian atas berkas, "
                          f"misalnya `{written}: {example}`")

    def agency(self, key, name, agencies):
        """``name``, when given, is one of ``agencies`` (the names in WARTA_OPD)."""
        if name and name not in agencies:
            self.fail(key, f"Perangkat daerah {name!r} tidak terdaftar",
                      f"pilih salah satu dari: {', '.join(agencies)}; daftarnya ada di "
                      "WARTA_OPD di pelicanconf.py")

    def named_file(self, key, relative, content_root, label, noun, example, formats=None,
                   setting=None, at=None):
        """The file a metadata line names (relative to content/), or None with a problem: it
        does not exist, lies outside content/, or its extension is not in ``formats``
        ({extension: name}; ``setting`` is where more can be added)."""
        source = content_file(content_root, relative)
        if source is None:
            self.fail(key, f"{label} {relative!r} tidak ditemukan",
                      "periksa nama berkasnya dan pastikan berkasnya ikut diunggah; jalurnya "
                      f"dihitung dari folder content/, misalnya `{example}`", at)
            return None
        extension = source.suffix.lower().lstrip(".")
        if formats is not None and extension not in formats:
            fix = f"simpan {noun} dalam salah satu format: {', '.join(formats.values())}"
            if setting:
                fix += f"; format lain dapat ditambahkan di {setting}"
            self.fail(key, f"Format {noun} .{extension} tidak didukung", fix, at)
            return None
        return source

    def report(self):
        """Log every problem (the build collects them); True when there was none."""
        for problem in self.problems:
            log.error("%s", problem)
        return not self.problems


class CheckedMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with our metadata checks before Pelican parses the file."""

    def read(self, source_path):
        try:
            with open(source_path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except UnicodeDecodeError as exc:
            raise ContentError(
                source_path,
                f"Berkas bukan teks UTF-8 (bita ke-{exc.start})",
                "simpan ulang berkas dengan pengodean UTF-8 di penyunting teks Anda",
            ) from None
        if not text.strip():
            raise ContentError(
                source_path,
                "Berkas kosong",
                "isi metadata (Title, Date, Category, …) dan isi tulisan, atau hapus berkasnya",
            )
        check_metadata(source_path, text, self.settings)
        return super().read(source_path)


def use_checked_reader(readers):
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader


def register():
    # readers_init fires before Pelican instantiates its readers, so ours replaces the stock
    # Markdown reader for every Markdown extension.
    signals.readers_init.connect(use_checked_reader)
