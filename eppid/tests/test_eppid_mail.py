"""The receipt by e-mail through a real SMTP server (aiosmtpd) on loopback."""

import email
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import Client, TestCase, override_settings

from eppid.permohonan import models
from eppid.tests.helpers import request_data

# Django's test set-up swaps in the in-memory backend; these tests want the real one.
SMTP = "django.core.mail.backends.smtp.EmailBackend"


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(request):
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port())
    controller.start()
    request.cls.smtp = collector
    request.cls.smtp_port = controller.port
    yield
    controller.stop()


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
