"""The header in Chromium: on a phone the menu folds behind a native disclosure that works by
keyboard and without JavaScript, and the page's own first content is on the first screen; on a
wide screen the menu shows open with nothing to press. The accessibility tree is read through
Chromium's DevTools Accessibility API, as assistive technology would receive it."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from variants import set_preferences, set_viewport

from warta.commands.audit import find_pages, page_url

PHONE = (360, 640)
WIDE = (1280, 800)

ACTIVE = r"""
const el = document.activeElement;
return el ? `${el.tagName.toLowerCase()}:${(el.textContent || '').replace(/\s+/g, ' ').trim()}` : null;
"""


@pytest.fixture
def phone(clean_browser, site_url):
    """The home page on a 360 × 640 phone, menu folded."""
    clean_browser.get(f"{site_url}/")
    set_viewport(clean_browser, *PHONE)
    return clean_browser


def menu_labels(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('.w-nav__link')].map(a => a.textContent.trim())")


def tab(driver, keys=Keys.TAB):
    ActionChains(driver).send_keys(keys).perform()
    return driver.execute_script(ACTIVE)


def tab_to_menu(driver):
    """Tab from the top of the page until the disclosure has focus; the steps taken."""
    steps = []
    for _ in range(5):
        steps.append(tab(driver))
        if steps[-1] == "summary:Menu":
            return steps
    raise AssertionError(f"Tab tidak mencapai tombol Menu: {steps}")


def is_open(driver):
    return driver.execute_script("return document.querySelector('.w-nav__disclosure').open")


def ax_nodes(driver, selector, **query):
    """Chromium's accessibility nodes under ``selector`` (Accessibility.queryAXTree), as
    (role, name, ignored, expanded)."""
    document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    node = driver.execute_cdp_cmd("DOM.querySelector",
                                  {"nodeId": document["root"]["nodeId"], "selector": selector})
    found = driver.execute_cdp_cmd("Accessibility.queryAXTree", {"nodeId": node["nodeId"], **query})
    return [(n.get("role", {}).get("value"), n.get("name", {}).get("value"), n.get("ignored"),
             {p["name"]: p["value"].get("value") for p in n.get("properties", [])}.get("expanded"))
            for n in found["nodes"]]


def disclosure(driver):
    (node,) = [n for n in ax_nodes(driver, ".w-nav__toggle") if n[0] == "DisclosureTriangle"]
    return node


# --- Keyboard ----------------------------------------------------------------------------------

def test_tab_reaches_the_menu_disclosure_right_after_the_skip_link_and_the_brand(phone):
    assert tab_to_menu(phone) == ["a:Langsung ke konten utama",
                                  "a:Portal Berita Kota Contoh Pemerintah Kota Contoh",
                                  "summary:Menu"]
    assert not is_open(phone)


def test_tab_skips_the_folded_menu_links_which_have_no_boxes_to_measure(phone):
    tab_to_menu(phone)
    assert tab(phone) == "a:Aa Tampilan"
    # Not drawn at all, so no measurement (target size, reflow) counts links nobody can see.
    assert phone.execute_script(
        "return [...document.querySelectorAll('.w-nav__link')].every(a => !a.getClientRects().length)")


@pytest.mark.parametrize("key", [Keys.ENTER, Keys.SPACE], ids=["enter", "space"])
def test_enter_or_space_opens_the_menu_and_tab_then_reaches_its_links_in_order(phone, key):
    tab_to_menu(phone)
    tab(phone, key)
    assert is_open(phone)
    reached = [tab(phone) for _ in menu_labels(phone)]
    assert reached == [f"a:{label}" for label in menu_labels(phone)]
    assert tab(phone) == "a:Aa Tampilan"


def test_pressing_the_disclosure_again_closes_the_menu_and_keeps_focus_on_it(phone):
    tab_to_menu(phone)
    tab(phone, Keys.ENTER)
    assert is_open(phone)
    assert tab(phone, Keys.ENTER) == "summary:Menu"
    assert not is_open(phone)
    assert tab(phone) == "a:Aa Tampilan"


def test_the_menu_opens_without_javascript(clean_browser, site_url):
    driver = clean_browser
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(f"{site_url}/")
    set_viewport(driver, *PHONE)
    tab_to_menu(driver)
    tab(driver, Keys.ENTER)
    assert tab(driver) == f"a:{menu_labels(driver)[0]}"


# --- The accessibility tree --------------------------------------------------------------------

def test_disclosure_is_named_menu_with_its_role_and_collapsed_state_on_a_phone(phone):
    assert disclosure(phone) == ("DisclosureTriangle", "Menu", False, False)
    assert ax_nodes(phone, ".w-nav", role="link") == []


def test_disclosure_reports_expanded_once_opened_and_exposes_the_links(phone):
    tab_to_menu(phone)
    tab(phone, Keys.ENTER)
    assert disclosure(phone) == ("DisclosureTriangle", "Menu", False, True)
    links = ax_nodes(phone, ".w-nav", role="link")
    assert [name for _, name, ignored, _ in links if not ignored] == menu_labels(phone)


def test_wide_screen_exposes_every_menu_link_without_any_interaction(clean_browser, site_url):
    driver = clean_browser
    driver.get(f"{site_url}/")
    set_viewport(driver, *WIDE)
    links = ax_nodes(driver, ".w-nav", role="link")
    assert [name for _, name, ignored, _ in links if not ignored] == menu_labels(driver)
    # Nothing to press: the disclosure is neither shown nor in the tree.
    assert all(ignored for role, _, ignored, _ in ax_nodes(driver, ".w-nav__toggle")
               if role == "DisclosureTriangle")
    tab_to_first_link = [tab(driver) for _ in range(3)]
    assert tab_to_first_link[-1] == f"a:{menu_labels(driver)[0]}"


# --- What a phone shows ------------------------------------------------------------------------

def article_page(site):
    return next(page for page in find_pages(site) if page.startswith("berita/20"))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("which", ["home", "article"])
def test_first_heading_is_on_the_first_screen_of_a_360_by_640_phone(
        which, theme, site, site_url, clean_browser):
    driver = clean_browser
    driver.get(page_url(site_url, "index.html" if which == "home" else article_page(site)))
    set_preferences(driver, {"theme": theme} if theme == "dark" else {})
    set_viewport(driver, *PHONE)
    top = driver.execute_script("return document.querySelector('main h1').getBoundingClientRect().top")
    assert top < PHONE[1]


def test_demo_notice_is_one_line_on_a_360_px_phone(phone):
    lines = phone.execute_script(
        "const p = document.querySelector('.w-demo-notice__text');"
        "const range = document.createRange(); range.selectNodeContents(p);"
        "return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size")
    assert lines == 1


def test_open_menu_links_are_44_px_targets_and_nothing_scrolls_sideways_at_320_px(
        clean_browser, site_url):
    driver = clean_browser
    driver.get(f"{site_url}/")
    for text in ({}, {"text": "200"}):
        set_preferences(driver, text)
        set_viewport(driver, 320)
        driver.execute_script("document.querySelector('.w-nav__disclosure').open = true")
        sizes = driver.execute_script(
            "return [...document.querySelectorAll('.w-nav__link, .w-nav__toggle, .w-header__display')]"
            ".map(a => { const r = a.getBoundingClientRect(); return [a.textContent.trim(), r.width, r.height]; })")
        assert all(height >= 44 and width >= 44 for _, width, height in sizes), sizes
        scroll, client = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, text  # WCAG 1.4.10


@pytest.mark.parametrize("size", [PHONE, WIDE], ids=["360", "1280"])
def test_header_scrolls_away_with_the_page(size, clean_browser, site_url):
    driver = clean_browser
    driver.get(f"{site_url}/")
    set_viewport(driver, *size)
    positions = driver.execute_script(
        "return [...document.querySelectorAll('header, header *')]"
        ".map(el => getComputedStyle(el).position).filter(p => p === 'sticky' || p === 'fixed')")
    assert positions == []  # WCAG 2.4.11: nothing can cover the focused element


def test_current_page_is_marked_in_the_open_menu_and_on_a_wide_screen(clean_browser, site_url):
    driver = clean_browser
    driver.get(f"{site_url}/ppid/")
    current = "return [...document.querySelectorAll('.w-nav [aria-current=page]')].map(a => a.textContent.trim())"
    assert driver.execute_script(current) == ["PPID"]
    for size in (PHONE, WIDE):
        set_viewport(driver, *size)
        driver.execute_script("document.querySelector('.w-nav__disclosure').open = true")
        style = driver.execute_script(
            "const s = getComputedStyle(document.querySelector('.w-nav [aria-current=page]'));"
            "return [s.borderLeftWidth, s.borderBottomWidth]")
        assert "4px" in style, (size, style)  # told apart by more than colour (WCAG 1.4.1)
