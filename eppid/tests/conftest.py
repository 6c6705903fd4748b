"""The e-PPID's tests run under the project's pytest (pytest.ini's testpaths): Django is set up
here with a throwaway test database for the session; no pytest-django is needed."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eppid.tests.settings_test")

import django  # noqa: E402 - after the settings module is named

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def django_test_database():
    """The test database, created once and destroyed after the run."""


    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
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
