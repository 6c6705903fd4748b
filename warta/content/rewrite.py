"""One rewrite of content HTML, while Python-Markdown still holds the document tree.

Figures, scrollable tables, safe new-tab links and responsive images are made here, once, for
every Markdown text Pelican reads (articles, pages, PPID, video and magazine bodies, summaries),
before the content check sanitizes that HTML. The image rules themselves (sizes, srcset, the
WebP copies, covers drawn by templates) are in :mod:`warta.content.images`.

Raw HTML is not part of Python-Markdown's tree (it keeps it aside as text), so its ``<a>``,
``<img>`` and ``<table>`` start tags are read one by one and given the very same attributes by the
same functions as the tree's elements.
"""

import contextvars
import html
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from warta.content import images, paths
from warta.content.errors import ContentError, Finding
from warta.content.sanitize import source_line

TABLE_LABEL = "Tabel (geser ke samping bila terpotong)"
# Two regions with one name are two landmarks a screen-reader user cannot tell apart (axe
# landmark-unique, WCAG 1.3.1 / 2.4.1): with several tables each label carries its number.
NUMBERED_TABLE_LABEL = "Tabel {number} dari {total} (geser ke samping bila terpotong)"
_LABEL_MARKER = f'aria-label="{TABLE_LABEL}"'



# --- Which file a text is read from --------------------------------------------------------

# The Markdown file being read and Pelican's settings, for the length of one reader.read():
# Python-Markdown knows neither, and relative image paths are relative to that file.
_reading = contextvars.ContextVar("warta_rewrite_reading", default=(None, {}))


# What the rewrite refused in the file being read: (rule, message, fix, needle).
_refusals = contextvars.ContextVar("warta_rewrite_refusals", default=None)


def reading(read, settings):
    """``read`` (a reader's read(source_path)) that tells the extension which file it reads,
    and stops with every address the rewrite refused (warta.content.paths) once the file is read."""

    def read_with_source(source_path):
        refused = []
        token = _reading.set((Path(source_path), settings))
        refusals = _refusals.set(refused)
        try:
            result = read(source_path)
        finally:
            _reading.reset(token)
            _refusals.reset(refusals)
        if refused:
            raise ContentError.from_findings(_findings(source_path, refused))
        return result

    read_with_source.warta_rewrite = True
    return read_with_source


def _source_file(src, source, settings):
    """The file under content/ that ``src``, written in ``source``, shows; None if unknown.

    Only addresses the build can follow to a file it publishes (warta.content.paths): Pelican's
    {static} and {attach} links, and addresses from the site root; a bare relative address
    depends on the page's own address, which a Markdown text does not know.
    """
    if not settings.get("PATH"):
        return None
    try:
        local = paths.resolve(html.unescape(src), source, settings["PATH"])
    except paths.Refused:
        return None  # refused for the file by check_addresses
    if local is None or not local.path:
        return None
    return Path(settings["PATH"]).resolve() / local.path


def _findings(source_path, refused):
    try:
        text = Path(source_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        text = ""
    return [Finding(str(source_path), source_line(text, finding[3][:40] or "<", 1), *finding[:3])
            for finding in dict.fromkeys(refused)]


def check_addresses(attributes, source, settings):
    """Refuse, for the file being read, what warta.content.paths refuses in an element's attributes:
    the wall behind the content check's friendlier messages (warta.content.lint)."""
    refused = _refusals.get()
    if refused is not None and settings.get("PATH"):
        refused.extend(paths.refusals(attributes, source, settings["PATH"]))


# --- The rules, each written once, on an element's attributes -------------------------------

def is_external(href):
    """An http(s) address with a host: a page that is not ours to trust."""
    parsed = urlparse(href or "")
    return parsed.scheme in ("http", "https", "") and bool(parsed.netloc)


def protect_new_tab(attributes):
    """A link opening a new tab gets rel="noopener noreferrer": the opened page can neither
    navigate ours (reverse tabnabbing) nor learn which page linked to it.

    Every absolute http(s) address counts, our own included: the text is cached between
    builds with different SITEURLs, and protecting our own pages costs nothing.
    """
    if attributes.get("target") != "_blank" or not is_external(attributes.get("href")):
        return
    rel = (attributes.get("rel") or "").split()
    wanted = rel + [value for value in ("noopener", "noreferrer") if value not in rel]
    if wanted != rel:
        attributes["rel"] = " ".join(wanted)


def content_image(attributes, source, settings, in_figure=False):
    """An image in a text: its size and copies; loaded lazily, since a text's images come
    after the page's heading and cover."""
    path = _source_file(attributes.get("src", ""), source, settings)
    if images.responsive(attributes, path, settings) or in_figure:
        attributes.setdefault("loading", "lazy")
        attributes.setdefault("decoding", "async")


def table_attributes(attributes):
    attributes["class"] = " ".join((attributes.get("class") or "").split() + ["w-table"])


def wrapper_attributes():
    # A keyboard-focusable, labelled scroll region: a wide table scrolls inside it and the page
    # never scrolls sideways at 320 CSS px (WCAG 1.4.10, 2.1.1).
    return {"aria-label": TABLE_LABEL, "class": "w-table-wrap", "role": "region", "tabindex": "0"}


def header_cell(attributes):
    # Column headers say which cells they label (WCAG 1.3.1).
    attributes.setdefault("scope", "col")


_MARKDOWN_ALIGN = re.compile(r"text-align: (left|center|right);")


def align_by_class(cell):
    """A column aligned in Markdown (`|--:|`) gets a theme class instead of the inline style
    Python-Markdown writes: the sanitizer allows no style attribute in content."""
    match = _MARKDOWN_ALIGN.fullmatch(cell.get("style") or "")
    if match:
        del cell.attrib["style"]
        cell.set("class", " ".join((cell.get("class") or "").split()
                                   + [f"w-table__cell--{match.group(1)}"]))


def number_table_labels(text):
    """Give each table region its own name when a text has more than one table."""
    total = text.count(_LABEL_MARKER)
    if total < 2:
        return text
    parts = text.split(_LABEL_MARKER)
    numbered = [parts[0]]
    for number, part in enumerate(parts[1:], start=1):
        label = NUMBERED_TABLE_LABEL.format(number=number, total=total)
        numbered.append(f'aria-label="{label}"{part}')
    return "".join(numbered)


# --- The Markdown extension ------------------------------------------------------------------

def _in_class(parents, element, name):
    parent = parents.get(element)
    while parent is not None:
        if name in (parent.get("class") or "").split():
            return True
        parent = parents.get(parent)
    return False


class RewriteTreeprocessor(Treeprocessor):
    def run(self, root):
        source, settings = _reading.get()
        for paragraph in list(root.iter("p")):
            self.figure(paragraph)
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            check_addresses(element.attrib, source, settings)
            if element.tag == "a":
                attributes = dict(element.attrib)
                protect_new_tab(attributes)
                _set(element, attributes)
                break_address(element)
            elif element.tag == "img":
                attributes = dict(element.attrib)
                parent = parents.get(element)
                content_image(attributes, source, settings, parent is not None
                              and parent.get("class") == "w-figure")
                _set(element, attributes)
            elif element.tag == "table" and not _in_class(parents, element, "w-table-wrap"):
                self.wrap(element, parents)
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, raw in enumerate(stash):
            if isinstance(raw, str) and "<" in raw:
                stash[index] = RawRewriter(source, settings).rewrite(raw)

    def figure(self, paragraph):
        """An image alone in its paragraph with a title becomes a figure captioned by it, so
        the caption is tied to the picture for assistive technology (WCAG 1.1.1, 1.3.1)."""
        if len(paragraph) != 1 or paragraph[0].tag != "img" or (paragraph.text or "").strip() \
                or (paragraph[0].tail or "").strip():
            return
        image = paragraph[0]
        caption = image.attrib.pop("title", None)
        image.set("loading", "lazy")
        image.set("decoding", "async")
        image.tail = None
        paragraph.remove(image)
        paragraph.tag = "figure"
        paragraph.text = None
        paragraph.attrib.clear()
        paragraph.set("class", "w-figure")
        paragraph.append(image)
        if caption:
            figcaption = etree.SubElement(paragraph, "figcaption", {"class": "w-figure__caption"})
            figcaption.text = caption

    def wrap(self, table, parents):
        parent = parents[table]
        index = list(parent).index(table)
        wrapper = etree.Element("div", wrapper_attributes())
        wrapper.tail, table.tail = table.tail, None
        parent.remove(table)
        parent.insert(index, wrapper)
        wrapper.append(table)
        parents[table], parents[wrapper] = wrapper, parent
        attributes = dict(table.attrib)
        table_attributes(attributes)
        _set(table, attributes)
        for head in table.iter("thead"):
            for cell in head.iter("th"):
                header_cell(cell.attrib)
        for cell in (cell for cell in table.iter() if cell.tag in ("th", "td")):
            align_by_class(cell)


# Where a long address may wrap: after the @ and before each dot, the places a reader expects
# a break, never inside a name ("diskominfo@kota/contoh.example" reads as two addresses).
ADDRESS_BREAK = re.compile(r"(?<=@)|(?=\.)")


def address_pieces(address):
    """``address`` cut where it may wrap; joined by <wbr>, it still reads and copies as one."""
    return [piece for piece in ADDRESS_BREAK.split(address) if piece]


def wrappable_address(address):
    """An e-mail or web address as HTML that wraps at sensible points at 320 px (WCAG 1.4.10)."""
    return Markup("<wbr>").join(escape(piece) for piece in address_pieces(str(address)))


def break_address(element):
    """A link whose text is its own e-mail address gets the same wrap points."""
    href, text = element.get("href", ""), element.text or ""
    if len(element) or not href.startswith("mailto:") or text.strip() != href[7:]:
        return
    pieces = address_pieces(text)
    element.text = pieces[0]
    for piece in pieces[1:]:
        etree.SubElement(element, "wbr").tail = piece


def _set(element, attributes):
    if attributes != dict(element.attrib):
        element.attrib.clear()
        element.attrib.update(attributes)


class RawRewriter(HTMLParser):
    """Raw HTML re-emitted as written, with only the start tags the rules change rewritten."""

    def __init__(self, source, settings):
        super().__init__(convert_charrefs=False)
        self.source, self.settings = source, settings
        self.out = []
        self.tables = []  # for each open <table>: was it wrapped here?
        self.wrapped = 0  # editor-written .w-table-wrap divs open around us
        self.divs = []
        self.in_head = 0

    def rewrite(self, raw):
        self.feed(raw)
        self.close()
        return "".join(self.out)

    def _tag(self, tag, attributes, closing=""):
        text = "".join(f' {n}' if v is None else f' {n}="{html.escape(v)}"' for n, v in attributes)
        return f"<{tag}{text}{closing}>"

    def handle_starttag(self, tag, attrs, closing=""):
        original = self.get_starttag_text()
        attributes = dict(attrs)
        if tag == "div":
            mark = "w-table-wrap" in (attributes.get("class") or "").split()
            self.divs.append(mark)
            self.wrapped += mark
        elif tag == "thead":
            self.in_head += 1
        check_addresses({k: v for k, v in attributes.items() if v is not None},
                        self.source, self.settings)
        before = dict(attributes)
        prefix = ""
        if tag == "a":
            protect_new_tab(attributes)
        elif tag == "img":
            content_image(attributes, self.source, self.settings)
        elif tag == "th" and self.in_head:
            header_cell(attributes)
        elif tag == "table":
            wrap = not self.tables and not self.wrapped
            self.tables.append(wrap)
            if wrap:
                table_attributes(attributes)
                prefix = self._tag("div", wrapper_attributes().items())
        if attributes == before:
            self.out.append(prefix + original)
        else:
            self.out.append(prefix + self._tag(tag, attributes.items(), closing))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closing="/")
        if tag == "div":
            self.wrapped -= self.divs.pop()

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag == "table" and self.tables and self.tables.pop():
            self.out.append("</div>")
        elif tag == "div" and self.divs:
            self.wrapped -= self.divs.pop()
        elif tag == "thead" and self.in_head:
            self.in_head -= 1

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def close(self):
        super().close()
        if self.rawdata:  # an unfinished tag at the very end stays as the editor wrote it
            self.out.append(self.rawdata)
            self.rawdata = ""


class NumberTablesPostprocessor(Postprocessor):
    def run(self, text):
        return number_table_labels(text)


class RewriteExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"shaped_by": ["", "the settings this HTML depends on, for caches"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # After inline patterns (20), prettifying (10) and attribute lists (8): links and images
        # exist with every attribute the editor gave, and our new elements get no extra
        # whitespace.
        md.treeprocessors.register(RewriteTreeprocessor(md), "warta_rewrite", 7)
        # After raw HTML is back in place (30): raw and Markdown tables are numbered together.
        md.postprocessors.register(NumberTablesPostprocessor(md), "warta_table_numbers", 25)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name
    return RewriteExtension(**kwargs)
