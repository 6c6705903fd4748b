"""No third parties: nothing in `make publish` output names another origin, except
the links editors wrote on purpose (in content/ and in the settings' contacts, complaint
channels and social accounts), which a reader may follow but no browser fetches by itself."""

import re

import pytest
from bs4 import BeautifulSoup

from warta import ROOT
from warta.commands.audit import find_pages
from warta.commands.build import load_settings

URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9][A-Za-z0-9.-]*(?::\d+)?[^\s"'<>)\\`$]*""")
TEXT = {".html", ".css", ".js", ".xml", ".json", ".txt", ".svg"}
# Identifiers that look like addresses but are never fetched: XML namespaces and the
# schema.org vocabulary named by JSON-LD's @context.
IDENTIFIERS = (
    "http://www.w3.org/",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "https://schema.org",
    # The SIL Open Font License text shipped with Atkinson Hyperlegible names its home page:
    # licence text that must stay verbatim, never fetched.
    "http://scripts.sil.org/OFL",
)
# Pagefind parses result URLs with `new URL(path, "https://example.com")`: a placeholder base
# (example.com is reserved for examples, RFC 2606), never requested.
PAGEFIND_PLACEHOLDER = {"pagefind/pagefind.js": "https://example.com",
                        "pagefind/pagefind-worker.js": "https://example.com"}


def editorial_links():
    """Every address editors wrote: in content files and in the settings."""
    settings = load_settings("publishconf.py")
    links = set()
    for source in (ROOT / settings["PATH"]).rglob("*"):
        if source.suffix in (".md", ".html") and source.is_file():
            links.update(URL.findall(source.read_text(encoding="utf-8")))
    for key in ("WARTA_SOCIAL", "WARTA_CONTACTS", "WARTA_EMERGENCY_CONTACTS",
                "WARTA_COMPLAINT_CONTACTS"):
        for _, _, link in settings.get(key, []):
            links.add(link)
    return links


def youtube_addresses():
    """Where a YouTube video the editors named by its ID lives: its page on YouTube,
    linked for citizens without JavaScript, and the youtube-nocookie player, which video.js
    loads only when a citizen presses play (tests/test_video.py proves nothing is fetched
    before); and that player's origin, the one frame-src of CSP_POLICY. (address prefixes,
    origins), all from the settings."""
    settings = load_settings("publishconf.py")
    prefixes = tuple(settings[key].split("{")[0]
                     for key in ("VIDEO_YOUTUBE_EMBED_URL", "VIDEO_YOUTUBE_WATCH_URL"))
    directives = [part.split() for part in settings["CSP_POLICY"].split(";")]
    frames = {source for words in directives if words[:1] == ["frame-src"] for source in words[1:]}
    return prefixes, frames


@pytest.fixture(scope="module")
def origin():
    import published

    return published.published()[2]


def test_no_generated_file_names_another_origin_except_editorial_links(published_site, origin):
    editorial = editorial_links()
    youtube, frames = youtube_addresses()
    found = []
    for path in sorted(published_site.rglob("*")):
        if path.suffix not in TEXT or not path.is_file():
            continue
        for url in URL.findall(path.read_text(encoding="utf-8", errors="replace")):
            if url.startswith(origin + "/") or url == origin or url.startswith(IDENTIFIERS):
                continue
            if url.rstrip(".,;") in editorial or url in editorial:
                continue
            if url.startswith(youtube) or url in frames:
                continue
            if PAGEFIND_PLACEHOLDER.get(path.relative_to(published_site).as_posix()) == url:
                continue
            found.append(f"{path.relative_to(published_site)}: {url}")
    assert not found, "\n".join(found)


def test_editorial_links_to_other_origins_are_only_ever_links(published_site, origin):
    # An editor may link anywhere; nothing may load from elsewhere (src, srcset, stylesheets,
    # icons, forms, share images).
    for page in find_pages(published_site):
        soup = BeautifulSoup((published_site / page).read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for attribute in ("src", "srcset", "action", "poster", "data", "formaction"):
                value = tag.get(attribute)
                if value and URL.match(value.strip()):
                    assert value.strip().startswith(origin + "/"), f"{page}: {tag.name} {attribute}={value}"
            if tag.name == "link" and tag.get("href"):
                assert tag["href"].startswith(origin + "/"), f"{page}: link {tag['href']}"
            if tag.name == "meta" and URL.match(tag.get("content", "")):
                assert tag["content"].startswith(origin + "/"), f"{page}: meta {tag['content']}"
