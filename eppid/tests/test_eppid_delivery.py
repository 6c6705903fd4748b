"""The answer reaches the citizen: the PPID's answer (UU 14/2008 Pasal 22 ayat 7) and
the atasan PPID's answer to an objection (Pasal 36 ayat 2) are mailed with their documents,
through a real SMTP server (aiosmtpd on loopback), and downloadable from "Cek status" with a
POST that carries a short-lived signed token: never the access code in a URL."""

import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, objection_data, officer, parts, request_data
from warta.content.dates import long_date

SMTP = "django.core.mail.backends.smtp.EmailBackend"
# A PDF header, then every byte value: a mail or a download that mangles bytes shows here.
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)) * 4
ANSWER = "Salinan RKA Dinas Pendidikan 2025 kami lampirkan."
STATUS = "/e-ppid/cek-status/"
DOWNLOAD = "/e-ppid/cek-status/unduh/"


def upload(name, content=PDF, kind="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=kind)


def receipt_code(response):
    return re.search(r'class="e-code">([A-Z0-9-]+)<', response.content.decode()).group(1)


def tokens(response):
    return re.findall(r'name="token" value="([^"]+)"', response.content.decode())


def use_smtp(test):
    """Send ``test``'s mail to the real SMTP server on loopback until the test ends."""
    smtp_settings = override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1",
                                      EMAIL_PORT=test.smtp_port)
    smtp_settings.enable()
    test.addCleanup(smtp_settings.disable)


@pytest.mark.usefixtures("smtp_server")
class AnswerDeliveryTests(TestCase):
    def setUp(self):
        use_smtp(self)
        self.citizen = Client()
        self.code = receipt_code(self.citizen.post("/e-ppid/permohonan/", request_data(),
                                                   follow=True))
        self.entry = models.InformationRequest.objects.get()
        self.smtp.messages.clear()  # the receipt

    def answer(self, **files):
        officer("petugas-jawab")
        staff = Client()
        staff.login(username="petugas-jawab", password=PASSWORD)
        response = staff.post(f"/e-ppid/petugas/permohonan/{self.entry.pk}/", {
            "action": "dikabulkan_seluruhnya", "answer": ANSWER, "information_form": "softcopy",
            **files})
        self.assertEqual(response.status_code, 302)
        self.entry.refresh_from_db()
        # The database is rolled back after each test; the stored file goes too.
        self.addCleanup(self.entry.answer_file.delete, save=False)

    def look_up(self, code=None, client=None):
        return (client or self.citizen).post(STATUS, {"number": self.entry.number,
                                                      "code": code or self.code})

    def test_the_answer_mail_carries_the_text_and_the_document_byte_for_byte(self):
        self.answer(answer_file=upload("rka.pdf"))
        [(recipients, message)] = self.smtp.messages
        body, files = parts(message)
        self.assertEqual(recipients, ["siti@contoh.example"])
        self.assertIn(ANSWER, body)
        self.assertIn("Dokumen jawaban terlampir", body)
        name = f"{self.entry.number.replace('/', '-')}-rka.pdf"
        self.assertEqual(files, {name: PDF})

    @override_settings(EPPID_MAIL_ATTACHMENT_MAX_BYTES=1000)
    def test_documents_over_the_mail_limit_are_not_attached_and_the_mail_says_where_they_are(self):
        self.answer(answer_file=upload("rka.pdf"))
        [(_, message)] = self.smtp.messages
        body, files = parts(message)
        self.assertEqual(files, {})
        self.assertIn(ANSWER, body)
        self.assertIn("TIDAK terlampir", body)
        self.assertIn("Unduh dokumen di halaman Cek Status", body)
        self.assertIn("rka.pdf", body)
        # ... and it is there.
        [token] = tokens(self.look_up())
        response = self.citizen.post(DOWNLOAD, {"token": token})
        self.assertEqual(b"".join(response.streaming_content), PDF)

    def test_the_status_page_lists_the_document_and_its_download_gives_the_same_bytes(self):
        self.answer(answer_file=upload("rka.pdf"))
        page = self.look_up()
        self.assertContains(page, ANSWER)
        self.assertContains(page, f"Unduh {self.entry.number.replace('/', '-')}-rka.pdf (PDF,")
        [token] = tokens(page)
        response = self.citizen.post(DOWNLOAD, {"token": token})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), PDF)

    def test_downloads_are_attachments_never_sniffed_cached_or_indexed(self):
        self.answer(answer_file=upload("rka.pdf"))
        response = self.citizen.post(DOWNLOAD, {"token": tokens(self.look_up())[0]})
        name = f"{self.entry.number.replace('/', '-')}-rka.pdf"
        self.assertEqual(response["Content-Disposition"], f'attachment; filename="{name}"')
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertIn("noindex", response["X-Robots-Tag"])
        b"".join(response.streaming_content)

    def test_a_refused_download_gets_the_same_answer_as_a_wrong_code(self):
        self.answer(answer_file=upload("rka.pdf"))
        wrong = self.look_up(code="AAAA-BBBB-CCCC")
        self.assertEqual(wrong.status_code, 404)
        self.assertEqual(tokens(wrong), [])
        [token] = tokens(self.look_up())
        value, stamp, signature = token.rsplit(":", 2)
        kind, pk, index, fingerprint = value.split(":")
        forged = [
            "",
            token[:-1] + ("A" if token[-1] != "A" else "B"),  # a changed signature
            f"{kind}:{pk}:1:{fingerprint}:{stamp}:{signature}",  # another document, same sig
            signing.TimestampSigner(salt="lain").sign(value),  # signed for something else
        ]
        for token_sent in forged:
            response = self.citizen.post(DOWNLOAD, {"token": token_sent})
            self.assertEqual(response.status_code, wrong.status_code, token_sent)
            self.assertContains(response, "Nomor register atau kode status tidak cocok",
                                status_code=404)
            self.assertNotIn(b"%PDF", response.content)
        # A new access code (the PPID reissued it) ends every token given for the old one.
        self.entry.set_status_code()
        self.entry.save()
        self.assertContains(self.citizen.post(DOWNLOAD, {"token": token}),
                            "tidak cocok", status_code=404)

    def test_a_download_button_expires_after_fifteen_minutes(self):
        self.answer(answer_file=upload("rka.pdf"))
        past = signing.b62_encode(int(time.time()) - 15 * 60 - 5)
        with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=past):
            [token] = tokens(self.look_up())
        response = self.citizen.post(DOWNLOAD, {"token": token})
        self.assertContains(response, "Waktu untuk mengunduh sudah habis", status_code=404)
        self.assertNotIn(b"%PDF", response.content)

    def test_the_access_code_is_in_no_url_location_or_link(self):
        # A browser's path, CSRF checked at every POST as in production.
        citizen = Client(enforce_csrf_checks=True)
        citizen.get("/e-ppid/permohonan/")

        def post(path, data):
            return citizen.post(path, {**data,
                                       "csrfmiddlewaretoken": citizen.cookies["csrftoken"].value})

        filed = post("/e-ppid/permohonan/", request_data(submission_token="t-2"))
        code = receipt_code(citizen.get(filed["Location"]))
        self.assertNotIn(code, filed["Location"])
        self.entry = models.InformationRequest.objects.get(submission_token="t-2")
        self.answer(answer_file=upload("rka.pdf"))
        page = post(STATUS, {"number": self.entry.number, "code": code})
        html = page.content.decode()
        links = re.findall(r'(?:href|action|src)="([^"]*)"', html)
        self.assertTrue(links)
        [token] = tokens(page)
        for link in links:
            self.assertNotIn(code, link)
            self.assertNotIn(code.replace("-", ""), link)
            self.assertNotIn(token, link)
        self.assertNotIn(code, html)  # not even in a hidden field: the page holds tokens only
        response = post(DOWNLOAD, {"token": token})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.has_header("Location"))
        self.assertEqual(b"".join(response.streaming_content), PDF)
        # Without the CSRF token the download is refused.
        self.assertEqual(Client(enforce_csrf_checks=True).post(
            DOWNLOAD, {"token": token}).status_code, 403)

    @override_settings(EPPID_RATE_LIMITS={**models.settings.EPPID_RATE_LIMITS, "unduh": (2, 600)})
    def test_downloads_are_rate_limited(self):
        self.answer(answer_file=upload("rka.pdf"))
        [token] = tokens(self.look_up())
        for _ in range(2):
            self.assertEqual(self.citizen.post(DOWNLOAD, {"token": token}).status_code, 200)
        response = self.citizen.post(DOWNLOAD, {"token": token})
        self.assertEqual(response.status_code, 429)
        self.assertNotIn(b"%PDF", response.content)

    def test_a_get_of_the_download_address_only_leads_back_to_the_status_page(self):
        response = self.citizen.get(DOWNLOAD)
        self.assertEqual((response.status_code, response["Location"]), (302, STATUS))


@pytest.mark.usefixtures("smtp_server")
class ObjectionAnswerTests(TestCase):
    def setUp(self):
        use_smtp(self)
        self.citizen = Client()
        self.code = receipt_code(self.citizen.post("/e-ppid/keberatan/", objection_data(),
                                                   follow=True))
        self.entry = models.Objection.objects.get()
        self.smtp.messages.clear()
        officer("atasan-jawab", role=models.ATASAN)
        self.atasan = Client()
        self.atasan.login(username="atasan-jawab", password=PASSWORD)

    def look_up(self):
        return self.citizen.post(STATUS, {"number": self.entry.number, "code": self.code})

    def respond(self, **fields):
        self.atasan.post(f"/e-ppid/petugas/keberatan/{self.entry.pk}/",
                         {"action": "ditanggapi", **fields})
        self.entry.refresh_from_db()
        self.addCleanup(self.entry.response_file.delete, save=False)

    def test_the_atasan_answer_is_mailed_and_the_status_page_names_the_komisi_informasi_step(self):
        response_text = "Keberatan diterima; salinan yang diminta kami lampirkan."
        self.respond(response=response_text,
                     response_file=upload("salinan.png", PNG, "image/png"))
        today = timezone.localdate()
        # UU 14/2008 Pasal 37 ayat (2): 14 working days after the answer is received.
        deadline = models.calendar().add(today, 14)
        self.assertEqual(models.calendar().between(today, deadline), 14)
        [(recipients, message)] = self.smtp.messages
        body, files = parts(message)
        self.assertEqual(recipients, ["siti@contoh.example"])
        self.assertIn(self.entry.number, message["Subject"])
        self.assertIn(response_text, body)
        self.assertIn("Komisi Informasi", body)
        self.assertIn(long_date(deadline), re.sub(r"\s+", " ", body))
        self.assertEqual(list(files.values()), [PNG])
        page = self.look_up()
        self.assertContains(page, response_text)
        self.assertContains(page, "Langkah selanjutnya: Komisi Informasi")
        self.assertContains(page, f"paling lambat <strong>{long_date(deadline)}</strong>")
        [token] = tokens(page)
        download = self.citizen.post(DOWNLOAD, {"token": token})
        self.assertEqual(download["Content-Type"], "image/png")
        self.assertEqual(b"".join(download.streaming_content), PNG)

    def test_no_answer_within_thirty_working_days_points_to_the_komisi_informasi(self):
        calendar = models.calendar()
        received = timezone.localdate() - timezone.timedelta(days=80)
        due = calendar.add(received, 30)
        models.Objection.objects.filter(pk=self.entry.pk).update(received_on=received,
                                                                 due_on=due)
        page = self.look_up()
        self.assertContains(page, "Atasan PPID belum menanggapi")
        self.assertContains(page, f"paling lambat <strong>{long_date(calendar.add(due, 14))}"
                                  "</strong>")

    def test_an_objection_still_within_its_time_shows_no_komisi_step(self):
        self.assertNotContains(self.look_up(), "Komisi Informasi (provinsi")

    def test_the_answer_document_stays_officer_only_at_the_officer_address(self):
        self.respond(response="Ditolak.", response_file=upload("a.pdf"))
        path = f"/e-ppid/petugas/keberatan/{self.entry.pk}/tanggapan/"
        self.assertEqual(b"".join(self.atasan.get(path).streaming_content), PDF)
        self.assertEqual(Client().get(path).status_code, 302)  # to the login page
        officer("petugas-biasa")
        ppid = Client()
        ppid.login(username="petugas-biasa", password=PASSWORD)
        self.assertEqual(ppid.get(path).status_code, 403)
