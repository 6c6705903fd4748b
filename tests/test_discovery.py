"""Feeds, sitemap, robots.txt, canonical URLs, share cards and JSON-LD of the published portal."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from warta import EXAMPLE
from warta.commands.audit import find_pages, page_url
from warta.commands.build import load_settings

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def origin():
    import published

    return published.published()[2]


@pytest.fixture(scope="module")
def pages(published_site):
    return {p: BeautifulSoup((published_site / p).read_text(encoding="utf-8"), "html.parser")
            for p in find_pages(published_site)}


def articles(pages):
    return {p: s for p, s in pages.items() if re.match(r"berita/\d{4}/[^/]+/index\.html$", p)}


def json_ld(soup):
    """Every JSON-LD block on a page, parsed (a block that is not JSON fails here)."""
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def test_every_page_but_404_has_its_own_absolute_canonical_url(pages, origin):
    for page, soup in pages.items():
        canonical = soup.find("link", rel="canonical")
        if page == "404.html":
            assert canonical is None and soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
            continue
        assert canonical["href"] == page_url(origin, page), page


def test_open_graph_and_twitter_cards_describe_every_page(pages, origin):
    for page, soup in pages.items():
        meta = {m.get("property") or m.get("name"): m["content"] for m in soup.find_all("meta", content=True)}
        for key in ("og:title", "og:description", "og:url", "og:type", "og:site_name", "twitter:card"):
            assert meta.get(key, "").strip(), f"{page}: {key}"
        if "og:image" in meta:
            assert meta["og:image"].startswith(origin + "/") and meta["og:image:alt"].strip(), page


def test_articles_with_a_cover_share_it_with_its_alt_text(pages, origin):
    for page, soup in articles(pages).items():
        cover = soup.select_one(".w-figure--cover img")
        meta = {m.get("property") or m.get("name"): m["content"] for m in soup.find_all("meta", content=True)}
        if cover is None:
            assert meta["twitter:card"] == "summary", page
            continue
        assert meta["og:image"] == cover["src"], page
        assert meta["og:image:alt"] == cover["alt"] == meta["twitter:image:alt"], page
        assert meta["twitter:card"] == "summary_large_image", page


def test_articles_carry_news_article_json_ld_with_the_required_properties(pages, origin):
    assert articles(pages)
    for page, soup in articles(pages).items():
        news = [d for d in json_ld(soup) if d.get("@type") == "NewsArticle"]
        assert len(news) == 1, page
        data = news[0]
        assert data["@context"] == "https://schema.org"
        assert data["headline"] and len(data["headline"]) <= 110
        assert data["mainEntityOfPage"] == data["url"] == page_url(origin, page)
        for key in ("datePublished", "dateModified"):
            assert datetime.fromisoformat(data[key]).tzinfo is not None, (page, key)
        assert all(a["@type"] in ("Person", "Organization") and a["name"] for a in data["author"])
        assert data["publisher"]["@type"] == "GovernmentOrganization" and data["publisher"]["name"]
        assert data["publisher"]["logo"]["url"].startswith(origin + "/")
        if soup.select_one(".w-figure--cover img"):
            assert data["image"] and all(i.startswith(origin + "/") for i in data["image"]), page


def test_home_page_describes_the_government_and_its_search(pages, origin):
    settings = load_settings("publishconf.py")
    blocks = {d["@type"]: d for d in json_ld(pages["index.html"])}
    government = blocks["GovernmentOrganization"]
    assert government["name"] == settings["WARTA_GOVERNMENT_NAME"]
    assert government["url"] == origin + "/"
    assert government["address"]["@type"] == "PostalAddress"
    assert government["sameAs"] == [link for _, _, link in settings["WARTA_SOCIAL"]]
    site = blocks["WebSite"]
    assert site["publisher"]["@id"] == government["@id"]
    target = site["potentialAction"]["target"]
    assert target.startswith(origin + "/cari/?q={") and site["potentialAction"]["query-input"].endswith(
        target.split("{")[1].rstrip("}"))


def test_breadcrumbs_match_their_json_ld_breadcrumb_list(pages, origin):
    checked = 0
    for page, soup in pages.items():
        nav = soup.select(".w-breadcrumbs li")
        if not nav:
            continue
        trail = [d for d in json_ld(soup) if d.get("@type") == "BreadcrumbList"]
        assert len(trail) == 1, page
        items = trail[0]["itemListElement"]
        # The links on screen, then the current page, which the h1 names and the trail on
        # screen leaves out: schema.org's trail ends with the page itself.
        assert [i["position"] for i in items] == list(range(1, len(nav) + 2)), page
        names = [" ".join(i["name"].split()) for i in items[:-1]]
        assert names == [" ".join(li.get_text(" ", strip=True).split()) for li in nav], page
        assert [i["item"] for i in items[:-1]] == [a["href"] for a in soup.select(".w-breadcrumbs a")], page
        assert items[-1]["name"].strip(), page
        assert all(i["item"].startswith(origin + "/") for i in items), page
        assert items[-1]["item"] == page_url(origin, page), page
        checked += 1
    assert checked >= len(articles(pages))


def test_sitemap_lists_every_article_and_page_with_absolute_addresses(published_site, pages, origin):
    tree = ET.parse(published_site / "sitemap.xml")
    locations = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    for page in list(articles(pages)) + ["index.html", "tentang/index.html"]:
        assert page_url(origin, page) in locations, page
    assert all(loc.startswith(origin + "/") for loc in locations)
    assert page_url(origin, "cari/index.html") not in locations


def test_robots_txt_allows_crawling_and_names_the_sitemap(published_site, origin):
    text = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and "Disallow: /\n" not in text
    assert f"Sitemap: {origin}/sitemap.xml" in text.splitlines()


def test_atom_feeds_for_all_news_and_each_agency_parse_with_absolute_links(published_site, pages, origin):
    settings = load_settings("publishconf.py")
    feeds = [published_site / settings["FEED_ALL_ATOM"]]
    feeds += sorted((published_site / "feed" / "opd").glob("*.atom.xml"))
    assert len(feeds) >= 2
    everything = ET.parse(feeds[0]).getroot()
    entries = everything.findall(f"{ATOM}entry")
    assert len(entries) == min(len(articles(pages)), settings.get("FEED_MAX_ITEMS") or 10**6)
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed", feed.name
        for link in root.iter(f"{ATOM}link"):
            assert link.get("href").startswith(origin + "/"), (feed.name, link.get("href"))
    # Every page links the all-news feed for feed readers to discover.
    for page, soup in pages.items():
        alternate = soup.find("link", rel="alternate", type="application/atom+xml")
        assert alternate["href"] == f"{origin}/{settings['FEED_ALL_ATOM']}", page


def test_ppid_feed_is_a_clear_setting_until_a_ppid_generator_feeds_it():
    settings = load_settings(EXAMPLE / "pelicanconf.py")
    assert "PPID_FEED_ATOM" in settings
