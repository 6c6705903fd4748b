"""Uploads (UU 27/2022: an identity document only when a city switches it on): type checked by
content, one extension, a size limit, stored outside any web root, served to officers only."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase, override_settings

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, officer, request_data

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
FORM = "/e-ppid/permohonan/"


def upload(name, content=PDF, kind="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=kind)


class IdUploadTests(TestCase):
    def test_the_upload_is_off_by_default(self):
        self.assertNotIn('name="id_document"', Client().get(FORM).content.decode())

    @override_settings(EPPID_ID_UPLOAD=True)
    def test_bad_files_are_refused_and_nothing_is_stored(self):
        cases = [
            ("ktp.php.jpg", b"\xff\xd8\xff\xe0", "satu titik"),
            ("ktp.exe", PDF, "Berkas harus satu jenis ini"),
            ("ktp.pdf", b"\x89PNG\r\n\x1a\n", "Isi berkas bukan PDF"),
            ("ktp.pdf", PDF + b"0" * (settings.EPPID_UPLOAD_MAX_BYTES + 1), "paling besar 2 MB"),
        ]
        for n, (name, content, message) in enumerate(cases):
            response = Client().post(FORM, {**request_data(submission_token=f"u{n}"),
                                            "id_document": upload(name, content)})
            self.assertEqual(response.status_code, 400, name)
            self.assertIn(message, response.content.decode(), name)
        self.assertEqual(models.InformationRequest.objects.count(), 0)

    @override_settings(EPPID_ID_UPLOAD=True)
    def test_a_good_file_is_kept_outside_the_web_root(self):
        Client().post(FORM, {**request_data(), "id_document": upload("ktp.pdf")})
        entry = models.InformationRequest.objects.get()
        stored = Path(entry.id_document.path)
        self.assertTrue(stored.is_relative_to(Path(settings.EPPID_PRIVATE_MEDIA)))
        self.assertFalse(stored.is_relative_to(Path(settings.STATIC_ROOT)))
        self.assertEqual(stored.read_bytes(), PDF)
        entry.pseudonymise()
        self.assertFalse(stored.exists())  # the purge removes the document too


class AnswerFileTests(TestCase):
    def test_an_answer_file_is_attached_and_served_to_officers_only(self):
        Client().post(FORM, request_data())
        entry = models.InformationRequest.objects.get()
        officer("petugas")
        staff = Client()
        staff.login(username="petugas", password=PASSWORD)
        staff.post(f"/e-ppid/petugas/permohonan/{entry.pk}/", {
            "action": "dikabulkan_seluruhnya", "answer": "Terlampir.",
            "answer_file": upload("jawaban.pdf")})
        path = f"/e-ppid/petugas/permohonan/{entry.pk}/jawaban/"
        response = staff.get(path)
        self.assertEqual(b"".join(response.streaming_content), PDF)
        self.assertEqual(Client().get(path).status_code, 302)
