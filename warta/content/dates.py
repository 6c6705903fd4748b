"""Dates written the Indonesian way, through Babel's locale data: "Senin, 29 April 2024, 09.30 WIB"."""

import datetime
import functools
import re
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

DEFAULT_LOCALE = "id"
LONG_FORMAT = "EEEE, d MMMM y"  # Senin, 29 April 2024
SHORT_FORMAT = "d MMMM y"  # 29 April 2024
TIME_FORMAT = "HH.mm"  # 09.30: Indonesian writes the time with a dot


def remembered(function):
    """Format each distinct date once per process.

    Babel takes ~50 µs a date and every list page shows ten, most of them shown many times over
    a build: ~1 s of a 2,000-article rebuild. The key is the date as written, with its
    offset and zone name: two aware datetimes for the same instant in different zones are equal
    in Python, but are not written the same.
    """
    cached = functools.lru_cache(maxsize=65536)(
        lambda key, value, locale: function(value, locale)
    )

    @functools.wraps(function)
    def format_once(value, locale=DEFAULT_LOCALE):
        tzinfo = getattr(value, "tzinfo", None)
        key = (type(value), str(value), tzinfo.tzname(value) if tzinfo else None)
        return cached(key, value, locale)

    return format_once


@remembered
def long_date(value, locale=DEFAULT_LOCALE):
    """Senin, 29 April 2024"""
    return format_date(value, LONG_FORMAT, locale=locale)


@remembered
def short_date(value, locale=DEFAULT_LOCALE):
    """29 April 2024"""
    return format_date(value, SHORT_FORMAT, locale=locale)


@remembered
def date_time(value, locale=DEFAULT_LOCALE):
    """Senin, 29 April 2024, 09.30 WIB (the zone's abbreviation comes from the date itself)."""
    text = format_datetime(value, f"{LONG_FORMAT}, {TIME_FORMAT}", locale=locale)
    zone = value.tzname() if value.tzinfo else None
    return f"{text} {ZONE_NAMES.get(zone, zone)}" if zone else text


@remembered
def time_of_day(value, locale=DEFAULT_LOCALE):
    """09.30 WIB: the end of an event that ends on the day it starts."""
    text = format_datetime(value, TIME_FORMAT, locale=locale)
    zone = value.tzname() if value.tzinfo else None
    return f"{text} {ZONE_NAMES.get(zone, zone)}" if zone else text


def iso_datetime(value):
    """The machine-readable value for <time datetime>, with the UTC offset."""
    return value.isoformat()


def build_date(settings):
    """The date a build is for: today in the portal's TIMEZONE, or WARTA_TODAY (an ISO date or a
    date; tests and the preview fix it). Current announcements, this week's agenda and PPID
    freshness are all measured against this one date, which the pages that depend on it state
    ("per Senin, 1 Desember 2026")."""
    value = settings.get("WARTA_TODAY") or settings.get("PPID_TODAY")
    if value is None:
        return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


# Indonesia's three zones by the names citizens use.
ZONE_NAMES = {"WIB": "WIB", "WITA": "WITA", "WIT": "WIT", "+07": "WIB", "+08": "WITA", "+09": "WIT"}


def filters(locale=DEFAULT_LOCALE):
    """The templates' date filters, by the names the theme uses, writing in ``locale``."""
    return {
        "tanggal": lambda value: long_date(value, locale),
        "tanggal_pendek": lambda value: short_date(value, locale),
        "tanggal_waktu": lambda value: date_time(value, locale),
        "tanggal_iso": iso_datetime,
        "jam": lambda value: time_of_day(value, locale),
    }


# --- Dates as editors write them in a file's header ------------------------------------------

# Dates and times as editors write them: 2026-12-05 or 2026-12-05 08:00 (the portal's zone).
WHEN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?$")
DATE_FIX = "tulis tanggal sebagai TTTT-BB-HH, misalnya `{key}: 2026-12-15`"
TIME_FIX = ("tulis tanggal dan jam sebagai TTTT-BB-HH JJ:MM, misalnya `{key}: 2026-12-05 08:00`, "
            "atau tanggal saja (TTTT-BB-HH) untuk acara sehari penuh")


def parse_date(value):
    """The date in ``value`` written TTTT-BB-HH, or None."""
    match = WHEN.match(str(value or "").strip())
    if not match or match.group(4) is not None:
        return None
    try:
        return datetime.date(*map(int, match.groups()[:3]))
    except ValueError:
        return None


def parse_when(value, timezone):
    """(datetime in ``timezone``, False) for TTTT-BB-HH JJ:MM, (date, True) for a whole day, or
    (None, None) when ``value`` cannot be read."""
    match = WHEN.match(str(value or "").strip())
    if not match:
        return None, None
    year, month, day, hour, minute = match.groups()
    try:
        if hour is None:
            return datetime.date(int(year), int(month), int(day)), True
        return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                                 tzinfo=ZoneInfo(timezone)), False
    except ValueError:
        return None, None


def day_of(value):
    """The calendar day of a date or of a datetime in its own zone."""
    return value.date() if isinstance(value, datetime.datetime) else value
