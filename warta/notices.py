"""notices: announcements (pengumuman) and the agenda, the two sections whose pages change with
the date a build is for.

An announcement is current until its `Berlaku_sampai:` date (inclusive) and then moves to the
archive; an event is upcoming until the day it ends. Both are measured against one date,
warta.dates.build_date, never the clock, so a build for a given date always says the same, and
the pages that depend on it state that date. Their fields are checked here with their lines.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from warta.fields import header_lines

# Dates and times as editors write them: 2026-12-05 or 2026-12-05 08:00 (the portal's zone).
WHEN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?$")
DATE_FIX = "tulis tanggal sebagai TTTT-BB-HH, misalnya `{key}: 2026-12-15`"
TIME_FIX = ("tulis tanggal dan jam sebagai TTTT-BB-HH JJ:MM, misalnya `{key}: 2026-12-05 08:00`, "
            "atau tanggal saja (TTTT-BB-HH) untuk acara sehari penuh")
ATTACHMENT_EXAMPLE = "Lampiran: {folder}/lampiran/nama-berkas.pdf | Judul berkas"
# Days the home page's "this week" covers, build date included.
WEEK_DAYS = 7


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


def is_current(announcement, today):
    """An announcement is current through its Berlaku_sampai day, or forever without one."""
    return announcement.valid_until is None or announcement.valid_until >= today


def is_upcoming(event, today):
    """An event is upcoming until the day it ends has passed."""
    return day_of(event.end) >= today


def in_week(event, today, days=WEEK_DAYS):
    """The event overlaps the ``days`` days starting at ``today``."""
    last = today + datetime.timedelta(days=days - 1)
    return day_of(event.start) <= last and day_of(event.end) >= today


def attachments(check, meta, content_root, settings, default_label, folder):
    """The `Lampiran:` files of an announcement or event (its section's content ``folder``),
    measured and PDFs checked; problems go to ``check`` under `lampiran-berkas`, or the PDF
    rule that refused the file."""
    entries = meta.get("lampiran") or []
    if isinstance(entries, str):
        entries = [entries]
    lines = header_lines(check.text, "lampiran") + [None] * len(entries)
    # lines is padded to be long enough
    return check.attachments(
        list(zip(lines, entries, strict=False)), content_root, settings,
        setting="NOTICE_ATTACHMENT_FORMATS", example=ATTACHMENT_EXAMPLE.format(folder=folder),
        rule="lampiran-berkas", title=default_label)
