"""The forms as the Perki 1/2021 annex and practice ask: Pekerjaan, the four requester types
with their documents, an objection tied to the objector's own request, supporting documents."""

import csv
import io
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data

FORM = "/e-ppid/permohonan/"
OBJECTION = "/e-ppid/keberatan/"
PDF = b"%PDF-1.4\n%%EOF\n"
NIK_OTHER = "3201234567890999"


def error_at(response, field):
    page = response.content.decode()
    start = page.find(f'id="id_{field}-galat"')
    return page[start:page.index("</p>", start)] if start >= 0 else None


class RequesterTypeTests(TestCase):
    def test_a_person_gives_an_occupation(self):
        response = self.client.post(FORM, request_data(occupation=""))
        self.assertEqual(response.status_code, 400)
        self.assertIn("Masukkan pekerjaan Anda", error_at(response, "occupation"))
        self.client.post(FORM, request_data())
        self.assertEqual(models.InformationRequest.objects.get().occupation, "Mahasiswa")

    def test_a_legal_entity_or_organisation_is_not_asked_an_occupation(self):
        self.client.post(FORM, request_data(requester_type="badan_hukum", occupation="Direktur",
                                            id_number="AHU-0012345.AH.01.07"))
        self.client.post(FORM, request_data(requester_type="organisasi", occupation="",
                                            submission_token="org", name="Forum Warga"))
        body, group = models.InformationRequest.objects.order_by("pk")
        self.assertEqual(body.occupation, "")  # kept out, though typed: minimisation
        self.assertEqual(group.requester_type, "organisasi")
        self.assertEqual(group.id_number, "3201234567890123")  # the assigned person's NIK

    def test_an_organisation_gives_the_nik_of_the_person_it_assigns(self):
        response = self.client.post(FORM, request_data(requester_type="organisasi",
                                                       id_number="AHU-0012345.AH.01.07"))
        self.assertIn("NIK harus 16 angka", error_at(response, "id_number"))

    def test_a_kuasa_names_the_principal(self):
        response = self.client.post(FORM, request_data(requester_type="kuasa"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("Masukkan nama pemberi kuasa", error_at(response, "principal_name"))
        self.assertIn('value="Siti Aminah"', response.content.decode())  # the form stays filled
        self.assertEqual(models.InformationRequest.objects.count(), 0)
        self.client.post(FORM, request_data(requester_type="kuasa", principal_name="Budi"))
        entry = models.InformationRequest.objects.get()
        self.assertEqual((entry.principal_name, entry.occupation), ("Budi", "Mahasiswa"))

    def test_a_person_keeps_no_principal(self):
        self.client.post(FORM, request_data(principal_name="Budi"))
        self.assertEqual(models.InformationRequest.objects.get().principal_name, "")

    def test_without_uploads_the_form_says_what_to_bring_for_each_type(self):
        page = self.client.get(FORM).content.decode()
        self.assertNotIn('type="file"', page)
        for documents in models.REQUIRED_DOCUMENTS.values():
            self.assertIn(documents, page)
        self.assertIn("tidak meminta unggahan", page)
        self.assertIn("Pekerjaan</label>", page)  # no "(tidak wajib)": needed for persons
        self.assertIn('id="id_occupation_helptext"', page)

    @override_settings(EPPID_ID_UPLOAD=True)
    def test_with_uploads_a_kuasa_sends_the_power_of_attorney_checked_like_any_upload(self):
        data = request_data(requester_type="kuasa", principal_name="Budi")
        response = self.client.post(FORM, data)
        self.assertIn("Unggah surat kuasa", error_at(response, "power_of_attorney"))
        response = self.client.post(FORM, {**data, "power_of_attorney": SimpleUploadedFile(
            "kuasa.php.pdf", PDF)})
        self.assertIn("satu titik", error_at(response, "power_of_attorney"))
        self.assertEqual(models.InformationRequest.objects.count(), 0)
        self.client.post(FORM, {**data, "power_of_attorney": SimpleUploadedFile("kuasa.pdf", PDF)})
        entry = models.InformationRequest.objects.get()
        stored = Path(entry.power_of_attorney.path)
        self.assertTrue(stored.is_relative_to(Path(settings.EPPID_PRIVATE_MEDIA)))
        entry.pseudonymise()
        self.assertFalse(stored.exists())


class ObjectionRequestTests(TestCase):
    def setUp(self):
        self.client.post(FORM, request_data())
        self.request = models.InformationRequest.objects.get()

    def test_a_reason_about_a_request_needs_its_number(self):
        for reason in "acdefg":
            response = self.client.post(OBJECTION, objection_data(reason=reason))
            self.assertIn("Masukkan nomor register permohonan", error_at(response, "request_number"))
        self.assertEqual(models.Objection.objects.count(), 0)

    def test_the_objectors_own_request_is_linked(self):
        self.client.post(OBJECTION, objection_data(reason="a",
                                                   request_number=self.request.number.lower()))
        objection = models.Objection.objects.get()
        self.assertEqual(objection.request, self.request)
        self.assertEqual(objection.request_number, self.request.number)
        self.assertFalse(objection.unknown_request)

    def test_an_unknown_number_and_someone_elses_get_the_same_words(self):
        unknown = self.client.post(OBJECTION, objection_data(
            reason="a", request_number="2026/PPID/09999"))
        other = self.client.post(OBJECTION, objection_data(
            reason="a", request_number=self.request.number, id_number=NIK_OTHER))
        self.assertEqual(unknown.status_code, other.status_code)
        self.assertEqual(error_at(unknown, "request_number"), error_at(other, "request_number"))
        self.assertIn("tidak cocok", error_at(other, "request_number"))
        self.assertEqual(models.Objection.objects.count(), 0)

    def test_a_reason_date_in_the_future_or_before_the_request_is_refused(self):
        tomorrow = timezone.localdate() + timezone.timedelta(days=1)
        response = self.client.post(OBJECTION, objection_data(
            reason="a", request_number=self.request.number, reason_arose_on=tomorrow))
        self.assertIn("belum terjadi", error_at(response, "reason_arose_on"))
        models.InformationRequest.objects.update(received_on="2026-01-05")
        response = self.client.post(OBJECTION, objection_data(
            reason="a", request_number=self.request.number, reason_arose_on="2025-12-31"))
        self.assertIn("sebelum permohonan Anda diterima", error_at(response, "reason_arose_on"))
        self.assertEqual(models.Objection.objects.count(), 0)

    def test_without_uploads_the_objection_says_where_to_send_documents(self):
        page = self.client.get(OBJECTION).content.decode()
        self.assertIn("Dokumen pendukung, misalnya surat jawaban PPID", page)
        self.assertNotIn('type="file"', page)

    @override_settings(EPPID_ID_UPLOAD=True)
    def test_supporting_documents_are_checked_and_kept_privately(self):
        data = objection_data(reason="a", request_number=self.request.number)
        response = self.client.post(OBJECTION, {**data, "supporting_document":
                                                SimpleUploadedFile("surat.pdf", b"MZ\x90\x00")})
        self.assertIn("Isi berkas bukan PDF", error_at(response, "supporting_document"))
        self.client.post(OBJECTION, {**data, "supporting_document":
                                     SimpleUploadedFile("surat.pdf", PDF)})
        objection = models.Objection.objects.get()
        self.assertEqual(Path(objection.supporting_document.path).read_bytes(), PDF)
        boss = officer("atasan", role=models.ATASAN)
        staff = Client()
        staff.force_login(boss)
        page = staff.get(f"/e-ppid/petugas/keberatan/{objection.pk}/").content.decode()
        link = f"/e-ppid/petugas/keberatan/{objection.pk}/berkas/supporting_document/"
        self.assertIn(link, page)
        response = staff.get(link)
        self.assertEqual(b"".join(response.streaming_content), PDF)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertEqual(Client().get(link).status_code, 302)


class OfficerViewTests(TestCase):
    def test_the_register_and_its_csv_show_the_new_fields(self):
        self.client.post(FORM, request_data(requester_type="kuasa", principal_name="Budi",
                                            occupation="Advokat"))
        entry = models.InformationRequest.objects.get()
        officer("petugas")
        staff = Client()
        staff.login(username="petugas", password=PASSWORD)
        page = staff.get(f"/e-ppid/petugas/permohonan/{entry.pk}/").content.decode()
        self.assertIn("Advokat", page)
        self.assertIn("kuasa dari Budi", page)
        response = staff.get("/e-ppid/petugas/ekspor/register-permohonan.csv")
        [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual((row["jenis_pemohon"], row["pekerjaan"], row["nama_pemberi_kuasa"]),
                         ("kuasa", "Advokat", "Budi"))
