"""Working days (hari kerja) for the deadlines of UU 14/2008: Monday to Friday, less Indonesia's
national holidays (the holidays package), the year's cuti bersama and the city's own holidays,
with the library's estimated Islamic dates corrected where the government fixed another day.

Counting rule: the day a request is received is day 0; day 1 is the next working day. A request
received on a weekend or holiday is counted from the next working day as well, since no office
received it before then ("sejak diterimanya", Pasal 22 ayat 7).
"""

import datetime
import functools

import holidays


class WorkingCalendar:
    def __init__(self, cuti_bersama=None, local_holidays=None, corrections=None):
        self.extra = {}
        for source in (cuti_bersama or {}, local_holidays or {}):
            for day, name in source.items():
                self.extra[_date(day)] = name
        self.corrections = {_date(k): (_date(v) if v else None)
                            for k, v in (corrections or {}).items()}

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one calendar per settings, few years
    def national(self, year):
        """{date: name} of the year's national holidays, in Indonesian, corrections applied."""
        found = dict(holidays.country_holidays("ID", years=year, language="id").items())
        for estimated, actual in self.corrections.items():
            if estimated.year != year or estimated not in found:
                continue
            name = found.pop(estimated).replace(" (perkiraan)", "")
            if actual is not None:
                found[actual] = name
        return found

    def holiday_name(self, day):
        """Why ``day`` is not a working day, or None when it is one."""
        if day in self.extra:
            return self.extra[day]
        name = self.national(day.year).get(day)
        if name:
            return name
        if day.weekday() >= 5:
            return "Sabtu" if day.weekday() == 5 else "Minggu"
        return None

    def is_working_day(self, day):
        return self.holiday_name(day) is None

    def add(self, start, days):
        """The date ``days`` working days after ``start`` (day 0, whatever kind of day it is)."""
        day = start
        counted = 0
        while counted < days:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def between(self, start, end):
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def skipped(self, start, end):
        """[(date, reason)] of the days off after ``start`` up to ``end``, for the receipt."""
        found, day = [], start
        while day < end:
            day += datetime.timedelta(days=1)
            name = self.holiday_name(day)
            if name and day.weekday() < 5:
                found.append((day, name))
        return found


def _date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def from_settings(settings):
    """The calendar a Django settings object describes."""
    return _calendar(
        tuple(sorted(settings.EPPID_CUTI_BERSAMA.items())),
        tuple(sorted(settings.EPPID_LOCAL_HOLIDAYS.items())),
        tuple(sorted(settings.EPPID_HOLIDAY_CORRECTIONS.items())),
    )


@functools.lru_cache(maxsize=8)
def _calendar(cuti, local, corrections):
    return WorkingCalendar(dict(cuti), dict(local), dict(corrections))
