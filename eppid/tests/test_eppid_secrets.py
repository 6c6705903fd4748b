"""Secrets at rest: the status code is kept only as a hash. The receipt shows it once, the
session never holds it readable (before or after the receipt), and reloading does not show it."""

import re

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client, TestCase

from eppid.permohonan import models
from eppid.tests.helpers import objection_data, request_data

CODE = re.compile(r'class="e-code">([A-Z0-9-]+)<')


def every_stored_value():
    """Every value in every table, sessions decoded by the session engine."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the database
            values.extend(str(row) for row in cursor.fetchall())
    values.extend(str(session.get_decoded()) for session in Session.objects.all())
    return "\n".join(values)


class ReceiptCodeTests(TestCase):
    def file(self, path, data):
        citizen = Client()
        redirect = citizen.post(path, data)
        self.assertEqual(redirect.status_code, 302)
        between = every_stored_value()  # after the POST, before the receipt is shown
        page = citizen.get(redirect["Location"]).content.decode()
        code = CODE.search(page).group(1)
        return citizen, redirect["Location"], code, between

    def test_the_receipt_shows_the_code_once_and_no_session_row_holds_it(self):
        citizen, receipt, code, between = self.file("/e-ppid/permohonan/", request_data())
        entry = models.InformationRequest.objects.get()
        self.assertTrue(entry.check_status_code(code))
        self.assertNotIn(code, between)
        self.assertNotIn(code.replace("-", ""), between)
        self.assertNotIn(code, every_stored_value())
        self.assertTrue(Session.objects.exists())

        again = citizen.get(receipt).content.decode()
        self.assertNotIn(code, again)
        self.assertIsNone(CODE.search(again))
        self.assertIn(entry.number, again)  # the receipt stays, without the code
        self.assertIn("Kode status hanya ditampilkan sekali", again)
        # The receipt mail was sent (Django's test outbox), so the page says where the code is.
        self.assertIn("Kode itu juga ada di surel tanda terima kami", again)

    def test_an_objection_receipt_keeps_no_code_either(self):
        citizen, receipt, code, between = self.file("/e-ppid/keberatan/", objection_data())
        self.assertNotIn(code, between)
        self.assertNotIn(code, every_stored_value())
        self.assertNotIn(code, citizen.get(receipt).content.decode())

    def test_the_session_half_alone_shows_no_code(self):
        citizen = Client()
        redirect = citizen.post("/e-ppid/permohonan/", request_data())
        del citizen.cookies["eppid_kode"]  # a session read without the citizen's cookie
        page = citizen.get(redirect["Location"]).content.decode()
        self.assertIsNone(CODE.search(page))
        self.assertIn("Kode status hanya ditampilkan sekali", page)
