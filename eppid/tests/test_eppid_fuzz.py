"""Every field of every form with hostile values: never a 5xx, a message at the field in
Indonesian, the other answers kept, nothing stored half-way. test_eppid_postgres.py runs this
file again on PostgreSQL, where a too-long value or a NUL character is an error of the database
itself rather than a silent truncation."""

import re

from django.conf import settings
from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from eppid.permohonan import models
from eppid.tests.helpers import PASSWORD, objection_data, officer, request_data

VALUES = {
    "kosong": "",
    "besar": "ж" * 10_000,
    "kendali": "a\x00b\x07c\x1bd",
    "bidi": "siti@contoh\u202eelpmaxe.id",
    "emoji": "\U0001f600\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "sql": "'; DROP TABLE permohonan_informationrequest; --",
    "masa-depan": "9999-12-31",
    "masa-lalu": "0001-01-01",
    "surel-panjang": "a" * 300 + "@contoh.example",
}
# Django's own English messages, which a citizen must never see.
ENGLISH = re.compile(r"This field|Enter a|Ensure this|Select a valid|is required")
# Limits no test here reaches, as each post starts with no attempts counted (fresh_attempts).
# Not higher: every check reads back all of a limit's slots.
NO_LIMITS = {name: (400, 3600) for name in settings.EPPID_RATE_LIMITS}


def fresh_attempts():
    """Forget the attempts counted so far. Counting one more attempt writes past every earlier
    one's slot, so a test that posted a hundred times paid for five thousand cache writes; the
    limits are tested in test_eppid_login.py and test_eppid_public.py, not here."""
    cache.clear()


def field_errors(page):
    return re.findall(r'<p class="e-error" id="([^"]+)-galat">(.*?)</p>', page, re.S)


@override_settings(EPPID_RATE_LIMITS=NO_LIMITS)
class PublicFormFuzzTests(TestCase):
    def fuzz(self, path, base, model, keep):
        for field in base:
            for label, value in VALUES.items():
                with self.subTest(field=field, value=label):
                    fresh_attempts()
                    entries, events = model.objects.count(), models.Event.objects.count()
                    token = f"f-{field}-{label}"
                    data = {**base, "submission_token": token, field: value}
                    response = Client().post(path, data)
                    self.assertLess(response.status_code, 500)
                    page = response.content.decode()
                    if response.status_code == 302:
                        self.assertEqual(model.objects.count(), entries + 1)
                        continue
                    self.assertEqual(response.status_code, 400)
                    # Nothing half-way: no entry, no history line.
                    self.assertEqual(model.objects.count(), entries)
                    self.assertEqual(models.Event.objects.count(), events)
                    if field == "website":  # the honeypot: the refusal page, no form
                        continue
                    self.assertIn("Ada yang perlu diperbaiki", page)
                    self.assertNotRegex(page, ENGLISH)
                    if field != "submission_token":  # hidden: a message above the form
                        self.assertIn(f"id_{field}", dict(field_errors(page)))
                    other = keep[1] if field == keep[0][0] else keep[0]
                    self.assertIn(other[1], page, "the other answers are kept")

    def test_every_request_field(self):
        self.fuzz("/e-ppid/permohonan/", request_data(), models.InformationRequest,
                  [("name", "Siti Aminah"), ("address", "Jl. Melati No. 5")])

    def test_every_objection_field(self):
        self.fuzz("/e-ppid/keberatan/", objection_data(reason="b"), models.Objection,
                  [("name", "Siti Aminah"), ("address", "Jl. Melati No. 5")])

    def test_every_objection_field_about_a_request(self):
        # Reason (a) names the objector's own request: the number and date checks run too.
        Client().post("/e-ppid/permohonan/", request_data(submission_token="asal"))
        number = models.InformationRequest.objects.get().number
        self.fuzz("/e-ppid/keberatan/", objection_data(reason="a", request_number=number),
                  models.Objection, [("name", "Siti Aminah"), ("address", "Jl. Melati No. 5")])

    def test_every_status_field(self):
        for field in ("number", "code"):
            for label, value in VALUES.items():
                with self.subTest(field=field, value=label):
                    fresh_attempts()
                    data = {"number": "2026/PPID/00001", "code": "ABCD-EFGH-2345", field: value}
                    response = Client().post("/e-ppid/cek-status/", data)
                    self.assertIn(response.status_code, (400, 404))
                    self.assertNotRegex(response.content.decode(), ENGLISH)

    def test_the_email_of_the_issue_is_refused_at_the_field(self):
        for address in ("siti@contoh\u202e.example", "a" * 311 + "@contoh.example",
                        "siti\u202e@contoh.example"):
            response = Client().post("/e-ppid/permohonan/", request_data(email=address))
            self.assertEqual(response.status_code, 400, address)
            self.assertIn("id_email", dict(field_errors(response.content.decode())))
        self.assertEqual(models.InformationRequest.objects.count(), 0)

    def test_a_far_future_or_ancient_reason_date_is_refused_at_the_field(self):
        for day, message in (("9999-12-31", "belum terjadi"), ("2001-01-01", "sebelum UU 14/2008")):
            response = Client().post("/e-ppid/keberatan/", objection_data(
                reason="b", reason_arose_on=day))
            self.assertEqual(response.status_code, 400)
            errors = dict(field_errors(response.content.decode()))
            self.assertIn(message, errors["id_reason_arose_on"])
        self.assertEqual(models.Objection.objects.count(), 0)


@override_settings(EPPID_RATE_LIMITS=NO_LIMITS)
class OfficerFormFuzzTests(TestCase):
    def setUp(self):
        Client().post("/e-ppid/permohonan/", request_data())
        models.Objection.register(**{
            k: v for k, v in objection_data(reason="b").items()
            if k in ("requester_type", "name", "id_number", "address", "phone", "email",
                     "reason", "description", "submission_token")}, agency="ppid-utama")
        officer("atasan", role=models.ATASAN)
        self.staff = Client()
        self.staff.login(username="atasan", password=PASSWORD)

    def fuzz(self, path, base, model):
        for field in base:
            for label, value in VALUES.items():
                with self.subTest(field=field, value=label):
                    fresh_attempts()
                    before = list(model.objects.values())
                    events = models.Event.objects.count()
                    response = self.staff.post(path, {**base, field: value})
                    self.assertLess(response.status_code, 500)
                    if response.status_code == 302:
                        continue
                    self.assertEqual(response.status_code, 400)
                    self.assertNotRegex(response.content.decode(), ENGLISH)
                    self.assertEqual(list(model.objects.values()), before)
                    self.assertEqual(models.Event.objects.count(), events)

    def test_every_request_action_field(self):
        entry = models.InformationRequest.objects.get()
        self.fuzz(f"/e-ppid/petugas/permohonan/{entry.pk}/", {
            "action": "catatan", "note": "Catatan.", "extension_reason": "", "answer": "",
            "information_form": "", "cost": "", "legal_basis": "", "consequence_test": "",
            "referred_body": ""}, models.InformationRequest)

    def test_every_objection_action_field(self):
        entry = models.Objection.objects.get()
        self.fuzz(f"/e-ppid/petugas/keberatan/{entry.pk}/",
                  {"action": "diproses", "response": "", "note": "Catatan."}, models.Objection)

    def test_every_login_field(self):
        for field in ("username", "password"):
            for label, value in VALUES.items():
                with self.subTest(field=field, value=label):
                    fresh_attempts()
                    data = {"username": "atasan", "password": "salah", field: value}
                    response = Client().post("/e-ppid/petugas/masuk/", data)
                    self.assertIn(response.status_code, (200, 400, 429))
