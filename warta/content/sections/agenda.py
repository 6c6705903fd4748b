"""The agenda: which events are upcoming, and which fall in the home page's week.

An event is upcoming until the day it ends has passed, measured against one date,
warta.content.dates.build_date, never the clock: a build for a given date always says the same.
"""

import datetime

from warta.content.dates import day_of

# Days the home page's "this week" covers, build date included.
WEEK_DAYS = 7


def is_upcoming(event, today):
    """An event is upcoming until the day it ends has passed."""
    return day_of(event.end) >= today


def in_week(event, today, days=WEEK_DAYS):
    """The event overlaps the ``days`` days starting at ``today``."""
    last = today + datetime.timedelta(days=days - 1)
    return day_of(event.start) <= last and day_of(event.end) >= today
