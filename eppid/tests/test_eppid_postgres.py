"""The register on a real PostgreSQL: a throwaway cluster from Debian's postgresql package,
started by this test on a loopback port in a temporary folder and stopped after. PostgreSQL
refuses to run as root, so as root its commands run as the `postgres` user."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.server]  # a PostgreSQL cluster of its own

ROOT = Path(__file__).resolve().parents[2]
# The SQLite tests again, this time against PostgreSQL: forms, receipt, status, officers, and
# the answers delivered (their documents, downloads and the objection answer), every field with
# hostile values (a too-long value or a NUL is an error of PostgreSQL itself), the forms' checks,
# the purge, and the outbox that sends a failed notice again (its claim is one UPDATE per row).
SUITES = ["eppid/tests/test_eppid_public.py", "eppid/tests/test_eppid_officer.py",
          "eppid/tests/test_eppid_delivery.py", "eppid/tests/test_eppid_fuzz.py",
          "eppid/tests/test_eppid_forms.py", "eppid/tests/test_eppid_purge.py",
          "eppid/tests/test_eppid_outbox.py"]


def postgres_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.fail("PostgreSQL tidak terpasang: jalankan `bash tools/ensure-postgresql.sh` "
                    "(make test memasangnya)")
    return found[-1]


def as_postgres(args):
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    folder = Path(tempfile.mkdtemp(prefix="eppid-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = free_port()
    run = dict(check=True, capture_output=True, timeout=120)
    subprocess.run(as_postgres([postgres_bin("initdb"), "-D", str(data), "-U", "eppid",
                                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]), **run)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(as_postgres([postgres_bin("pg_ctl"), "-D", str(data), "-o", options,
                                "-l", str(folder / "log"), "-w", "start"]), **run)
    try:
        subprocess.run(as_postgres([postgres_bin("createdb"), "-h", "127.0.0.1", "-p",
                                    str(port), "-U", "eppid", "eppid"]), **run)
        yield f"postgres://eppid@127.0.0.1:{port}/eppid"
    finally:
        subprocess.run(as_postgres([postgres_bin("pg_ctl"), "-D", str(data), "-m", "fast",
                                    "-w", "stop"]), capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def test_the_register_works_on_postgresql(postgres_url):
    env = dict(os.environ, EPPID_TEST_DATABASE_URL=postgres_url)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             *SUITES], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_two_registrations_at_once_get_two_numbers(postgres_url):
    # Two processes file at the same moment; the unique number and the retry give each its own.
    script = (
        "import os, sys, django; sys.path.insert(0, '.');"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'eppid.tests.settings_test';"
        "django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0)"
    )
    env = dict(os.environ, EPPID_TEST_DATABASE_URL=postgres_url)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=300)
    filer = (
        "import os, sys, django; sys.path.insert(0, '.');"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'eppid.tests.settings_test';"
        "django.setup();"
        "from django.db import transaction;"
        "from eppid.permohonan import models, views;"
        "from eppid.tests.helpers import request_data;"
        "data = request_data(submission_token=sys.argv[1]);"
        "fields = {k: data.get(k, '') for k in views.IDENTITY};"
        "fields.update(information='x', purpose='y', obtain_method='melihat',"
        " delivery_method='langsung', agency='ppid-utama', submission_token=sys.argv[1]);"
        "[transaction.atomic()(lambda: views._register(models.InformationRequest, dict(fields,"
        " submission_token=f'{sys.argv[1]}-{n}')))() for n in range(10)]"
    )
    processes = [subprocess.Popen([sys.executable, "-c", filer, f"p{n}"], cwd=ROOT, env=env)
                 for n in range(2)]
    assert [p.wait(timeout=300) for p in processes] == [0, 0]
    check = (
        "import os, sys, django; sys.path.insert(0, '.');"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'eppid.tests.settings_test';"
        "django.setup();"
        "from eppid.permohonan import models;"
        "seqs = sorted(models.InformationRequest.objects.values_list('seq', flat=True));"
        "print(seqs == list(range(1, 21)), len(seqs))"
    )
    out = subprocess.run([sys.executable, "-c", check], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True, timeout=300).stdout
    assert out.split() == ["True", "20"]
