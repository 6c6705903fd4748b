"""figures: give article images captions and tables a scroll container, without raw HTML.

An image alone in its paragraph with a Markdown title, `![alt](path "Keterangan")`, becomes a
<figure> with that title as its <figcaption>. Wide tables get a keyboard-focusable, labelled
scroll container, so the page itself never scrolls sideways at 320 CSS px (WCAG 1.4.10).
"""

import logging

from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article, Page

log = logging.getLogger(__name__)

TABLE_LABEL = "Tabel (geser ke samping bila terpotong)"


def transform(html):
    """Return ``html`` with captioned figures and wrapped tables."""
    if "<img" not in html and "<table" not in html:
        return html
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
    return str(soup)


def process_content(instance):
    if not isinstance(instance, (Article, Page)) or not instance._content:
        return
    instance._content = transform(instance._content)


def register():
    # content_object_init runs once per article or page, after Markdown and typogrify, so the
    # rewritten HTML is what every template and feed receives.
    signals.content_object_init.connect(process_content)
