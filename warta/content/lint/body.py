"""The checks of a file's Markdown body: headings, inline elements, attribute lists, tables."""

import re

from bs4 import BeautifulSoup
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown_it import MarkdownIt

from warta.content.lint.source import ATTR_LIST_BLOCK, ATTR_LIST_INLINE, strip_block_attrs

FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
HASH_HEADING_NO_SPACE = re.compile(r"^(#{1,6})([^#\s])")

_markdown = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


class BodyChecks:
    """The Markdown half of the checker (see warta.content.lint.checker.Checker)."""

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
                text, attrs = strip_block_attrs(_inline_text(inline.children or []))
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


    def check_markdown_table(self, tokens, index, line):
        headers = []
        for position in range(index, len(tokens)):
            token = tokens[position]
            if token.type == "table_close":
                break
            if token.type == "inline" and tokens[position - 1].type == "th_open":
                headers.append(strip_block_attrs(token.content)[0].strip())
        if not any(headers):
            self.add(line, "tabel-header", "Tabel tidak punya sel judul (baris judul kosong)",
                     "isi baris pertama tabel dengan judul setiap kolom, misalnya | Kecamatan | Penerima |")


def _line_of(children, index):
    """How many lines into its block an inline child starts."""
    return sum(1 for child in children[:index] if child.type in ("softbreak", "hardbreak"))


def _inline_text(children):
    return "".join(c.content for c in children if c.type in ("text", "code_inline", "image"))


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

