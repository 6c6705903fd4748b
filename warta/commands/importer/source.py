"""What an import reads, whatever it came from: items (posts and pages) with their line in the
export, and a safe XML reader that knows each element's line.

WordPress exports and feeds are untrusted files from another system: they are parsed with
defusedxml (no entity expansion, no external entities, no DTD fetched from the network), and a
file that is not well-formed stops the import at its line, before anything is written.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from warta.content.errors import ContentError

# Every refusal's rule id is listed in warta.content.files.BUILD_RULES, with a section in the
# editors' guide.
DRAFT_STATUSES = {"draft", "pending", "private", "future", "auto-draft"}


def refuse(path, rule, message, fix, line=None):
    return ContentError(path, message, fix, line=line, rule=rule)


@dataclass
class Item:
    """One post or page, as Warta will write it (before conversion)."""

    origin: str  # "wordpress" or "feed"
    ident: str  # the WordPress ID, or a stable key of the feed item
    kind: str  # "post" or "page"
    title: str
    slug: str
    date: datetime.datetime  # aware
    html: str
    line: int = 0
    status: str = "publish"
    author: str = ""
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    excerpt: str = ""
    link: str = ""
    cover_id: str = ""
    modified: datetime.datetime | None = None
    parent: str = ""  # a WordPress page's parent page ID: where it was linked from


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on (ElementTree forgets)."""

    def __init__(self):
        super().__init__()
        self.lines = {}
        self.parser = None

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber
        return element


def parse_xml(path, data):
    """(root element, {element: line}); ContentError for a file that is not well-formed XML."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        truncated = "no element found" in str(exc) or "unclosed token" in str(exc)
        what = "terpotong (berakhir sebelum semua elemen ditutup)" if truncated else "bukan XML yang sah"
        raise refuse(path, "impor-rusak", f"Berkas {what}: {exc}",
                     "ekspor ulang dari situs lama dan simpan berkasnya utuh; jangan disunting "
                     "dengan tangan", line) from None
    except DefusedXmlException as exc:
        raise refuse(path, "impor-rusak", f"Berkas memakai DTD atau entitas XML ({type(exc).__name__})",
                     "ekspor WordPress dan feed tidak memerlukannya; ekspor ulang dari situs lama",
                     1) from None
    return root, builder.lines


# WordPress writes dates `2019-05-03 02:30:00`; an export edited by hand or another tool may
# not. Like the linter, the import refuses to guess what `03/05/2019` means.
WP_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$")
EMPTY_DATES = {"", "0000-00-00 00:00:00"}


def wordpress_date(value, zone, path, line, ident):
    """The aware datetime of a WordPress date written in ``zone``; None if WordPress left it
    empty (drafts have no GMT date)."""
    value = (value or "").strip()
    if value in EMPTY_DATES:
        return None
    match = WP_DATE.match(value)
    try:
        if not match:
            raise ValueError(value)
        parts = [int(g) if g else 0 for g in match.groups()]
        return datetime.datetime(*parts, tzinfo=zone)
    except ValueError:
        raise refuse(path, "impor-tanggal", f"Tanggal {value[:40]!r} pada pos {ident} tidak dapat dibaca",
                     "WordPress menulis tanggal TTTT-BB-HH JJ:MM:DD, misalnya 2019-05-03 09:30:00; "
                     "perbaiki tanggal itu atau ekspor ulang", line) from None


def zone_of(settings):
    return ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta")


def is_draft(status):
    return status in DRAFT_STATUSES
