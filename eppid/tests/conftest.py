"""The e-PPID's tests run under the project's pytest (pytest.ini's testpaths): Django is set up
here with a throwaway test database for the session; no pytest-django is needed."""

import email
import os
import shutil
import socket

import pytest
from aiosmtpd.controller import Controller

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eppid.tests.settings_test")

import django  # noqa: E402 - after the settings module is named

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def django_test_database():
    """The test database, created once and destroyed after the run."""


    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    call_command("createcachetable", verbosity=0)  # the database cache, as in production
    yield
    connection.creation.destroy_test_db(old_name, verbosity=0)
    teardown_test_environment()
    shutil.rmtree(settings.DATA_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test starts with no attempts counted."""
    cache.clear()
    yield
    cache.clear()


def pytest_collection_modifyitems(items):
    # The SMTP server is a real one on a loopback port: these tests are `server` tests
    # (pytest.ini), marked by the fixture so a new test using it is never left unmarked.
    for item in items:
        if "smtp_server" in getattr(item, "fixturenames", ()):
            item.add_marker("server")


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
    """A real SMTP server (aiosmtpd) on a loopback port; the test class reads .smtp."""
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port())
    controller.start()
    request.cls.smtp = collector
    request.cls.smtp_port = controller.port
    yield
    controller.stop()
