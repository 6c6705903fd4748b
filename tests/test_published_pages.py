"""`make publish` output, served by nginx with its real headers, in Chromium: no
Content-Security-Policy violation and no axe violation, on one published page per template.

Every built page is already audited one by one (tests/test_audit.py); publishing only
minifies, hashes and compresses, the same way for every page of a template. Content cannot
break the policy on a page of its own: the sanitizer allows no script, style element or style
attribute (warta/content/sanitize.py). So one page per template proves the published theme."""

import pytest
from browser_checks import CspWatch
from marks import parametrize_pages

from warta.commands.audit import Auditor
from warta.commands.gate.variants import TEMPLATES, page_for


def pytest_generate_tests(metafunc):
    # One test per template's published page, so a failure names its page.
    if "published_page" in metafunc.fixturenames:
        parametrize_pages(metafunc, "published_page", published_pages)


def published_pages():
    import published  # noqa: PLC0415 - builds the published portal: only when these tests run

    _, output, _ = published.published()
    return sorted({page_for(output, template) for template in TEMPLATES})


@pytest.fixture(scope="module")
def published_auditor(tls_browser, published_url):
    return Auditor(tls_browser, published_url)


def test_published_page_obeys_the_csp_and_passes_axe(published_page, published_auditor, tls_browser):
    with CspWatch(tls_browser) as csp:
        result = published_auditor.audit(published_page)
        # Styles applied: the hashed stylesheet loaded (the skip link is hidden off-screen).
        assert tls_browser.execute_script(
            "return getComputedStyle(document.body).fontFamily.includes('system-ui');"
        ), f"{published_page}: stylesheet not applied"
        assert csp.violations() == [], published_page
    assert result.passed, "\n" + result.format()


def test_search_works_under_the_csp_on_the_published_site(tls_browser, published_url, site):
    from browser_checks import wait_for
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from test_search import sample_article

    title, path = sample_article(site)
    with CspWatch(tls_browser) as csp:
        tls_browser.get(published_url + "/cari/")
        tls_browser.find_element(By.ID, "kata-kunci").send_keys(title, Keys.ENTER)
        wait_for(tls_browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#hasil-pencarian a"),
                 message="no results on the published site")
        hrefs = [a.get_attribute("href") for a in
                 tls_browser.find_elements(By.CSS_SELECTOR, "#hasil-pencarian a")]
        assert published_url + path in hrefs
        assert csp.violations() == []


def test_csp_check_catches_inline_script_and_style(browser):
    # The fixture breaks the policy three ways; the check must see every one, or a clean
    # result above would mean nothing.
    from pathlib import Path

    from warta.commands.server import serve

    with serve(Path(__file__).parent / "fixtures" / "csp") as base_url, CspWatch(browser) as csp:
        browser.get(base_url + "/")
        found = csp.violations()
        assert browser.execute_script("return window.jalan;") is None  # blocked, not run
    assert sum(v.startswith("script-src") for v in found) == 1, found
    assert sum(v.startswith("style-src") for v in found) == 2, found
