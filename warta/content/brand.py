"""brand: a city's brand colours (WARTA_BRAND_COLOR, WARTA_BRAND_COLOR_DARK), checked for
contrast with every text drawn on them, and the stylesheet that carries them to the page.

The header, the menu bar and a few controls (the search button, the current page number, the
DIP's group titles, the video play button) draw white text on the brand colour, or on the
menu bar's darker shade of it. warta.css holds those text colours; a city chooses only the
background. The build refuses a colour on which any of that text falls below WCAG 1.4.3's
4.5:1, suggests the nearest colour of the same hue that passes, and warns below 1.4.6's 7:1,
since the government's name and the menu links are body-size text.
"""

from dataclasses import dataclass

from warta.content.colours import (
    ColourError,
    contrast,
    format_ratio,
    luminance,
    mix,
    nearest,
    parse,
    scale,
)
from warta.content.errors import ERROR, WARNING, ContentError, Finding
from warta.settings.loader import assignment_line, settings_file

RULE = "warna-merek"
# The text colours warta.css draws on the brand colour in the light and dark themes
# (--w-brand-text) and its focus highlight (--w-focus); tests/test_brand.py keeps them equal.
BRAND_TEXT = "#ffffff"
FOCUS = "#ffdd00"
MINIMUM = 4.5  # WCAG 1.4.3 Contrast (Minimum), body-size text
ENHANCED = 7.0  # WCAG 1.4.6 Contrast (Enhanced)
FOCUS_MINIMUM = 3.0  # WCAG 1.4.11 Non-text Contrast: the yellow focus highlight beside the brand
# The menu bar is the brand colour a shade darker, so the header reads as two bands; its
# dividing lines are the brand colour lightened towards white. Decorative lines carry nothing.
NAV_SHADE = 0.8
NAV_BORDER_TINT = {"light": 0.3, "dark": 0.25}
SETTINGS = {"light": "WARTA_BRAND_COLOR", "dark": "WARTA_BRAND_COLOR_DARK"}
THEME_NAMES = {"light": "tema terang", "dark": "tema gelap"}


@dataclass(frozen=True)
class Palette:
    """The colours one theme draws its header with."""

    brand: str
    nav_bg: str
    nav_border: str


def palette(colour, theme="light"):
    brand = parse(colour)
    return Palette(brand, scale(brand, NAV_SHADE), mix(brand, "#ffffff", NAV_BORDER_TINT[theme]))


def pairs(colour, theme="light"):
    """Every (what, foreground, background, minimum) the header draws with ``colour``."""
    colours = palette(colour, theme)
    return [
        ("teks putih di atasnya (nama situs, nama pemerintah, tombol berwarna merek)",
         BRAND_TEXT, colours.brand, MINIMUM),
        ("teks putih di bilah menu, warna yang sama sedikit lebih gelap (tautan menu, tombol "
         "Menu, tautan Tampilan)", BRAND_TEXT, colours.nav_bg, MINIMUM),
        ("sorotan fokus kuning di sampingnya", FOCUS, colours.brand, FOCUS_MINIMUM),
    ]


def _text_ratio(colour, theme):
    """The lowest contrast of any text on ``colour``, and what that text is."""
    return min(((contrast(fg, bg), what) for what, fg, bg, minimum in pairs(colour, theme)
                if minimum == MINIMUM), key=lambda item: item[0])


def _passes(theme, ratio):
    def check(colour):
        return all(contrast(fg, bg) >= (ratio if minimum == MINIMUM else minimum)
                   for _, fg, bg, minimum in pairs(colour, theme))
    return check


def findings(settings):
    """Every problem with the brand colours in ``settings``, as Findings (errors stop the build,
    warnings are printed), each at the settings file's line that sets the colour."""
    found = []
    for theme, name in SETTINGS.items():
        value = settings.get(name)
        path, line = settings_file(settings), assignment_line(settings, name)
        try:
            colour = parse(value)
        except ColourError:
            found.append(Finding(
                path, line, RULE,
                f"{name} {value!r} bukan warna yang dapat dibaca",
                f'tulis warna sebagai #RRGGBB heksadesimal, misalnya {name} = '
                f'"{settings_default(name)}"'))
            continue
        for what, fg, bg, minimum in pairs(colour, theme):
            ratio = contrast(fg, bg)
            if ratio < minimum:
                found.append(_finding(path, line, name, value, theme, what, ratio, minimum, ERROR))
                break
        else:
            ratio, what = _text_ratio(colour, theme)
            if ratio < ENHANCED:
                found.append(_finding(path, line, name, value, theme, what, ratio, ENHANCED,
                                      WARNING))
    return found


def _finding(path, line, name, value, theme, what, ratio, minimum, severity):
    criterion = {MINIMUM: "WCAG 1.4.3", ENHANCED: "WCAG 1.4.6", FOCUS_MINIMUM: "WCAG 1.4.11"}[minimum]
    wanted = ENHANCED if severity == WARNING else MINIMUM
    better = nearest(value, _passes(theme, wanted))
    if severity == ERROR:
        message = (f"{name} {value!r} ({THEME_NAMES[theme]}) kurang kontras: {what} hanya "
                   f"{format_ratio(ratio)}, paling sedikit {format_ratio(minimum)} ({criterion})")
    else:
        message = (f"{name} {value!r} ({THEME_NAMES[theme]}) lulus {format_ratio(MINIMUM)}, "
                   f"tetapi {what} hanya {format_ratio(ratio)}: teks seukuran isi lebih mudah "
                   f"dibaca pada {format_ratio(ENHANCED)} ({criterion})")
    if better is None:
        fix = f"pilih warna lain untuk {name}"
    else:
        direction = "lebih gelap" if luminance(better) < luminance(parse(value)) else "lebih terang"
        shown = format_ratio(_text_ratio(better, theme)[0])
        fix = (f"warna terdekat yang lulus, dengan rona yang sama tetapi {direction}: "
               f'{name} = "{better}" ({shown})')
    return Finding(path, line, RULE, message, fix, severity)


def settings_default(name):
    from warta import settings  # noqa: PLC0415 - settings imports the library, not the reverse

    return settings.DEFAULTS[name]


def log_findings(settings, log):
    """Log each finding as the build collects them: an error stops it, a warning is printed."""
    for finding in findings(settings):
        error = ContentError.from_findings([finding])
        if finding.is_error:
            log.error("%s", error)
        else:
            log.warning("%s", error)


def stylesheet(settings):
    """The brand stylesheet's text, or None while a colour is unreadable (the build then fails
    on the finding above)."""
    try:
        themes = {theme: palette(settings.get(name), theme) for theme, name in SETTINGS.items()}
    except ColourError:
        return None
    lines = [
        "/* Written by the build from WARTA_BRAND_COLOR and WARTA_BRAND_COLOR_DARK in the",
        " * settings file, checked for contrast with the text on them (WCAG 1.4.3). warta.css's",
        " * themes choose between them; the high-contrast theme uses neither. */",
        ":root {",
    ]
    for theme, colours in themes.items():
        lines += [f"  --w-{theme}-brand: {colours.brand};",
                  f"  --w-{theme}-nav-bg: {colours.nav_bg};",
                  f"  --w-{theme}-nav-border: {colours.nav_border};"]
    return "\n".join([*lines, "}", ""])
