"""What axe cannot check, measured by the gate in real Chromium on one page per template:
reflow at 320 CSS px (1.4.10), text spacing (1.4.12), keyboard order, traps and focus (2.1.1,
2.1.2, 2.4.3, 2.4.7, 2.4.11), the skip link (2.4.1) and target size (2.5.8).

A known-bad fixture page (tests/fixtures/checks-bad/) shows that each of the gate's checks can
fail: the same check functions run on it."""

from pathlib import Path

import pytest

from warta.commands.gate import CHECKS, CheckSession, check_keys, run_check
from warta.commands.gate.variants import TEMPLATES, THEMES
from warta.commands.server import serve

BAD = Path(__file__).parent / "fixtures" / "checks-bad"


def assert_check(gate, name, template, case=""):
    result = gate.check(name, template, case)
    assert result.page == gate.template_pages[template]
    assert result.passed, "\n" + result.format()


def test_gate_makes_every_check_on_every_template(gate):
    assert [c.key for c in gate.checks] == check_keys(TEMPLATES)
    assert len(gate.checks) == len(TEMPLATES) * sum(len(c.cases) for c in CHECKS.values())


@pytest.mark.parametrize("text", ["100", "200"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_horizontal_scrolling_at_320_css_px(template, text, gate):
    assert_check(gate, "reflow", template, text)


@pytest.mark.parametrize("width", ["1280", "320"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_text_spacing_overrides_clip_and_overlap_nothing(template, width, gate):
    assert_check(gate, "text-spacing", template, width)


@pytest.mark.parametrize("template", TEMPLATES)
def test_tab_reaches_every_control_in_document_order_without_traps(template, gate):
    assert_check(gate, "tab-order", template)


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_focused_control_shows_a_visible_focus_indicator(template, theme, gate):
    assert_check(gate, "focus-visible", template, theme)


@pytest.mark.parametrize("template", TEMPLATES)
def test_focused_control_is_never_entirely_hidden(template, gate):
    assert_check(gate, "focus-not-obscured", template)


@pytest.mark.parametrize("template", TEMPLATES)
def test_skip_link_is_shown_and_moves_focus_to_main(template, gate):
    assert_check(gate, "skip-link", template)


@pytest.mark.parametrize("width", ["1280", "320"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_targets_are_24_css_px_or_spaced_apart(template, width, gate):
    assert_check(gate, "target-size", template, width)


# --- The checks can fail: each catches its problem on the known-bad page -----------------------

@pytest.fixture(scope="module")
def bad_url():
    with serve(BAD) as base_url:
        yield base_url


def check_bad(driver, bad_url, name, case=""):
    """The gate's check on the known-bad page, which has no Tampilan script to take preferences."""
    result = run_check(CheckSession(driver, bad_url, preferences=False),
                       (name, "checks-bad", case), "index.html")
    assert not result.error, result.error
    return "\n".join(result.problems)


def test_reflow_check_catches_a_fixed_width_box(bad_url, clean_browser):
    assert "lebar-tetap" in check_bad(clean_browser, bad_url, "reflow", "100")


def test_text_spacing_check_catches_clipped_and_overlapping_text(bad_url, clean_browser):
    problems = check_bad(clean_browser, bad_url, "text-spacing", "1280")
    assert "terpotong" in problems and "bertumpuk" in problems


def test_keyboard_checks_catch_order_traps_invisible_and_hidden_focus(bad_url, clean_browser):
    order = check_bad(clean_browser, bad_url, "tab-order")
    assert "fokus terjebak" in order
    assert "urutan Tab tidak mengikuti urutan dokumen" in order
    assert "Tanpa fokus" in check_bad(clean_browser, bad_url, "focus-visible", "terang")
    assert "Di bawah kepala lengket" in check_bad(clean_browser, bad_url, "focus-not-obscured")


def test_skip_link_check_catches_a_page_without_one(bad_url, clean_browser):
    assert "tautan lewati" in check_bad(clean_browser, bad_url, "skip-link")


def test_target_size_check_catches_small_crowded_targets(bad_url, clean_browser):
    failures = check_bad(clean_browser, bad_url, "target-size", "1280")
    assert "kecil-1" in failures and "inline di kalimat" not in failures


def test_a_check_that_cannot_be_made_fails_with_its_reason(bad_url, clean_browser):
    # The bad page has no Tampilan script: a stored preference is never applied, and the check
    # says so instead of measuring the page as it is and passing.
    result = run_check(CheckSession(clean_browser, bad_url), ("reflow", "checks-bad", "200"),
                       "index.html")
    assert not result.passed and "tidak diterapkan" in result.error


def test_a_tab_walk_the_page_keeps_from_being_recorded_fails_with_its_reason(tmp_path,
                                                                              clean_browser):
    # A page that swallows every keyup before the gate's recorder sees it: the walk is not
    # known, so the keyboard checks fail with the reason instead of judging an empty walk.
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Tombol</title>'
        "<script>window.addEventListener('keyup', (e) => e.stopImmediatePropagation(), true);"
        '</script></head><body><a href="#a">Satu</a> <a href="#b">Dua</a></body></html>',
        "utf-8")
    with serve(tmp_path) as url:
        result = run_check(CheckSession(clean_browser, url, preferences=False),
                           ("tab-order", "tombol-ditahan", ""), "index.html")
    assert not result.passed and "tidak terekam" in result.error
