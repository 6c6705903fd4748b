"""ical: the agenda as iCalendar (RFC 5545), written with the icalendar library.

A citizen adds one event, or subscribes to the whole agenda, in any calendar app; a calendar
app that imports the same event twice must recognise it, so each event's UID is its slug at the
portal's host, and a rebuild of unchanged content writes the same bytes: DTSTAMP comes from the
event file (`Modified:`, else `Date:`, else its start), never from the build's clock.
"""

import datetime
from urllib.parse import urlparse

from icalendar import Calendar, Event

from warta.content.sections.base import plain

PRODID = "-//Warta//Agenda {name}//ID"


def uid_domain(settings):
    """The host in every UID: AGENDA_UID_DOMAIN, else SITEURL's host, else localhost."""
    return (settings.get("AGENDA_UID_DOMAIN") or urlparse(settings.get("SITEURL") or "").hostname
            or "localhost")


def calendar(settings, name):
    """An empty VCALENDAR with the two properties RFC 5545 requires, and its name."""
    cal = Calendar()
    cal.add("prodid", PRODID.format(name=plain(settings.get("SITENAME") or "Warta")))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def stamp(event):
    """When the event file was last written, in UTC: Modified, Date, or else its start."""
    value = getattr(event, "modified", None) or getattr(event, "date", None)
    if value is None:
        start = event.start
        value = start if isinstance(start, datetime.datetime) else datetime.datetime(
            start.year, start.month, start.day, tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc)


def vevent(event, settings, siteurl):
    """One VEVENT: times in the portal's zone (TZID, with its VTIMEZONE added by the calendar),
    or whole days with an exclusive DTEND as RFC 5545 counts them."""
    item = Event()
    item.add("uid", f"{event.slug}@{uid_domain(settings)}")
    item.add("dtstamp", stamp(event))
    item.add("dtstart", event.start)
    end = event.end + datetime.timedelta(days=1) if event.all_day else event.end
    item.add("dtend", end)
    item.add("summary", plain(event.title))
    item.add("location", event.place)
    description = [plain(event.summary or "")]
    if event.accessibility:
        description.append(f"Aksesibilitas: {event.accessibility}")
    description.append(f"Penyelenggara: {event.opd.full_name}")
    item.add("description", "\n\n".join(part for part in description if part))
    if siteurl:
        item.add("url", f"{siteurl.rstrip('/')}/{event.url}")
    return item


def event_calendar(events, settings, name):
    """The bytes of one .ics file holding ``events``."""
    cal = calendar(settings, name)
    siteurl = settings.get("SITEURL") or ""
    for event in events:
        cal.add_component(vevent(event, settings, siteurl))
    cal.add_missing_timezones()
    return cal.to_ical()
