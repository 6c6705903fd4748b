"""The checks of what a body or header holds: attributes, images, links, raw HTML, languages."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from babel.core import Locale, UnknownLocaleError
from bs4 import BeautifulSoup, Comment

from warta.content import paths
from warta.content.downloads import human_size
from warta.content.lint.source import ATTR_LIST_BLOCK

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


class ElementChecks:
    """The element half of the checker (see warta.content.lint.checker.Checker)."""

    def check_attribute(self, line, key, value):
        # A bare word in an attribute list ({: hidden }) has no value at all.
        value = value if isinstance(value, str) else " ".join(value or ())
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
        elif key in ("srcset", "sizes"):
            self.add(line, "gambar-srcset", f"Atribut {key} ditulis sendiri", paths.SRCSET_FIX)
        elif key in paths.URL_ATTRIBUTES:
            self.check_path(line, value)

    def check_path(self, line, value):
        """Every address the build may follow stays inside content/ (warta.content.paths)."""
        try:
            paths.resolve(value, self.path, self.settings["PATH"])
        except paths.Refused as refused:
            self.add(line, refused.rule, refused.message, refused.fix)
            return False
        return True

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
                         "tulis nama tujuannya sebagai teks tautan, misalnya [Portal pendaftaran sekolah](...)")
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
        target = self.resolve_local(unquote(href))
        size = self.probe.size(target)
        example = f"{names[0]}, {human_size(size)}" if size is not None else f"{names[0]}, 1,2 MB"
        missing = " dan ".join(w for w, ok in (("format", has_format), ("ukuran", has_size)) if not ok)
        self.add(line, "tautan-berkas", f"Tautan ke berkas {extension.upper()} tidak menyebut {missing}nya",
                 f"tulis keduanya di teks tautan, misalnya [{text[:40]} ({example})](...), agar pembaca tahu "
                 "apa yang akan diunduh sebelum membukanya")

    def check_local_target(self, line, href):
        # markdown-it percent-encodes what the editor wrote ({static} → %7Bstatic%7D): undo
        # that once, and the resolver sees the address as Python-Markdown will.
        href = unquote(href or "")
        if not self.check_path(line, href):
            return
        for marker in ("{static}", "{filename}", "{attach}"):
            if href.startswith(marker):
                target = self.resolve_local(href)
                if not self.probe.exists(target):
                    self.add(line, "tautan-rusak", f"Berkas tujuan {href[:80]!r} tidak ditemukan",
                             "periksa nama dan foldernya; jalur yang diawali / dihitung dari folder content/, "
                             "yang lain dari folder berkas ini")
                return

    def resolve_local(self, href, from_root=False):
        """The file in content/ a link or Cover points at, or None (outside content/, or remote)."""
        href = (href or "").strip()
        if href and not href.startswith(("{", "|", "/", "#")) and not paths.is_remote(href):
            # A Cover counts from content/; a plain relative link, for the sizes the checks
            # quote, from the file's own folder.
            href = "/" + href if from_root else "{static}" + href
        try:
            local = paths.resolve(href, self.path, self.settings["PATH"])
        except paths.Refused:
            return None
        if local is None or not local.path:
            return None
        return Path(self.settings["PATH"]).resolve() / local.path

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
                allowed = self.settings["WARTA_LINT_IFRAME_ALLOWED"] or []
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

