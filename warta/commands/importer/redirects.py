"""Every old address of an imported site, as an nginx map file of permanent redirects.

deploy/nginx.conf maps one composite key to the new path:
`$uri?p=$arg_p&page_id=$arg_page_id&attachment_id=$arg_attachment_id`. nginx's `$uri` never
holds the query string, and WordPress's numeric addresses (`/?p=123`) live only there; exact
keys stay a hash lookup however many thousand posts a city had, where regular expressions would
be tried one by one on every request.
"""

import re
from urllib.parse import quote, unquote, urlsplit

from pelican.utils import slugify

EMPTY_QUERY = "?p=&page_id=&attachment_id="
SAFE_TARGET = re.compile(r"^/[A-Za-z0-9._~/%-]*$")
FEEDS = ("/feed/", "/feed/atom/", "/feed/rss2/", "/rss/")


def key_for_path(path):
    return f"{path}{EMPTY_QUERY}"


def new_address(entry, settings):
    item = entry.item
    pattern = settings["ARTICLE_URL"] if item.kind == "post" else settings["PAGE_URL"]
    return "/" + pattern.format(date=item.date, slug=entry.slug)


def old_paths(entry, base_path=""):
    """The dated permalinks, the item's own <link> and the bare slug WordPress answered to."""
    item = entry.item
    slug = item.slug or entry.slug
    paths = set()
    if item.link:
        path = unquote(urlsplit(item.link).path)
        if path and not urlsplit(item.link).query:
            paths.add(path)
    if item.origin == "wordpress":
        if item.kind == "post":
            paths |= {f"/{item.date:%Y/%m/%d}/{slug}/", f"/{item.date:%Y/%m}/{slug}/"}
        else:
            paths.add(f"/{slug}/")
    with_variants = set()
    for path in paths:
        path = base_path.rstrip("/") + path if base_path and not path.startswith(base_path) else path
        with_variants |= {path, path.rstrip("/") if path != "/" else path}
    return {p for p in with_variants if p and p != "/"}


class Redirects:
    """Collects old key → new path, first claim wins, so a later duplicate cannot steal it."""

    def __init__(self):
        self.map = {}

    def add(self, key, target):
        if key and target and key not in self.map and key != key_for_path(target):
            self.map[key] = target

    def add_path(self, path, target):
        self.add(key_for_path(path), target)

    def add_id(self, name, ident, target):
        for front in ("/", "/index.php"):
            query = {"p": "", "page_id": "", "attachment_id": "", name: ident}
            self.add(f"{front}?p={query['p']}&page_id={query['page_id']}&attachment_id={query['attachment_id']}",
                     target)

    def text(self, origin):
        lines = [f"# Dibuat oleh `bin/warta impor {origin}`; impor ulang menulis ulang berkas ini.",
                 "# Alamat lama situs sebelumnya → alamat baru (301), dibaca deploy/nginx.conf."]
        for key in sorted(self.map):
            target = self.map[key]
            if not SAFE_TARGET.match(target):
                target = quote(target, safe="/%-._~")
            lines.append(f'"{_quoted(key)}" {target};')
        return "\n".join(lines) + "\n"


def _quoted(key):
    # nginx reads the key as a quoted string: a backslash or quote in an old address must not
    # end it early, and a control character would not survive the file.
    key = re.sub(r"[\x00-\x1f\x7f]", "", key)
    return key.replace("\\", "\\\\").replace('"', '\\"')


def wordpress_redirects(export, entries, settings, agencies_by_name, post_agency, category_agency):
    """A :class:`Redirects` for everything a WordPress site answered to. ``post_agency`` is
    {post ID: Singkatan}, ``category_agency`` {WordPress category name: Singkatan}."""
    redirects = Redirects()
    base = urlsplit(export.base_url).path.rstrip("/") if export else ""
    by_ident, published_categories, tags, authors = {}, set(), set(), set()
    for entry in entries:
        item = entry.item
        if entry.action == "dilewati" or item.status != "publish":
            continue
        target = new_address(entry, settings)
        by_ident[item.ident] = (entry, target)
        for path in sorted(old_paths(entry, base)):
            redirects.add_path(path, target)
        redirects.add_id("p" if item.kind == "post" else "page_id", item.ident, target)
        if entry.published:
            published_categories.add(post_agency.get(item.ident, ""))
            tags.update(item.tags)
            if item.author:
                authors.add(item.author)
    copied = {}
    for entry in entries:
        copied.update(entry.uploads_used)
    for attachment in export.attachments.values():
        parent = by_ident.get(attachment.parent)
        file_target = f"/{copied[attachment.relative]}" if attachment.relative in copied else None
        target = file_target or (parent[1] if parent else None)
        if attachment.link:
            page = unquote(urlsplit(attachment.link).path)
            if page and not urlsplit(attachment.link).query:
                redirects.add_path(page, parent[1] if parent else target)
        redirects.add_id("attachment_id", attachment.ident, parent[1] if parent else target)
        if attachment.relative:
            redirects.add_path(f"{base}/wp-content/uploads/{attachment.relative}", target)
    for relative, target in copied.items():
        redirects.add_path(f"{base}/wp-content/uploads/{relative}", f"/{target}")
    subs = settings["SLUG_REGEX_SUBSTITUTIONS"]
    for nicename, name in export.categories.items():
        agency = agencies_by_name.get(category_agency.get(name, ""))
        if agency is None:
            continue
        news = f"/{agency.url}berita/" if agency.name in published_categories else f"/{agency.url}"
        redirects.add_path(f"{base}/category/{nicename}/", news)
        redirects.add_path(f"{base}/category/{nicename}/feed/", "/" + settings["CATEGORY_FEED_ATOM"]
                           .format(slug=agency.slug))
    tag_subs = settings.get("TAG_REGEX_SUBSTITUTIONS", subs)
    for nicename, name in export.tags.items():
        target = "/" + settings["TAG_URL"].format(slug=slugify(name, regex_subs=tag_subs)) \
            if name in tags else "/topik/"
        redirects.add_path(f"{base}/tag/{nicename}/", target)
    author_subs = settings.get("AUTHOR_REGEX_SUBSTITUTIONS", subs)
    for login, name in export.authors.items():
        target = "/" + settings["AUTHOR_URL"].format(slug=slugify(name, regex_subs=author_subs)) \
            if name in authors else "/penulis/"
        redirects.add_path(f"{base}/author/{login}/", target)
    for feed in FEEDS:
        redirects.add_path(f"{base}{feed}", "/" + settings["FEED_ALL_ATOM"])
    return redirects


def feed_redirects(entries, settings, host):
    """Redirects for feed items whose links are on ``host`` (the portal's own old address)."""
    redirects = Redirects()
    for entry in entries:
        link = urlsplit(entry.item.link or "")
        if entry.action == "dilewati" or not link.path or link.hostname != host or link.query:
            continue
        path = unquote(link.path)
        target = new_address(entry, settings)
        for variant in {path, path.rstrip("/") or "/"}:
            if variant != "/":
                redirects.add_path(variant, target)
    return redirects
