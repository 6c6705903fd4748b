"""The officers' register: login, states, the one extension, the log, agencies, CSV exports."""

import csv
import importlib
import io
import os
import re
import sys
from unittest import mock

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data

LIST = "/e-ppid/petugas/"
LOGIN = "/e-ppid/petugas/masuk/"


def file_request(client=None, **changes):
    (client or Client()).post("/e-ppid/permohonan/", request_data(**changes))
    return models.InformationRequest.objects.order_by("-pk").first()


class OfficerTests(TestCase):
    def setUp(self):
        self.user = officer("petugas")
        self.client.login(username="petugas", password=PASSWORD)
        self.entry = file_request()
        self.url = f"/e-ppid/petugas/permohonan/{self.entry.pk}/"

    def act(self, **data):
        return self.client.post(self.url, data)

    def test_officer_pages_need_login(self):
        anonymous = Client()
        for path in (LIST, self.url, "/e-ppid/petugas/ekspor/register-permohonan.csv"):
            response = anonymous.get(path)
            self.assertEqual(response.status_code, 302, path)
            self.assertTrue(response["Location"].startswith(LOGIN))

    def test_a_user_without_an_officer_role_is_refused(self):

        get_user_model().objects.create_user("warga", password=PASSWORD)
        client = Client()
        client.login(username="warga", password=PASSWORD)
        self.assertEqual(client.get(LIST).status_code, 403)

    def test_overdue_requests_come_first(self):
        later = file_request(submission_token="kedua")
        models.InformationRequest.objects.filter(pk=later.pk).update(
            due_on=timezone.localdate().replace(year=2020))
        page = self.client.get(LIST).content.decode()
        self.assertLess(page.index(later.number), page.index(self.entry.number))
        self.assertIn("Terlambat", page)

    def test_extend_once_answer_and_close_with_every_change_logged(self):
        self.act(action="diproses")
        self.act(action="diperpanjang", extension_reason="Dokumen ada di arsip kecamatan.")
        self.entry.refresh_from_db()
        self.assertEqual(self.entry.extended_due_on, models.calendar().add(self.entry.due_on, 7))
        again = self.act(action="diperpanjang", extension_reason="Lagi.")
        self.assertEqual(again.status_code, 400)
        self.assertIn("hanya dapat diperpanjang sekali", again.content.decode())
        refused = self.act(action="ditolak", legal_basis="")
        self.assertIn("Tuliskan dasar hukum penolakan", refused.content.decode())
        self.act(action="dikabulkan_sebagian", legal_basis="UU 14/2008 Pasal 17 huruf h",
                 answer="Sebagian data berisi data pribadi.", cost="Rp0",
                 information_form="Softcopy PDF")
        self.act(action="selesai")
        self.entry.refresh_from_db()
        self.assertEqual(self.entry.status, "selesai")
        self.assertEqual(self.entry.answered_on, timezone.localdate())
        statuses = list(self.entry.events.filter(public=True)
                        .values_list("status", "actor__username"))
        self.assertEqual(statuses, [("diterima", None), ("diproses", "petugas"),
                                    ("diperpanjang", "petugas"), ("dikabulkan_sebagian", "petugas"),
                                    ("selesai", "petugas")])

    def test_not_held_names_the_body_that_holds_it(self):
        response = self.act(action="tidak_dikuasai")
        self.assertIn("Tuliskan badan publik", response.content.decode())
        self.act(action="tidak_dikuasai", referred_body="Badan Pertanahan Nasional")
        self.entry.refresh_from_db()
        self.assertEqual(self.entry.referred_body, "Badan Pertanahan Nasional")

    def test_internal_notes_are_not_shown_to_the_citizen(self):
        self.act(action="catatan", note="Pemohon menelepon, rahasia internal.")
        self.assertFalse(self.entry.events.get(note__startswith="Pemohon").public)

    def test_the_csv_export_is_formula_safe(self):
        file_request(submission_token="rumus", name="=HYPERLINK(\"http://x\")")
        response = self.client.get("/e-ppid/petugas/ekspor/register-permohonan.csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual(rows[1]["nama"], "'=HYPERLINK(\"http://x\")")
        self.assertEqual(rows[0]["nomor"], self.entry.number)
        self.assertIn(b"\r\n", response.content)

    def test_objections_are_for_the_atasan_ppid_only(self):
        Client().post("/e-ppid/keberatan/", objection_data())
        objection = models.Objection.objects.get()
        self.assertEqual(self.client.get(f"/e-ppid/petugas/keberatan/{objection.pk}/")
                         .status_code, 403)
        officer("atasan", role=models.ATASAN)
        boss = Client()
        boss.login(username="atasan", password=PASSWORD)
        self.assertIn(objection.number, boss.get(LIST).content.decode())
        boss.post(f"/e-ppid/petugas/keberatan/{objection.pk}/",
                  {"action": "ditanggapi", "response": "Keberatan diterima; PPID menjawab."})
        objection.refresh_from_db()
        self.assertEqual(objection.status, "ditanggapi")
        # The answer's public event is the atasan's (the mail's log line after it is the system's).
        self.assertEqual(objection.events.filter(public=True).last().actor.username, "atasan")
        response = boss.get("/e-ppid/petugas/ekspor/register-keberatan.csv")
        self.assertIn(objection.number, response.content.decode())


@override_settings(EPPID_AGENCIES=[("dinkes", "PPID Dinas Kesehatan"),
                                   ("disdik", "PPID Dinas Pendidikan")])
class AgencySeparationTests(TestCase):
    def test_an_officer_cannot_see_another_agencys_requests(self):
        health = file_request(submission_token="a", agency="dinkes")
        education = file_request(submission_token="b", agency="disdik")
        officer("dinkes", agency="dinkes")
        client = Client()
        client.login(username="dinkes", password=PASSWORD)
        page = client.get(LIST).content.decode()
        self.assertIn(health.number, page)
        self.assertNotIn(education.number, page)
        self.assertEqual(client.get(f"/e-ppid/petugas/permohonan/{education.pk}/").status_code,
                         404)
        export = client.get("/e-ppid/petugas/ekspor/register-permohonan.csv").content.decode()
        self.assertNotIn(education.number, export)


class LoginTests(TestCase):
    @override_settings(EPPID_RATE_LIMITS={**models.settings.EPPID_RATE_LIMITS,
                                          "login": (3, 900)})
    def test_login_is_rate_limited_even_with_the_right_password(self):
        officer("petugas")
        client = Client()
        for _ in range(3):
            client.post(LOGIN, {"username": "petugas", "password": "salah"})
        response = client.post(LOGIN, {"username": "petugas", "password": PASSWORD})
        self.assertEqual(response.status_code, 429)

    def test_a_wrong_password_says_so_in_indonesian(self):
        officer("petugas")
        response = Client().post(LOGIN, {"username": "petugas", "password": "salah"})
        self.assertIn("Nama pengguna atau kata sandi salah", response.content.decode())

    def test_weak_passwords_are_refused(self):

        for weak in ("12345678901234", "password", "petugas12"):
            with self.assertRaises(ValidationError):
                password_validation.validate_password(weak)


class HeadersTests(TestCase):
    def test_security_headers_and_a_strict_csp(self):
        response = Client().get("/e-ppid/permohonan/")
        policy = response["Content-Security-Policy"]
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertIn("camera=()", response["Permissions-Policy"])

    def test_production_settings_need_a_secret_key_and_have_debug_off(self):

        sys.modules.pop("eppid.settings_production", None)
        with mock.patch.dict(os.environ, {}, clear=False):
            os.environ.pop("EPPID_SECRET_KEY", None)
            with self.assertRaises(KeyError):
                importlib.import_module("eppid.settings_production")
        sys.modules.pop("eppid.settings_production", None)
        with mock.patch.dict(os.environ, {"EPPID_SECRET_KEY": "k" * 50}):
            production = importlib.import_module("eppid.settings_production")
        self.assertFalse(production.DEBUG)
        self.assertEqual(production.SECRET_KEY, "k" * 50)
        self.assertTrue(production.SESSION_COOKIE_SECURE)


class PurgeTests(TestCase):
    def test_purge_pseudonymises_old_entries_and_counts_survive(self):

        old = file_request(submission_token="lama")
        new = file_request(submission_token="baru")
        models.InformationRequest.objects.filter(pk=old.pk).update(
            received_on=timezone.localdate().replace(year=2020), status="selesai",
            closed_on=timezone.localdate().replace(year=2020))
        call_command("eppid_purge", stdout=io.StringIO())
        old.refresh_from_db()
        new.refresh_from_db()
        self.assertEqual(old.name, models.PSEUDONYM)
        self.assertEqual(old.email, "")
        self.assertEqual(old.id_number, models.PSEUDONYM)
        self.assertEqual(new.name, "Siti Aminah")
        self.assertEqual(models.InformationRequest.objects.count(), 2)
        self.assertTrue(re.match(r"\d{4}/PPID/", old.number))
