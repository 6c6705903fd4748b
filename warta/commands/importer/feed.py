"""Reading a saved RSS 2.0 or Atom feed, for portals that were not WordPress.

The feed is a file saved beforehand: an import never fetches anything, so what is imported is
exactly what an administrator saved and can keep.
"""

import datetime
import email.utils
import hashlib
import html
from urllib.parse import unquote, urlsplit

from warta.commands.importer.source import Item, parse_xml, refuse, zone_of

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
NOT_FEED_FIX = ("simpan feed RSS 2.0 atau Atom situs lama sebagai berkas .xml; untuk ekspor "
                "WordPress pakai `bin/warta impor wordpress`")


def _child(element, *names):
    for name in names:
        found = element.find(name)
        if found is not None:
            return found
    return None


def _text(element, *names):
    found = _child(element, *names)
    return (found.text or "").strip() if found is not None else ""


def _date(value, path, line, ident):
    value = value.strip()
    try:
        if value[:4].isdigit():  # Atom: RFC 3339
            when = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        else:  # RSS: RFC 822
            when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            raise ValueError(value)
        return when
    except (TypeError, ValueError, IndexError):
        raise refuse(path, "impor-tanggal", f"Tanggal {value[:40]!r} pada butir {ident!r} tidak dapat dibaca",
                     "feed menulis tanggal RFC 822 (RSS, misalnya Fri, 03 May 2019 09:30:00 +0700) "
                     "atau RFC 3339 (Atom, 2019-05-03T09:30:00+07:00), dengan zona waktunya",
                     line) from None


def _slug_from(link, title):
    path = unquote(urlsplit(link).path).rstrip("/")
    last = path.rsplit("/", 1)[-1] if path else ""
    last = last.rsplit(".", 1)[0] if last.endswith((".html", ".htm", ".php")) else last
    return last if last and not last.isdigit() else title


def read_feed(path, data, settings):
    """(items, host of the feed's own site) from a saved RSS 2.0 or Atom file."""
    root, lines = parse_xml(path, data)
    zone = zone_of(settings)
    items = []
    if root.tag == "rss" and root.find("channel") is not None:
        channel = root.find("channel")
        site = _text(channel, "link")
        for element in channel.findall("item"):
            line = lines.get(element, 0)
            link = _text(element, "link")
            guid = _text(element, "guid") or link or _text(element, "title")
            items.append(Item(
                origin="feed", ident=hashlib.sha256(guid.encode()).hexdigest()[:12], kind="post",
                line=line, title=html.unescape(_text(element, "title")),
                slug=_slug_from(link, _text(element, "title")),
                date=_date(_text(element, "pubDate", f"{{{DC}}}date") or "", path, line, guid)
                .astimezone(zone),
                html=_text(element, f"{{{CONTENT}}}encoded") or _text(element, "description"),
                author=_text(element, f"{{{DC}}}creator", "author"),
                categories=[(c.text or "").strip() for c in element.findall("category")][:1],
                tags=[(c.text or "").strip() for c in element.findall("category")][1:],
                excerpt=_text(element, "description") if element.find(f"{{{CONTENT}}}encoded") is not None else "",
                link=link,
            ))
    elif root.tag == f"{{{ATOM}}}feed":
        a = f"{{{ATOM}}}"
        site = next((e.get("href", "") for e in root.findall(f"{a}link") if e.get("rel", "alternate") == "alternate"), "")
        for element in root.findall(f"{a}entry"):
            line = lines.get(element, 0)
            link = next((e.get("href", "") for e in element.findall(f"{a}link")
                         if e.get("rel", "alternate") == "alternate"), "")
            guid = _text(element, f"{a}id") or link
            terms = [c.get("label") or c.get("term") or "" for c in element.findall(f"{a}category")]
            author = element.find(f"{a}author")
            items.append(Item(
                origin="feed", ident=hashlib.sha256(guid.encode()).hexdigest()[:12], kind="post",
                line=line, title=html.unescape(_text(element, f"{a}title")),
                slug=_slug_from(link, _text(element, f"{a}title")),
                date=_date(_text(element, f"{a}published", f"{a}updated"), path, line, guid).astimezone(zone),
                html=_text(element, f"{a}content") or _text(element, f"{a}summary"),
                author=_text(author, f"{a}name") if author is not None else "",
                categories=terms[:1], tags=terms[1:], excerpt=_text(element, f"{a}summary"), link=link,
            ))
    else:
        raise refuse(path, "impor-bukan-ekspor", f"Berkas ini bukan feed RSS 2.0 atau Atom (elemen akarnya <{root.tag}>)",
                     NOT_FEED_FIX, lines.get(root, 1))
    return items, urlsplit(site).hostname or ""
