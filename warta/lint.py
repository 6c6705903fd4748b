"""The content checks (issue 5): one implementation for every build and for `make periksa`.

plugins/content_check calls :func:`lint_file` for every Markdown file Pelican reads and
:func:`duplicate_outputs` once all content is read; `python -m warta periksa` runs that same build.
Every rule has an id, a severity and a section of the same name in docs/panduan-editor.md.
Findings point at the Markdown source line where the editor types, never only at the HTML.
"""

import concurrent.futures
import datetime
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import re
import unicodedata
from collections import namedtuple
from pathlib import Path
from urllib.parse import unquote, urlsplit

from babel.core import Locale, UnknownLocaleError
from bs4 import BeautifulSoup, Comment
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown_it import MarkdownIt

from warta.content_files import BUILD_RULES
from warta.downloads import human_size
from warta.errors import ERROR, WARNING, Finding, display_path
from warta.scaffold import PLACEHOLDER

log = logging.getLogger(__name__)

GUIDE = "docs/panduan-editor.md"

Rule = namedtuple("Rule", "id severity summary")

# Every rule, in the order of the editors' guide. The id is also the guide's section anchor.
RULES = {
    rule.id: rule
    for rule in (
        Rule("berkas-teks", ERROR, "Berkas konten harus teks UTF-8 yang berisi"),
        Rule("berkas-jenis", ERROR, "Tulisan ditulis sebagai Markdown (.md)"),
        Rule("metadata-wajib", ERROR, "Kolom metadata wajib ada dan terisi"),
        Rule("metadata-tanggal", ERROR, "Tanggal ditulis TTTT-BB-HH atau TTTT-BB-HH JJ:MM"),
        Rule("metadata-opd", ERROR, "Category adalah salah satu perangkat daerah terdaftar"),
        Rule("metadata-nilai", ERROR, "Status, Slug, Template, Lang, Save_as dan URL bernilai sah"),
        Rule("metadata-tag", WARNING, "Topik (Tags) ditulis huruf kecil dan tanpa ganda"),
        Rule("metadata-tag-banyak", ERROR, "Paling banyak WARTA_LINT_TAGS_MAX topik per tulisan"),
        Rule("judul-panjang", ERROR, "Judul tidak melebihi batas panjang"),
        Rule("ringkasan-panjang", ERROR, "Ringkasan tidak melebihi batas panjang"),
        Rule("isi-templat", ERROR, "Teks contoh dari templat sudah diganti"),
        Rule("gambar-alt", ERROR, "Setiap gambar punya teks alternatif atau ditandai dekoratif"),
        Rule("gambar-alt-buruk", ERROR, "Teks alternatif bukan nama berkas dan bukan 'gambar'/'foto'"),
        Rule("gambar-berkas", ERROR, "Berkas gambar sampul ada di folder content/"),
        Rule("subjudul-h1", ERROR, "Isi tulisan tidak memakai judul tingkat 1 (#)"),
        Rule("subjudul-lompat", ERROR, "Subjudul dimulai dari ## dan tidak melompati tingkat"),
        Rule("subjudul-kosong", ERROR, "Subjudul tidak kosong"),
        Rule("tautan-umum", ERROR, "Teks tautan menjelaskan tujuannya (bukan 'klik di sini')"),
        Rule("tautan-url", ERROR, "Alamat web polos tidak dipakai sebagai teks tautan tanpa konteks"),
        Rule("tautan-kosong", ERROR, "Tautan punya teks dan alamat"),
        Rule("tautan-berkas", ERROR, "Tautan ke berkas menyebut format dan ukurannya"),
        Rule("tautan-rusak", ERROR, "Tautan {static}/{filename}/{attach} menunjuk berkas yang ada"),
        Rule("tabel-header", ERROR, "Setiap tabel punya sel judul (header)"),
        Rule("html-script", ERROR, "Tidak ada <script> atau tautan javascript:"),
        Rule("html-iframe", ERROR, "Tidak ada <iframe>, <object> atau <embed> selain yang diizinkan"),
        Rule("html-event", ERROR, "Tidak ada atribut peristiwa seperti onclick"),
        Rule("html-warna", ERROR, "Tidak ada style yang mengatur warna, <style> atau <font>"),
        Rule("html-tidak-diizinkan", ERROR, "Isi tulisan hanya memakai HTML yang diizinkan tema"),
        Rule("bahasa-kode", ERROR, "Kode bahasa pada lang sah, misalnya en atau ar"),
        Rule("bahasa-tanda", WARNING, "Bagian berbahasa lain ditandai dengan lang"),
        Rule("url-ganda", ERROR, "Dua berkas tidak boleh menulis alamat (URL) yang sama"),
        Rule("url-cadangan", ERROR, "Tulisan tidak memakai alamat yang ditulis portal sendiri"),
    )
}
# The build's own checks (content tree, PDFs, PPID, video, magazines) share the ids and guide.
RULES.update((rule_id, Rule(rule_id, *rest)) for rule_id, *rest in BUILD_RULES)

# Defaults for the WARTA_LINT_* settings; pelicanconf.py sets the city's own values.
DEFAULTS = {
    "WARTA_LINT_TITLE_MAX": 120,
    "WARTA_LINT_SUMMARY_MAX": 300,
    "WARTA_LINT_TAGS_MAX": 10,
    # URL prefixes of the video embeds another issue allows; none by default.
    "WARTA_LINT_IFRAME_ALLOWED": [],
    "WARTA_LINT_REQUIRED_ARTICLE": ["title", "date", "category", "summary"],
    "WARTA_LINT_REQUIRED_PAGE": ["title", "summary"],
    "WARTA_LINT_REQUIRED_OTHER": ["title"],
    # Check files in other processes while Pelican reads, from this many files to check on
    # (a fork costs more than checking a handful); None checks everything in one process.
    "WARTA_LINT_PARALLEL_MIN": 200,
}

FIELD_LABELS = {
    "title": "Judul (Title)",
    "date": "Tanggal (Date)",
    "modified": "Tanggal perubahan (Modified)",
    "category": "Perangkat daerah (Category)",
    "summary": "Ringkasan (Summary)",
    "tags": "Topik (Tags)",
    "slug": "Slug",
    "author": "Penulis (Author)",
    "cover_alt": "Teks alternatif sampul (Cover_alt)",
}

# Python-Markdown's meta extension, mirrored so header lines match what Pelican reads.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")

# Editors write dates one way only: 2024-04-29 or 2024-04-29 09:30. A looser parser would read
# "04/05/2024" as 5 April or 4 May depending on habit; we refuse to guess.
DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T_](\d{2}):(\d{2})(?::(\d{2}))?)?$")
DATE_FIX = "tulis tanggal sebagai TTTT-BB-HH atau TTTT-BB-HH JJ:MM, misalnya 2024-04-29 09:30"
YEARS = range(1900, 2101)

STATUSES = ("published", "draft", "hidden")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 100
SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]*$")
# Pelican's own keys take one value: a second line (or a continuation line) makes the value a
# list that the templates print as "['a', 'b']". Other plugins' keys are theirs to check
# (plugins/ppid allows one `Lampiran:` line per attachment).
SINGLE_VALUE_KEYS = {
    "title", "date", "modified", "category", "slug", "status", "author", "authors", "tags", "lang",
    "template", "save_as", "url", "cover", "cover_alt", "cover_caption",
}

# Alt text that says nothing (WCAG 1.1.1): a screen reader already announces "gambar".
GENERIC_ALT = {
    "gambar", "foto", "image", "img", "picture", "photo", "pic", "ilustrasi", "gambar ilustrasi",
    "foto ilustrasi", "dokumentasi", "foto dokumentasi", "foto kegiatan", "gambar kegiatan",
    "screenshot", "tangkapan layar", "logo", "banner", "thumbnail", "sampul", "cover",
}
IMAGE_FILE = re.compile(
    r"(\.(jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic)$)"
    r"|^(img|dsc|dscn|dcim|pxl|wa|whatsapp image|screenshot|foto|gambar)[\s_-]*\d{2,}",
    re.IGNORECASE,
)
DECORATIVE_CLASS = "dekoratif"

# Link text that does not say where the link goes (WCAG 2.4.4).
GENERIC_LINK_TEXT = {
    "klik di sini", "klik disini", "di sini", "disini", "sini", "klik", "klik ini",
    "klik link ini", "klik tautan ini", "tautan", "tautan ini", "link", "link ini",
    "baca selengkapnya", "selengkapnya", "baca", "baca lagi", "lebih lanjut",
    "selanjutnya", "lanjut", "lihat", "lihat di sini", "lihat selengkapnya", "unduh",
    "unduh di sini", "download", "download di sini", "here", "click here", "read more", "more",
    "info", "informasi", "detail",
}
URL_TEXT = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)

# Downloadable formats and the names an editor may use for them in the link text.
FILE_FORMATS = {
    "pdf": ("PDF",), "doc": ("DOC", "Word"), "docx": ("DOCX", "Word"),
    "xls": ("XLS", "Excel"), "xlsx": ("XLSX", "Excel"), "ppt": ("PPT", "PowerPoint"),
    "pptx": ("PPTX", "PowerPoint"), "odt": ("ODT",), "ods": ("ODS",), "odp": ("ODP",),
    "csv": ("CSV",), "json": ("JSON",), "zip": ("ZIP",), "rar": ("RAR",), "7z": ("7Z", "7-Zip"),
    "mp3": ("MP3",), "mp4": ("MP4",), "epub": ("EPUB",), "txt": ("TXT",),
}
SIZE_TEXT = re.compile(r"\d+(?:[.,]\d+)?\s?(?:bita|bytes?|B|KB|KiB|MB|MiB|GB|GiB)\b", re.IGNORECASE)

# `style` properties that set colours: they break the theme's contrast and its dark and
# high-contrast modes (WCAG 1.4.3, 1.4.11).
COLOUR_STYLE = re.compile(
    r"(?:^|;)\s*(color|background(?:-color|-image)?|border(?:-(?:top|right|bottom|left))?"
    r"(?:-color)?|outline(?:-color)?|fill|stroke|[a-z-]*shadow|[a-z-]*-color)\s*:",
    re.IGNORECASE,
)
EMBED_TAGS = ("iframe", "object", "embed")

LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
# Languages of Indonesia that CLDR (and so Babel) does not list, by ISO 639 code.
REGIONAL_LANGUAGES = {
    "ace", "ban", "bbc", "bew", "bjn", "btx", "btd", "bug", "gor", "mad", "mak", "min", "mui",
    "nij", "rej", "sas", "tet", "kge", "lbw", "mkn", "abl", "bhp",
}
RTL_SCRIPT = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]{2,}")
ENGLISH_FUNCTION_WORDS = {
    "the", "of", "and", "to", "is", "are", "for", "with", "that", "this", "be", "by", "from",
    "we", "you", "it", "was", "were", "will", "our", "your", "have", "has", "not", "or", "an",
    "in", "on", "at", "which", "their", "they",
}
ENGLISH_MIN_WORDS = 6
ENGLISH_MIN_SHARE = 0.25
BINARY_SIGNATURES = (
    (b"\x89PNG", "gambar PNG"), (b"\xff\xd8\xff", "gambar JPEG"), (b"GIF8", "gambar GIF"),
    (b"RIFF", "gambar WebP"), (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP atau dokumen Office"),
    (b"\xd0\xcf\x11\xe0", "dokumen Office lama"),
)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

ATTR_LIST_INLINE = re.compile(r"^\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}")
ATTR_LIST_BLOCK = re.compile(r"\{:?[ ]*([^\}\n ][^\}\n]*)[ ]*\}[ ]*$")
FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
HASH_HEADING_NO_SPACE = re.compile(r"^(#{1,6})([^#\s])")

_markdown = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def setting(settings, key):
    return settings.get(key, DEFAULTS.get(key))


def normalise_tag(tag):
    """The one form of a tag: lower case, single spaces. "Pemkot  Tangerang" → "pemkot tangerang"."""
    return " ".join(tag.split()).lower()


def split_list(value):
    """Split Tags/Authors the way Pelican does: on semicolons if any, otherwise on commas."""
    return value.split(";") if ";" in value else value.split(",")


# While a LintMemo lints a file, every question the checks ask the file system is noted here, so
# a remembered result is reused only while every answer is still the same (a deleted cover image
# must be reported even though the article did not change).
_probes = None


def _probe(kind, path):
    try:
        if path is None:
            answer = False
        elif kind == "file":
            answer = path.is_file()
        elif kind == "exists":
            answer = path.exists()
        else:  # "size"
            answer = path.stat().st_size if path.is_file() else None
    except (OSError, ValueError):
        # Names the system cannot even look up (too long, …) are simply not there.
        answer = None if kind == "size" else False
    if _probes is not None and path is not None:
        _probes.append((kind, str(path), answer))
    return answer


def _is_file(path):
    return _probe("file", path)


def _exists(path):
    return _probe("exists", path)


def _size(path):
    return _probe("size", path)


def is_valid_lang(value):
    value = (value or "").strip()
    if not LANG_TAG.match(value):
        return False
    primary = value.split("-")[0].lower()
    if primary in REGIONAL_LANGUAGES:
        return True
    try:
        Locale.parse(primary)
    except (UnknownLocaleError, ValueError):
        return False
    return primary != "und"


# --- Reading the source -----------------------------------------------------------------------

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

    if under(settings.get("ARTICLE_PATHS", [])):
        return "article"
    if under(settings.get("PAGE_PATHS", [])):
        return "page"
    return "other"


def lint_file(path, settings):
    """Every finding for one content file, errors and warnings, in line order."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return [Finding(str(path), 1, "berkas-teks", f"Berkas tidak dapat dibaca ({exc.strerror})",
                        "periksa izin berkasnya")]
    text, problem = decode(path, data)
    if problem:
        return [problem]
    return lint_text(path, text, settings)


# Settings that name this build's own folders, not anything the checks look at.
_BUILD_ONLY_SETTINGS = {"OUTPUT_PATH", "CACHE_PATH", "WARTA_SOURCE_MAP", "WARTA_SOURCE_MAP_OUTPUT"}


class LintMemo:
    """:func:`lint_file` with a memory kept between builds (issue 6: a warm rebuild costs what
    changed).

    A result is reused when the file's bytes, this module's code, the settings and every answer
    the file system gave the checks (is the cover there? how large is the PDF?) are all the same;
    otherwise the file is checked again. A file read from Pelican's content cache is checked
    through this memo, so a cached article is never published unchecked.
    """

    def __init__(self):
        self.path = None
        self.old = {}
        self.used = {}
        self.settings_key = b""
        self.checker = None
        self.ahead = (0, 0)  # files the last build's checkers were given, and results used

    def stop(self):
        if self.checker is not None:
            self.checker.stop()
            self.ahead = (self.checker.submitted, self.checker.served)
            self.checker = None

    def load(self, path, settings):
        self.path = Path(path)
        self.used = {}
        picked = {k: v for k, v in settings.items() if k not in _BUILD_ONLY_SETTINGS}
        self.settings_key = hashlib.sha256(
            Path(__file__).read_bytes() + json.dumps(picked, sort_keys=True, default=repr).encode()
        ).digest()
        try:
            with open(self.path, "rb") as handle:
                self.old = pickle.load(handle)
            if not isinstance(self.old, dict):
                raise TypeError("bukan dict")
        except FileNotFoundError:
            self.old = {}
        except Exception as exc:  # noqa: BLE001 - a broken memo only costs time
            log.warning("Cache pemeriksaan konten %s tidak terbaca (%s); semua berkas diperiksa ulang",
                        path, exc)
            self.old = {}

    def key(self, path, data):
        return hashlib.sha256(self.settings_key + str(path).encode() + b"\0" + data).digest()

    def remembered(self, key):
        """The findings remembered under ``key`` if every file-system answer still holds."""
        entry = self.used.get(key) or self.old.get(key)
        if entry is not None:
            findings, probes = entry
            if all(_probe(kind, Path(name)) == answer for kind, name, answer in probes):
                self.used[key] = entry
                return list(findings)
        return None

    def lint_file(self, path, settings):
        if self.path is None:
            return lint_file(path, settings)
        try:
            data = Path(path).read_bytes()
        except OSError:
            return lint_file(path, settings)
        key = self.key(path, data)
        findings = self.remembered(key)
        if findings is not None:
            return findings
        entry = self.checker.result(path, key) if self.checker else None
        if entry is None:
            entry = _lint_recording(path, settings)
        self.used[key] = entry
        return list(entry[0])

    def check_ahead(self, paths, settings):
        """Start checking, in other processes, the files among ``paths`` not remembered.

        Pelican reads content on one core; on a machine with more, the checks of the files it
        will read next run beside it (issue 6: the checks were a fifth of a cold build).
        """
        if self.path is None or self.checker is not None:
            return
        todo = []
        for path in paths:
            try:
                key = self.key(path, Path(path).read_bytes())
            except OSError:
                continue
            if self.remembered(key) is None:
                todo.append((str(path), key))
        workers = min((os.cpu_count() or 1) - 1, 4)
        minimum = setting(settings, "WARTA_LINT_PARALLEL_MIN")
        if workers < 1 or minimum is None or len(todo) < minimum:
            return
        self.checker = AheadChecker(todo, settings, workers)

    def save(self):
        self.stop()
        if self.path is None:
            return
        if self.used.keys() != self.old.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".baru")
            with open(temporary, "wb") as handle:
                pickle.dump(self.used, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
        self.path = None


def _lint_recording(path, settings):
    """(findings, the file-system answers they depend on) for one file."""
    global _probes
    previous, _probes = _probes, []
    try:
        findings = lint_file(path, settings)
        probes = _probes
    finally:
        _probes = previous
    return findings, probes


# The settings a forked checker process lints with: set before the fork, so nothing is pickled.
_ahead_settings = None


def _lint_ahead(path, key):
    return key, _lint_recording(path, _ahead_settings)


class AheadChecker:
    """Checks files in forked worker processes while Pelican reads; see LintMemo.check_ahead.

    Anything unexpected (a worker that died, a result that does not come) only means the file
    is checked again in the build's own process: never a file left unchecked.
    """

    WAIT = 60  # seconds for one result before checking that file here instead

    def __init__(self, todo, settings, workers):
        global _ahead_settings
        _ahead_settings = settings
        self.futures = {}
        self.submitted = self.served = 0
        try:
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork")
            )
            for path, key in todo:
                self.futures[path] = self.pool.submit(_lint_ahead, path, key)
                self.submitted += 1
        except Exception as exc:  # noqa: BLE001 - no workers: every file is checked inline
            log.debug("pemeriksaan paralel tidak tersedia: %s", exc)
            self.pool = None

    def result(self, path, key):
        future = self.futures.pop(str(path), None)
        if future is None:
            return None
        # Pelican reads in its own order: a file the workers have not started yet is checked
        # here at once rather than waited for (waiting made a cold build 7 s slower).
        if not future.done() and future.cancel():
            return None
        try:
            done_key, entry = future.result(timeout=self.WAIT)
        except Exception:  # noqa: BLE001 - see the class docstring
            return None
        if done_key != key:
            return None  # the file changed since: check it again
        self.served += 1
        return entry

    def stop(self):
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


def lint_text(path, text, settings):
    """Every finding for the text of one Markdown file, in line order."""
    checker = _Checker(path, Source(text), settings)
    checker.check_header()
    checker.check_body()
    checker.findings.sort(key=lambda f: (f.line or 0, f.rule))
    return checker.findings


# --- The checks ---------------------------------------------------------------------------------

class _Checker:
    def __init__(self, path, source, settings):
        self.path = str(path)
        self.source = source
        self.settings = settings
        self.kind = content_kind(path, settings)
        self.findings = []

    def add(self, line, rule, message, fix=""):
        self.findings.append(Finding(self.path, line, rule, message, fix, RULES[rule].severity))

    # -- header --

    def check_header(self):
        src = self.source
        required = setting(self.settings, f"WARTA_LINT_REQUIRED_{self.kind.upper()}") or []
        opds = [opd["name"] for opd in self.settings.get("WARTA_OPD", [])]
        for key in required:
            if not src.value(key):
                label = FIELD_LABELS.get(key, key.capitalize())
                fix = f"tambahkan baris `{key.capitalize()}: ...` di bagian atas berkas, sebelum baris kosong pertama"
                if key == "category" and opds:
                    fix = f"tulis `Category: ` dengan salah satu dari: {', '.join(opds)}"
                elif key == "date":
                    fix = f"tambahkan baris `Date: ` lalu tanggalnya; {DATE_FIX}"
                elif key == "summary":
                    fix = "tulis satu atau dua kalimat ringkasan di baris `Summary: `"
                state = "kosong" if key in src.fields else "tidak ada"
                self.add(src.line(key), "metadata-wajib", f"{label} {state}", fix)
        for key, values in src.fields.items():
            if len(values) > 1 and key in SINGLE_VALUE_KEYS:
                lines = ", ".join(str(line) for line, _ in values)
                self.add(values[0][0], "metadata-nilai",
                         f"Baris `{key.capitalize()}:` ditulis lebih dari sekali atau bersambung ke baris berikutnya (baris {lines})",
                         "tulis setiap kolom tepat satu kali, dalam satu baris")
        for key in ("date", "modified"):
            self.check_date(key)
        category = src.value("category")
        if self.kind == "article" and category and opds and category not in opds:
            self.add(src.line("category"), "metadata-opd",
                     f"Perangkat daerah {category!r} tidak terdaftar",
                     f"pilih salah satu dari: {', '.join(opds)}; daftarnya ada di WARTA_OPD di pelicanconf.py")
        self.check_values()
        self.check_lengths()
        self.check_tags()
        self.check_cover()
        for key, values in src.fields.items():
            for line, value in values:
                self.check_placeholder(line, value)
                if "<" in value:
                    # Title, Summary, captions … reach the page as HTML: the same rules as the body.
                    self.check_html(value, line, inline=True)

    def check_date(self, key):
        value = self.source.value(key)
        if value is None or (not value and key == "modified"):
            return
        line = self.source.line(key)
        match = DATE_PATTERN.match(value)
        if not match:
            if value:
                self.add(line, "metadata-tanggal", f"Tanggal {value!r} tidak dapat dibaca", DATE_FIX)
            return
        parts = [int(g) if g else 0 for g in match.groups()]
        try:
            datetime.datetime(*parts)
        except ValueError:
            self.add(line, "metadata-tanggal", f"Tanggal {value!r} tidak ada di kalender", DATE_FIX)
            return
        if parts[0] not in YEARS:
            self.add(line, "metadata-tanggal", f"Tahun {parts[0]} di luar rentang 1900–2100",
                     "periksa tahunnya; " + DATE_FIX)

    def check_values(self):
        src = self.source
        status = src.value("status")
        if status is not None and status.lower() not in STATUSES:
            self.add(src.line("status"), "metadata-nilai", f"Status {status!r} tidak dikenal",
                     "tulis `Status: draft` untuk draf yang belum terbit, atau hapus baris Status agar terbit")
        slug = src.value("slug")
        if slug is not None and (not SLUG_PATTERN.match(slug) or len(slug) > SLUG_MAX):
            self.add(src.line("slug"), "metadata-nilai", f"Slug {slug[:60]!r} tidak sah",
                     f"pakai huruf kecil, angka dan tanda hubung saja, paling banyak {SLUG_MAX} huruf, "
                     "misalnya `Slug: kursi-roda-untuk-lansia`")
        lang = src.value("lang")
        default_lang = self.settings.get("DEFAULT_LANG", "id")
        if lang is not None and lang != default_lang:
            self.add(src.line("lang"), "metadata-nilai", f"Lang {lang[:20]!r}: seluruh tulisan harus berbahasa portal ({default_lang})",
                     "hapus baris Lang; tandai bagian berbahasa lain di dalam isi dengan {: lang=en }")
        template = src.value("template")
        if template is not None:
            theme = Path(self.settings.get("THEME", "")) / "templates"
            name = template if template.endswith(".html") else f"{template}.html"
            if not re.fullmatch(r"[A-Za-z0-9_-]+(\.html)?", template) or not _is_file(theme / name):
                self.add(src.line("template"), "metadata-nilai", f"Templat {template[:40]!r} tidak ada di tema",
                         "hapus baris Template; Warta memilih templat yang benar sendiri")
        for key in ("save_as", "url"):
            value = src.value(key)
            if value is not None and (not SAFE_PATH.match(value) or ".." in value or value.startswith("/")):
                self.add(src.line(key), "metadata-nilai", f"{key.capitalize()} {value[:60]!r} bukan alamat di dalam situs",
                         f"hapus baris {key.capitalize()}; alamat tulisan dibuat dari Slug")

    def check_lengths(self):
        src = self.source
        for key, setting_key, rule, label in (
            ("title", "WARTA_LINT_TITLE_MAX", "judul-panjang", "Judul"),
            ("summary", "WARTA_LINT_SUMMARY_MAX", "ringkasan-panjang", "Ringkasan"),
        ):
            value = src.value(key) or ""
            limit = setting(self.settings, setting_key)
            if limit and len(value) > limit:
                self.add(src.line(key), rule, f"{label} {len(value)} huruf, lebih dari batas {limit} huruf",
                         f"persingkat {label.lower()} menjadi paling banyak {limit} huruf; "
                         "pembaca layar dan hasil mesin pencari memotong teks yang terlalu panjang")

    def check_tags(self):
        src = self.source
        value = src.value("tags")
        if not value:
            return
        line = src.line("tags")
        raw = [t.strip() for t in split_list(value)]
        tags = [t for t in raw if t]
        if len(tags) != len(raw):
            self.add(line, "metadata-tag", "Ada topik kosong (dua koma berurutan atau koma di akhir)",
                     "hapus koma yang berlebih")
        unnormal = [t for t in tags if t != normalise_tag(t)]
        if unnormal:
            examples = ", ".join(f"{t!r} → {normalise_tag(t)!r}" for t in unnormal[:3])
            self.add(line, "metadata-tag", f"Topik belum ditulis seragam: {examples}",
                     "tulis topik dengan huruf kecil dan satu spasi, agar 'Pemkot Contoh' dan "
                     "'pemkot contoh' menjadi satu topik; Warta menyeragamkannya saat build")
        seen, doubles = set(), []
        for tag in tags:
            key = normalise_tag(tag)
            if key in seen and key not in doubles:
                doubles.append(key)
            seen.add(key)
        if doubles:
            self.add(line, "metadata-tag", f"Topik ditulis dua kali: {', '.join(doubles[:5])}",
                     "tulis setiap topik satu kali")
        limit = setting(self.settings, "WARTA_LINT_TAGS_MAX")
        if limit and len(seen) > limit:
            self.add(line, "metadata-tag-banyak", f"{len(seen)} topik, lebih dari batas {limit}",
                     f"pilih paling banyak {limit} topik yang paling membantu pembaca menemukan berita serupa")

    def check_cover(self):
        src = self.source
        cover = src.value("cover")
        if not cover:
            return
        line = src.line("cover")
        target = self.resolve_local(cover, from_root=True)
        if not _is_file(target):
            self.add(line, "gambar-berkas", f"Gambar sampul {cover[:80]!r} tidak ditemukan",
                     "periksa nama berkasnya; jalurnya dihitung dari folder content/, misalnya "
                     "images/berita/nama.webp")
        alt = src.value("cover_alt")
        if not alt:
            self.add(src.line("cover_alt", line), "gambar-alt",
                     "Gambar sampul tidak punya teks alternatif (Cover_alt)",
                     "tambahkan baris `Cover_alt: ` yang menjelaskan isi gambar bagi pembaca yang tidak dapat melihatnya")
        else:
            self.check_alt_quality(src.line("cover_alt"), alt)

    def check_placeholder(self, line, text):
        match = PLACEHOLDER.search(text)
        if match:
            self.add(line, "isi-templat", f"Teks contoh dari templat masih ada: {match.group()[:80]}",
                     "ganti teks di antara [[ dan ]] dengan isi tulisan Anda, lalu hapus tanda kurungnya")

    # -- body --

    def check_body(self):
        src = self.source
        offset = src.body_start
        body_lines = src.lines[offset:]
        for index, line in enumerate(body_lines):
            self.check_placeholder(offset + index + 1, line)
        self.offset = offset
        self.heading_level = 1  # the page title is the one h1
        try:
            tokens = _markdown.parse(_for_markdown_it(body_lines))
        except RecursionError:
            self.add(offset + 1, "berkas-teks", "Isi tulisan bersarang terlalu dalam untuk dibaca",
                     "kurangi daftar atau kutipan yang bersarang berlapis-lapis")
            return
        for index, token in enumerate(tokens):
            line = offset + (token.map[0] if token.map else 0) + 1
            if token.type == "heading_open":
                inline = tokens[index + 1]
                text, attrs = _strip_block_attrs(_inline_text(inline.children or []))
                self.check_heading(line, int(token.tag[1]), text)
                self.check_attrs(line, attrs)
            elif token.type == "inline":
                block = tokens[index - 1].type if index else ""
                self.check_inline(token, line, block)
            elif token.type == "table_open":
                self.check_markdown_table(tokens, index, line)
            elif token.type == "html_block":
                self.check_html(token.content, line)

    def check_heading(self, line, level, text):
        if not text.strip():
            self.add(line, "subjudul-kosong", "Subjudul kosong",
                     "tulis teks subjudul setelah tanda #, atau hapus barisnya")
        if level == 1:
            self.add(line, "subjudul-h1", "Isi tulisan memakai judul tingkat 1 (# di awal baris)",
                     "judul tulisan sudah menjadi judul tingkat 1; mulai subjudul dengan `## `, dan tulis "
                     "`\\#` bila maksudnya tagar")
        elif level > self.heading_level + 1:
            expected = "#" * (self.heading_level + 1)
            self.add(line, "subjudul-lompat",
                     f"Subjudul melompat dari tingkat {self.heading_level} ke tingkat {level}",
                     f"pakai `{expected} ` di sini; subjudul pertama selalu `## `, bagian di dalamnya `### `")
        self.heading_level = level

    def check_inline(self, token, line, block):
        children = token.children or []
        # A block attribute list is the paragraph's last line: `{: lang=en }`.
        block_attrs = []
        if children and children[-1].type == "text" and block == "paragraph_open":
            match = ATTR_LIST_BLOCK.search(children[-1].content)
            if match and (len(children) == 1 or children[-2].type in ("softbreak", "hardbreak")):
                block_attrs, _ = get_attrs_and_remainder(match.group(1) + "}")
                self.check_attrs(line + _line_of(children, len(children) - 1), block_attrs)
        block_lang = any(k == "lang" for k, _ in block_attrs)

        stack = []  # open inline elements: (type, index of opener)
        marked = []  # (start, end) child ranges inside an element that has lang
        html_lang_depth = []  # inline HTML elements with lang that are still open
        unmarked_text = []
        for i, child in enumerate(children):
            child_line = line + _line_of(children, i)
            if child.type.endswith("_open"):
                stack.append((child.type, i))
            elif child.type.endswith("_close") and stack:
                _, start = stack.pop()
                attrs = self.trailing_attrs(children, i, child_line)
                if any(k == "lang" for k, _ in attrs):
                    marked.append((start, i))
                if child.type == "link_close":
                    self.check_link(children, start, i, child_line, token)
            elif child.type == "image":
                attrs = self.trailing_attrs(children, i, child_line)
                self.check_image(child, child_line, attrs)
            elif child.type == "code_inline":
                self.trailing_attrs(children, i, child_line)
            elif child.type == "html_inline":
                html = child.content
                if html.startswith("</"):
                    name = html[2:].strip(" >").lower()
                    if html_lang_depth and html_lang_depth[-1] == name:
                        html_lang_depth.pop()
                else:
                    self.check_html(html, child_line, inline=True)
                    tag = BeautifulSoup(html, "html.parser").find()
                    if tag is not None and tag.has_attr("lang") and not html.rstrip().endswith("/>"):
                        html_lang_depth.append(tag.name)
            elif child.type == "text" and not block_lang and not html_lang_depth:
                if not any(start <= i <= end for start, end in marked):
                    unmarked_text.append((i, child.content))
        # Text inside a marked element comes before its closer is seen: filter again.
        text = " ".join(t for i, t in unmarked_text if not any(s <= i <= e for s, e in marked))
        text = ATTR_LIST_BLOCK.sub("", text)
        if block in ("paragraph_open", "heading_open", "th_open", "td_open"):
            self.check_language(line, text)

    def trailing_attrs(self, children, index, line):
        """The `{: ...}` attribute list right after an inline element, checked, or []."""
        if index + 1 >= len(children) or children[index + 1].type != "text":
            return []
        match = ATTR_LIST_INLINE.match(children[index + 1].content)
        if not match:
            return []
        attrs, _ = get_attrs_and_remainder(match.group(1) + "}")
        self.check_attrs(line, attrs)
        return attrs

    def check_attrs(self, line, attrs):
        """Attributes an editor set with an attribute list: the same rules as raw HTML."""
        for key, value in attrs:
            if key in (".", "id"):
                continue
            self.check_attribute(line, key.lower(), value)

    def check_attribute(self, line, key, value):
        value = value if isinstance(value, str) else " ".join(value)
        if key.startswith("on"):
            self.add(line, "html-event", f"Atribut peristiwa `{key}` tidak diizinkan",
                     "hapus atribut itu; Warta tidak menerbitkan JavaScript dari isi tulisan")
        elif key == "style" and COLOUR_STYLE.search(value):
            self.add(line, "html-warna", f"Atribut style mengatur warna: {value[:60]!r}",
                     "hapus style itu; warna diatur tema agar kontrasnya terjaga, juga di mode gelap")
        elif key in ("bgcolor", "color"):
            self.add(line, "html-warna", f"Atribut {key} mengatur warna",
                     "hapus atribut itu; warna diatur tema agar kontrasnya terjaga")
        elif key in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
            self.add(line, "html-script", "Tautan javascript: tidak diizinkan",
                     "tautkan ke alamat halaman yang sebenarnya")
        elif key == "lang" and not is_valid_lang(value):
            self.add(line, "bahasa-kode", f"Kode bahasa {value[:20]!r} tidak dikenal",
                     "pakai kode bahasa ISO, misalnya en (Inggris), ar (Arab), jv (Jawa), su (Sunda), nl (Belanda)")

    def check_image(self, token, line, attrs):
        alt = token.content.strip()
        classes = " ".join(v for k, v in attrs if k == ".").split()
        decorative = DECORATIVE_CLASS in classes
        self.check_alt(line, alt, decorative)
        self.check_local_target(line, token.attrs.get("src", ""))

    def check_alt(self, line, alt, decorative, html=False):
        if not alt:
            if not decorative:
                fix = ("tambahkan alt=\"...\" yang menjelaskan isi gambar, atau alt=\"\" bila gambar hanya hiasan"
                       if html else
                       "tulis penjelasan isi gambar di antara kurung siku, misalnya "
                       "![Petugas memeriksa cabai di Pasar Baru](...), atau tandai gambar hiasan dengan "
                       "{: .dekoratif } langsung di belakangnya")
                self.add(line, "gambar-alt", "Gambar tidak punya teks alternatif", fix)
            return
        self.check_alt_quality(line, alt)

    def check_alt_quality(self, line, alt):
        plain = re.sub(r"[\W_]+", " ", alt.lower()).strip()
        if IMAGE_FILE.search(alt.strip()):
            self.add(line, "gambar-alt-buruk", f"Teks alternatif {alt[:60]!r} adalah nama berkas",
                     "ganti dengan kalimat yang menjelaskan apa yang tampak di gambar")
        elif plain in GENERIC_ALT or re.fullmatch(r"(gambar|foto|image|photo)\s*\d*", plain):
            self.add(line, "gambar-alt-buruk", f"Teks alternatif {alt[:60]!r} tidak menjelaskan apa pun",
                     "jelaskan apa yang tampak dan penting di gambar, misalnya 'Wali kota menyerahkan "
                     "kursi roda kepada warga'")

    def check_link(self, children, start, end, line, inline_token):
        href = children[start].attrs.get("href", "") or ""
        parts = []
        for child in children[start + 1:end]:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "image":
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = " ".join("".join(parts).split())
        if not text or not href.strip():
            what = "teks" if not text else "alamat"
            self.add(line, "tautan-kosong", f"Tautan tanpa {what}",
                     "tulis tautan sebagai [teks yang menjelaskan tujuan](alamat), keduanya terisi")
            return
        plain = re.sub(r"[^\w\s]+", " ", text.lower())
        plain = " ".join(plain.split())
        if plain in GENERIC_LINK_TEXT:
            self.add(line, "tautan-umum", f"Teks tautan {text!r} tidak menjelaskan tujuannya",
                     "tulis ke mana tautan itu membawa, misalnya [Jadwal vaksinasi Juni 2024](...); "
                     "pembaca layar sering membacakan daftar tautan tanpa kalimat di sekitarnya")
        elif URL_TEXT.match(text):
            others = "".join(c.content for k, c in enumerate(children)
                             if c.type == "text" and not start < k < end)
            if not re.search(r"[^\W\d_]{3,}", ATTR_LIST_BLOCK.sub("", others)):
                self.add(line, "tautan-url", f"Alamat web {text[:60]!r} dipakai sebagai teks tautan tanpa konteks",
                         "tulis nama tujuannya sebagai teks tautan, misalnya [Portal PPDB Kota Contoh](...)")
        self.check_file_link(children, end, line, href, text)
        self.check_local_target(line, href)

    def check_file_link(self, children, end, line, href, text):
        path = unquote(urlsplit(href).path) if "://" in href or href.startswith("/") else unquote(href.split("?")[0].split("#")[0])
        extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
        if extension not in FILE_FORMATS:
            return
        following = ""
        for child in children[end + 1:]:
            if child.type == "link_open":
                break
            if child.type == "text":
                following += child.content
        context = f"{text} {following[:80]}"
        names = FILE_FORMATS[extension]
        has_format = any(re.search(rf"\b{re.escape(n)}\b", context, re.IGNORECASE) for n in names)
        has_size = bool(SIZE_TEXT.search(context))
        if has_format and has_size:
            return
        target = self.resolve_local(href)
        size = _size(target)
        example = f"{names[0]}, {human_size(size)}" if size is not None else f"{names[0]}, 1,2 MB"
        missing = " dan ".join(w for w, ok in (("format", has_format), ("ukuran", has_size)) if not ok)
        self.add(line, "tautan-berkas", f"Tautan ke berkas {extension.upper()} tidak menyebut {missing}nya",
                 f"tulis keduanya di teks tautan, misalnya [{text[:40]} ({example})](...), agar pembaca tahu "
                 "apa yang akan diunduh sebelum membukanya")

    def check_local_target(self, line, href):
        href = unquote(href or "")
        for marker in ("{static}", "{filename}", "{attach}"):
            if href.startswith(marker):
                target = self.resolve_local(href)
                if not _exists(target):
                    self.add(line, "tautan-rusak", f"Berkas tujuan {href[:80]!r} tidak ditemukan",
                             "periksa nama dan foldernya; jalur yang diawali / dihitung dari folder content/, "
                             "yang lain dari folder berkas ini")
                return

    def resolve_local(self, href, from_root=False):
        """The file in content/ a link or Cover points at, or None (outside content/, or remote)."""
        href = unquote(href or "")
        for marker in ("{static}", "{filename}", "{attach}"):
            if href.startswith(marker):
                href = href[len(marker):]
                break
        else:
            if "://" in href or href.startswith(("mailto:", "tel:", "#", "{")):
                return None
        href = href.split("#")[0].split("?")[0]
        if not href or "\x00" in href:
            return None
        root = Path(self.settings.get("PATH", ".")).resolve()
        base = root if (from_root or href.startswith("/")) else Path(self.path).resolve().parent
        try:
            target = (base / href.lstrip("/")).resolve()
            target.relative_to(root)
        except (ValueError, OSError, RuntimeError):
            return None
        return target

    def check_markdown_table(self, tokens, index, line):
        headers = []
        for position in range(index, len(tokens)):
            token = tokens[position]
            if token.type == "table_close":
                break
            if token.type == "inline" and tokens[position - 1].type == "th_open":
                headers.append(_strip_block_attrs(token.content)[0].strip())
        if not any(headers):
            self.add(line, "tabel-header", "Tabel tidak punya sel judul (baris judul kosong)",
                     "isi baris pertama tabel dengan judul setiap kolom, misalnya | Kecamatan | Penerima |")

    def check_html(self, html, line, inline=False):
        """Raw HTML an editor typed: dangerous elements, handlers, colours, alt, tables, lang."""
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.find_all(True):
            element_line = line + ((element.sourceline or 1) - 1)
            name = element.name.lower()
            if name == "script":
                self.add(element_line, "html-script", "Elemen <script> tidak diizinkan di isi tulisan",
                         "hapus elemen itu; fitur interaktif dibuat di tema oleh pengembang")
            elif name in EMBED_TAGS:
                src = element.get("src") or element.get("data") or ""
                allowed = setting(self.settings, "WARTA_LINT_IFRAME_ALLOWED") or []
                if not (name == "iframe" and any(src.startswith(prefix) for prefix in allowed)):
                    self.add(element_line, "html-iframe", f"Elemen <{name}> tidak diizinkan",
                             "hapus elemen itu dan tautkan ke sumbernya dengan teks yang jelas; "
                             "sisipan video hanya dari alamat di WARTA_LINT_IFRAME_ALLOWED")
            elif name in ("style", "font"):
                self.add(element_line, "html-warna", f"Elemen <{name}> mengubah tampilan tema",
                         "hapus elemen itu; tampilan dan warna diatur tema agar kontrasnya terjaga")
            for key, value in element.attrs.items():
                self.check_attribute(element_line, key.lower(), value)
            if name == "img":
                self.check_alt(element_line, (element.get("alt") or "").strip(),
                               decorative=element.has_attr("alt") or element.get("role") in ("presentation", "none"),
                               html=True)
            elif name == "a" and not inline:
                if not element.get_text(strip=True) and not element.find("img", alt=True):
                    self.add(element_line, "tautan-kosong", "Tautan tanpa teks",
                             "tulis teks yang menjelaskan tujuan tautan di antara <a> dan </a>")
            elif name == "table" and not element.find("th"):
                self.add(element_line, "tabel-header", "Tabel tidak punya sel judul (<th>)",
                         "jadikan baris pertama sel judul dengan <th>, atau tulis tabelnya dalam Markdown")
            elif re.fullmatch(r"h[1-6]", name) and not inline:
                self.check_heading(element_line, int(name[1]), element.get_text(" ", strip=True))
        if not inline:
            for node in soup.find_all(string=True):
                if isinstance(node, Comment) or node.parent.name in ("script", "style", "code", "pre"):
                    continue
                if not any(p.has_attr("lang") for p in node.parents if getattr(p, "attrs", None) is not None):
                    self.check_language(line, str(node))

    def check_language(self, line, text):
        """Warn when a passage looks like another language but carries no lang (WCAG 3.1.2)."""
        if RTL_SCRIPT.search(text):
            self.add(line, "bahasa-tanda", "Ada teks beraksara Arab atau Ibrani tanpa tanda bahasa",
                     "apit teks itu dengan <span lang=\"ar\" dir=\"rtl\">...</span> agar pembaca layar "
                     "melafalkannya dengan benar")
            return
        words = re.findall(r"[a-z']+", text.lower())
        if len(words) >= ENGLISH_MIN_WORDS:
            hits = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
            if hits >= 3 and hits / len(words) >= ENGLISH_MIN_SHARE:
                self.add(line, "bahasa-tanda", "Paragraf ini tampaknya berbahasa Inggris tetapi tidak ditandai",
                         "tambahkan baris {: lang=en } tepat di bawah paragraf itu, atau *teks*{: lang=en } "
                         "untuk beberapa kata, agar pembaca layar memakai lafal bahasa Inggris")


def _line_of(children, index):
    """How many lines into its block an inline child starts."""
    return sum(1 for child in children[:index] if child.type in ("softbreak", "hardbreak"))


def _inline_text(children):
    return "".join(c.content for c in children if c.type in ("text", "code_inline", "image"))


def _strip_block_attrs(text):
    match = ATTR_LIST_BLOCK.search(text)
    if not match:
        return text, []
    attrs, _ = get_attrs_and_remainder(match.group(1) + "}")
    return text[: match.start()].strip(), attrs


def _for_markdown_it(lines):
    """The body as Python-Markdown sees it, for markdown-it: `##Judul` is a heading there too."""
    out, fence = [], None
    for line in lines:
        match = FENCE.match(line)
        if match:
            marker = match.group(1)[0]
            if fence is None:
                fence = marker
            elif fence == marker:
                fence = None
        elif fence is None:
            line = HASH_HEADING_NO_SPACE.sub(r"\1 \2", line)
        out.append(line)
    return "\n".join(out)


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
        key = unicodedata.normalize("NFC", str(save_as)).lstrip("/")
        claims.setdefault(key, [])
        if all(existing[0] != source for existing in claims[key]):
            claims[key].append((source, line))
    findings = []
    for save_as, sources in sorted(claims.items()):
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


def guide_link(rule):
    return f"{GUIDE}#{rule}"
