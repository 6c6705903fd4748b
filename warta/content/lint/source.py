"""Reading a content file: its bytes as text, its metadata header and body, with line numbers."""

import re
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder

from warta.content.errors import Finding

# Python-Markdown's meta extension, mirrored so header lines match what Pelican reads.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# Python-Markdown's attribute lists: `{: lang=en }` after an element, or ending a block.
ATTR_LIST_INLINE = re.compile(r"^\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}")
ATTR_LIST_BLOCK = re.compile(r"\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}[ ]*$")

BINARY_SIGNATURES = (
    (b"\x89PNG", "gambar PNG"), (b"\xff\xd8\xff", "gambar JPEG"), (b"GIF8", "gambar GIF"),
    (b"RIFF", "gambar WebP"), (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP atau dokumen Office"),
    (b"\xd0\xcf\x11\xe0", "dokumen Office lama"),
)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_tag(tag):
    """What makes two tags one topic: case and spacing aside. "Pemkot  Banjar" → "pemkot banjar"."""
    return " ".join(tag.split()).casefold()


def tag_spelling(tag):
    """A tag as its page shows it: the editor's own capitals, single spaces ("Pemkab Banjar")."""
    return " ".join(tag.split())


def split_list(value):
    """Split Tags/Authors the way Pelican does: on semicolons if any, otherwise on commas."""
    return value.split(";") if ";" in value else value.split(",")


class Source:
    """A Markdown file split into its metadata header and its body, with line numbers."""

    def __init__(self, text):
        # Python-Markdown reads "\r\n" and "\r" as newlines and nothing else, so line numbers
        # count "\n" only (str.splitlines would also split on U+2028 and friends).
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.fields = {}  # key -> [(line, value), ...], continuation lines included
        self.starts = {}  # key -> [line, ...] where `Key:` itself is written
        self.body_start = 0  # index into self.lines where the body begins
        self._read_header()

    def _read_header(self):
        lines, index, key = self.lines, 0, None
        if lines and BEGIN_RE.match(lines[0]):
            index = 1
        while index < len(lines):
            line = lines[index]
            if not line.strip() or END_RE.match(line):
                index += 1
                break
            match = META_RE.match(line)
            if match:
                key = match.group("key").lower()
                self.fields.setdefault(key, []).append((index + 1, match.group("value").strip()))
                self.starts.setdefault(key, []).append(index + 1)
            else:
                more = META_MORE_RE.match(line)
                if not (more and key):
                    break
                self.fields[key].append((index + 1, more.group("value").strip()))
            index += 1
        self.body_start = index

    def value(self, key):
        """The value of a header key (continuation lines joined), or None when absent."""
        if key not in self.fields:
            return None
        return " ".join(v for _, v in self.fields[key]).strip()

    def line(self, key, default=1):
        return self.fields[key][0][0] if key in self.fields else default


def decode(path, data):
    """The text of a content file, or a berkas-teks Finding saying why it cannot be read."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    kind = next((name for magic, name in BINARY_SIGNATURES if data.startswith(magic)), None)
    if kind or b"\x00" in data:
        what = f"berkas {kind}" if kind else "berkas biner (berisi bita nol)"
        return None, Finding(
            str(path), 1, "berkas-teks", f"Ini {what}, bukan tulisan Markdown",
            "pindahkan gambar ke content/images/ dan dokumen ke content/attachments/, lalu "
            "tautkan dari tulisan; kalau ini tulisan yang tersimpan sebagai UTF-16, simpan ulang "
            "sebagai UTF-8",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Finding(
            str(path), line, "berkas-teks",
            f"Berkas bukan teks UTF-8 (bita ke-{exc.start} tidak terbaca)",
            "simpan ulang berkas sebagai teks dengan pengodean UTF-8 di penyunting teks Anda; "
            "kalau ini gambar atau dokumen, pindahkan ke content/images/ atau content/attachments/",
        )
    control = CONTROL_CHARS.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        return None, Finding(
            str(path), line, "berkas-teks",
            f"Berkas berisi karakter kendali tak terlihat (U+{ord(control.group()):04X})",
            "hapus karakter itu (biasanya terbawa saat menyalin dari aplikasi lain), atau "
            "pindahkan berkas biner ke content/images/ atau content/attachments/",
        )
    if not text.strip():
        return None, Finding(
            str(path), 1, "berkas-teks", "Berkas kosong",
            "isi metadata (Title, Date, Category, Summary) dan isi tulisan, atau hapus berkasnya; "
            "`make berita JUDUL=\"...\"` membuat berkas baru yang siap diisi",
        )
    return text, None


def content_kind(path, settings):
    """'article', 'page' or 'other', from the folder a file lives in."""
    try:
        relative = Path(path).resolve().relative_to(Path(settings["PATH"]).resolve()).as_posix()
    except (ValueError, KeyError, OSError):
        return "other"

    def under(folders):
        return any(
            not f or relative == f or relative.startswith(f.rstrip("/") + "/") for f in folders
        )

    if under(settings["ARTICLE_PATHS"]):
        return "article"
    if under(settings["PAGE_PATHS"]):
        return "page"
    return "other"



def strip_block_attrs(text):
    """``text`` without a trailing block attribute list, and that list's attributes."""
    match = ATTR_LIST_BLOCK.search(text)
    if not match:
        return text, []
    attrs, _ = get_attrs_and_remainder(match.group(1) + "}")
    return text[: match.start()].strip(), attrs
