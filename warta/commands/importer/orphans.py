"""Imported pages nothing links to: a page no article, page or menu entry points at is a page
no reader finds, so the report lists each with where to link it.

A link counts by any address it can name the page with: the new address, the old permalink or
`?page_id=` (imported bodies keep the old site's links; the redirects carry them), or the file
itself (`{filename}`). Files waiting in impor-tertahan/ are not on the site and count for none.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from warta.commands.importer.writer import HELD

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")


def _names(href, hosts):
    """The addresses a link can name a page by: ("path", "/x/"), ("page_id", "N"), ("file", name)."""
    href = unquote(href.strip())
    if href.startswith("{"):
        return {("file", href.split("}", 1)[-1].rsplit("/", 1)[-1])}
    parts = urlsplit(href)
    if parts.netloc and (parts.hostname or "").lower() not in hosts:
        return set()
    names = {("page_id", ident) for ident in parse_qs(parts.query).get("page_id", [])}
    if parts.path.strip("/"):
        names.add(("path", f"/{parts.path.strip('/')}/"))
    return names


def _links(content, settings, hosts):
    """{address: {who links to it}}: every Markdown file in content/, and the menu."""
    found = {}
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content).as_posix()
        if relative.startswith(f"{HELD}/"):
            continue
        for href in LINK.findall(path.read_text(encoding="utf-8", errors="replace")):
            for name in _names(href, hosts):
                found.setdefault(name, set()).add(relative)
    for _, link, *_ in settings.get("WARTA_MENU") or ():
        for name in _names(link or "/", hosts):
            found.setdefault(name, set()).add("WARTA_MENU")
    return found


def _own_names(entry, settings):
    item = entry.item
    new = "/" + settings["PAGE_URL"].format(slug=entry.slug)
    names = {("path", f"/{new.strip('/')}/"), ("page_id", item.ident),
             ("file", entry.path.rsplit("/", 1)[-1])}
    for old in (urlsplit(item.link).path if item.link else "", item.slug):
        if old and old.strip("/"):
            names.add(("path", f"/{unquote(old).strip('/')}/"))
    return names


def orphan_pages(outcome, content, settings, base_url=""):
    """[(entry, where to link it)] for each published imported page nothing links to."""
    pages = [e for e in outcome.entries if e.item.kind == "page" and e.published and e.path]
    if not pages:
        return []
    hosts = {urlsplit(u).hostname for u in (base_url, settings.get("SITEURL") or "")} - {None}
    links = _links(content, settings, hosts)
    by_ident = {e.item.ident: e for e in pages}
    orphans = []
    for entry in pages:
        if any(links.get(name, set()) - {entry.path} for name in _own_names(entry, settings)):
            continue
        parent = by_ident.get(entry.item.parent)
        title = " ".join(entry.item.title.replace('"', "'").split())
        menu = f'`("{title}", "{settings["PAGE_URL"].format(slug=entry.slug)}")`'
        if parent is not None and parent is not entry:
            where = (f"tautkan dari halaman induknya di situs lama, {parent.item.title!r} "
                     f"(`content/{parent.path}`), atau tambahkan ke WARTA_MENU di pelicanconf.py: {menu}")
        else:
            where = (f"tambahkan ke WARTA_MENU di pelicanconf.py, misalnya {menu}, atau tautkan dari "
                     "halaman atau berita yang membahas hal yang sama")
        orphans.append((entry, where))
    return orphans
