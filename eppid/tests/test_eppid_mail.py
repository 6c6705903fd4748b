"""The receipt by e-mail through a real SMTP server (aiosmtpd) on loopback."""

import re

import pytest
from django.test import Client, TestCase, override_settings

from eppid.permohonan import models
from eppid.tests.conftest import free_port
from eppid.tests.helpers import PASSWORD, officer, request_data

# Django's test set-up swaps in the in-memory backend; these tests want the real one.
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.usefixtures("smtp_server")
class ReceiptMailTests(TestCase):
    def test_the_receipt_is_mailed_with_number_due_date_and_code(self):
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=self.smtp_port):
            response = Client().post("/e-ppid/permohonan/", request_data(), follow=True)
        entry = models.InformationRequest.objects.get()
        code = re.search(r'class="e-code">([A-Z0-9-]+)<', response.content.decode()).group(1)
        [(recipients, message)] = self.smtp.messages
        self.assertEqual(recipients, ["siti@contoh.example"])
        self.assertIn(entry.number, message["Subject"])
        body = message.get_payload(decode=True).decode("utf-8")
        self.assertIn(code, body)
        self.assertIn(f"Nomor register : {entry.number}", body)
        self.assertIn("Dijawab paling lambat", body)
        self.assertIn("juga kami kirim ke alamat surel Anda", response.content.decode())

    def test_an_unreachable_mail_server_keeps_the_request_and_says_so(self):
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=free_port()):
            response = Client().post("/e-ppid/permohonan/", request_data(), follow=True)
        self.assertEqual(models.InformationRequest.objects.count(), 1)
        self.assertIn("belum dapat kami kirim", response.content.decode())
        self.assertEqual(self.smtp.messages, [])


@pytest.mark.usefixtures("smtp_server")
class UpdateMailTests(TestCase):
    def test_an_extension_and_the_answer_are_mailed_to_the_requester(self):
        # UU 14/2008 Pasal 22 ayat (8): the extension is told in writing, with its reason.
        Client().post("/e-ppid/permohonan/", request_data())
        entry = models.InformationRequest.objects.get()
        officer("petugas-surel")
        staff = Client()
        staff.login(username="petugas-surel", password=PASSWORD)
        url = f"/e-ppid/petugas/permohonan/{entry.pk}/"
        with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=self.smtp_port):
            staff.post(url, {"action": "diperpanjang",
                             "extension_reason": "Dokumen ada di arsip kecamatan."})
            staff.post(url, {"action": "dikabulkan_seluruhnya",
                             "answer": "Salinan laporan kami kirim terlampir.",
                             "information_form": "softcopy", "cost": "Gratis"})
        entry.refresh_from_db()
        bodies = [m.get_payload(decode=True).decode("utf-8") for _, m in self.smtp.messages]
        assert len(bodies) == 2, bodies
        assert "Dokumen ada di arsip kecamatan." in bodies[0]
        assert entry.number in bodies[0] and "Pasal 22" in bodies[0]
        assert "Salinan laporan kami kirim terlampir." in bodies[1]
        assert all(recipients == ["siti@contoh.example"] for recipients, _ in self.smtp.messages)
