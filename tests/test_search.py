"""Site search: Pagefind's index of the built portal behind our own accessible page."""

import json
import re
from pathlib import Path
from urllib.parse import quote

from browser_checks import CspWatch, layout_shift, wait_for
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from warta import EXAMPLE

SEARCH_PAGE = "cari/index.html"
STATUS = "status-pencarian"
COUNT = re.compile(r"^\d[\d.]* hasil untuk “(.+)”\.$")
SEARCH_LABEL = "Cari layanan, berita, atau dokumen"


def sample_article(site):
    """(title, URL path) of an article in the built portal, read from its own page."""
    from bs4 import BeautifulSoup

    pages = sorted(Path(site).glob("berita/*/*/index.html"))
    assert pages, "the sample portal has no articles to search for"
    soup = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    title = soup.find("h1").get_text(" ", strip=True).replace("\xa0", " ")
    return title, "/" + pages[0].parent.relative_to(site).as_posix() + "/"


def open_search(browser, site_url, query=None):
    url = f"{site_url}/cari/" + (f"?q={quote(query)}" if query else "")
    browser.get(url)
    return browser.find_element(By.ID, "kata-kunci")


def wait_for_status(browser):
    return wait_for(
        browser,
        lambda d: d.find_element(By.ID, STATUS).text.strip() or False,
        message="the live region never announced a result",
    )


def result_links(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#hasil-pencarian > li h2 > a[href]")


def test_pagefind_indexes_articles_and_pages_but_not_lists(site):
    entry = json.loads((Path(site) / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["id"]  # one Indonesian index, Indonesian stemming
    articles = len(list(Path(site).glob("berita/*/*/index.html")))
    pages = len(list((EXAMPLE / "content" / "halaman").glob("*.md")))
    # PPID documents and standard pages are single documents too; the DIP, its filter
    # pages and the category pages are lists.
    ppid = len(list((EXAMPLE / "content" / "ppid").glob("*/*.md")))
    # Each video and each magazine edition is a single document too; the video index
    # and the lists of editions are lists.
    media = len(list((EXAMPLE / "content" / "video").glob("*.md")))
    media += len(list((EXAMPLE / "content" / "majalah").glob("*.md")))
    # Each agency's page is a single document; the agencies list and its news lists are lists.
    agencies = len(list((EXAMPLE / "content" / "opd").glob("*.md")))
    # Each public service's page is a single document; the services page is a list.
    services = len(list((EXAMPLE / "content" / "layanan").glob("*.md")))
    # Each announcement and each event is a single document; their lists are lists.
    notices = len(list((EXAMPLE / "content" / "pengumuman").glob("*.md")))
    notices += len(list((EXAMPLE / "content" / "agenda").glob("*.md")))
    indexed = entry["languages"]["id"]["page_count"]
    assert indexed == articles + pages + ppid + media + agencies + services + notices


def test_typing_a_title_lists_that_article(browser, site_url, site):
    title, path = sample_article(site)
    field = open_search(browser, site_url)
    field.send_keys(title)
    status = wait_for_status(browser)
    assert COUNT.match(status), status
    hrefs = [link.get_attribute("href") for link in result_links(browser)]
    assert site_url + path in hrefs, (status, hrefs)


def test_each_result_says_what_it_is_and_its_excerpt_reads_as_text(browser, site_url, site):
    # "posyandu" finds news, a video and PPID documents: each says which it is.
    field = open_search(browser, site_url)
    field.send_keys("posyandu")
    wait_for_status(browser)
    results = browser.find_elements(By.CSS_SELECTOR, "#hasil-pencarian > li")
    kinds = {result.find_element(By.CSS_SELECTOR, ".w-search__kind").text for result in results}
    assert {"Berita", "Video"} <= kinds, kinds
    excerpts = " ".join(r.find_element(By.CSS_SELECTOR, ".w-search__excerpt").text for r in results)
    # The metadata lists (Diterbitkan, Perangkat daerah, …) are not indexed, so their labels
    # never run into their values in an excerpt.
    assert not re.search(r"Diterbitkan\S|Perangkat daerah\S", excerpts), excerpts


def test_live_region_is_polite_and_names_the_count_and_query(browser, site_url, site):
    title, _ = sample_article(site)
    open_search(browser, site_url, title)
    status = wait_for_status(browser)
    region = browser.find_element(By.ID, STATUS)
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    count = len(result_links(browser))
    total = int(COUNT.match(status).group(0).split(" ")[0].replace(".", ""))
    # The status repeats the query, shortened past 40 characters so it fits its reserved space.
    assert COUNT.match(status).group(1) == (title if len(title) <= 40 else title[:39] + "…")
    assert count == min(total, 10)


def test_field_has_a_visible_label(browser, site_url):
    field = open_search(browser, site_url)
    label = browser.find_element(By.CSS_SELECTOR, "label[for='kata-kunci']")
    assert label.text == SEARCH_LABEL and label.is_displayed()
    assert field.get_attribute("type") == "search"


def test_results_are_reached_and_opened_with_the_keyboard(browser, site_url, site):
    title, path = sample_article(site)
    field = open_search(browser, site_url)
    field.send_keys(title, Keys.ENTER)
    wait_for_status(browser)
    first = result_links(browser)[0]
    active = browser.switch_to.active_element
    active.send_keys(Keys.TAB)  # the "Cari" button
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == first
    target = first.get_attribute("href")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.current_url == target, message="Enter did not open the result")


def test_query_with_html_and_script_is_shown_as_text_never_run(browser, site_url):
    attack = '<img src=x onerror="window.__disusupi=1"><script>window.__disusupi=2</script>'
    for how in ("typed", "address"):
        if how == "typed":
            field = open_search(browser, site_url)
            field.send_keys(attack, Keys.ENTER)
        else:
            open_search(browser, site_url, attack)
        status = wait_for_status(browser)
        # Shown as text, character for character (the status shortens it past 40 characters).
        assert attack[:39] + "…" in status, status
        assert browser.find_element(By.ID, "kata-kunci").get_attribute("value") == attack
        main = browser.find_element(By.TAG_NAME, "main")
        assert main.find_elements(
            By.CSS_SELECTOR, "img, script:not([type='application/ld+json'])") == [], how
        assert browser.execute_script("return window.__disusupi;") is None, how


def test_query_without_results_says_so_and_points_to_the_archive(browser, site_url):
    field = open_search(browser, site_url)
    field.send_keys("zzqxjw", Keys.ENTER)
    status = wait_for_status(browser)
    assert status.startswith("Tidak ada hasil untuk “zzqxjw”.")
    assert result_links(browser) == []


def test_the_query_is_kept_in_the_address_for_sharing(browser, site_url, site):
    title, path = sample_article(site)
    field = open_search(browser, site_url)
    field.send_keys(title, Keys.ENTER)
    wait_for_status(browser)
    assert browser.current_url.endswith("?q=" + quote(title).replace("%20", "+")) or quote(
        title) in browser.current_url


def test_showing_results_moves_nothing_on_screen(browser, site_url, site):
    title, _ = sample_article(site)
    with CspWatch(browser) as csp:
        open_search(browser, site_url)
        assert layout_shift(browser) == 0
        before = {i: browser.find_element(By.ID, i).rect for i in ("kata-kunci", STATUS)}
        browser.find_element(By.ID, "kata-kunci").send_keys(title, Keys.ENTER)
        wait_for_status(browser)
        after = {i: browser.find_element(By.ID, i).rect for i in ("kata-kunci", STATUS)}
        assert after == before
        open_search(browser, site_url, title)
        wait_for_status(browser)
        assert layout_shift(browser) == 0  # results loaded from the address, no input at all
        assert csp.violations() == []


def test_search_is_titled_for_the_whole_portal_and_named_alike_on_every_page(site):
    from bs4 import BeautifulSoup

    def soup_of(page):
        return BeautifulSoup((Path(site) / page).read_text(encoding="utf-8"), "html.parser")

    search, home = soup_of(SEARCH_PAGE), soup_of("index.html")
    # Pagefind finds services, announcements, events and PPID documents too, not only news.
    assert search.h1.get_text(strip=True) == "Cari di portal"
    assert search.title.get_text().startswith("Cari di portal · ")
    # WCAG 3.2.4: the home page's search and the search page's own are one function, with
    # one label, one landmark name and one button text.
    for soup in (search, home):
        form = soup.select_one("main form[role='search']")
        field = form.select_one("input[type='search']")
        assert soup.select_one(f"label[for='{field['id']}']").get_text(strip=True) == SEARCH_LABEL
        assert form["aria-label"] == "Cari di portal"
        assert form.select_one("button[type='submit']").get_text(strip=True) == "Cari"


def test_without_javascript_the_page_explains_and_offers_the_archive(site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((Path(site) / SEARCH_PAGE).read_text(encoding="utf-8"), "html.parser")
    noscript = soup.find("noscript")
    assert "memerlukan JavaScript" in noscript.get_text()
    links = {a["href"] for a in soup.select("main a[href]")}
    for listing in ("/arsip/", "/opd/", "/topik/"):
        assert any(href.endswith(listing) for href in links), listing
    # The script is a module: deferred, never render-blocking.
    script = soup.find("script", src=re.compile(r"search"))
    assert script["type"] == "module"


def test_search_page_passes_axe_empty(auditor):
    result = auditor.audit(SEARCH_PAGE)
    assert result.passed, "\n" + result.format()


def test_search_page_passes_axe_with_results(auditor, site):
    title, _ = sample_article(site)

    def search(driver):
        driver.find_element(By.ID, "kata-kunci").send_keys(title, Keys.ENTER)
        wait_for_status(driver)
        assert result_links(driver)

    result = auditor.audit(SEARCH_PAGE, setup=search)
    assert result.passed, "\n" + result.format()


def test_portal_without_documents_builds_without_an_index(tmp_path, build_site):
    content = tmp_path / "kosong"
    (content / "berita").mkdir(parents=True)
    output = build_site(content)
    assert (output / SEARCH_PAGE).is_file()
    assert not (output / "pagefind").exists()
