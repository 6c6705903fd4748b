"""A notice the mail server does not take is sent again, never lost: the extension
(UU 14/2008 Pasal 22 ayat 8) and the written answer (Pasal 22 ayat 7; Pasal 36 ayat 2) must
reach the requester. Mail goes to a real SMTP server (aiosmtpd on loopback); "down" is a loopback
port where nothing listens, as in test_eppid_mail.py. Time passing is a fixed clock given to
`manage.py eppid_surel_ulang`."""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from eppid.permohonan import models
from eppid.tests.conftest import free_port
from eppid.tests.helpers import PASSWORD, objection_data, officer, parts, request_data

SMTP = "django.core.mail.backends.smtp.EmailBackend"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
REASON = "Dokumen ada di arsip kecamatan."
FLAG = "Pemberitahuan belum sampai ke pemohon: hubungi lewat telepon/surat"


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.usefixtures("smtp_server")
class OutboxTests(TestCase):
    def setUp(self):
        self.up = override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                                    EMAIL_PORT=self.smtp_port)
        self.down = override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                                      EMAIL_PORT=free_port())
        with self.up:
            Client().post("/e-ppid/permohonan/", request_data())
        self.entry = models.InformationRequest.objects.get()
        self.smtp.messages.clear()  # the receipt
        officer("petugas-ulang")
        self.staff = Client()
        self.staff.login(username="petugas-ulang", password=PASSWORD)
        self.url = f"/e-ppid/petugas/permohonan/{self.entry.pk}/"

    def extend_while_down(self):
        with self.down:
            response = self.staff.post(self.url, {"action": "diperpanjang",
                                                  "extension_reason": REASON}, follow=True)
        self.assertEqual(response.status_code, 200)
        return response, models.Outbox.objects.get()

    def retry(self, moment, server=None):
        out = io.StringIO()
        with server or self.up, at(moment):
            call_command("eppid_surel_ulang", stdout=out)
        return out.getvalue()

    def history(self):
        return list(self.entry.events.filter(public=False).values_list("note", flat=True))

    def test_a_failed_extension_notice_is_queued_and_the_officer_sees_no_error_page(self):
        before = timezone.now()
        page, row = self.extend_while_down()
        self.assertContains(page, "belum terkirim lewat surel")
        self.assertEqual((row.request, row.objection), (self.entry, None))
        self.assertEqual((row.notice, row.action, row.attempts),
                         (models.Outbox.UPDATE, "diperpanjang", 1))
        self.assertEqual(row.last_error, "ConnectionRefusedError")
        self.assertIsNone(row.sent_at)
        self.assertGreaterEqual(row.next_attempt_at, before + timedelta(minutes=5))
        self.assertLessEqual(row.next_attempt_at, timezone.now() + timedelta(minutes=5))
        # Neither the address nor the mail is kept: only what names the notice.
        stored = " ".join(str(value) for value in models.Outbox.objects.values().get().values())
        self.assertNotIn("siti@contoh.example", stored)
        self.assertNotIn("Pasal 22", stored)
        self.assertTrue(any("gagal dikirim (ConnectionRefusedError)" in note
                            for note in self.history()))
        # The request's step stands: extended, and the citizen's history says so.
        self.entry.refresh_from_db()
        self.assertEqual(self.entry.status, "diperpanjang")
        self.assertEqual(self.smtp.messages, [])

    def test_the_queued_notice_is_sent_once_the_server_is_back_and_then_never_again(self):
        _, row = self.extend_while_down()
        output = self.retry(row.next_attempt_at)
        self.assertIn("1 pemberitahuan terkirim", output)
        [(recipients, message)] = self.smtp.messages
        body, _ = parts(message)
        self.assertEqual(recipients, ["siti@contoh.example"])
        self.assertIn(self.entry.number, message["Subject"])
        self.assertIn(REASON, body)
        self.assertIn("Pasal 22", body)
        row.refresh_from_db()
        self.assertIsNotNone(row.sent_at)
        self.assertEqual((row.attempts, row.note), (2, ""))
        self.assertIn("Pemberitahuan dikirim lewat surel pada percobaan ke-2.", self.history())
        self.retry(row.next_attempt_at + timedelta(days=1))
        self.assertEqual(len(self.smtp.messages), 1)
        self.assertNotContains(self.staff.get(self.url), "belum terkirim lewat surel")

    def test_a_queued_notice_is_not_sent_before_its_time(self):
        _, row = self.extend_while_down()
        self.assertIn("0 pemberitahuan terkirim", self.retry(row.next_attempt_at
                                                              - timedelta(seconds=30)))
        self.assertEqual(self.smtp.messages, [])
        row.refresh_from_db()
        self.assertEqual(row.attempts, 1)
        self.retry(row.next_attempt_at)
        self.assertEqual(len(self.smtp.messages), 1)

    def test_each_retry_waits_longer_and_is_logged_in_the_internal_history(self):
        _, row = self.extend_while_down()
        waits = [row.next_attempt_at - row.created_at]
        for _ in range(6):
            moment = row.next_attempt_at
            self.assertIn("1 dijadwalkan ulang", self.retry(moment, server=self.down))
            row.refresh_from_db()
            waits.append(row.next_attempt_at - moment)
        self.assertEqual(waits, [timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
                                 timedelta(hours=3), timedelta(hours=6), timedelta(hours=6),
                                 timedelta(hours=6)])
        self.assertEqual(row.attempts, 7)
        retries = [note for note in self.history() if note.startswith("Kirim ulang")]
        self.assertEqual(len(retries), 6)
        self.assertIn("percobaan ke-7, ConnectionRefusedError", retries[-1])
        # None of it is on the citizen's "Cek status".
        self.assertFalse(self.entry.events.filter(public=True, note__contains="surel").exists())

    def test_after_three_days_the_notice_is_given_up_and_the_officer_is_told_to_call(self):
        _, row = self.extend_while_down()
        bound = row.created_at + timedelta(days=3)
        for _ in range(50):
            row.refresh_from_db()
            if row.abandoned_at:
                break
            self.assertLessEqual(row.next_attempt_at, bound)
            self.retry(row.next_attempt_at, server=self.down)
        self.assertEqual(row.abandoned_at, bound)  # the last try is made at the bound itself
        self.assertLess(row.attempts, 20)
        self.assertTrue(self.history()[-1].startswith("Pemberitahuan belum sampai ke pemohon"))
        self.assertContains(self.staff.get(self.url), FLAG)
        listing = self.staff.get("/e-ppid/petugas/")
        self.assertContains(listing, FLAG, count=1)
        # Given up means given up: the server back a day later gets nothing.
        self.retry(bound + timedelta(days=1))
        self.assertEqual(self.smtp.messages, [])

    def test_a_failed_receipt_is_not_queued_and_the_access_code_is_stored_nowhere(self):
        with self.down:
            page = Client().post("/e-ppid/permohonan/", request_data(
                submission_token="token-permohonan-2"), follow=True)
        code = re.search(r'class="e-code">([A-Z0-9-]+)<', page.content.decode()).group(1)
        self.assertContains(page, "belum dapat kami kirim")
        self.assertContains(page, "tidak akan kami kirim ulang")
        self.assertContains(page, "Catat nomor register dan kode status di atas sekarang")
        self.assertFalse(models.Outbox.objects.exists())
        entry = models.InformationRequest.objects.get(submission_token="token-permohonan-2")
        self.assertTrue(entry.check_status_code(code))
        # Every row of every table, the session's included, and never the code in plain text.
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
                for row in cursor.fetchall():
                    self.assertNotIn(code, " ".join(map(str, row)), table)
                    self.assertNotIn(code.replace("-", ""), " ".join(map(str, row)), table)

    def test_the_purge_removes_the_outbox_rows_of_purged_entries(self):
        self.extend_while_down()
        recent = models.InformationRequest.register(**{
            k: v for k, v in request_data().items() if k not in ("website", "submission_token")},
            submission_token="baru", agency="ppid-utama")[0]
        with self.down:
            self.staff.post(f"/e-ppid/petugas/permohonan/{recent.pk}/",
                            {"action": "diperpanjang", "extension_reason": REASON})
        self.assertEqual(models.Outbox.objects.count(), 2)
        long_ago = timezone.localdate().replace(year=2020)
        models.InformationRequest.objects.filter(pk=self.entry.pk).update(
            received_on=long_ago, closed_on=long_ago, status=models.CLOSED)
        call_command("eppid_purge", stdout=io.StringIO())
        self.assertEqual(list(models.Outbox.objects.values_list("request", flat=True)),
                         [recent.pk])


@pytest.mark.usefixtures("smtp_server")
class ObjectionOutboxTests(TestCase):
    def setUp(self):
        self.up = override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                                    EMAIL_PORT=self.smtp_port)
        with self.up:
            Client().post("/e-ppid/keberatan/", objection_data())
        self.entry = models.Objection.objects.get()
        self.smtp.messages.clear()
        officer("atasan-ulang", role=models.ATASAN)
        self.atasan = Client()
        self.atasan.login(username="atasan-ulang", password=PASSWORD)
        self.url = f"/e-ppid/petugas/keberatan/{self.entry.pk}/"

    def test_a_failed_atasan_answer_is_sent_later_as_it_stands_then_with_its_document(self):
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                               EMAIL_PORT=free_port()):
            response = self.atasan.post(self.url, {
                "action": "ditanggapi", "response": "Keberatan diterima.",
                "response_file": SimpleUploadedFile("salinan.png", PNG, "image/png")})
        self.assertEqual(response.status_code, 302)
        self.entry.refresh_from_db()
        self.addCleanup(self.entry.response_file.delete, save=False)
        row = models.Outbox.objects.get()
        self.assertEqual((row.objection, row.notice), (self.entry, models.Outbox.OBJECTION_ANSWER))
        # The atasan corrects the answer before the retry: the citizen gets it as it is now.
        models.Objection.objects.filter(pk=self.entry.pk).update(
            response="Keberatan diterima; salinan terlampir.")
        with self.up, at(row.next_attempt_at):
            call_command("eppid_surel_ulang", stdout=io.StringIO())
        [(recipients, message)] = self.smtp.messages
        body, files = parts(message)
        self.assertEqual(recipients, ["siti@contoh.example"])
        self.assertIn("Keberatan diterima; salinan terlampir.", body)
        self.assertIn("Komisi Informasi", body)
        self.assertEqual(list(files.values()), [PNG])
        row.refresh_from_db()
        self.assertIsNotNone(row.sent_at)

    def test_a_given_up_atasan_answer_is_flagged_in_the_objection_register(self):
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                               EMAIL_PORT=free_port()):
            self.atasan.post(self.url, {"action": "ditanggapi", "response": "Ditolak."})
        models.Outbox.objects.update(created_at=timezone.now() - timedelta(days=3),
                                     next_attempt_at=timezone.now())
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                               EMAIL_PORT=free_port()):
            output = io.StringIO()
            call_command("eppid_surel_ulang", stdout=output)
        self.assertIn("1 tidak dicoba lagi", output.getvalue())
        self.assertContains(self.atasan.get(self.url), FLAG)
        self.assertContains(self.atasan.get("/e-ppid/petugas/"), FLAG, count=1)
