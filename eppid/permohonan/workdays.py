"""Working days (hari kerja) for the deadlines of UU 14/2008: Monday to Friday, less Indonesia's
national holidays and the cuti bersama of the joint decree (SKB) of three ministers, both from
the holidays package (categories "public" and "government"), and the city's own holidays, with
the library's estimated Islamic dates corrected where the government fixed another day.

Counting rule: the day a request is received is day 0; day 1 is the next working day. A request
received on a weekend or holiday is counted from the next working day as well, since no office
received it before then ("sejak diterimanya", Pasal 22 ayat 7).

A year after the last one the package lists cuti bersama for is unknown: counting across it
would give a deadline up to a week too early or too late, so the calendar refuses
(``UnknownYear``) unless the caller asks for the lenient count (``strict=False``), which leaves
out the unknown cuti bersama: its date is never later than the legal one.
"""

import datetime
import functools

import holidays

CATEGORIES = ("public", "government")


class CalendarError(ValueError):
    """A date the calendar cannot count to; the message is for officers, in Indonesian."""


class UnknownYear(CalendarError):
    def __init__(self, year):
        self.year = year
        super().__init__(
            f"Cuti bersama tahun {year} belum tercatat di kalender hari kerja, sehingga batas "
            f"waktu yang melewati tahun {year} tidak dapat dihitung. Perbarui paket holidays "
            f"atau isi EPPID_CUTI_BERSAMA untuk tahun {year} dari SKB tiga menteri.")


def government_holidays(year):
    """{date: name} of the year's cuti bersama in the package (the SKB of three ministers)."""
    return dict(_package(year, ("government",)))


def package_holidays(year):
    """{date: name} of the year's national holidays and cuti bersama, in Indonesian."""
    return dict(_package(year, CATEGORIES))


@functools.lru_cache(maxsize=64)
def _package(year, categories):
    return tuple(holidays.country_holidays("ID", categories=categories, years=year,
                                           language="id").items())


class WorkingCalendar:
    def __init__(self, cuti_bersama=None, local_holidays=None, corrections=None, strict=True):
        # Cuti bersama a city declares for a year the package does not list yet (a new SKB);
        # a year named here counts as known.
        self.cuti = {_date(day): name for day, name in (cuti_bersama or {}).items()}
        self.local = {_date(day): name for day, name in (local_holidays or {}).items()}
        self.corrections = {_date(k): (_date(v) if v else None)
                            for k, v in (corrections or {}).items()}
        self.strict = strict
        self._years = {}
        self._last = None

    def lenient(self):
        """The same calendar, counting an unknown year without its cuti bersama."""
        other = WorkingCalendar(strict=False)
        other.cuti, other.local, other.corrections = self.cuti, self.local, self.corrections
        other._years, other._last = self._years, self._last
        return other

    def known(self, year):
        """True up to the last year whose cuti bersama are known (listed by the package or
        declared in the settings). Cuti bersama began in 2002: earlier years had none."""
        return year <= self.last_known_year()

    def last_known_year(self):
        if self._last is None:
            def listed(year):
                return any(day.year == year for day in self.cuti) or bool(government_holidays(year))
            year = datetime.date.today().year + 1
            while year > 2002 and not listed(year):
                year -= 1
            while year < 9999 and listed(year + 1):
                year += 1
            self._last = year
        return self._last

    def national(self, year):
        """{date: name} of the year's national holidays and cuti bersama, corrections applied."""
        if year not in self._years:
            found = package_holidays(year)
            for estimated, actual in self.corrections.items():
                if estimated.year != year or estimated not in found:
                    continue
                name = found.pop(estimated).replace(" (perkiraan)", "")
                if actual is not None:
                    found[actual] = name
            found.update({day: name for day, name in self.cuti.items() if day.year == year})
            self._years[year] = found
        return self._years[year]

    def holiday_name(self, day):
        """Why ``day`` is not a working day, or None when it is one."""
        if self.strict and not self.known(day.year):
            raise UnknownYear(day.year)
        if day in self.local:
            return self.local[day]
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
            day = _next(day)
            if self.is_working_day(day):
                counted += 1
        return day

    def between(self, start, end):
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day = _next(day)
            if self.is_working_day(day):
                count += 1
        return count

    def skipped(self, start, end):
        """[(date, reason)] of the days off after ``start`` up to ``end``, for the receipt."""
        found, day = [], start
        while day < end:
            day = _next(day)
            name = self.holiday_name(day)
            if name and day.weekday() < 5:
                found.append((day, name))
        return found

    def missing_years(self, today):
        """The current and next year when their cuti bersama are not known, for the warnings."""
        return [year for year in (today.year, today.year + 1) if not self.known(year)]


def _next(day):
    # 31 December 9999 has no next day (OverflowError): say so instead of failing.
    if day == datetime.date.max:
        raise CalendarError("Tanggal melewati batas kalender (31 Desember 9999).")
    return day + datetime.timedelta(days=1)


def _date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def from_settings(settings):
    """The calendar a Django settings object describes (a new one per call: the package's
    years are cached per calendar, and settings change in tests)."""
    return WorkingCalendar(settings.EPPID_CUTI_BERSAMA, settings.EPPID_LOCAL_HOLIDAYS,
                           settings.EPPID_HOLIDAY_CORRECTIONS)
