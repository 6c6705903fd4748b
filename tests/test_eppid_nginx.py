"""The e-PPID as production runs it: gunicorn with settings_production on loopback, behind
deploy/nginx.conf's `location ^~ /e-ppid/` on a real Debian nginx over TLS."""

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest
from helpers import HANG_GUARD
from published import MIME_TYPES, NGINX, free_port, main_config, site_config

from warta import ROOT
from warta.content import stylesheet

# Nginx in front of the e-PPID, serving a built portal.
pytestmark = [pytest.mark.server, pytest.mark.build]

HOST = "portal.pemda.example"


def wait_for(port, process, what):
    deadline = time.monotonic() + HANG_GUARD  # gunicorn loads Django: slow on a busy machine
    while True:
        if process.poll() is not None:
            raise AssertionError(f"{what} berhenti: {process.stderr.read().decode()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} tidak menjawab di loopback dalam {HANG_GUARD} detik") from None
            time.sleep(0.1)


@pytest.fixture(scope="module")
def eppid_origin():
    for path in (NGINX, MIME_TYPES):
        if not Path(path).exists():
            pytest.fail(f"{path} tidak ada: jalankan `make deploy-tools` (make test memasangnya)")
    work = Path(tempfile.mkdtemp(prefix="eppid-nginx-"))
    app_port, tls_port, http_port = free_port(), free_port(), free_port()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="eppid.settings_production",
               EPPID_SECRET_KEY="k" * 50, EPPID_DATA_DIR=str(work / "data"),
               DATABASE_URL=f"sqlite:///{work / 'eppid.sqlite3'}",
               EPPID_STATIC_ROOT=str(work / "static"), EPPID_ALLOWED_HOSTS=HOST,
               EPPID_BIND=f"127.0.0.1:{app_port}", EPPID_SMTP_PORT="1")
    manage = [sys.executable, "eppid/manage.py"]
    for command in (["migrate"], ["createcachetable"], ["collectstatic", "--noinput"]):
        subprocess.run([*manage, *command, "--verbosity", "0"], cwd=ROOT, env=env, check=True,
                       timeout=300)
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "eppid/deploy/gunicorn.conf.py",
         "--workers", "1", "eppid.wsgi"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    nginx = None
    try:
        wait_for(app_port, gunicorn, "gunicorn")
        (work / "root").mkdir()
        certificate, key = work / "cert.pem", work / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                       check=True, capture_output=True)
        text = site_config(tls_port, http_port, work / "root", certificate, key)
        for old, new in (("proxy_pass http://127.0.0.1:8010;", f"proxy_pass http://127.0.0.1:{app_port};"),
                         ("alias /srv/eppid/static/;", f"alias {work / 'static'}/;")):
            assert text.count(old) == 1, f"deploy/nginx.conf: expected {old!r} once"
            text = text.replace(old, new)
        (work / "site.conf").write_text(text)
        (work / "nginx.conf").write_text(main_config(work, work / "site.conf"))
        nginx = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-e",
                                  str(work / "error.log")], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        wait_for(tls_port, nginx, "nginx")
        yield tls_port
    finally:
        for process in (nginx, gunicorn):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def fetch(port, path, method="GET", body=None, headers=None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=20)
    connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
    response = connection.getresponse()
    result = response.status, response.getheaders(), response.read()
    connection.close()
    return result


def values(headers, name):
    return [v for k, v in headers if k.lower() == name]


def test_the_form_is_served_through_nginx_with_headers_once(eppid_origin):
    status, headers, body = fetch(eppid_origin, "/e-ppid/permohonan/")
    assert status == 200
    assert b"Formulir permohonan informasi publik" in body
    assert values(headers, "x-content-type-options") == ["nosniff"]
    assert values(headers, "cache-control") == ["no-store"]
    policies = values(headers, "content-security-policy")
    assert any("frame-src 'none'" in p for p in policies)  # Django's stricter one reaches us
    assert all("unsafe-inline" not in p for p in policies)


def test_the_theme_css_is_served_from_disk(eppid_origin):
    status, headers, body = fetch(eppid_origin, "/e-ppid/static/warta/css/warta.css")
    # The very stylesheet the portal publishes, joined from the theme's parts (warta.content.stylesheet).
    assert status == 200 and body.decode("utf-8") == stylesheet.joined()


def test_the_register_export_is_not_taken_by_the_csv_location(eppid_origin):
    status, headers, _ = fetch(eppid_origin, "/e-ppid/petugas/ekspor/register-permohonan.csv")
    assert status == 302
    assert "/e-ppid/petugas/masuk/" in values(headers, "location")[0]


def test_a_citizen_files_a_request_through_nginx(eppid_origin):
    status, headers, body = fetch(eppid_origin, "/e-ppid/permohonan/")
    cookie = next(v for v in values(headers, "set-cookie") if v.startswith("csrftoken="))
    assert "Secure" in cookie and "HttpOnly" in cookie
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    submission = re.search(rb'name="submission_token" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode({
        "csrfmiddlewaretoken": token, "submission_token": submission,
        "requester_type": "perorangan", "name": "Siti Aminah", "id_number": "3201234567890123",
        "occupation": "Mahasiswa", "address": "Jl. Melati 5", "phone": "0812 3456 7890", "email": "",
        "information": "Laporan keuangan 2025", "purpose": "Penelitian",
        "obtain_method": "melihat", "delivery_method": "langsung", "website": ""})
    status, headers, _ = fetch(eppid_origin, "/e-ppid/permohonan/", "POST", form, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie.split(";")[0], "Origin": f"https://{HOST}",
        "Referer": f"https://{HOST}/e-ppid/permohonan/"})
    assert status == 302
    assert values(headers, "location") == ["/e-ppid/permohonan/tanda-terima/"]
