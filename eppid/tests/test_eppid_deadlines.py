"""The law's clock holds (UU 14/2008 Pasal 22 ayat 7-8, Pasal 36): an extension only within the
first 10 working days, deadlines that never move back, cuti bersama from the holidays package, and
a calendar that says which year it lacks instead of guessing or failing."""

import datetime
import logging
from unittest import mock
from zoneinfo import ZoneInfo

from django.test import Client, TestCase

from eppid.permohonan import exports, models, workdays
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return mock.patch("django.utils.timezone.now",
                      return_value=datetime.datetime(*args, tzinfo=WIB))


class no_cuti_bersama_from:  # noqa: N801 - used as a context manager, like mock.patch
    """The package as if its list of cuti bersama ended the year before ``year``."""

    def __init__(self, year):
        government, every = workdays.government_holidays, workdays.package_holidays

        def public_only(y):
            found = every(y)
            return {d: n for d, n in found.items() if d not in government(y)} if y >= year \
                else found

        self.patches = [
            mock.patch.object(workdays, "government_holidays",
                              lambda y: {} if y >= year else government(y)),
            mock.patch.object(workdays, "package_holidays", public_only)]

    def __enter__(self):
        for patch in self.patches:
            patch.start()

    def __exit__(self, *exc):
        for patch in self.patches:
            patch.stop()


class ExtensionTests(TestCase):
    def setUp(self):
        # Filed Thursday 1 October 2026: day 10 is Thursday 15 October.
        with at(2026, 10, 1, 9, 0):
            Client().post("/e-ppid/permohonan/", request_data())
        self.entry = models.InformationRequest.objects.get()
        self.assertEqual(self.entry.due_on, datetime.date(2026, 10, 15))
        officer("petugas")
        self.staff = Client()
        self.url = f"/e-ppid/petugas/permohonan/{self.entry.pk}/"

    def extend(self, *when):
        with at(*when):
            self.staff.login(username="petugas", password=PASSWORD)
            return self.staff.post(self.url, {"action": "diperpanjang",
                                              "extension_reason": "Arsip di kecamatan."})

    def test_an_extension_after_the_tenth_working_day_is_refused_and_the_request_stays_late(self):
        before = exports.statistics_data(datetime.date(2026, 12, 6))
        response = self.extend(2026, 12, 6, 10, 0)
        self.assertEqual(response.status_code, 400)
        page = response.content.decode()
        self.assertIn("pemberitahuan perpanjangan hanya dapat diberikan dalam 10 hari kerja",
                      page)
        self.assertIn("Kamis, 15 Oktober 2026", page)
        self.entry.refresh_from_db()
        self.assertIsNone(self.entry.extended_due_on)
        self.assertEqual(self.entry.status, "diterima")
        self.assertTrue(self.entry.is_overdue(datetime.date(2026, 12, 6)))
        self.assertEqual(exports.statistics_data(datetime.date(2026, 12, 6)), before)
        self.assertEqual(before["bulanan"][0]["terlambat"], 1)
        self.assertFalse(self.entry.events.filter(status="diperpanjang").exists())

    def test_an_extension_on_the_tenth_working_day_is_accepted_and_moves_the_date_forward(self):
        response = self.extend(2026, 10, 15, 16, 0)
        self.assertEqual(response.status_code, 302)
        self.entry.refresh_from_db()
        # 7 working days after 15 October: 16, 19, 20, 21, 22, 23, 26.
        self.assertEqual(self.entry.extended_due_on, datetime.date(2026, 10, 26))
        self.assertFalse(self.entry.is_overdue(datetime.date(2026, 10, 26)))

    def test_the_day_after_the_tenth_working_day_is_too_late(self):
        self.assertEqual(self.extend(2026, 10, 16, 8, 0).status_code, 400)


class UnknownYearTests(TestCase):
    def test_an_extension_into_a_year_without_cuti_bersama_is_refused_with_the_year(self):
        with at(2027, 12, 14, 9, 0):
            Client().post("/e-ppid/permohonan/", request_data())
        entry = models.InformationRequest.objects.get()
        officer("petugas")
        staff = Client()
        with no_cuti_bersama_from(2028), at(2027, 12, 20, 9, 0), \
                self.assertLogs("eppid", logging.ERROR) as logged:
            staff.login(username="petugas", password=PASSWORD)
            response = staff.post(f"/e-ppid/petugas/permohonan/{entry.pk}/",
                                  {"action": "diperpanjang", "extension_reason": "Arsip."})
            dashboard = staff.get("/e-ppid/petugas/").content.decode()
        self.assertEqual(response.status_code, 400)
        self.assertIn("Cuti bersama tahun 2028 belum tercatat", response.content.decode())
        self.assertIn("tahun 2028", logged.output[0])
        entry.refresh_from_db()
        self.assertIsNone(entry.extended_due_on)
        self.assertIn("Cuti bersama tahun 2028 belum tercatat di kalender hari kerja", dashboard)

    def test_a_citizen_filing_in_an_unknown_year_gets_an_honest_due_date_not_an_error(self):
        with no_cuti_bersama_from(2027), at(2027, 12, 14, 9, 0), \
                self.assertLogs("eppid", logging.ERROR):
            response = Client().post("/e-ppid/permohonan/", request_data(), follow=True)
        self.assertEqual(response.status_code, 200)
        entry = models.InformationRequest.objects.get()
        # Counted without the 2027 cuti bersama (24 December): never later than the law's date.
        self.assertEqual(entry.due_on, datetime.date(2027, 12, 28))
        self.assertLessEqual(entry.due_on, workdays.WorkingCalendar().add(entry.received_on, 10))
        page = response.content.decode()
        self.assertIn("Cuti bersama tahun 2027 belum tercatat di layanan ini", page)
        self.assertIn("tidak lebih lambat dari batas waktu menurut undang-undang", page)

    def test_an_objection_dated_31_december_9999_is_not_a_server_error(self):
        response = Client().post("/e-ppid/keberatan/", objection_data(
            reason_arose_on="9999-12-31"))
        self.assertLess(response.status_code, 500)
        for objection in models.Objection.objects.all():
            self.assertFalse(objection.late)

    def test_the_calendar_error_itself_is_logged_not_raised_for_a_past_window(self):
        # A reason date whose 30-day window ends in a year the calendar lacks: stored, not late.
        with no_cuti_bersama_from(2027), at(2027, 1, 20, 9, 0), \
                self.assertLogs("eppid", logging.ERROR):
            response = Client().post("/e-ppid/keberatan/", objection_data(
                reason_arose_on="2026-12-28"))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(models.Objection.objects.get().late)
