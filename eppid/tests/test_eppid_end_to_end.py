"""One request walked end to end, filed just before Nyepi and Idul Fitri 2027: the form, the
receipt e-mail, the officer's extension, the answer, and the citizen's status check, with the
due dates in working days. The clock is fixed, never read."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.test import Client, TestCase, override_settings

from eppid.permohonan import exports, models
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data
from eppid.tests.test_eppid_mail import SMTP

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return mock.patch("django.utils.timezone.now",
                      return_value=datetime.datetime(*args, tzinfo=WIB))


@pytest.mark.usefixtures("smtp_server")
class EndToEndTests(TestCase):
    def test_a_request_filed_before_idul_fitri_2027(self):
        citizen = Client()
        with at(2027, 3, 5, 10, 0), override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                                                     EMAIL_PORT=self.smtp_port):
            receipt = citizen.post("/e-ppid/permohonan/", request_data(), follow=True)
        entry = models.InformationRequest.objects.get()
        self.assertEqual(entry.number, "2027/PPID/00001")
        # Day 0 is Friday 5 March; Nyepi (8), Idul Fitri (10, 11, estimated), the SKB's cuti
        # bersama (9, 12, 15, 25, from the holidays package) and Good Friday (26) are not
        # working days: day 10 is Wednesday 31 March.
        self.assertEqual(entry.due_on, datetime.date(2027, 3, 31))
        page = receipt.content.decode()
        self.assertIn("Rabu, 31 Maret 2027", page)
        self.assertIn("Cuti Bersama Hari Raya Idul Fitri", page)
        self.assertIn("Hari Suci Nyepi", page)
        code = re.search(r'class="e-code">([A-Z0-9-]+)<', page).group(1)
        [(_, message)] = self.smtp.messages
        body = message.get_payload(decode=True).decode()
        self.assertIn("Dijawab paling lambat: Rabu, 31 Maret 2027", body)
        self.assertIn(code, body)

        officer("petugas")
        staff = Client()
        url = f"/e-ppid/petugas/permohonan/{entry.pk}/"
        with at(2027, 3, 22, 9, 0):  # logged in that day: a session lasts two weeks
            staff.login(username="petugas", password=PASSWORD)
            staff.post(url, {"action": "diperpanjang",
                             "extension_reason": "Dokumen harus diambil dari arsip kecamatan."})
        entry.refresh_from_db()
        # Pasal 22 ayat (8): 7 working days more, counted from the first due date.
        self.assertEqual(entry.extended_due_on, datetime.date(2027, 4, 9))
        with at(2027, 4, 5, 14, 0):
            staff.login(username="petugas", password=PASSWORD)
            staff.post(url, {"action": "dikabulkan_sebagian", "answer": "Terlampir sebagian.",
                             "legal_basis": "UU 14/2008 Pasal 17 huruf h (data pribadi)",
                             "information_form": "Softcopy PDF", "cost": "Rp0"})
        entry.refresh_from_db()
        self.assertEqual(entry.working_days_to_answer(), 13)
        self.assertFalse(entry.is_overdue(datetime.date(2027, 4, 6)))

        with at(2027, 4, 6, 8, 0):
            status = Client().post("/e-ppid/cek-status/", {"number": entry.number, "code": code})
        text = status.content.decode()
        self.assertIn("Dikabulkan sebagian", text)
        self.assertIn("Jumat, 9 April 2027", text)
        self.assertIn("Dokumen harus diambil dari arsip kecamatan.", text)
        self.assertIn("UU 14/2008 Pasal 17 huruf h", text)

        stats = exports.statistics_data(datetime.date(2027, 4, 6))
        self.assertEqual(stats["bulanan"][0]["bulan"], "2027-03")
        self.assertEqual(stats["bulanan"][0]["median_hari_kerja"], 13)
        self.assertEqual(stats["bulanan"][0]["terlambat"], 0)

        # An objection 30 working days after the answer is in time; one day later it is late.
        last_day = models.calendar().add(datetime.date(2027, 4, 5), 30)
        for day, late in ((last_day, False), (last_day + datetime.timedelta(days=1), True)):
            while not models.calendar().is_working_day(day):
                day += datetime.timedelta(days=1)
            with at(day.year, day.month, day.day, 9, 0):
                Client().post("/e-ppid/keberatan/", objection_data(
                    submission_token=f"k{day}", reason="a", request_number=entry.number))
            self.assertEqual(models.Objection.objects.latest("pk").late, late, day)
