"""Working-day deadlines (UU 14/2008 Pasal 22 and 36) over weekends, holidays, cuti bersama."""

import datetime

from eppid.permohonan.workdays import WorkingCalendar

D = datetime.date


def test_ten_working_days_skip_the_weekend():
    # Monday 2 November 2026: day 10 is Monday 16 November.
    assert WorkingCalendar().add(D(2026, 11, 2), 10) == D(2026, 11, 16)


def test_a_request_before_idul_fitri_2027_skips_nyepi_lebaran_cuti_bersama_and_good_friday():
    calendar = WorkingCalendar({"2027-03-11": "Cuti bersama", "2027-03-12": "Cuti bersama"})
    filed = D(2027, 3, 5)  # Friday before Nyepi (8 March) and Idul Fitri (9-10 March)
    due = calendar.add(filed, 10)
    assert due == D(2027, 3, 29)  # 26 March is Good Friday
    assert calendar.add(due, 7) == D(2027, 4, 7)  # the one extension, Pasal 22 ayat (8)
    skipped = [day for day, _ in calendar.skipped(filed, due)]
    assert skipped == [D(2027, 3, 8), D(2027, 3, 9), D(2027, 3, 10), D(2027, 3, 11),
                       D(2027, 3, 12), D(2027, 3, 26)]


def test_a_correction_moves_an_estimated_islamic_holiday():
    plain = WorkingCalendar()
    assert not plain.is_working_day(D(2027, 3, 9))
    moved = WorkingCalendar(corrections={"2027-03-09": "2027-03-11"})
    assert moved.is_working_day(D(2027, 3, 9))
    assert not moved.is_working_day(D(2027, 3, 11))
    assert "perkiraan" not in moved.holiday_name(D(2027, 3, 11))


def test_local_holidays_are_not_working_days():
    calendar = WorkingCalendar(local_holidays={"2026-12-01": "Hari jadi Kota Contoh"})
    assert calendar.holiday_name(D(2026, 12, 1)) == "Hari jadi Kota Contoh"


def test_a_request_on_a_sunday_counts_from_monday():
    assert WorkingCalendar().add(D(2026, 11, 1), 1) == D(2026, 11, 2)


def test_working_days_between():
    calendar = WorkingCalendar()
    assert calendar.between(D(2026, 11, 2), D(2026, 11, 16)) == 10
    assert calendar.between(D(2026, 11, 16), D(2026, 11, 2)) == 0
