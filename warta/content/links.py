"""The last steps of content HTML: intrasite links written escaped, then the sanitizer, last.

Pelican resolves ``{static}``, ``{attach}`` and ``{filename}`` links only when a template reads
``.content`` or ``.summary``, long after a reader made the HTML: its own replacement unescapes
the whole address and writes it back raw, so a file name holding ``&`` or ``"`` could close
the attribute and add a tag. Warta replaces that step on every content object
(:func:`install`) with one that

1. finds each start tag of the already-sanitized HTML and each address attribute in it;
2. resolves the address with warta.content.paths (the same resolver the reader and the checks use),
   looks the file up the way Pelican does, and writes the result escaped into the same
   attribute; srcset follows the resolved src (its WebP copies are written after the build);
3. passes the result through the sanitizer once more: nothing touches content HTML after it.

The order of every step, and why it is safe, is in docs/keamanan.md.
"""

import html
import logging
import os
import re
from pathlib import Path
from urllib.parse import quote, urljoin

from pelican.urlwrappers import Author, Category, Tag

from warta.content import images, paths
from warta.content.errors import ContentError
from warta.content.sanitize import source_line

log = logging.getLogger(__name__)

# A start tag as html5ever serialises it (the sanitizer's output): every attribute value in
# double quotes with " escaped, and no "<" outside a tag, so this finds exactly the tags.
START_TAG = re.compile(r'<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"\'<>/=]+(?:="[^"]*")?)*)(\s*/?)>')
ATTRIBUTE = re.compile(r'(\s+)([^\s"\'<>/=]+)(?:="([^"]*)")?')
# Characters left as they are when a file's address is written: URL syntax that a path may
# carry, so only spaces, quotes, "#", "?", "%" and non-ASCII letters are encoded.
_URL_SAFE = "/:@!$&'()*+,;=~-._"


def start_tags(text):
    """(match, tag name, [(name, value or None)]) for each start tag of sanitized HTML."""
    for match in START_TAG.finditer(text):
        attributes = [(m.group(2).lower(), None if m.group(3) is None else html.unescape(m.group(3)))
                      for m in ATTRIBUTE.finditer(match.group(2))]
        yield match, match.group(1).lower(), attributes


def attribute_value(value):
    """``value`` escaped for a double-quoted attribute the way the sanitizer writes it, so its
    last pass finds nothing to change."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _write_tag(name, attributes, closing):
    written = "".join(f" {key}" if value is None else f' {key}="{attribute_value(value)}"'
                      for key, value in attributes)
    return f"<{name}{written}{closing}>"


def static_links(content, text):
    """The content-relative paths of the files ``text`` links with {static} or {attach}, which
    the static generator then copies; Refused paths stop the build (fail closed)."""
    found = set()
    for _, _, attributes in start_tags(text or ""):
        for key, value in attributes:
            if key in paths.URL_ATTRIBUTES and value:
                local = _resolve(content, value)
                if local is not None and local.marker in ("static", "attach") and local.path:
                    found.add(local.path)
    return found


def _resolve(content, value):
    try:
        return paths.resolve(value, content.source_path, content.settings["PATH"])
    except paths.Refused as refused:
        raise ContentError(content.source_path, refused.message, refused.fix, line=_line(content, value),
                           rule=refused.rule) from None


def _line(content, needle):
    try:
        text = Path(content.source_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError, TypeError):
        return 1
    return source_line(text, needle[:40], 1)


class Replacer:
    """Pelican's link replacement for one content object, with every address escaped."""

    def __init__(self, content, siteurl):
        self.content, self.settings = content, content.settings
        self.siteurl = siteurl or ""

    def join(self, url):
        if self.settings["RELATIVE_URLS"]:
            return os.path.join(self.siteurl, url).replace("\\", "/")
        return urljoin(self.siteurl if self.siteurl.endswith("/") else self.siteurl + "/", url)

    def address(self, value):
        """The address ``value`` (decoded) stands for; ``value`` itself when it has no marker
        or names nothing Pelican knows (the content check reports that as tautan-rusak)."""
        marker, rest = paths.split_marker(value)
        if not marker:
            return value
        if marker in paths.NAMED_MARKERS:
            return self.named(marker, rest, value)
        local = _resolve(self.content, value)
        if local is None:
            return value
        context = self.content._context or {}
        linked = None
        if marker == "filename":
            linked = context.get("generated_content", {}).get(local.path)
        if linked is None:
            linked = context.get("static_content", {}).get(local.path)
        if linked is None:
            log.warning("%s: tautan %s tidak menemukan berkasnya; alamatnya tidak diubah",
                        self.content.source_path, value[:80])
            return value
        if marker == "attach":
            linked.attach_to(self.content)
        url = self.join(quote(linked.url, safe=_URL_SAFE))
        if local.query:
            url += "?" + local.query
        if local.fragment:
            url += "#" + local.fragment
        return url

    def named(self, marker, rest, value):
        # A content type may name addresses of its own section ({ppid} in PPID texts).
        own = getattr(self.content, "named_address", None)
        address = own(marker, rest, self.siteurl) if own is not None else None
        if address is not None:
            return address
        wrapper = {"category": Category, "tag": Tag, "author": Author}.get(marker)
        if wrapper is not None:
            return self.join(wrapper(rest.split("?")[0].split("#")[0], self.settings).url)
        if marker == "index":
            return self.join(self.settings["INDEX_SAVE_AS"])
        log.warning("%s: penanda %s tidak berlaku di sini; alamatnya tidak diubah",
                    self.content.source_path, value[:80])
        return value

    def tag(self, match, name, attributes):
        changed = []
        for key, value in attributes:
            if key in paths.URL_ATTRIBUTES and value and value[0] in "{|":
                value = self.address(value)
            changed.append((key, value))
        srcset = next((i for i, (key, _) in enumerate(changed) if key == "srcset"), None)
        if name == "img" and srcset is not None:
            src = dict(changed).get("src") or ""
            changed[srcset] = ("srcset", images.follow_src(src, changed[srcset][1] or "",
                                                           self.siteurl))
        if changed == attributes:
            return match.group(0)
        return _write_tag(match.group(1), changed, match.group(3))

    def run(self, text):
        out, last = [], 0
        for match, name, attributes in start_tags(text):
            out.append(text[last:match.start()])
            out.append(self.tag(match, name, attributes))
            last = match.end()
        out.append(text[last:])
        return "".join(out)


def install(content, sanitizer):
    """Put Warta's last steps in place of Pelican's on ``content`` (an Article, Page, …)."""
    if getattr(content, "_update_content", None) is None or getattr(content, "warta_links", False):
        return

    def update_content(text, siteurl):
        if not text:
            return text
        return final(content, sanitizer, Replacer(content, siteurl).run(text))

    pelican_summary = content.get_summary

    def get_summary(siteurl):
        # Pelican shortens a text into a summary after everything above: clean it again.
        return final(content, sanitizer, pelican_summary(siteurl))

    content._update_content = update_content
    content.get_static_links = lambda: static_links(content, content._content)
    content.get_summary = get_summary
    content.warta_links = True


def final(content, sanitizer, text):
    """``text`` through the sanitizer, last; a removal here would be a step of our own writing
    what the allowlist refuses, so the build stops rather than drop it silently."""
    if not text:
        return text
    # Templates read a text's summary in every list and card that shows it; the sanitizer is a
    # function of the text alone, so each text is cleaned once per build.
    remembered = content.__dict__.setdefault("_warta_final", {})
    if text in remembered:
        return remembered[text]
    cleaned, removed = sanitizer.check(text)
    if removed:
        raise ContentError(
            content.source_path,
            f"HTML akhir halaman ini memuat {removed[0].what} yang tidak diizinkan",
            "laporkan ke pengembang Warta: langkah sesudah pemeriksaan isi menulis HTML ini",
            line=1, rule="html-tidak-diizinkan")
    remembered[text] = cleaned
    return cleaned
