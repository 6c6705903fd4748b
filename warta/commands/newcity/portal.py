"""A new portal's files, rendered from the templates beside this module, and written safely.

Every file is rendered in memory first, then written into a staging folder inside the target,
then moved into place; a failure at any step leaves the target as it was. Nothing that was
there is deleted: a file replaced with `--paksa` is kept in .cache/kota-baru/ first, and files
kota-baru does not write are left alone and listed.
"""

import contextlib
import datetime
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from warta.commands.newcity.city import NewCityError
from warta.content.dates import short_date
from warta.content.lint import REVIEW_MARKER
from warta.content.sections.agencies import tel_link
from warta.content.sections.ppid.schema import DEADLINES
from warta.settings import (
    AGENDA_URL,
    ANNOUNCEMENTS_URL,
    MAGAZINE_URL,
    OPD_URL,
    PPID_URL,
    SEARCH_URL,
    SERVICES_URL,
    VIDEO_URL,
)

TEMPLATES = Path(__file__).parent / "templates"
# The standard pages: (template, where it goes under the target).
PAGES = [(f"halaman/{name}", f"content/halaman/{name}")
         for name in ("tentang.md", "kontak.md", "pernyataan-aksesibilitas.md")]
PAGES += [(f"ppid/{path.name}", f"content/ppid/halaman/{path.name}")
          for path in sorted((TEMPLATES / "ppid").glob("*.md"))]
# Every section in the menu; one without content stays out of it until its first file.
MENU = [
    ("Beranda", ""), ("Berita", "arsip/"), ("Layanan", SERVICES_URL),
    ("Pengumuman", ANNOUNCEMENTS_URL), ("Agenda", AGENDA_URL), ("Video", VIDEO_URL),
    ("Majalah", MAGAZINE_URL), ("Perangkat Daerah", OPD_URL), ("PPID", PPID_URL),
    ("Tentang", "tentang/"), ("Kontak", "kontak/"), ("Cari", SEARCH_URL),
]
BACKUPS = Path(".cache") / "kota-baru"


# Markdown a one-line value could make: links, images, code, emphasis, attribute lists ({: …}),
# table cells (|) and escapes anywhere; a heading, list, setext underline, definition or fence at
# its start. City values never hold <, >, [[, ]], ((, )) or a line break (city.py refuses them).
_MARKDOWN_INLINE = re.compile(r"[\\`*_{}\[\]|]")
_MARKDOWN_START = re.compile(r"^(?:[#+\-=:~]|\d+(?=\.))")


def _python(value):
    """A Python literal for a string: JSON's double-quoted strings are valid Python."""
    return json.dumps(value, ensure_ascii=False)


def _markdown(value):
    """``value`` as plain text in Markdown (a body or the Summary, which Pelican renders): what
    would be markup is escaped, so the page shows the value as it was typed. A header other than
    Summary is text already and is written as it is."""
    text = _MARKDOWN_INLINE.sub(lambda found: "\\" + found.group(), str(value))
    start = _MARKDOWN_START.match(text)
    if not start:
        return text
    if start.group() in "=:~":  # not among Markdown's backslash escapes: a character reference
        return f"&#{ord(text[0])};{text[1:]}"
    if start.group() in "#+-":
        return "\\" + text
    return f"{start.group()}\\{text[start.end():]}"  # "1. …" would start a numbered list


def _environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, autoescape=False)  # noqa: S701 - Markdown and Python, not HTML
    env.filters["py"] = _python
    env.filters["md"] = _markdown
    return env


def information_commission(city):
    """Where a dispute goes: the province's Komisi Informasi; a regency's or city's own where
    one has been formed (UU 14/2008 Pasal 24 ayat (3) makes those optional)."""
    if city.kind == "provinsi":
        return f"Komisi Informasi {city.name}"
    return (f"Komisi Informasi {city.name}, atau Komisi Informasi Provinsi bila Komisi Informasi "
            f"{city.name} belum dibentuk")


def render(city, today=None):
    """{path relative to the target: text} for every file of the new portal."""
    env = _environment()
    today = today or datetime.date.today()
    values = {
        "city": city, "d": DEADLINES, "menu": MENU, "tel": tel_link,
        "site_name": f"Portal Berita {city.name}", "today": short_date(today),
        "information_commission": information_commission(city),
    }
    files = {"pelicanconf.py": env.get_template("pelicanconf.py.txt").render(values)}
    for template, target in PAGES:
        files[target] = env.get_template(template).render(values)
    for agency in city.agencies:
        files[f"content/opd/{agency.slug}.md"] = env.get_template("opd.md").render(
            values, agency=agency)
    return files


@dataclass
class Marker:
    path: str
    line: int
    text: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.text}"


def markers(files):
    """Every ((tinjau: …)) written, in file order: the checklist of what a person decides."""
    return [Marker(path, number, found.group()[2:-2].removeprefix("tinjau:").strip())
            for path, text in files.items()
            for number, line in enumerate(text.splitlines(), start=1)
            for found in REVIEW_MARKER.finditer(line)]


@dataclass
class Plan:
    """What writing ``files`` into ``target`` would do."""

    target: Path
    files: dict
    new: list = field(default_factory=list)  # paths that do not exist yet
    same: list = field(default_factory=list)  # paths that already hold exactly this text
    replaced: list = field(default_factory=list)  # paths that hold something else
    others: list = field(default_factory=list)  # files in content/ that kota-baru does not write


def plan(target, files):
    target = Path(target)
    result = Plan(target, files)
    for relative, text in files.items():
        path = target / relative
        if path.is_symlink() or path.is_dir():
            result.replaced.append(relative)
        elif not path.exists():
            result.new.append(relative)
        elif _read(path) == text:
            result.same.append(relative)
        else:
            result.replaced.append(relative)
    content = target / "content"
    if content.is_dir():
        result.others = sorted(
            p.relative_to(target).as_posix() for p in content.rglob("*")
            if (p.is_file() or p.is_symlink()) and p.relative_to(target).as_posix() not in files)
    return result


def _read(path):
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def refusal(result):
    """The message that stops a run without --paksa, or None when nothing would be lost."""
    if not result.replaced and not result.others:
        return None
    lines = [f"{result.target} sudah berisi portal lain: kota-baru tidak menimpa berkas yang "
             "tidak ditulisnya."]
    if result.replaced:
        lines.append("Berkas yang akan diganti:")
        lines += [f"  {path}" for path in result.replaced]
    if result.others:
        lines.append("Berkas lain di content/ (tidak diubah, tetapi akan tercampur dengan portal baru):")
        lines += [f"  {path}" for path in result.others[:20]]
        if len(result.others) > 20:
            lines.append(f"  … dan {len(result.others) - 20} berkas lain")
    lines.append("Pilih folder lain dengan --tujuan, atau jalankan lagi dengan --paksa: berkas yang "
                 f"diganti disimpan dulu di {BACKUPS}/.")
    return "\n".join(lines)


def write(result, now=None):
    """Write the plan: staged inside the target, then moved into place, all or nothing.
    Returns the folder holding the replaced files' old versions, or None."""
    target = result.target
    backup = None
    if result.replaced:
        stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
        backup = target / BACKUPS / f"cadangan-{stamp}"
    # Every folder this run may create, found before it creates any, to remove on failure.
    made = _missing_folders(target, [*result.files, *(
        (BACKUPS / backup.name / relative).as_posix() for relative in result.replaced)]
        if backup else result.files)
    try:
        target.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".kota-baru-", dir=target))
    except OSError as exc:
        raise NewCityError(f"Folder {target} tidak dapat ditulisi ({exc.strerror}).") from None
    moved, saved = [], []
    try:
        for relative in result.new + result.replaced:
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(result.files[relative], encoding="utf-8")
        for relative in result.replaced:
            old, keep = target / relative, backup / relative
            keep.parent.mkdir(parents=True, exist_ok=True)
            os.replace(old, keep)
            saved.append((old, keep))
        for relative in result.new + result.replaced:
            final = target / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, final)
            moved.append(final)
    except OSError as exc:
        for final in moved:
            final.unlink(missing_ok=True)
        for old, keep in saved:
            os.replace(keep, old)
        shutil.rmtree(staging, ignore_errors=True)
        for folder in made:  # deepest first: the folders this run made, if still empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise NewCityError(f"Portal baru tidak dapat ditulis ke {target} ({exc.strerror}); "
                           "tidak ada yang diubah.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return backup


def _missing_folders(target, files):
    """The folders writing ``files`` would create, deepest first (to remove them on failure)."""
    folders = set()
    for relative in files:
        folder = (target / relative).parent
        while not folder.exists():
            folders.add(folder)
            folder = folder.parent
    return sorted(folders, key=lambda f: len(f.parts), reverse=True)
