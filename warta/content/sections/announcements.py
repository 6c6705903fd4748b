"""Announcements (pengumuman): what makes one current.

An announcement is current until its `Berlaku_sampai:` date (inclusive) and then moves to the
archive, keeping its page and its address, so links in letters and chat messages keep working.
"Current" is measured against one date, warta.content.dates.build_date, never the clock: a build
for a given date always says the same, and the pages that depend on it state that date.
"""


def is_current(announcement, today):
    """An announcement is current through its Berlaku_sampai day, or forever without one."""
    return announcement.valid_until is None or announcement.valid_until >= today
