"""figures: give article images captions and tables a scroll container, without raw HTML.

An image alone in its paragraph with a Markdown title, `![alt](path "Keterangan")`, becomes a
<figure> with that title as its <figcaption>. Wide tables get a keyboard-focusable, labelled
scroll container, so the page itself never scrolls sideways at 320 CSS px (WCAG 1.4.10).
"""

import logging
import re

from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article, Page

log = logging.getLogger(__name__)

TABLE_LABEL = "Tabel (geser ke samping bila terpotong)"
# Two regions with one name are two landmarks a screen-reader user cannot tell apart (axe
# landmark-unique, WCAG 1.3.1 / 2.4.1): with several tables each label carries its number.
NUMBERED_TABLE_LABEL = "Tabel {number} dari {total} (geser ke samping bila terpotong)"

# Parsing every article with BeautifulSoup was the largest cost Warta added to a build (issue 6
# benchmark: ~20 ms an article, 1.5 minutes on 10,000 articles). Markdown writes images and
# tables in one regular shape, so that shape is rewritten directly; anything else (raw HTML,
# nested or already wrapped tables) takes the BeautifulSoup path, which handles any HTML.
_ATTRIBUTE = r'\s+[a-zA-Z_:][-\w:.]*="[^"<>]*"'
LONE_IMAGE = re.compile(rf"<p>\s*<img((?:{_ATTRIBUTE})*)\s*/?>\s*</p>")
ATTRIBUTE = re.compile(r'\s+([a-zA-Z_:][-\w:.]*)="([^"<>]*)"')
TABLE = re.compile(r"<table>(.*?)</table>", re.S)
THEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
HEADER_CELL = re.compile(r"<th((?:%s)*)>" % _ATTRIBUTE)


def transform(html):
    """Return ``html`` with captioned figures and wrapped tables."""
    if "<img" not in html and "<table" not in html:
        return html
    return number_table_labels(_transform(html))


def number_table_labels(html):
    """Give each table region its own name when a text has more than one table."""
    marker = f'aria-label="{TABLE_LABEL}"'
    total = html.count(marker)
    if total < 2:
        return html
    parts = html.split(marker)
    numbered = [parts[0]]
    for number, part in enumerate(parts[1:], start=1):
        label = NUMBERED_TABLE_LABEL.format(number=number, total=total)
        numbered.append(f'aria-label="{label}"{part}')
    return "".join(numbered)


def _transform(html):
    tables = TABLE.findall(html)
    if (
        "w-table-wrap" in html
        or html.count("<table") != len(tables)
        or any("<table" in table for table in tables)
    ):
        return transform_document(html)
    html = LONE_IMAGE.sub(_figure, html)
    if _has_lone_image_in_other_shape(html):
        return transform_document(html)
    return TABLE.sub(_table, html)


def _has_lone_image_in_other_shape(html):
    """An image alone in a paragraph that the fast pattern did not match (e.g. single quotes)."""
    return re.search(r"<p>\s*<img\b[^<]*>\s*</p>", html) is not None


def _figure(match):
    attributes = ATTRIBUTE.findall(match.group(1))
    caption = next((value for name, value in attributes if name == "title"), None)
    kept = [(n, v) for n, v in attributes if n not in ("title", "loading", "decoding")]
    kept += [("loading", "lazy"), ("decoding", "async")]
    image = "<img" + "".join(f' {n}="{v}"' for n, v in kept) + "/>"
    figcaption = f'<figcaption class="w-figure__caption">{caption}</figcaption>' if caption else ""
    return f'<figure class="w-figure">{image}{figcaption}</figure>'


def _table(match):
    body = THEAD.sub(
        lambda head: "<thead>" + HEADER_CELL.sub(_header_cell, head.group(1)) + "</thead>",
        match.group(1),
    )
    return (
        f'<div aria-label="{TABLE_LABEL}" class="w-table-wrap" role="region" tabindex="0">'
        f'<table class="w-table">{body}</table></div>'
    )


def _header_cell(match):
    attributes = match.group(1)
    if ' scope="' in attributes:
        return match.group(0)
    return f'<th{attributes} scope="col">'


def transform_document(html):
    """The transformation itself, on a whole document or on one fragment of it."""
    soup = BeautifulSoup(html, "html.parser")
    for paragraph in soup.find_all("p"):
        children = [c for c in paragraph.contents if not (isinstance(c, str) and not c.strip())]
        if len(children) != 1 or getattr(children[0], "name", None) != "img":
            continue
        image = children[0]
        caption = image.attrs.pop("title", None)
        image["loading"] = "lazy"
        image["decoding"] = "async"
        figure = soup.new_tag("figure", attrs={"class": "w-figure"})
        figure.append(image.extract())
        if caption:
            figcaption = soup.new_tag("figcaption", attrs={"class": "w-figure__caption"})
            figcaption.string = caption
            figure.append(figcaption)
        paragraph.replace_with(figure)
    for table in soup.find_all("table"):
        if table.parent is not None and "w-table-wrap" in (table.parent.get("class") or []):
            continue
        table["class"] = (table.get("class") or []) + ["w-table"]
        # Column headers say which cells they label (WCAG 1.3.1).
        for header in table.select("thead th"):
            header.attrs.setdefault("scope", "col")
        wrapper = soup.new_tag(
            "div",
            attrs={"class": "w-table-wrap", "role": "region", "tabindex": "0",
                   "aria-label": TABLE_LABEL},
        )
        table.wrap(wrapper)
    return number_table_labels(str(soup))


def process_content(instance):
    if not isinstance(instance, (Article, Page)) or not instance._content:
        return
    instance._content = transform(instance._content)


def register():
    # content_object_init runs once per article or page, after Markdown and typogrify, so the
    # rewritten HTML is what every template and feed receives.
    signals.content_object_init.connect(process_content)
