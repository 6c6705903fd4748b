"""Reading a WordPress export (WXR 1.0–1.2): posts, pages, attachments, categories, tags,
authors and statuses, each with its line in the file."""

import datetime
import html
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from warta.commands.importer.source import Item, parse_xml, refuse, wordpress_date, zone_of

NS = {
    "wp": "http://wordpress.org/export/{}/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/{}/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
VERSIONS = ("1.2", "1.1", "1.0")
NOT_WXR_FIX = ("di WordPress pilih Alat → Ekspor → Semua konten, lalu impor berkas .xml itu; "
               "untuk situs lain pakai `bin/warta impor feed`")


@dataclass
class Attachment:
    ident: str
    url: str
    relative: str  # the path under wp-content/uploads, "" when outside it
    alt: str
    parent: str
    link: str
    line: int


@dataclass
class Export:
    path: str
    base_url: str
    items: list = field(default_factory=list)
    attachments: dict = field(default_factory=dict)  # id -> Attachment
    categories: dict = field(default_factory=dict)  # nicename -> name
    tags: dict = field(default_factory=dict)  # nicename -> name
    authors: dict = field(default_factory=dict)  # login -> display name


def uploads_path(url):
    """The path under wp-content/uploads/ an uploads URL names, or "" when it names none.

    A `..` anywhere is refused by the caller: nothing an import copies may come from, or land,
    outside the folders it was given.
    """
    path = unquote(urlsplit(url).path)
    marker = "/wp-content/uploads/"
    if marker not in path:
        return ""
    return path.split(marker, 1)[1]


def _text(element, tag, ns):
    found = element.find(tag, ns)
    return (found.text or "").strip() if found is not None else ""


def read_export(path, data, settings):
    """An :class:`Export` from the bytes of a WXR file; ContentError for anything else."""
    root, lines = parse_xml(path, data)
    channel = root.find("channel") if root.tag == "rss" else None
    version = next((v for v in VERSIONS if channel is not None
                    and channel.find(f"{{{NS['wp'].format(v)}}}wxr_version") is not None), None)
    if version is None:
        raise refuse(path, "impor-bukan-ekspor", "Berkas ini bukan ekspor WordPress (WXR): tidak ada "
                     "<wp:wxr_version> di dalam <rss><channel>", NOT_WXR_FIX, lines.get(root, 1))
    ns = {key: value.format(version) for key, value in NS.items()}
    export = Export(str(path), _text(channel, "wp:base_blog_url", ns) or _text(channel, "link", ns))
    for author in channel.findall("wp:author", ns):
        login = _text(author, "wp:author_login", ns)
        export.authors[login] = _text(author, "wp:author_display_name", ns) or login
    for category in channel.findall("wp:category", ns):
        export.categories[_text(category, "wp:category_nicename", ns)] = \
            html.unescape(_text(category, "wp:cat_name", ns))
    for tag in channel.findall("wp:tag", ns):
        export.tags[_text(tag, "wp:tag_slug", ns)] = html.unescape(_text(tag, "wp:tag_name", ns))
    zone = zone_of(settings)
    for element in channel.findall("item"):
        line = lines.get(element, 0)
        kind = _text(element, "wp:post_type", ns)
        ident = _text(element, "wp:post_id", ns)
        meta = {_text(m, "wp:meta_key", ns): _text(m, "wp:meta_value", ns)
                for m in element.findall("wp:postmeta", ns)}
        if kind == "attachment":
            url = _text(element, "wp:attachment_url", ns)
            relative = meta.get("_wp_attached_file") or uploads_path(url)
            if ".." in PurePosixPath(relative).parts or relative.startswith("/") or "\\" in relative:
                raise refuse(path, "impor-jalur", f"Lampiran {ident} menunjuk ke luar folder unggahan: "
                             f"{relative[:80]!r}", "hapus lampiran itu dari ekspor atau perbaiki "
                             "jalurnya; impor tidak menyalin apa pun dari luar folder unggahan", line)
            export.attachments[ident] = Attachment(
                ident, url, relative, meta.get("_wp_attachment_image_alt", "").strip(),
                _text(element, "wp:post_parent", ns), _text(element, "link", ns), line)
            continue
        if kind not in ("post", "page"):
            continue  # menus, revisions, custom types: nothing a citizen read as an article
        status = _text(element, "wp:status", ns) or "publish"
        gmt = wordpress_date(_text(element, "wp:post_date_gmt", ns), datetime.UTC, path, line, ident)
        local = wordpress_date(_text(element, "wp:post_date", ns), zone, path, line, ident)
        when = (gmt or local or datetime.datetime.now(datetime.UTC)).astimezone(zone)
        categories, tags = [], []
        for term in element.findall("category"):
            name = html.unescape((term.text or "").strip())
            (categories if term.get("domain") == "category" else tags if term.get("domain") == "post_tag"
             else []).append(name)
        author = _text(element, "dc:creator", ns)
        parent = _text(element, "wp:post_parent", ns)
        export.items.append(Item(
            origin="wordpress", ident=ident, kind=kind, line=line,
            title=html.unescape(_text(element, "title", ns)),
            slug=unquote(_text(element, "wp:post_name", ns)),
            date=when, html=_text(element, "content:encoded", ns),
            status=status, author=export.authors.get(author, author),
            categories=categories, tags=tags, excerpt=_text(element, "excerpt:encoded", ns),
            link=_text(element, "link", ns), cover_id=meta.get("_thumbnail_id", ""),
            parent="" if parent == "0" else parent,
        ))
    return export
