"""Brand colours by settings (WARTA_BRAND_COLOR, WARTA_BRAND_COLOR_DARK): checked for contrast
at build start with a message naming the settings line and a passing colour, carried to the
page by a generated stylesheet, and kept by the dark theme but not by high contrast."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from variants import set_preferences

from warta import EXAMPLE, settings
from warta.commands.build import BuildError
from warta.commands.server import serve
from warta.content import brand, colours, stylesheet

CONF = EXAMPLE / "pelicanconf.py"


def conf_line(name):
    lines = CONF.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(f"{name} ="))


def root_block(selector):
    css = stylesheet.joined()
    block = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css).group(1)
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", block))


# --- The colour check ---------------------------------------------------------------------------

def test_the_text_colours_checked_are_the_ones_warta_css_draws_on_the_brand_colour():
    for selector in (":root", ':root[data-w-theme="dark"]'):
        assert root_block(selector)["--w-brand-text"] == brand.BRAND_TEXT
    assert root_block(":root")["--w-focus"] == brand.FOCUS


def test_defaults_are_the_header_colours_warta_css_falls_back_to():
    tokens = root_block(":root")
    assert settings.WARTA_BRAND_COLOR == tokens["--w-light-brand"] == "#0b3558"
    assert settings.WARTA_BRAND_COLOR_DARK == tokens["--w-dark-brand"] == "#0a1f33"
    assert brand.findings({"WARTA_BRAND_COLOR": "#0b3558", "WARTA_BRAND_COLOR_DARK": "#0a1f33"}) == []


def test_the_sample_portal_sets_its_own_passing_colours():
    text = CONF.read_text(encoding="utf-8")
    sample = {}
    for name in brand.SETTINGS.values():
        match = re.search(rf'^{name} = "(#[0-9a-f]{{6}})"$', text, re.MULTILINE)
        assert match, f"pelicanconf.py sets {name} explicitly"
        sample[name] = match.group(1)
    assert all(sample[name] != settings.DEFAULTS[name] for name in sample)
    assert brand.findings(sample) == []


def test_too_little_contrast_is_an_error_naming_the_nearest_passing_colour():
    (finding,) = brand.findings({"WARTA_BRAND_COLOR": "#7aa6d6", "WARTA_BRAND_COLOR_DARK": "#0a1f33"})
    assert finding.is_error and finding.rule == "warna-merek"
    assert "WARTA_BRAND_COLOR '#7aa6d6'" in finding.message and "2,5:1" in finding.message
    suggested = re.search(r'WARTA_BRAND_COLOR = "(#[0-9a-f]{6})"', finding.fix).group(1)
    assert colours.contrast("#ffffff", suggested) >= 4.5
    assert brand.findings({"WARTA_BRAND_COLOR": suggested, "WARTA_BRAND_COLOR_DARK": "#0a1f33"})[0].is_error is False
    assert "lebih gelap" in finding.fix


def test_passing_but_below_7_to_1_is_a_warning_with_a_colour_that_reaches_it():
    (finding,) = brand.findings({"WARTA_BRAND_COLOR": "#2f6fb0", "WARTA_BRAND_COLOR_DARK": "#0a1f33"})
    assert not finding.is_error and "WCAG 1.4.6" in finding.message
    suggested = re.search(r'= "(#[0-9a-f]{6})"', finding.fix).group(1)
    assert brand.findings({"WARTA_BRAND_COLOR": suggested, "WARTA_BRAND_COLOR_DARK": "#0a1f33"}) == []


def test_the_dark_colour_is_checked_against_its_own_setting():
    (finding,) = brand.findings({"WARTA_BRAND_COLOR": "#0b3558", "WARTA_BRAND_COLOR_DARK": "#8899aa"})
    assert finding.is_error and "WARTA_BRAND_COLOR_DARK" in finding.message
    assert "tema gelap" in finding.message


# --- In a real build ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, value, words", [
    ("WARTA_BRAND_COLOR", "#7aa6d6", "kurang kontras"),
    ("WARTA_BRAND_COLOR_DARK", "#7aa6d6", "kurang kontras"),
])
# A colour that is not #RRGGBB at all is pengaturan-nilai, refused with the settings' registry
# before the build starts (tests/test_settings_registry.py).
def test_a_bad_brand_colour_fails_the_build_at_its_settings_line_and_leaves_output_untouched(
        name, value, words, content_dir, build_site):
    output = build_site(content_dir)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    with pytest.raises(BuildError) as error:
        build_site(content_dir, output=output, **{name: value})
    message = str(error.value)
    assert f"pelicanconf.py:{conf_line(name)}: warna-merek: {name} {value!r}" in message
    assert words in message and f'{name} = "#' in message and "Traceback" not in message
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before


def test_the_stylesheet_carries_the_colours_and_every_page_links_it_after_warta_css(
        content_dir, build_site):
    output = build_site(content_dir, WARTA_BRAND_COLOR="#5a1f6b", WARTA_BRAND_COLOR_DARK="#2b0f33")
    text = (output / settings.WARTA_BRAND_STYLESHEET).read_text(encoding="utf-8")
    assert "--w-light-brand: #5a1f6b;" in text and "--w-dark-brand: #2b0f33;" in text
    for page in output.rglob("*.html"):
        sheets = [link["href"] for link in BeautifulSoup(page.read_text(encoding="utf-8"),
                                                         "html.parser").select("link[rel=stylesheet]")]
        assert [Path(s).name for s in sheets][:2] == ["warta.css", "merek.css"], page


def test_published_brand_stylesheet_is_minified_hashed_and_precompressed(published_site):
    (sheet,) = (published_site / "theme" / "css").glob("merek.*.css")
    assert "/*" not in sheet.read_text(encoding="utf-8")
    home = (published_site / "index.html").read_text(encoding="utf-8")
    assert f"/theme/css/{sheet.name}" in home


@pytest.fixture(scope="module")
def purple_site(tmp_path_factory):
    """The small test content built with an accepted purple brand colour, served on loopback."""
    from shutil import copytree  # noqa: PLC0415

    from warta.commands.build import build  # noqa: PLC0415

    work = tmp_path_factory.mktemp("merek")
    content = work / "content"
    copytree(Path(__file__).parent / "test_data" / "content", content)
    build(work / "output", content=content, SEARCH_INDEX=False,
          WARTA_BRAND_COLOR="#5a1f6b", WARTA_BRAND_COLOR_DARK="#2b0f33")
    with serve(work / "output") as url:
        yield url


@pytest.mark.parametrize("theme, header, bar", [
    ({}, "rgb(90, 31, 107)", "rgb(72, 25, 86)"),
    ({"theme": "dark"}, "rgb(43, 15, 51)", "rgb(34, 12, 41)"),
    ({"theme": "contrast"}, "rgb(0, 0, 0)", "rgb(0, 0, 0)"),
], ids=["light", "dark", "contrast"])
def test_an_accepted_brand_colour_reaches_the_header_in_each_theme(
        theme, header, bar, purple_site, clean_browser):
    driver = clean_browser
    driver.get(f"{purple_site}/")
    set_preferences(driver, theme)
    shown = driver.execute_script(
        "return ['.w-header', '.w-header__bar'].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)")
    assert shown == [header, bar]
