"""The checks of a file's metadata header: required fields, dates, values, lengths, tags, cover."""

import datetime
import re
from pathlib import Path

from pelican.urlwrappers import Author, Tag

from warta.content.lint.rules import PLACEHOLDER, REVIEW_MARKER
from warta.content.lint.source import normalise_tag, split_list, tag_spelling
from warta.content.sections import agencies
from warta.content.slugs import SLUG_MAX, SLUG_PATTERN

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


# Editors write dates one way only: 2024-04-29 or 2024-04-29 09:30. A looser parser would read
# "04/05/2024" as 5 April or 4 May depending on habit; we refuse to guess.
DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T_](\d{2}):(\d{2})(?::(\d{2}))?)?$")
DATE_FIX = "tulis tanggal sebagai TTTT-BB-HH atau TTTT-BB-HH JJ:MM, misalnya 2024-04-29 09:30"
YEARS = range(1900, 2101)

STATUSES = ("published", "draft", "hidden")
SAFE_PATH = re.compile(r"^[A-Za-z0-9._/-]*$")
# Pelican's own keys take one value: a second line (or a continuation line) makes the value a
# list that the templates print as "['a', 'b']". Other plugins' keys are theirs to check
# (plugins/ppid allows one `Lampiran:` line per attachment).
SINGLE_VALUE_KEYS = {
    "title", "date", "modified", "category", "slug", "status", "author", "authors", "tags", "lang",
    "template", "save_as", "url", "cover", "cover_alt", "cover_caption",
}



class HeaderChecks:
    """The header half of the checker (see warta.content.lint.checker.Checker)."""

    def check_header(self):
        src = self.source
        required = self.settings[f"WARTA_LINT_REQUIRED_{self.kind.upper()}"] or []
        opds = list(agencies.by_name(self.settings))
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
        if self.kind == "article" and category and category not in opds:
            self.add(src.line("category"), "metadata-opd",
                     f"Perangkat daerah {category!r} tidak terdaftar",
                     agencies.unknown_fix(self.settings))
        self.check_values()
        self.check_lengths()
        self.check_tags()
        self.check_cover()
        for values in src.fields.values():
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
        default_lang = self.settings["DEFAULT_LANG"]
        if lang is not None and lang != default_lang:
            self.add(src.line("lang"), "metadata-nilai", f"Lang {lang[:20]!r}: seluruh tulisan harus berbahasa portal ({default_lang})",
                     "hapus baris Lang; tandai bagian berbahasa lain di dalam isi dengan {: lang=en }")
        template = src.value("template")
        if template is not None:
            theme = Path(self.settings["THEME"]) / "templates"
            name = template if template.endswith(".html") else f"{template}.html"
            if not re.fullmatch(r"[A-Za-z0-9_-]+(\.html)?", template) or not self.probe.is_file(theme / name):
                self.add(src.line("template"), "metadata-nilai", f"Templat {template[:40]!r} tidak ada di tema",
                         "hapus baris Template; Warta memilih templat yang benar sendiri")
            else:
                allowed = allowed_templates(theme, self.kind)
                if allowed is not None and name[:-5] not in allowed:
                    what = "berita" if self.kind == "article" else "halaman"
                    self.add(src.line("template"), "metadata-nilai",
                             f"Templat {template[:40]!r} bukan templat {what}",
                             f"hapus baris Template, atau pakai salah satu dari: {', '.join(allowed)}")
        self.check_names()
        for key in ("save_as", "url"):
            value = src.value(key)
            if value is not None and (not SAFE_PATH.match(value) or ".." in value or value.startswith("/")):
                self.add(src.line(key), "metadata-nilai", f"{key.capitalize()} {value[:60]!r} bukan alamat di dalam situs",
                         f"hapus baris {key.capitalize()}; alamat tulisan dibuat dari Slug")

    def check_names(self):
        """A topic or author whose name slugifies to nothing would link to /topik//."""
        src = self.source
        for key, wrapper, label in (("tags", Tag, "Topik"), ("author", Author, "Penulis"),
                                    ("authors", Author, "Penulis")):
            value = src.value(key)
            if not value:
                continue
            names = [value.strip()] if key == "author" else \
                [n.strip() for n in split_list(value) if n.strip()]
            empty = [n for n in names if not re.search(r"\w", _slug(wrapper, n, self.settings) or "")]
            if empty:
                self.add(src.line(key), "metadata-nilai",
                         f"{label} {', '.join(repr(n[:40]) for n in empty[:3])} tidak dapat menjadi alamat "
                         "(tidak ada huruf atau angka)",
                         f"tulis {label.lower()} dengan huruf atau angka, misalnya "
                         f"`{key.capitalize()}: {'pasar murah' if key == 'tags' else 'Tim Diskominfo'}`")

    def check_lengths(self):
        src = self.source
        for key, setting_key, rule, label in (
            ("title", "WARTA_LINT_TITLE_MAX", "judul-panjang", "Judul"),
            ("summary", "WARTA_LINT_SUMMARY_MAX", "ringkasan-panjang", "Ringkasan"),
        ):
            value = src.value(key) or ""
            limit = self.settings[setting_key]
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
        # Capitals are the editor's to choose ("Pemkab Banjar" is a name); only doubled spaces are
        # a slip. Files that spell one topic differently are compared across the build.
        spaced = [t for t in tags if t != tag_spelling(t)]
        if spaced:
            examples = ", ".join(f"{t!r} → {tag_spelling(t)!r}" for t in spaced[:3])
            self.add(line, "metadata-tag", f"Topik berspasi ganda: {examples}",
                     "tulis satu spasi di antara kata; Warta menyeragamkannya saat build")
        seen, doubles = set(), []
        for tag in tags:
            key = normalise_tag(tag)
            if key in seen and key not in doubles:
                doubles.append(key)
            seen.add(key)
        if doubles:
            self.add(line, "metadata-tag", f"Topik ditulis dua kali: {', '.join(doubles[:5])}",
                     "tulis setiap topik satu kali")
        limit = self.settings["WARTA_LINT_TAGS_MAX"]
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
        if not self.probe.is_file(target):
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
        for marker in REVIEW_MARKER.finditer(text):
            self.add(line, "perlu-ditinjau", f"Masih perlu ditinjau: {marker.group()[9:-2].strip()[:160]}",
                     "putuskan isinya, tulis di tempat tanda itu, lalu hapus tanda ((tinjau: ...))")


    # -- body --


def _slug(wrapper, name, settings):
    try:
        return wrapper(name, settings).slug
    except Exception:  # noqa: BLE001 - settings without Pelican's defaults: judge by characters
        return re.sub(r"\W+", "", name)


def allowed_templates(theme, kind):
    """The templates a file of ``kind`` may name in `Template:`, or None when any is allowed.

    An article may use `article` or a template named article…; a page `page`, a template named
    page…, or one that extends page.html (aksesibilitas). Never a template of another kind
    (tampilan, index, tag): it would show the file's text where a different page belongs.
    """
    if kind not in ("article", "page"):
        return None
    names = []
    try:
        files = sorted(Path(theme).glob("*.html"))
    except OSError:
        files = []
    for path in files:
        name = path.stem
        if name.startswith(kind):
            names.append(name)
        elif kind == "page":
            try:
                head = path.read_text(encoding="utf-8")[:400]
            except (OSError, UnicodeError):
                continue
            if re.search(r"""{%-?\s*extends\s+["']page\.html["']""", head):
                names.append(name)
    return names or [kind]
