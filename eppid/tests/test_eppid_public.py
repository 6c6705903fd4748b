"""The citizens' forms, receipt and "Cek status" on SQLite, with the bad inputs."""

import logging
import re
import sqlite3
import unittest
from unittest import mock

from django.db import OperationalError, connection
from django.test import Client, TestCase, TransactionTestCase, override_settings

from eppid.permohonan import models
from eppid.tests.helpers import objection_data, request_data

FORM = "/e-ppid/permohonan/"
OBJECTION = "/e-ppid/keberatan/"
STATUS = "/e-ppid/cek-status/"


def receipt_code(response):
    return re.search(r'class="e-code">([A-Z0-9-]+)<', response.content.decode()).group(1)


class RequestFormTests(TestCase):
    def test_a_valid_request_gets_a_number_a_due_date_and_a_status_code(self):
        response = self.client.post(FORM, request_data(), follow=True)
        self.assertEqual(response.status_code, 200)
        entry = models.InformationRequest.objects.get()
        self.assertRegex(entry.number, r"^\d{4}/PPID/00001$")
        self.assertEqual(entry.due_on, models.calendar().add(entry.received_on, 10))
        page = response.content.decode()
        self.assertIn(entry.number, page)
        self.assertTrue(entry.check_status_code(receipt_code(response)))
        self.assertNotIn(receipt_code(response), entry.status_code_hash)

    def test_numbers_follow_each_other(self):
        self.client.post(FORM, request_data())
        self.client.post(FORM, request_data(submission_token="lain"))
        numbers = list(models.InformationRequest.objects.values_list("number", flat=True))
        self.assertEqual([n[-5:] for n in numbers], ["00001", "00002"])

    def test_a_double_submit_stores_one_request(self):
        first = self.client.post(FORM, request_data())
        second = self.client.post(FORM, request_data())
        self.assertEqual(first["Location"], second["Location"])
        self.assertEqual(models.InformationRequest.objects.count(), 1)

    def assert_field_error(self, data, field, message):
        response = self.client.post(FORM, data)
        self.assertEqual(response.status_code, 400)
        page = response.content.decode()
        self.assertIn(f'href="#id_{field}', page)  # the summary links to the field
        self.assertIn(f'id="id_{field}-galat"', page)  # the message beside it
        self.assertIn(message, page)
        self.assertEqual(models.InformationRequest.objects.count(), 0)

    def test_empty_form(self):
        response = self.client.post(FORM, {"submission_token": "x"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Masukkan nama lengkap Anda", response.content.decode())
        self.assertEqual(models.InformationRequest.objects.count(), 0)

    def test_nik_of_the_wrong_length(self):
        self.assert_field_error(request_data(id_number="12345"), "id_number",
                                "NIK harus 16 angka")

    def test_nik_with_letters(self):
        self.assert_field_error(request_data(id_number="32012345678901AB"), "id_number",
                                "NIK harus 16 angka")

    def test_invalid_email(self):
        self.assert_field_error(request_data(email="siti@"), "email",
                                "Masukkan alamat surel yang benar")

    def test_a_100000_character_request(self):
        self.assert_field_error(request_data(information="a" * 100_000), "information",
                                "paling banyak 5.000 karakter (sekarang 100.000)")

    def test_a_legal_entity_gives_its_number(self):
        self.client.post(FORM, request_data(requester_type="badan_hukum",
                                            id_number="AHU-0012345.AH.01.07"))
        self.assertEqual(models.InformationRequest.objects.count(), 1)

    def test_the_honeypot_stores_nothing(self):
        response = self.client.post(FORM, request_data(website="http://spam.example"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(models.InformationRequest.objects.count(), 0)

    def test_the_form_has_autocomplete_and_no_inline_script_or_style(self):
        page = self.client.get(FORM).content.decode()
        for token in ('autocomplete="name"', 'autocomplete="email"', 'autocomplete="tel"',
                      'autocomplete="street-address"'):
            self.assertIn(token, page)
        self.assertNotIn("style=", page)
        self.assertNotRegex(page, r"<script(?![^>]*src=)")

    @override_settings(EPPID_RATE_LIMITS={**models.settings.EPPID_RATE_LIMITS,
                                          "permohonan": (2, 3600)})
    def test_filing_is_rate_limited(self):
        for n in range(2):
            self.client.post(FORM, request_data(submission_token=f"t{n}"))
        response = self.client.post(FORM, request_data(submission_token="t9"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(models.InformationRequest.objects.count(), 2)

    def test_a_locked_database_gives_the_try_again_page_and_stores_nothing(self):
        with mock.patch.object(models.InformationRequest, "next_number",
                               side_effect=OperationalError("database is locked")):
            response = self.client.post(FORM, request_data())
        self.assertEqual(response.status_code, 503)
        self.assertIn("belum tersimpan", response.content.decode())
        self.assertEqual(models.InformationRequest.objects.count(), 0)
        self.assertEqual(models.Event.objects.count(), 0)


class CsrfTests(TestCase):
    def test_every_form_refuses_a_post_without_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        for path, data in ((FORM, request_data()), (OBJECTION, objection_data()),
                           (STATUS, {"number": "x", "code": "y"}),
                           ("/e-ppid/petugas/masuk/", {"username": "a", "password": "b"})):
            response = client.post(path, data)
            self.assertEqual(response.status_code, 403, path)
        self.assertEqual(models.InformationRequest.objects.count(), 0)
        self.assertEqual(models.Objection.objects.count(), 0)


class StatusTests(TestCase):
    def setUp(self):
        response = self.client.post(FORM, request_data(), follow=True)
        self.code = receipt_code(response)
        self.number = models.InformationRequest.objects.get().number

    def test_the_right_code_shows_the_history(self):
        response = Client().post(STATUS, {"number": self.number, "code": self.code})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Diterima dan dicatat dalam register.", response.content.decode())

    def test_a_wrong_code_looks_exactly_like_an_unknown_number(self):
        wrong = Client().post(STATUS, {"number": self.number, "code": "AAAA-AAAA-AAAA"})
        unknown = Client().post(STATUS, {"number": "1999/PPID/99999", "code": "AAAA-AAAA-AAAA"})
        self.assertEqual(wrong.status_code, unknown.status_code)

        def page(response, number):
            text = response.content.decode().replace(number, "N")
            return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)

        self.assertEqual(page(wrong, self.number), page(unknown, "1999/PPID/99999"))
        self.assertNotIn("Siti", wrong.content.decode())

    def test_the_status_form_is_a_post_and_the_code_never_in_a_url(self):
        page = self.client.get(STATUS).content.decode()
        self.assertIn('method="post"', page)
        self.assertNotIn(self.code, page)

    @override_settings(EPPID_RATE_LIMITS={**models.settings.EPPID_RATE_LIMITS,
                                          "status": (3, 600)})
    def test_status_checks_are_rate_limited(self):
        client = Client()
        for _ in range(3):
            client.post(STATUS, {"number": self.number, "code": "AAAA-AAAA-AAAA"})
        response = client.post(STATUS, {"number": self.number, "code": self.code})
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("Riwayat", response.content.decode())


class ObjectionTests(TestCase):
    def test_a_late_objection_is_stored_flagged_and_explained(self):
        self.client.post(FORM, request_data())
        models.InformationRequest.objects.update(received_on="2025-01-02")
        number = models.InformationRequest.objects.get().number
        response = self.client.post(OBJECTION, objection_data(
            reason="a", request_number=number, reason_arose_on="2025-01-06"), follow=True)
        entry = models.Objection.objects.get()
        self.assertTrue(entry.late)
        self.assertIn("lebih dari 30 hari kerja", response.content.decode())

    def test_reason_b_needs_no_request(self):
        self.client.post(OBJECTION, objection_data(reason="b"))
        entry = models.Objection.objects.get()
        self.assertFalse(entry.unknown_request)
        self.assertFalse(entry.late)
        self.assertEqual(entry.due_on, models.calendar().add(entry.received_on, 30))


# SQLite's own lock; the PostgreSQL rerun of this file (test_eppid_postgres.py) has no such file.
@unittest.skipUnless(connection.vendor == "sqlite", "penguncian berkas SQLite")
class RealLockTests(TransactionTestCase):
    def test_a_database_locked_by_another_process_gives_the_try_again_page(self):
        # Another writer holds SQLite's exclusive lock past the 1 s timeout (settings_test).
        holder = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            response = Client().post(FORM, request_data())
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        self.assertEqual(response.status_code, 503)
        self.assertIn("Coba lagi", response.content.decode())
        self.assertEqual(models.InformationRequest.objects.count(), 0)


class LogTests(TestCase):
    @override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                       EMAIL_HOST="127.0.0.1", EMAIL_PORT=1)
    def test_no_personal_data_reaches_the_logs(self):
        with self.assertLogs(level="DEBUG") as captured:
            logging.getLogger("eppid").info("penanda")  # the capture itself works
            self.client.post(FORM, request_data(), follow=True)  # the mail fails and is logged
            self.client.post(FORM, request_data(submission_token="x", id_number="1"))
        text = "\n".join(captured.output)
        for personal in ("Siti", "3201234567890123", "siti@contoh.example", "Melati",
                         "0812", "skripsi", "Laporan realisasi"):
            self.assertNotIn(personal, text)
        self.assertIn("tidak terkirim", text)
