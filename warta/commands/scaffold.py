"""New articles and PPID documents from a template: `make berita`, `make dokumen`.

The new file has the right name, slug and date (Asia/Jakarta) and every field, so an editor only
fills in. What still needs writing is marked ``[[like this]]``: the `isi-templat` check refuses to
publish a file that still holds such a marker.
"""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from warta.content.fields import portal_example
from warta.content.lint import PLACEHOLDER, Source
from warta.content.sections import agencies
from warta.content.sections.ppid.schema import (
    ATTACHMENT_FIELD,
    DOCUMENT_FIELDS,
    EXEMPT_FIELDS,
    SCAFFOLD_CATEGORIES,
)
from warta.content.slugs import slug_from

# The fields a new PPID document lists, as editors write them, with what goes there; None where
# the scaffold fills the value in itself. The schema is warta.content.sections.ppid.schema, which plugins/ppid
# checks documents against.
_FILLED = {"kategori", "opd", "tahun", "date"}
PPID_FIELDS = [
    (field.written, None if field.key in _FILLED else f"{field.label}, misalnya {field.example}")
    for field in DOCUMENT_FIELDS
]
PPID_EXEMPT_FIELDS = [(field.written, f"{field.label}, misalnya {field.example}")
                      for field in EXEMPT_FIELDS]
PPID_CATEGORIES = SCAFFOLD_CATEGORIES
PPID_ATTACHMENT_FIELD = ATTACHMENT_FIELD


class ScaffoldError(Exception):
    """The new file cannot be made; the message says why and what to do."""


def now_in(settings):
    """The current time in the portal's time zone (TIMEZONE; Asia/Jakarta when unset)."""
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta"))


def clean_title(title):
    title = " ".join((title or "").split())
    if not title:
        raise ScaffoldError('Judul kosong. Tulis judulnya, misalnya: make berita JUDUL="Pasar murah dibuka di empat kecamatan"')
    if PLACEHOLDER.search(title):
        raise ScaffoldError("Judul tidak boleh memuat [[ ]]: tanda itu khusus untuk teks contoh templat.")
    return title


def check_opd(settings, opd):
    if opd is not None and opd not in agencies.by_name(settings):
        raise ScaffoldError(f"Perangkat daerah {opd!r} tidak terdaftar: {agencies.unknown_fix(settings)}.")


def _used_slugs(folder):
    """Slugs already written in the Markdown files of a folder."""
    slugs = set()
    for path in Path(folder).rglob("*.md"):
        try:
            value = Source(path.read_text(encoding="utf-8-sig")).value("slug")
        except (OSError, UnicodeDecodeError):
            continue
        if value:
            slugs.add(value)
    return slugs


def _free_slug(slug, folder, name_for):
    """``slug``, or ``slug-2``, ``slug-3`` … when a file or another article already has it."""
    used = _used_slugs(folder)
    candidate, number = slug, 1
    while candidate in used or (Path(folder) / name_for(candidate)).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _parse_date(value, settings):
    if value is None:
        return now_in(settings)
    try:
        moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
    except ValueError:
        try:
            moment = datetime.datetime.strptime(value, "%Y-%m-%d")
        except ValueError:
            raise ScaffoldError(
                f"Tanggal {value!r} tidak dapat dibaca: tulis TTTT-BB-HH atau TTTT-BB-HH JJ:MM, "
                "misalnya 2024-04-29 09:30"
            ) from None
    return moment


def new_article(settings, title, opd=None, author=None, date=None):
    """Write a new news article; return its path."""
    title = clean_title(title)
    slug = slug_from(title, settings)
    if not slug:
        raise ScaffoldError("Judul harus memuat huruf atau angka agar alamat (slug) beritanya dapat dibuat.")
    moment = _parse_date(date, settings)
    check_opd(settings, opd)
    folder = Path(settings["PATH"]) / settings["ARTICLE_PATHS"][0]
    folder.mkdir(parents=True, exist_ok=True)
    day = moment.strftime("%Y-%m-%d")
    slug = _free_slug(slug, folder, lambda s: f"{day}-{s}.md")
    path = folder / f"{day}-{slug}.md"
    text = "\n".join([
        f"Title: {title}",
        f"Date: {moment:%Y-%m-%d %H:%M}",
        f"Category: {opd or ''}",
        "Tags: ",
        f"Author: {author or ''}",
        f"Slug: {slug}",
        "Summary: [[satu atau dua kalimat ringkasan berita]]",
        "Cover: ",
        "Cover_alt: ",
        "Cover_caption: ",
        "",
        "[[Paragraf pembuka: siapa, melakukan apa, kapan, dan di mana.]]",
        "",
        "## [[Subjudul pertama]]",
        "",
        "[[Isi bagian ini.]]",
        "",
    ])
    path.write_text(text, encoding="utf-8")
    return path


def new_document(settings, title, category, opd=None, year=None, date=None):
    """Write a new PPID document where plugins/ppid reads them; return its path."""
    title = clean_title(title)
    if category not in PPID_CATEGORIES:
        raise ScaffoldError(
            f"Kategori {category!r} tidak dikenal. Pilih salah satu dari: {', '.join(PPID_CATEGORIES)}, "
            'misalnya: make dokumen JUDUL="Laporan Keuangan 2024" KATEGORI=berkala'
        )
    slug = slug_from(title, settings)
    if not slug:
        raise ScaffoldError("Judul harus memuat huruf atau angka agar alamat (slug) dokumennya dapat dibuat.")
    moment = _parse_date(date, settings)
    check_opd(settings, opd)
    # Where plugins/ppid reads documents: PPID_PATH/PPID_DOCUMENTS_DIR under content/.
    folder = (Path(settings["PATH"]) / settings["PPID_PATH"]
              / settings["PPID_DOCUMENTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    slug = _free_slug(slug, folder, lambda s: f"{s}.md")
    path = folder / f"{slug}.md"
    filled = {
        "Kategori": PPID_CATEGORIES[category],
        "OPD": opd or "[[perangkat daerah pemilik dokumen]]",
        "Tahun": str(year or moment.year),
        "Date": f"{moment:%Y-%m-%d}",
    }
    lines = [f"Title: {title}", f"Slug: {slug}"]
    # The place it was made is this portal's own region (warta.content.fields.portal_example).
    hints = [(key, hint if hint is None or field.key != "tempat" else
              f"{field.label}, misalnya {portal_example(field.key, field.example, settings)}")
             for (key, hint), field in zip(PPID_FIELDS, DOCUMENT_FIELDS, strict=True)]
    lines += [f"{key}: {filled[key] if hint is None else f'[[{hint}]]'}" for key, hint in hints]
    if category == "dikecualikan":
        lines += [f"{key}: [[{hint}]]" for key, hint in PPID_EXEMPT_FIELDS]
    else:
        lines.append(f"{PPID_ATTACHMENT_FIELD}: ")
    lines += [
        "",
        "[[Versi HTML dokumen, atau ringkasannya: tulis isinya di sini sebagai teks, bukan hanya lampiran PDF.]]",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
