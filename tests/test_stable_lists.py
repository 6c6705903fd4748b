"""A new article changes a handful of pages, however large the archive: list pages are numbered
from the oldest (plugins/stable_lists), article cards show the nearest news of the agency.

Every changed page is rebuilt, re-indexed for search and re-audited by the gate, so the count of
pages one article changes is what a city's CI pays per piece of news.
"""

import hashlib
import random

import pytest
from bs4 import BeautifulSoup

from tools.bench.synthetic import add_article, generate_portal
from warta.commands.build import build, load_settings
from warta.content.lists import neighbours, page_items, page_numbers
from warta.content.sections.agencies import agencies

PER_PAGE = 5
TODAY = "2025-01-15"
# One more than a list page holds, so the newest numbered page of some list fills.
ADDED = PER_PAGE + 1
# Synthetic articles carry one to three topics.
MOST_TOPICS = 3
# "Berita lain dari {agency}" shows this many of the agency's nearest news.
CARDS = 3
# The pages one new article may change, every one a page that must show it:
#   its own page, and its older neighbour in the agency, whose "Berita lain" cards now show it
#   (while an agency has at most CARDS articles, each of them shows all the others: up to CARDS);
#   the front page of each list it belongs to: home, its agency, its author, its year and each
#   of its topics;
#   the pages listing the lists with a count or the newest: the archive index, the topic and
#   author indexes, the agency's own page (its latest news);
#   and, when a list's newest slice fills, that list's new numbered page and the one before it
#   (its "newer" link): two pages for each of those lists.
LISTS = 4 + MOST_TOPICS
MOST_CHANGED_BY_NEW_ARTICLE = 1 + CARDS + LISTS + 4 + 2 * LISTS


def test_stable_pages_hold_fixed_slices_from_the_oldest():
    newest_first = list(range(23, 0, -1))
    assert page_numbers(23, 5) == [1, 2, 3, 4, 5]
    assert page_items(newest_first, 1, 5) == [23, 22, 21, 20, 19]
    assert page_items(newest_first, 2, 5) == [5, 4, 3, 2, 1]
    assert page_items(newest_first, 5, 5) == [20, 19, 18, 17, 16]
    # One more item: the numbered pages keep what they held.
    more = [24, *newest_first]
    assert [page_items(more, n, 5) for n in range(2, 6)] == [
        page_items(newest_first, n, 5) for n in range(2, 6)]
    assert neighbours(1, 23, 5) == (None, 5)
    assert neighbours(5, 23, 5) == (1, 4)
    assert neighbours(2, 23, 5) == (3, None)
    assert page_numbers(5, 5) == [1]  # the front page alone while it holds everything


def page_hashes(output):
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).digest()
            for p in output.rglob("*.html")}


def changed(before, after):
    return sorted(p for p in after if before.get(p) != after[p])


class Portal:
    """A synthetic portal built again after each change, with the build cache of the last."""

    def __init__(self, root, articles):
        self.root, self.content = root, root / "content"
        self.opds = [agency.name for agency in agencies(load_settings())]
        self.paths = generate_portal(self.content, articles, self.opds)
        self.rng = random.Random(articles)
        self.builds = 0
        self.hashes = self.build()

    def build(self):
        self.builds += 1
        output = self.root / f"output-{self.builds}"
        build(output, content=self.content, SEARCH_INDEX=False, DEFAULT_PAGINATION=PER_PAGE,
              WARTA_TODAY=TODAY, CACHE_PATH=str(self.root / "cache"))
        return page_hashes(output)

    def rebuild(self):
        before, self.hashes = self.hashes, self.build()
        return changed(before, self.hashes)

    def add_article(self, number):
        return add_article(self.content, number, self.rng, self.opds)


@pytest.fixture(scope="module", params=[60, 120], ids=lambda n: f"{n}-articles")
def portal(request, tmp_path_factory):
    return Portal(tmp_path_factory.mktemp(f"portal-{request.param}"), request.param)


@pytest.mark.build
def test_each_new_article_changes_a_bounded_number_of_pages(portal):
    counts = []
    for number in range(1, ADDED + 1):
        slug = portal.add_article(number)
        pages = portal.rebuild()
        assert any(f"/{slug}/" in page for page in pages)
        assert len(pages) <= MOST_CHANGED_BY_NEW_ARTICLE, "\n".join(pages)
        counts.append(len(pages))
    print(f"{len(portal.paths)} articles: pages changed per new article {counts}")


@pytest.mark.build
def test_editing_an_article_body_changes_only_its_own_page(portal):
    path = portal.paths[len(portal.paths) // 2]
    path.write_text(path.read_text(encoding="utf-8")
                    + "\nTambahan: jadwal pelayanan diperpanjang hingga pukul 16.00 WIB.\n",
                    encoding="utf-8")
    pages = portal.rebuild()
    slug = path.stem.split("-", 3)[3]
    assert [page for page in pages if f"/{slug}/" not in page] == []
    assert len(pages) == 1


@pytest.mark.build
def test_numbered_list_pages_link_newer_and_older_and_name_their_page(portal):
    output = portal.root / f"output-{portal.builds}"
    front = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = front.find("nav", class_="w-pagination")
    assert nav["aria-label"] == "Halaman berita terbaru"
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == (
        "Halaman terbaru")
    older = nav.find("a", rel="next")
    number = int(older["href"].strip("/").split("/")[-1])
    page = BeautifulSoup((output / f"halaman/{number}/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    nav = page.find("nav", class_="w-pagination")
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == (
        f"Halaman {number}")
    links = {a.get_text(" ", strip=True) for a in nav.find_all("a")}
    assert f"Lebih lama › : halaman {number - 1}" in links
    assert "‹ Lebih baru : halaman berita terbaru" in links
    assert not any("dari" in text for text in links)
    assert "dari" not in nav.get_text()
    assert len(page.select(".w-card")) == PER_PAGE
