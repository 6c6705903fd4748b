"""Login limits as docs/eppid.md describes them, counted in the database cache production's
workers share: failures only, per address and per account from any address, and an officer's
usual browser still gets in while someone guesses the password from elsewhere."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client, TestCase

from eppid.permohonan.login_limits import DEVICE_COOKIE
from eppid.tests.helpers import PASSWORD, officer

LOGIN = "/e-ppid/petugas/masuk/"


def from_address(number):
    return Client(REMOTE_ADDR=f"198.51.100.{number}")


def guess(client, username="petugas"):
    return client.post(LOGIN, {"username": username, "password": "tebakan-salah"}).status_code


def log_in(client):
    return client.post(LOGIN, {"username": "petugas", "password": PASSWORD}).status_code


def log_out(client):
    # The service's own logout (Client.logout() would drop every cookie, as no browser does).
    assert client.post("/e-ppid/petugas/keluar/").status_code == 302


class LoginLimitTests(TestCase):
    def setUp(self):
        officer("petugas")

    def test_the_limits_count_in_the_shared_database_cache(self):
        self.assertIsInstance(caches["default"], DatabaseCache)
        guess(from_address(1))
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM eppid_cache")
            self.assertEqual(cursor.fetchone()[0], 2)  # the address's and the account's

    def test_eight_guesses_from_eight_addresses_against_one_account_are_limited(self):
        limit = settings.EPPID_RATE_LIMITS["login-akun"][0]
        answers = [guess(from_address(n)) for n in range(8)]
        self.assertEqual(answers[:limit], [200] * limit)
        self.assertEqual(answers[limit:], [429] * (8 - limit))
        # Another account is not touched by the guesses against this one.
        officer("lain")
        self.assertEqual(guess(from_address(99), "lain"), 200)

    def test_guesses_from_one_address_are_limited_for_every_account(self):
        limit = settings.EPPID_RATE_LIMITS["login"][0]
        attacker = from_address(1)
        for n in range(limit):
            self.assertEqual(guess(attacker, f"akun{n}"), 200)
        self.assertEqual(guess(attacker, "akun-baru"), 429)
        self.assertEqual(log_in(attacker), 429)  # the address blocks, right password or not
        self.assertEqual(log_in(from_address(2)), 302)

    def test_successful_logins_do_not_count_and_clear_the_accounts_failures(self):
        client = from_address(1)
        for _ in range(12):
            self.assertEqual(log_in(client), 302)
            log_out(client)
        limit = settings.EPPID_RATE_LIMITS["login-akun"][0]
        for round_ in range(3):  # limit - 1 failures, a success, again: never blocked
            for n in range(limit - 1):
                self.assertEqual(guess(from_address(10 + n)), 200, round_)
            fresh = from_address(50 + round_)
            self.assertEqual(log_in(fresh), 302, round_)

    def test_the_officer_still_logs_in_from_the_usual_browser_during_an_attack(self):
        usual = from_address(7)
        self.assertEqual(log_in(usual), 302)
        self.assertIn(DEVICE_COOKIE, usual.cookies)
        log_out(usual)
        for n in range(20):
            guess(from_address(100 + n))
        # A browser that never logged in to the account waits, whatever password it has ...
        self.assertEqual(log_in(from_address(200)), 429)
        # ... the officer's own browser is not locked out by someone else's guesses.
        self.assertEqual(log_in(usual), 302)
        log_out(usual)
        # Its own mistakes have their own budget, then it is limited too.
        limit = settings.EPPID_RATE_LIMITS["login"][0]
        for _ in range(limit):
            self.assertEqual(guess(usual), 200)
        self.assertEqual(log_in(usual), 429)

    def test_a_forged_device_cookie_is_ignored(self):
        for n in range(8):
            guess(from_address(n))
        forged = from_address(9)
        forged.cookies[DEVICE_COOKIE] = "petugas:palsu"
        self.assertEqual(log_in(forged), 429)

    def test_the_refusal_says_what_to_do_in_indonesian(self):
        for n in range(8):
            guess(from_address(n))
        page = from_address(9).post(LOGIN, {"username": "petugas", "password": "x"})
        self.assertIn("Jika Anda biasa masuk dari peramban lain", page.content.decode())
