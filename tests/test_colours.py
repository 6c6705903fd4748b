"""warta.content.colours: hex colours, the WCAG 2 contrast ratio, and the nearest passing colour."""

import colorsys

import pytest

from warta.content import colours


@pytest.mark.parametrize("value, parsed", [
    ("#0B3558", "#0b3558"), ("#fff", "#ffffff"), (" #abc ", "#aabbcc"),
])
def test_hex_colours_are_read_in_both_lengths_and_any_case(value, parsed):
    assert colours.parse(value) == parsed


@pytest.mark.parametrize("value", ["biru", "0b3558", "#0b355", "#ggg", "", None, 123, "rgb(0,0,0)"])
def test_anything_but_a_hex_colour_is_refused(value):
    with pytest.raises(colours.ColourError):
        colours.parse(value)


@pytest.mark.parametrize("foreground, background, ratio", [
    ("#ffffff", "#000000", 21.0),
    ("#000000", "#000000", 1.0),
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes 4.5:1 on white
    ("#ffffff", "#0b3558", 12.62),
])
def test_contrast_is_the_wcag_2_ratio_in_either_order(foreground, background, ratio):
    assert colours.contrast(foreground, background) == pytest.approx(ratio, abs=0.01)
    assert colours.contrast(background, foreground) == pytest.approx(ratio, abs=0.01)


def test_nearest_passing_colour_keeps_the_hue_and_is_the_first_step_that_passes():
    light_blue = "#7aa6d6"
    found = colours.nearest(light_blue, lambda c: colours.contrast("#ffffff", c) >= 4.5)
    assert colours.contrast("#ffffff", found) >= 4.5
    hue = colorsys.rgb_to_hls(*(c / 255 for c in colours.channels(light_blue)))[0]
    assert colorsys.rgb_to_hls(*(c / 255 for c in colours.channels(found)))[0] == pytest.approx(hue, abs=0.01)
    # One lightness step lighter no longer passes: nothing nearer would do.
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in colours.channels(found)))
    lighter = colours.from_channels(*(c * 255 for c in colorsys.hls_to_rgb(
        h, lightness + 2 * colours.LIGHTNESS_STEP, s)))
    assert colours.contrast("#ffffff", lighter) < 4.5


def test_nearest_passing_colour_is_the_colour_itself_when_it_passes_and_none_when_nothing_can():
    assert colours.nearest("#0B3558", lambda c: True) == "#0b3558"
    assert colours.nearest("#808080", lambda c: False) is None


def test_ratios_are_written_the_indonesian_way_and_never_rounded_up_to_a_pass():
    assert colours.format_ratio(4.4999) == "4,4:1"
    assert colours.format_ratio(12.62) == "12,6:1"


def test_scale_and_mix_keep_to_8_bit_channels():
    assert colours.scale("#0b3558", 0.8) == "#092a46"
    assert colours.mix("#000000", "#ffffff", 0.5) == "#808080"
