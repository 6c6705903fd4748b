"""Content HTML is untrusted: one allowlist, applied once, that never drops anything silently.

Many editors in many agencies commit to one portal, so every piece of HTML made from their
Markdown passes the same allowlist before a template sees it. The model every template and plugin
follows:

- **Text fields** (Title, Author, Tags, Category, Cover_alt and Cover_caption, the PPID fields,
  video and magazine fields, captions) are *text*. The reader decodes their entities once
  (`&lt;b&gt;` is the text ``<b>``); templates escape them (autoescape is on for every
  template); feeds, JSON-LD, Open Graph, dip.json and dip.csv carry the decoded text, escaped for
  their own format. A title is the one text field Pelican treats as HTML, so it reaches
  templates as escaped text that typogrify may only decorate (`Markup`).
- **HTML fields** (the body, Summary, video transcripts, PPID bodies) pass :class:`Sanitizer`
  after Warta's own rewriting of that HTML, and reach templates as sanitized markup; `|safe` is
  written only on those values.

The sanitizer is nh3, the binding of the Rust ``ammonia`` crate, which parses with ``html5ever``:
the same HTML5 parsing algorithm browsers use, so a payload cannot hide where the checker and the
browser disagree (``<xmp>``, ``<noscript>``, ``<!-->`` comments, entity-obfuscated schemes).
When it would remove anything, the build fails naming the file and line (rule
``html-tidak-diizinkan``); the linter's friendlier rules explain the common cases first.
"""

import re
import string
from collections import namedtuple
from difflib import SequenceMatcher
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

# Elements the theme styles and the editors' guide (docs/panduan-editor.md) lets editors write,
# plus what Warta's own rewriting adds (figures, scrollable tables, footnotes).
TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "ul", "var", "wbr",
})
# Sanitized away with everything inside them, rather than leaving their script as text.
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "template", "noscript", "xmp", "noembed",
                                "noframes", "textarea", "title", "object", "embed", "svg", "math"})
GLOBAL_ATTRIBUTES = frozenset({
    "id", "class", "lang", "dir", "title", "role", "tabindex", "hidden", "translate",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-level",
})
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "type", "download"},
    "abbr": set(),
    "blockquote": {"cite"},
    "col": {"span"},
    "colgroup": {"span"},
    "data": {"value"},
    "del": {"cite", "datetime"},
    "details": {"open"},
    # srcset and sizes come from Warta's own responsive-image rewrite; srcset's URLs are
    # checked below, since the sanitizer's URL check covers src and href only.
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes",
            "fetchpriority"},
    "ins": {"cite", "datetime"},
    "li": {"value"},
    "ol": {"start", "reversed", "type"},
    "q": {"cite"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "time": {"datetime"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading",
               "referrerpolicy"},
}
# A link may open a new tab (warta.content.rewrite adds rel="noopener noreferrer" to it), nothing
# else: a named target could drive another window of the portal.
ATTRIBUTE_VALUES = {"a": {"target": {"_blank"}}}
# Relative URLs (and Pelican's {static}/{filename}/{attach} links) always pass.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What the browser-grade parser sees, with nothing removed: the same parse and serialisation as
# the real pass, so comparing the two shows exactly what the allowlist took out.
_EVERY_SCHEME = frozenset({
    "http", "https", "mailto", "tel", "javascript", "vbscript", "data", "file", "ftp", "blob",
    "about", "ws", "wss", "sms", "intent", "jar", "livescript", "mocha", "view-source", "ms-its",
    "mhtml", "res", "chrome", "feed",
})
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][^\s/>]*)")
_EVERY_PREFIX = frozenset(string.ascii_lowercase + string.digits + "_:@.-")

Removal = namedtuple("Removal", "what needle")


class Sanitizer:
    """The allowlist, and the report of what it would remove from a piece of HTML."""

    def __init__(self, iframe_prefixes=()):
        self.iframe_prefixes = tuple(p for p in iframe_prefixes if p)
        tags = set(TAGS)
        attributes = {"*": set(GLOBAL_ATTRIBUTES)}
        attributes.update({tag: set(names) for tag, names in ATTRIBUTES.items()})
        clean_content = set(CLEAN_CONTENT_TAGS)
        if self.iframe_prefixes:
            # Iframes only from the video hosts a city allows (WARTA_LINT_IFRAME_ALLOWED), each
            # of which must also be in the CSP's frame-src (warta.content.sanitize.frame_src_gaps).
            tags.add("iframe")
        else:
            clean_content.add("iframe")
            attributes.pop("iframe")
        self._cleaner = nh3.Cleaner(
            tags=tags, clean_content_tags=clean_content, attributes=attributes,
            tag_attribute_values={tag: {name: set(values) for name, values in names.items()}
                                  for tag, names in ATTRIBUTE_VALUES.items()},
            url_schemes=set(URL_SCHEMES), strip_comments=True, link_rel=None,
            attribute_filter=self._filter,
        )

    def _filter(self, tag, attribute, value):
        if tag == "iframe" and attribute == "src":
            return value if self._allowed_frame(value) else None
        if attribute == "srcset":
            return value if all(_allowed_url(candidate.split()[0])
                                for candidate in value.split(",") if candidate.strip()) else None
        return value

    def _allowed_frame(self, src):
        # Compared part by part: a bare prefix match would let
        # https://www.youtube-nocookie.com.contoh.invalid/ through.
        url = urlsplit(src.strip())
        for prefix in self.iframe_prefixes:
            allowed = urlsplit(prefix)
            if (url.scheme, url.netloc.lower()) == (allowed.scheme, allowed.netloc.lower()) \
                    and url.path.startswith(allowed.path or "/"):
                return True
        return False

    def clean(self, html):
        """``html`` with everything outside the allowlist removed."""
        return self._cleaner.clean(html)

    def check(self, html):
        """``(clean html, [Removal, …])``: the list is empty when nothing was removed."""
        cleaned = self.clean(html)
        if cleaned == html or ("<" not in html and "&" not in html):
            return cleaned, []
        parsed = _parse_everything(html)
        if parsed == cleaned:
            return cleaned, []
        return cleaned, _removals(parsed, cleaned) or [Removal("sebagian HTML", "<")]


def _parse_everything(html):
    tags = set(TAGS) | {"iframe", "script", "style"} | CLEAN_CONTENT_TAGS
    tags |= {name.lower() for name in _TAG_NAME.findall(html)}
    return nh3.clean(
        html, tags=tags, clean_content_tags=set(), attributes={"*": set()},
        generic_attribute_prefixes=set(_EVERY_PREFIX), url_schemes=set(_EVERY_SCHEME),
        strip_comments=True, link_rel=None,
    )


class _StartTags(HTMLParser):
    """The start tags of HTML that html5ever has already serialised (so plainly parseable)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted((k, v or "") for k, v in attrs))))

    handle_startendtag = handle_starttag


def _removals(parsed, cleaned):
    before, after = _StartTags(parsed).tags, _StartTags(cleaned).tags
    found = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        kept = list(after[j1:j2])
        for tag, attrs in before[i1:i2]:
            twin = next((k for k in kept if k[0] == tag), None)
            if twin is None:
                found.append(Removal(f"elemen <{tag}>", f"<{tag}"))
                continue
            kept.remove(twin)
            remaining = dict(twin[1])
            for name, value in attrs:
                if name not in remaining:
                    found.append(_attribute_removal(tag, name, value))
                elif remaining[name] != value:
                    found.append(Removal(f"nilai atribut {name} pada <{tag}>", value[:30] or name))
    unique = []
    for removal in found:
        if removal not in unique:
            unique.append(removal)
    return unique


def _attribute_removal(tag, name, value):
    if name.startswith("on"):
        return Removal(f"atribut peristiwa {name} pada <{tag}>", name)
    scheme = urlsplit(re.sub(r"[\s\x00-\x1f]", "", value)).scheme if value else ""
    if scheme and scheme.lower() not in URL_SCHEMES:
        return Removal(f"alamat {scheme}: pada atribut {name} <{tag}>", value[:30] or name)
    return Removal(f"atribut {name} pada <{tag}>", name)


def _allowed_url(url):
    scheme = urlsplit(re.sub(r"[\s\x00-\x1f]", "", url)).scheme
    return not scheme or scheme.lower() in URL_SCHEMES


def frame_src_gaps(iframe_prefixes, csp_policy):
    """The allowed iframe prefixes whose origin the Content-Security-Policy's frame-src lacks:
    such an embed would pass the sanitizer and then be blocked by the browser."""
    sources = []
    for directive in (csp_policy or "").split(";"):
        words = directive.split()
        if words and words[0].lower() == "frame-src":
            sources = words[1:]
    gaps = []
    for prefix in iframe_prefixes:
        parts = urlsplit(prefix)
        origin = f"{parts.scheme}://{parts.netloc}"
        if not any(source.rstrip("/") in (origin, parts.netloc) or prefix.startswith(source)
                   for source in sources):
            gaps.append(prefix)
    return gaps


def source_line(text, needle, default=1):
    """The first line of ``text`` (an editor's file) containing ``needle``, ignoring case."""
    needle = needle.lower()
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line.lower():
            return number
    return default
