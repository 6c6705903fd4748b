"""Working-day deadlines (UU 14/2008 Pasal 22 and 36) over weekends, holidays and the cuti
bersama of the joint decree (SKB) of three ministers, which come from the holidays package."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import call_command

from eppid.permohonan import workdays
from eppid.permohonan.workdays import CalendarError, UnknownYear, WorkingCalendar

D = datetime.date


def test_ten_working_days_skip_the_weekend():
    # Monday 2 November 2026: day 10 is Monday 16 November.
    assert WorkingCalendar().add(D(2026, 11, 2), 10) == D(2026, 11, 16)


def test_a_2026_deadline_across_christmas_skips_the_cuti_bersama_of_24_december():
    # The 2026 SKB lists 8 cuti bersama days, among them Thursday 24 December (Natal).
    # Received Monday 14 December: 15, 16, 17, 18, 21, 22, 23 are days 1-7; 24 (cuti bersama)
    # and 25 (Natal) are off; 28, 29, 30 are days 8-10.
    calendar = WorkingCalendar()
    assert calendar.add(D(2026, 12, 14), 10) == D(2026, 12, 30)
    assert calendar.skipped(D(2026, 12, 14), D(2026, 12, 30)) == [
        (D(2026, 12, 24), "Cuti Bersama Hari Raya Natal"), (D(2026, 12, 25), "Hari Raya Natal")]


def test_the_package_lists_the_2026_and_2027_cuti_bersama():
    assert len(workdays.government_holidays(2026)) == 8
    assert len(workdays.government_holidays(2027)) == 8


def test_a_request_before_idul_fitri_2027_skips_nyepi_lebaran_cuti_bersama_and_good_friday():
    calendar = WorkingCalendar()
    filed = D(2027, 3, 5)  # Friday before Nyepi (8 March) and Idul Fitri (10-11 March)
    due = calendar.add(filed, 10)
    # Cuti bersama 9, 12, 15 and 25 March (SKB 2027); 26 March is Good Friday.
    assert due == D(2027, 3, 31)
    assert calendar.add(due, 7) == D(2027, 4, 9)  # the one extension, Pasal 22 ayat (8)
    skipped = [day for day, _ in calendar.skipped(filed, due)]
    assert skipped == [D(2027, 3, 8), D(2027, 3, 9), D(2027, 3, 10), D(2027, 3, 11),
                       D(2027, 3, 12), D(2027, 3, 15), D(2027, 3, 25), D(2027, 3, 26)]


def test_a_correction_moves_an_estimated_islamic_holiday():
    plain = WorkingCalendar()
    assert not plain.is_working_day(D(2027, 3, 10))
    moved = WorkingCalendar(corrections={"2027-03-10": "2027-03-16"})
    assert moved.is_working_day(D(2027, 3, 10))
    assert not moved.is_working_day(D(2027, 3, 16))
    assert "perkiraan" not in moved.holiday_name(D(2027, 3, 16))


def test_local_holidays_are_not_working_days():
    calendar = WorkingCalendar(local_holidays={"2026-12-01": "Hari jadi Kota Contoh"})
    assert calendar.holiday_name(D(2026, 12, 1)) == "Hari jadi Kota Contoh"


def test_a_request_on_a_sunday_counts_from_monday():
    assert WorkingCalendar().add(D(2026, 11, 1), 1) == D(2026, 11, 2)


def test_working_days_between():
    calendar = WorkingCalendar()
    assert calendar.between(D(2026, 11, 2), D(2026, 11, 16)) == 10
    assert calendar.between(D(2026, 11, 16), D(2026, 11, 2)) == 0


def test_the_calendar_refuses_a_year_without_cuti_bersama_and_names_it():
    calendar = WorkingCalendar()
    last = calendar.last_known_year()
    with pytest.raises(UnknownYear) as refused:
        calendar.add(D(last, 12, 20), 10)
    assert refused.value.year == last + 1
    assert f"Cuti bersama tahun {last + 1} belum tercatat" in str(refused.value)
    # Years before the list (cuti bersama began in 2002) are counted as they were.
    assert calendar.add(D(1998, 6, 1), 10) == D(1998, 6, 15)


def test_a_city_can_declare_the_cuti_bersama_of_a_year_the_package_lacks():
    last = WorkingCalendar().last_known_year()
    declared = WorkingCalendar({f"{last + 1}-01-04": "Cuti bersama (SKB)"})
    assert declared.known(last + 1)
    assert declared.holiday_name(D(last + 1, 1, 4)) == "Cuti bersama (SKB)"


def test_the_lenient_count_of_an_unknown_year_is_never_later_than_a_known_count():
    calendar = WorkingCalendar()
    last = calendar.last_known_year()
    start = D(last + 1, 12, 14)
    due = calendar.lenient().add(start, 10)
    assert due <= WorkingCalendar({f"{last + 1}-12-24": "Cuti bersama"}).add(start, 10)


def test_the_last_day_of_the_calendar_is_a_clear_error_not_an_overflow():
    with pytest.raises(CalendarError):
        WorkingCalendar().add(D(9999, 12, 31), 30)
    with pytest.raises(CalendarError):
        WorkingCalendar().lenient().add(D(9999, 12, 31), 30)


@pytest.fixture
def no_cuti_bersama_in(monkeypatch):
    """The package as if it listed no cuti bersama for ``year`` and after."""
    def without(year):
        real = workdays.government_holidays
        monkeypatch.setattr(workdays, "government_holidays",
                            lambda y: {} if y >= year else real(y))
    return without


def check_on(day):
    out = io.StringIO()
    with mock.patch("django.utils.timezone.localdate", return_value=day):
        call_command("check", stdout=out, stderr=out)
    return out.getvalue()


def test_the_system_check_warns_when_next_years_cuti_bersama_are_missing(no_cuti_bersama_in):
    no_cuti_bersama_in(2027)
    text = check_on(D(2026, 6, 1))
    assert "eppid.W001" in text
    assert "Cuti bersama tahun 2027 belum tercatat" in text
    assert "tahun 2026 belum" not in text


def test_the_system_check_warns_for_a_year_far_ahead():
    assert "Cuti bersama tahun 2400 belum tercatat" in check_on(D(2400, 1, 1))


def test_the_system_check_is_quiet_when_both_years_are_known():
    assert "eppid.W001" not in check_on(D(2026, 6, 1))
