"""The purge after the retention period (UU 27/2022 Pasal 16 ayat 2) and the officer command
that refuses a weak password without leaving an account behind."""

import io
import os
from pathlib import Path
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data

PDF = b"%PDF-1.4\n%%EOF\n"
LONG_AGO = timezone.localdate().replace(year=2020)


def age(model, entry):
    model.objects.filter(pk=entry.pk).update(received_on=LONG_AGO, closed_on=LONG_AGO,
                                             status=models.CLOSED)


@override_settings(EPPID_ID_UPLOAD=True)
class PurgeTests(TestCase):
    def setUp(self):
        text = "Saya Siti Aminah, NIK 3201234567890123, minta laporan anggaran."
        Client().post("/e-ppid/permohonan/", {
            **request_data(information=text, purpose="Untuk Siti Aminah sendiri."),
            "id_document": SimpleUploadedFile("ktp.pdf", PDF)})
        self.old = models.InformationRequest.objects.get()
        officer("petugas")
        staff = Client()
        staff.login(username="petugas", password=PASSWORD)
        staff.post(f"/e-ppid/petugas/permohonan/{self.old.pk}/", {
            "action": "dikabulkan_sebagian", "answer": "Ibu Siti Aminah, terlampir.",
            "legal_basis": "UU 14/2008 Pasal 17 huruf h", "cost": "Rp0",
            "answer_file": SimpleUploadedFile("jawaban.pdf", PDF), "note": "NIK dicek."})
        self.old.refresh_from_db()
        self.files = [Path(self.old.id_document.path), Path(self.old.answer_file.path)]
        Client().post("/e-ppid/keberatan/", objection_data(
            reason="b", description="Saya Siti Aminah (NIK 3201234567890123) keberatan."))
        self.objection = models.Objection.objects.get()
        self.recent = models.InformationRequest.register(**{
            k: v for k, v in request_data().items()
            if k not in ("website", "submission_token")}, submission_token="baru",
            agency="ppid-utama")[0]
        age(models.InformationRequest, self.old)
        age(models.Objection, self.objection)

    def test_free_text_documents_and_history_text_go_after_the_retention_period(self):
        call_command("eppid_purge", stdout=io.StringIO())
        self.old.refresh_from_db()
        for name in ("name", "id_number", "address", "phone", "information", "purpose",
                     "answer", "notes"):
            self.assertEqual(getattr(self.old, name), models.PSEUDONYM, name)
        self.assertEqual(self.old.email, "")
        self.assertFalse(self.old.id_document)
        self.assertFalse(self.old.answer_file)
        for path in self.files:
            self.assertFalse(path.exists(), path)
        self.assertEqual(set(self.old.events.values_list("note", flat=True)), {models.PSEUDONYM})
        self.objection.refresh_from_db()
        self.assertEqual(self.objection.description, models.PSEUDONYM)
        self.assertNotIn("3201234567890123", str(list(models.Event.objects.values())))

    def test_the_register_record_and_the_statistics_survive(self):
        call_command("eppid_purge", stdout=io.StringIO())
        self.old.refresh_from_db()
        self.assertRegex(self.old.number, r"^\d{4}/PPID/00001$")
        self.assertEqual(self.old.received_on, LONG_AGO)
        self.assertEqual(self.old.requester_type, "perorangan")
        self.assertEqual(self.old.legal_basis, "UU 14/2008 Pasal 17 huruf h")
        self.assertEqual(self.old.cost, "Rp0")
        self.assertEqual(list(self.old.events.filter(public=True).values_list("status", flat=True)),
                         ["diterima", "dikabulkan_sebagian"])
        # The entry inside its retention period is untouched.
        self.recent.refresh_from_db()
        self.assertEqual(self.recent.name, "Siti Aminah")
        self.assertIn("Laporan realisasi", self.recent.information)


class OfficerCommandTests(TestCase):
    def run_command(self, password, username="petugas-baru"):
        with mock.patch.dict(os.environ, {"EPPID_OFFICER_PASSWORD": password}):
            call_command("eppid_petugas", username, "--peran", "atasan_ppid",
                         stdout=io.StringIO())

    def test_a_weak_password_creates_nothing(self):
        for weak in ("pendek", "12345678901234", "petugas-baru1"):
            with self.assertRaises(CommandError):
                self.run_command(weak)
        self.assertFalse(get_user_model().objects.exists())
        self.assertFalse(models.Officer.objects.exists())

    def test_a_bad_username_creates_nothing(self):
        with self.assertRaises(CommandError):
            self.run_command(PASSWORD, username="nama dengan spasi!" * 20)
        self.assertFalse(get_user_model().objects.exists())

    def test_a_weak_password_leaves_an_existing_officer_as_it_was(self):
        self.run_command(PASSWORD)
        with self.assertRaises(CommandError):
            self.run_command("pendek")
        user = get_user_model().objects.get()
        self.assertTrue(user.check_password(PASSWORD))
        self.assertEqual(user.officer.role, models.ATASAN)

    def test_a_strong_password_creates_the_officer(self):
        self.run_command(PASSWORD)
        self.assertTrue(Client().login(username="petugas-baru", password=PASSWORD))
