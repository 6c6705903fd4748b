"""colours: sRGB hex colours, WCAG 2 contrast, and the nearest colour of the same hue that
reaches a contrast.

Contrast is the WCAG 2 ratio of relative luminances, (L1 + 0.05) / (L2 + 0.05), with the sRGB
transfer function as WCAG 2.2 defines it ("relative luminance"; the 0.04045 threshold of the
sRGB standard, which gives the same results as the 0.03928 printed in older WCAG versions for
every 8-bit channel value).
"""

import colorsys
import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
# How far each step moves lightness (HSL, 0 to 1) when looking for a passing colour: fine
# enough that the colour found is the nearest an editor would notice.
LIGHTNESS_STEP = 0.005


class ColourError(ValueError):
    """A value that is not a #RGB or #RRGGBB colour."""


def parse(value):
    """``#RGB`` or ``#RRGGBB`` (any case) as the lower-case ``#rrggbb``; ColourError otherwise."""
    if not isinstance(value, str) or not HEX.match(value.strip()):
        raise ColourError(value)
    digits = value.strip()[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def channels(colour):
    """(red, green, blue), each 0 to 255."""
    colour = parse(colour)
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def from_channels(red, green, blue):
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def luminance(colour):
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""
    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(c) for c in channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground, background):
    """WCAG 2 contrast ratio between two colours, 1 to 21, in either order."""
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def scale(colour, factor):
    """Every channel times ``factor``: the same hue, darker below 1."""
    return from_channels(*(c * factor for c in channels(colour)))


def mix(colour, other, amount):
    """``colour`` moved ``amount`` (0 to 1) of the way towards ``other``, channel by channel."""
    return from_channels(*(a + (b - a) * amount for a, b in zip(channels(colour), channels(other),
                                                               strict=True)))


def nearest(colour, passes):
    """The colour nearest ``colour`` in lightness, with its hue and saturation, for which
    ``passes(candidate)`` is true; None when no lightness of that hue passes.

    Lightness is stepped both ways and the first colour that passes wins, so a light colour
    that fails with white text comes back darker, and a dark one with dark text lighter.
    """
    colour = parse(colour)
    if passes(colour):
        return colour
    red, green, blue = (c / 255 for c in channels(colour))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    for step in range(1, int(1 / LIGHTNESS_STEP) + 1):
        for direction in (-1, 1):
            candidate_lightness = lightness + direction * step * LIGHTNESS_STEP
            if not 0 <= candidate_lightness <= 1:
                continue
            candidate = from_channels(
                *(c * 255 for c in colorsys.hls_to_rgb(hue, candidate_lightness, saturation)))
            if passes(candidate):
                return candidate
    return None


def format_ratio(ratio):
    """A ratio as Indonesian readers write it: ``4,5:1`` (rounded down, never up to a pass)."""
    shown = int(ratio * 10) / 10
    return f"{shown:.1f}".replace(".", ",") + ":1"
