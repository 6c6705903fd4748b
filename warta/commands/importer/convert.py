"""An old site's HTML body as Warta Markdown: shortcodes, images, headings, then markdownify.

markdownify (matthewwithanm/markdownify) does the HTML → Markdown step: maintained, pure Python
over BeautifulSoup (already a dependency), it keeps tables as Markdown tables and writes `##`
headings when asked; pandoc would be a system binary every city's machine had to install.

Everything that would not pass the gate is never written as if it did: an image without alt
text becomes a visible note for the editor (never a placeholder alt), HTML the sanitizer would
change is reported, and the caller turns any such post into a draft.
"""

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

from warta.commands.importer.embeds import embed_link
from warta.commands.importer.wxr import uploads_path
from warta.content import paths
from warta.content.lint.elements import GENERIC_ALT, IMAGE_FILE
from warta.content.sanitize import CLEAN_CONTENT_TAGS, Sanitizer

IMAGE_FOLDER = "images/impor"
# The raster formats the content tree accepts (warta.content.files); SVG from another system is
# not copied: it would need the SVG safety check and is rare in news.
IMAGE_FORMATS = ("jpg", "jpeg", "png", "webp")
# What WordPress writes that the conversion drops anyway (Markdown has no class or style):
# removing it changes nothing a reader sees, so it alone never makes a post a draft.
HARMLESS_ATTRIBUTES = {"class", "style", "id", "width", "height", "srcset", "sizes", "align",
                       "border", "target", "rel", "loading", "decoding", "name", "valign"}
# Elements whose removal loses content or behaviour (an embedded video, a form, a script).
HARMFUL_ELEMENTS = set(CLEAN_CONTENT_TAGS) | {"iframe", "form", "input", "button", "select",
                                               "video", "audio", "source", "canvas", "frame"}
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.IGNORECASE)
# Other shortcodes: `[name attr="…"]`, `[name]…[/name]`, or a name WordPress itself ships.
ENCLOSING = re.compile(r"\[([a-z][a-z0-9_-]*)(\s[^\]]*)?\].*?\[/\1\]", re.DOTALL)
SELF_CLOSING = re.compile(r"\[([a-z][a-z0-9_-]*)(\s[^\]]*=[^\]]*|\s*/)\]")
KNOWN = re.compile(r"\[(embed|video|audio|playlist|wpvideo)\b[^\]]*\]", re.IGNORECASE)
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z]+$)")
SAFE_PART = re.compile(r"[^a-z0-9._-]+")


@dataclass
class Converted:
    markdown: str
    notes: list = field(default_factory=list)  # (severity order, text): what needs an editor
    draft_reasons: list = field(default_factory=list)
    copies: dict = field(default_factory=dict)  # content-relative target -> source Path
    converted: list = field(default_factory=list)  # what was done, for the report
    uploads_used: dict = field(default_factory=dict)  # uploads-relative path -> content path


def image_target(relative):
    """Where an uploads file lands under content/: lower case, safe characters only, so the
    name is a valid address and can never climb out of images/impor/."""
    parts = [SAFE_PART.sub("-", part.lower()).strip("-.") or "berkas"
             for part in PurePosixPath(relative).parts if part not in ("", ".", "..")]
    return "/".join([IMAGE_FOLDER, *parts])


def bad_alt(alt):
    plain = re.sub(r"[\W_]+", " ", alt.lower()).strip()
    return bool(IMAGE_FILE.search(alt.strip())) or plain in GENERIC_ALT \
        or bool(re.fullmatch(r"(gambar|foto|image|photo)\s*\d*", plain))


class Images:
    """Finds, checks and plans the copy of every image a post shows."""

    def __init__(self, export, uploads, result):
        self.export, self.uploads, self.result = export, uploads, result
        self.by_url = {a.url: a for a in export.attachments.values()} if export else {}

    def source_file(self, relative):
        """(uploads-relative name, file) of an uploads file; Refused when the URL's path leaves
        the uploads folder (warta.content.paths: ``..``, symbolic links, backslashes)."""
        if self.uploads is None:
            return None
        for candidate in (relative, SIZE_SUFFIX.sub("", relative)):
            path = paths.inside(self.uploads, candidate)
            if path.is_file():
                return candidate, path
        return None

    def place(self, src, alt, caption=""):
        """The Markdown for one image, or a note for the editor (and a draft reason)."""
        relative = uploads_path(src)
        shown = code(src[:100])
        if not relative:
            return self.note(f"Gambar dari luar folder unggahan tidak disalin: {shown}",
                             "gambar dari situs lain")
        extension = relative.rsplit(".", 1)[-1].lower()
        if extension not in IMAGE_FORMATS:
            return self.note(f"Gambar berformat .{code(extension[:10])} tidak didukung: {shown} "
                             "(ubah menjadi JPEG, PNG atau WebP)", "format gambar tidak didukung")
        try:
            found = self.source_file(relative)
        except paths.Refused:
            return self.note(f"Gambar dari luar folder unggahan tidak disalin: {shown}",
                             "gambar dari luar folder unggahan")
        if found is None:
            return self.note(f"Tautan ke media yang terhapus: {shown} tidak ada di folder unggahan",
                             "media terhapus")
        # A resized copy (foto-300x200.jpg) is replaced by its original: the theme makes its
        # own sizes, and one file serves every old address of the picture.
        original, path = found
        target = image_target(original)
        self.result.copies[target] = path
        self.result.uploads_used[relative] = target
        self.result.uploads_used[original] = target
        if not alt or bad_alt(alt):
            why = "tanpa teks alternatif" if not alt else \
                f"yang teks alternatifnya {code(alt[:40])} tidak menjelaskan isinya"
            return self.note(f"Gambar {why}: `![]({{static}}/{target})`; tulis apa isi gambarnya di "
                             "antara [ dan ], lalu hapus kutipan ini", "gambar tanpa teks alternatif")
        alt = escape_text(" ".join(alt.replace("[", "(").replace("]", ")").split()))
        title = ' "{}"'.format(" ".join(caption.replace('"', "'").split())) if caption else ""
        self.result.converted.append(f"gambar {target}")
        return f"\n\n![{alt}]({{static}}/{target}{title})\n\n"

    def note(self, text, reason):
        """A visible note in a draft's body. Whatever came from the export is inside code
        spans (see code()), where Markdown shows every character as written."""
        self.result.notes.append(text)
        if reason not in self.result.draft_reasons:
            self.result.draft_reasons.append(reason)
        return quote(text)


def quote(text):
    """The visible note a draft's body shows where something needs an editor."""
    return f"\n\n> **Catatan impor:** {text}\n\n"


def lone_image(figure):
    """The one picture of a simple figure (an image block, a [caption]), or None."""
    images = figure.find_all("img")
    return images[0] if len(images) == 1 and figure.find("figure") is None else None


def code(text):
    """``text`` as a Markdown code span: no backtick can end it early."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


def escape_text(text):
    """Text as Markdown shows it literally: no raw HTML, entity or attribute list can appear."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")


class _Converter(MarkdownConverter):
    def __init__(self, images, **options):
        super().__init__(**options)
        self.images = images

    def escape(self, text, parent_tags):
        return super().escape(escape_text(text), parent_tags)

    def convert_img(self, el, text, parent_tags):
        figure = el.find_parent("figure")
        if figure is not None and lone_image(figure) is el:
            return ""  # convert_figure places it, with its caption: one picture, one finding
        return self.images.place(el.get("src", ""), self._alt(el))

    def convert_figure(self, el, text, parent_tags):
        # markdownify converts the children first: a figure of figures (a block gallery) is
        # already its pictures, and placing its first one again would name it twice.
        img = lone_image(el)
        caption = el.find("figcaption")
        if img is None:
            return text
        return self.images.place(img.get("src", ""), self._alt(img),
                                 caption.get_text(" ", strip=True) if caption else "")

    def _alt(self, el):
        alt = (el.get("alt") or "").strip()
        if alt or self.images.export is None:
            return alt
        match = re.search(r"wp-image-(\d+)", " ".join(el.get("class") or []))
        attachment = self.images.export.attachments.get(match.group(1)) if match else None
        attachment = attachment or self.images.by_url.get(el.get("src", ""))
        return attachment.alt if attachment else ""

    def convert_a(self, el, text, parent_tags):
        # A link around an image (WordPress links every inserted picture to its file) would
        # make the figure a link to the old site: the picture alone is kept.
        if el.find("img") is not None and not el.get_text(strip=True):
            return text
        return super().convert_a(el, text, parent_tags)

    def convert_iframe(self, el, text, parent_tags):
        return embed_link(el.get("src") or el.get("data-src"), self.images.result, code)

    def convert_embed(self, el, text, parent_tags):
        return embed_link(el.get("src"), self.images.result, code)

    def convert_object(self, el, text, parent_tags):
        movie = el.find("param", attrs={"name": re.compile(r"^(movie|src)$", re.IGNORECASE)})
        return embed_link(el.get("data") or (movie.get("value") if movie else ""), self.images.result, code)

    def convert_script(self, el, text, parent_tags):
        before = el.find_previous_sibling()
        if not el.get("src") or (before is not None and before.name == "blockquote"
                                 and before.find("a", href=True) is not None):
            return ""  # inline code, or a widget loader whose quote already keeps its link
        return embed_link(el.get("src"), self.images.result, code)

    def convert_style(self, el, text, parent_tags):
        return ""

    convert_noscript = convert_form = convert_style


def _shortcodes(html, export, result):
    def caption(match):
        soup = BeautifulSoup(match.group(2), "html.parser")
        img = soup.find("img")
        if img is None:
            return soup.get_text(" ", strip=True)
        img.extract()
        for link in soup.find_all("a"):
            link.unwrap()
        result.converted.append("[caption] menjadi gambar berketerangan")
        return f"<figure>{img}<figcaption>{soup.get_text(' ', strip=True)}</figcaption></figure>"

    def gallery(match):
        ids = re.search(r'ids\s*=\s*["\']?([\d,\s]+)', match.group(1))
        found = [export.attachments.get(i.strip()) for i in (ids.group(1).split(",") if ids else [])] \
            if export else []
        result.converted.append(f"[gallery] menjadi {len(found)} gambar")
        pictures = "".join(f'<figure><img src="{a.url}" alt="{escape_attr(a.alt)}"></figure>'
                           for a in found if a is not None)
        missing = sum(1 for a in found if a is None)
        if missing or not ids:
            result.notes.append(f"[gallery] menyebut {missing or 'tanpa'} lampiran yang tidak ada di ekspor")
        return pictures

    def unknown(match):
        result.notes.append(f"Kode pendek [{match.group(1)}] tidak dikenal dan dihapus: "
                            f"{' '.join(match.group(0).split())[:80]}")
        return ""

    html = CAPTION.sub(caption, html)
    html = GALLERY.sub(gallery, html)
    html = ENCLOSING.sub(unknown, html)
    html = SELF_CLOSING.sub(unknown, html)
    return KNOWN.sub(lambda m: unknown(re.match(r"\[(\w+)", m.group(0)) and m), html)


def escape_attr(text):
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def sanitizer_changes(html):
    """What the sanitizer would remove that matters to a reader (see HARMLESS_ATTRIBUTES)."""
    _, removals = Sanitizer().check(html)
    found = []
    for removal in removals:
        words = removal.what.split()
        if words[0] == "atribut" and len(words) > 1 and (
                words[1] in HARMLESS_ATTRIBUTES or words[1].startswith(("data-", "aria-"))):
            continue
        if words[0] == "elemen" and words[1].strip("<>") not in HARMFUL_ELEMENTS:
            continue  # <font>, <center>, Word's <o:p>: the text inside is kept
        found.append(removal.what)
    return found


def _shift_headings(soup, result):
    """Headings renumbered so the body starts at ## and never skips a level (the page's h1 is
    the title; WCAG 1.3.1 and the subjudul-* rules)."""
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    levels = sorted({int(h.name[1]) for h in headings})
    if not levels:
        return
    if levels[0] == 1:
        result.notes.append("Subjudul dimulai dari h1; tingkatnya digeser mulai ##")
    if levels != list(range(2, 2 + len(levels))):
        result.converted.append("subjudul " + ", ".join(f"h{a}→h{b}" for a, b in
                                                        zip(levels, range(2, 8), strict=False)))
    new = {level: min(2 + index, 6) for index, level in enumerate(levels)}
    for heading in headings:
        heading.name = f"h{new[int(heading.name[1])]}"


def convert(html, export=None, uploads=None):
    """:class:`Converted` for one post's HTML body."""
    result = Converted("")
    html = _shortcodes(html or "", export, result)
    removed = sanitizer_changes(html)
    if removed:
        result.draft_reasons.append("HTML yang tidak diizinkan: " + ", ".join(removed[:5]))
        result.notes.append("Bagian HTML yang tidak diizinkan tidak ikut diimpor ("
                            + ", ".join(removed[:5]) + "); bandingkan dengan situs lama")
    # WordPress stores paragraphs as blank lines, not <p> (wpautop adds them when showing).
    if "<p" not in html.lower():
        html = "".join(f"<p>{block}</p>" for block in re.split(r"\n\s*\n", html) if block.strip())
    soup = BeautifulSoup(html, "html.parser")
    _shift_headings(soup, result)
    converter = _Converter(Images(export, uploads, result), heading_style="ATX", bullets="-",
                           escape_misc=False, table_infer_header=True)
    markdown = converter.convert_soup(soup)
    result.markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    return result


def plain_text(html):
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def summary_of(excerpt, body_html, limit=300):
    """The excerpt, or the body's first sentences, as one line of plain text within ``limit``."""
    body = CAPTION.sub("", GALLERY.sub("", body_html or ""))
    paragraphs = BeautifulSoup(body, "html.parser").find_all("p")
    text = plain_text(excerpt) or " ".join(p.get_text(" ", strip=True) for p in paragraphs[:3]) \
        or plain_text(body)
    text = re.sub(r"\[[a-z][^\]]*\]", "", text).strip()
    if len(text) <= min(limit, 250):
        return text
    sentences, summary = re.split(r"(?<=[.!?])\s+", text), ""
    for sentence in sentences:
        if len(summary) + len(sentence) + 1 > 250:
            break
        summary = f"{summary} {sentence}".strip()
    return summary or text[:247].rsplit(" ", 1)[0] + "…"
