"""Display preferences ("Tampilan"): the control, what each choice does, device
settings, no flash, no JavaScript, and stored values that are broken or unknown."""

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from variants import (
    CATCH_ERRORS,
    STORAGE_KEY,
    init_script,
    page_for,
    script_errors,
    set_preferences,
)

from warta import ROOT
from warta.commands.audit import find_pages, page_url
from warta.content import stylesheet

FONT_DIR = ROOT / "theme" / "static" / "fonts" / "atkinson-hyperlegible"
FONT_PACKAGE = ROOT / "node_modules" / "@fontsource" / "atkinson-hyperlegible"
GROUPS = {"text": "Ukuran teks", "theme": "Warna", "font": "Huruf",
          "spacing": "Jarak baris dan huruf", "links": "Tautan", "motion": "Gerakan"}


@pytest.fixture(scope="module")
def pages(site):
    return {page: BeautifulSoup((Path(site) / page).read_text(encoding="utf-8"), "html.parser")
            for page in find_pages(site)}


def open_tampilan(driver, site_url):
    driver.get(f"{site_url}/tampilan/")
    return driver.find_element(By.CSS_SELECTOR, "[data-w-tampilan-form]")


def html_attributes(driver):
    return driver.execute_script(
        "const out = {}; for (const a of document.documentElement.attributes)"
        " if (a.name.startsWith('data-w-')) out[a.name.slice(7)] = a.value; return out;")


def computed(driver, selector, prop):
    return driver.execute_script(
        "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])",
        selector, prop)


def choose(driver, group, value):
    """Select a radio by keyboard: focus it and press Space, as a keyboard user would."""
    radio = driver.find_element(By.ID, f"tampilan-{group}-{value}")
    driver.execute_script("arguments[0].focus()", radio)
    radio.send_keys(Keys.SPACE)


def status_text(driver):
    return driver.execute_script(
        "return document.querySelector('[data-w-tampilan-status]').textContent")


# --- In every built page -----------------------------------------------------------------------

def test_every_page_links_to_tampilan_from_its_header(pages):
    for page, soup in pages.items():
        link = soup.select_one("header a.w-header__display")
        assert link is not None and link["href"] == "/tampilan/", page
        assert link.get_text(" ", strip=True) == "Aa Tampilan", page


def test_every_page_loads_the_preferences_script_blocking_in_head_and_nothing_inline(pages):
    for page, soup in pages.items():
        first = soup.head.find("script", src=True)
        assert first is not None and first["src"] == "/theme/js/preferences-early.js", page
        assert "defer" not in first.attrs and "async" not in first.attrs, page
        # No inline script or style: the strict CSP of another issue must not break anything.
        assert all(script.get("src") for script in soup.find_all("script")
                   if script.get("type") != "application/ld+json"), page  # JSON-LD is data
        assert not soup.find_all(attrs={"style": True}), page


def test_tampilan_page_offers_native_radio_groups_in_fieldsets_with_legends(pages):
    form = pages["tampilan/index.html"].select_one("form[data-w-tampilan-form]")
    assert form.has_attr("hidden")  # shown by preferences.js; useless without JavaScript
    fieldsets = form.find_all("fieldset")
    assert [f.legend.get_text(strip=True) for f in fieldsets] == list(GROUPS.values())
    for fieldset in fieldsets:
        radios = fieldset.find_all("input", type="radio")
        assert len(radios) >= 2 and len({r["name"] for r in radios}) == 1
        assert [r for r in radios if r.has_attr("checked")] == radios[:1]
        for radio in radios:
            assert fieldset.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
    status = pages["tampilan/index.html"].select_one("[data-w-tampilan-status]")
    assert status["role"] == "status" and not status.get_text(strip=True)


# --- Choosing --------------------------------------------------------------------------------

def test_choosing_by_keyboard_applies_saves_and_announces(site_url, clean_browser):
    driver = clean_browser
    form = open_tampilan(driver, site_url)
    assert form.is_displayed()
    auto = driver.find_element(By.ID, "tampilan-theme-auto")
    assert auto.is_selected()
    auto.send_keys(Keys.ARROW_RIGHT)  # Terang
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)  # Gelap
    assert driver.find_element(By.ID, "tampilan-theme-dark").is_selected()
    assert html_attributes(driver) == {"theme": "dark"}
    assert computed(driver, "body", "background-color") == "rgb(16, 20, 24)"
    driver.execute_script("return new Promise(r => setTimeout(r, 120))")
    assert status_text(driver) == "Warna: Gelap. Disimpan di browser ini."
    stored = driver.execute_script("return JSON.parse(localStorage.getItem(arguments[0]))", STORAGE_KEY)
    assert stored["theme"] == "dark" and stored["text"] == "100"


def test_saved_choice_applies_on_other_pages_before_the_body_exists(site, site_url, clean_browser):
    driver = clean_browser
    driver.get(f"{site_url}/")
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", STORAGE_KEY,
                          '{"theme": "contrast", "text": "150"}')
    # Record when the attribute is first set: while the parser has not reached <body>, nothing
    # of the page can have been painted in the default theme.
    watch = """
      window.__wartaTheme = [];
      const set = Element.prototype.setAttribute;
      Element.prototype.setAttribute = function (name, value) {
        if (this === document.documentElement && name === 'data-w-theme')
          window.__wartaTheme.push({value, bodyExists: !!document.body});
        return set.call(this, name, value);
      };
    """
    with init_script(driver, watch):
        driver.get(page_url(site_url, page_for(site, "article")))
    assert driver.execute_script("return window.__wartaTheme") == [{"value": "contrast", "bodyExists": False}]
    assert computed(driver, "body", "background-color") == "rgb(0, 0, 0)"
    assert computed(driver, "html", "font-size") == "24px"


@pytest.mark.parametrize("group, value, selector, prop, expected", [
    ("text", "200", "html", "font-size", "32px"),
    ("theme", "light", "body", "background-color", "rgb(255, 255, 255)"),
    ("theme", "dark", "body", "background-color", "rgb(16, 20, 24)"),
    ("theme", "contrast", "main a", "color", "rgb(255, 255, 0)"),
    ("font", "readable", "body", "font-family", '"Atkinson Hyperlegible"'),
    ("spacing", "wide", "body", "letter-spacing", "1.08px"),
    ("links", "underline", ".w-nav__link", "text-decoration-line", "underline"),
    ("motion", "reduce", "html", "scroll-behavior", "auto"),
])
def test_each_choice_changes_what_the_reader_sees(group, value, selector, prop, expected, site_url,
                                                  clean_browser):
    driver = clean_browser
    open_tampilan(driver, site_url)
    before = computed(driver, selector, prop)
    choose(driver, group, value)
    assert html_attributes(driver) == {group: value}
    after = computed(driver, selector, prop)
    assert after.startswith(expected), f"{group}={value}: {prop} {after!r}"
    if group != "theme" or value != "light":
        assert after != before


def test_readable_font_is_downloaded_from_the_site_itself(site_url, clean_browser):
    driver = clean_browser
    driver.get(f"{site_url}/")
    set_preferences(driver, {"font": "readable"})
    loaded = driver.execute_async_script(
        "const done = arguments[0]; document.fonts.ready.then(() => done("
        "[document.fonts.check('16px \"Atkinson Hyperlegible\"'),"
        " performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))]));")
    assert loaded[0] is True
    assert loaded[1] and all(n.startswith(f"{site_url}/theme/fonts/atkinson-hyperlegible/") for n in loaded[1])


def test_default_font_leaves_the_readable_font_unused(site_url, clean_browser):
    # The page itself never asks for the font unless chosen. (Chromium may still prefetch a
    # font it saw on an earlier page of the same site, so this reads the FontFace status rather
    # than the network log.)
    driver = clean_browser
    driver.get(f"{site_url}/")
    statuses = driver.execute_async_script(
        "const done = arguments[0]; document.fonts.ready.then(() => done([...document.fonts]"
        ".filter(f => f.family.includes('Atkinson')).map(f => f.status)));")
    assert len(statuses) == 8 and set(statuses) == {"unloaded"}


def test_reset_returns_every_choice_to_its_default(site_url, clean_browser):
    driver = clean_browser
    open_tampilan(driver, site_url)
    set_preferences(driver, {"theme": "dark", "text": "200", "font": "readable", "spacing": "wide",
                             "links": "underline", "motion": "reduce"})
    assert driver.find_element(By.ID, "tampilan-spacing-wide").is_selected()
    driver.find_element(By.CSS_SELECTOR, "[data-w-tampilan-reset]").send_keys(Keys.ENTER)
    assert html_attributes(driver) == {}
    for group in GROUPS:
        checked = driver.find_element(By.CSS_SELECTOR, f"input[name='{group}']:checked")
        assert checked.get_attribute("id") == driver.find_element(
            By.CSS_SELECTOR, f"input[name='{group}']").get_attribute("id")
    driver.execute_script("return new Promise(r => setTimeout(r, 120))")
    assert status_text(driver).startswith("Semua pilihan tampilan kembali ke bawaan.")


# --- Device settings and no JavaScript ----------------------------------------------------------

def emulate(driver, **features):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": name.replace("_", "-"), "value": value} for name, value in features.items()]})


@pytest.mark.parametrize("features, selector, prop, expected", [
    ({"prefers_color_scheme": "dark"}, "body", "background-color", "rgb(16, 20, 24)"),
    ({"prefers_contrast": "more"}, "body", "background-color", "rgb(0, 0, 0)"),
    ({"prefers_color_scheme": "dark", "prefers_contrast": "more"}, "body", "background-color", "rgb(0, 0, 0)"),
    ({"prefers_reduced_motion": "reduce"}, "html", "scroll-behavior", "auto"),
])
def test_device_settings_are_followed_by_default(features, selector, prop, expected, site_url, clean_browser):
    driver = clean_browser
    driver.get(f"{site_url}/")
    assert computed(driver, selector, prop) != expected
    emulate(driver, **features)
    assert computed(driver, selector, prop) == expected


def test_an_explicit_choice_wins_over_the_device_scheme(site_url, clean_browser):
    driver = clean_browser
    driver.get(f"{site_url}/")
    emulate(driver, prefers_color_scheme="dark")
    set_preferences(driver, {"theme": "light"})
    assert computed(driver, "body", "background-color") == "rgb(255, 255, 255)"


def test_forced_colours_note_appears_only_in_forced_colours_mode(site_url, clean_browser):
    driver = clean_browser
    open_tampilan(driver, site_url)
    note = driver.find_element(By.CSS_SELECTOR, ".w-preferences__forced-note")
    assert not note.is_displayed()
    emulate(driver, forced_colors="active")
    assert note.is_displayed()


def test_without_javascript_the_page_explains_and_device_themes_still_apply(site_url, clean_browser):
    driver = clean_browser
    driver.get(f"{site_url}/")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    emulate(driver, prefers_color_scheme="dark")
    open_tampilan(driver, site_url)
    assert not driver.find_element(By.CSS_SELECTOR, "[data-w-tampilan-form]").is_displayed()
    body = driver.find_element(By.TAG_NAME, "main").text
    assert "memerlukan JavaScript" in body
    for heading in ("Memperbesar halaman (zoom)", "Mode gelap", "Kontras tinggi", "Kurangi gerakan"):
        assert heading in body
    assert computed(driver, "body", "background-color") == "rgb(16, 20, 24)"


# --- Broken or unknown stored values -----------------------------------------------------------

@pytest.mark.parametrize("stored, expected", [
    ("{bukan json", {}),
    ("null", {}),
    ("[]", {}),
    ('"dark"', {}),
    ("42", {}),
    ('{"theme": "neon", "text": "999", "font": 1, "spacing": null, "links": [], "motion": {}}', {}),
    ('{"theme": "dark", "text": "300", "__proto__": {"font": "readable"}}', {"theme": "dark"}),
    ('{"text": 150}', {}),
])
def test_broken_or_unknown_stored_values_fall_back_to_defaults_without_script_errors(
        stored, expected, site_url, clean_browser):
    driver = clean_browser
    driver.get(f"{site_url}/")
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", STORAGE_KEY, stored)
    with init_script(driver, CATCH_ERRORS):
        open_tampilan(driver, site_url)
        assert html_attributes(driver) == expected
        assert script_errors(driver) == []
        # The form shows the values actually in force, and still works.
        assert driver.find_element(By.ID, "tampilan-text-100").is_selected()
        choose(driver, "text", "125")
        assert html_attributes(driver)["text"] == "125"
        assert script_errors(driver) == []


def test_blocked_storage_still_applies_the_choice_and_says_it_is_not_kept(site_url, clean_browser):
    driver = clean_browser
    blocked = ("Object.defineProperty(window, 'localStorage', {get() {"
               " throw new DOMException('Penyimpanan diblokir', 'SecurityError'); }});")
    with init_script(driver, CATCH_ERRORS + blocked):
        open_tampilan(driver, site_url)
        choose(driver, "theme", "contrast")
        assert html_attributes(driver) == {"theme": "contrast"}
        driver.execute_script("return new Promise(r => setTimeout(r, 120))")
        assert "tidak mengizinkan penyimpanan" in status_text(driver)
        assert script_errors(driver) == []


# --- The stylesheet and the font files --------------------------------------------------------

def css_block(text, selector):
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", text)
    assert match, selector
    return sorted(line.strip() for line in match.group(1).strip().splitlines())


@pytest.mark.parametrize("theme, media", [("dark", "prefers-color-scheme: dark"),
                                          ("contrast", "prefers-contrast: more")])
def test_device_and_chosen_theme_blocks_are_identical(theme, media):
    css = stylesheet.joined()
    chosen = css_block(css, f':root[data-w-theme="{theme}"]')
    device = css_block(css.split(f"@media ({media})", 1)[1], ":root:not([data-w-theme])")
    assert chosen == device


def contrast(foreground, background):
    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_high_contrast_theme_colours_reach_7_to_1():
    block = dict(line.rstrip(";").split(": ") for line in css_block(
        stylesheet.joined(), ':root[data-w-theme="contrast"]') if line.startswith("--"))
    for text in ("--w-text", "--w-muted", "--w-link", "--w-link-visited", "--w-brand-text"):
        for background in ("--w-bg", "--w-surface", "--w-brand", "--w-nav-bg", "--w-notice-bg"):
            assert contrast(block[text], block[background]) >= 7, (text, background)
    assert contrast(block["--w-focus-text"], block["--w-focus"]) >= 7


def test_font_files_are_the_pinned_package_files_with_the_ofl_licence():
    package = FONT_PACKAGE / "package.json"
    assert package.is_file(), "jalankan `make node` untuk memasang @fontsource/atkinson-hyperlegible"
    assert '"version": "5.3.0"' in package.read_text(encoding="utf-8")
    committed = sorted(p.name for p in FONT_DIR.glob("*.woff2"))
    shipped = sorted(p.name for p in (FONT_PACKAGE / "files").glob("*.woff2"))
    assert committed == shipped and len(committed) == 8
    digest = lambda path: hashlib.sha256(path.read_bytes()).hexdigest()  # noqa: E731
    for name in committed:
        assert digest(FONT_DIR / name) == digest(FONT_PACKAGE / "files" / name), name
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert licence == (FONT_PACKAGE / "LICENSE").read_text(encoding="utf-8")
    css = stylesheet.joined()
    for name in committed:
        assert f"../fonts/atkinson-hyperlegible/{name}" in css, name
