"""The production build of the sample portal, deployed to a local folder and served by a real
Debian nginx on loopback with deploy/nginx.conf. Shared by the publishing tests."""

import contextlib
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from helpers import HANG_GUARD

from warta import ROOT
from warta.commands.build import build
from warta.commands.deploy import deploy

NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
MIME_TYPES = "/etc/nginx/mime.types"
SITE_CONFIG = ROOT / "deploy" / "nginx.conf"

_state = {}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def published():
    """(work folder, output folder, origin): built once per run with publishconf.py, its
    SITEURL set to the loopback nginx's address so every absolute URL points there."""
    if "output" not in _state:
        work = Path(tempfile.mkdtemp(prefix="warta-terbit-"))
        port = free_port()
        origin = f"https://127.0.0.1:{port}"
        output = work / "output"
        build(output, settings_file="publishconf.py", SITEURL=origin, FEED_DOMAIN=origin)
        _state.update(work=work, output=output, origin=origin, port=port)
    return _state["work"], _state["output"], _state["origin"]


def site_config(port, http_port, root, certificate, key):
    """deploy/nginx.conf with only its addresses, root and certificate swapped for the test's.
    Every swap must match exactly once, so the test cannot drift from the real file."""
    text = SITE_CONFIG.read_text(encoding="utf-8")
    swaps = [
        ("    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{port} ssl http2;\n"),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("    listen 80;\n", f"    listen 127.0.0.1:{http_port};\n"),
        ("    listen [::]:80;\n", ""),
        ("    root /srv/warta/current;\n", f"    root {root};\n"),
        ("    disable_symlinks on from=/srv/warta/current;\n",
         f"    disable_symlinks on from={root};\n"),
        ("    ssl_certificate /etc/letsencrypt/live/portal.pemda.example/fullchain.pem;\n",
         f"    ssl_certificate {certificate};\n"),
        ("    ssl_certificate_key /etc/letsencrypt/live/portal.pemda.example/privkey.pem;\n",
         f"    ssl_certificate_key {key};\n"),
    ]
    for old, new in swaps:
        count = text.count(old)
        if count != 1:
            raise AssertionError(f"deploy/nginx.conf: expected {old.strip()!r} once, found {count}")
        text = text.replace(old, new)
    return text


def main_config(work, site_file):
    """The nginx main configuration Debian's /etc/nginx/nginx.conf would give, in a folder of
    our own: the brotli module, mime types, and the site file included in http {}."""
    return f"""
load_module {BROTLI_MODULE};
daemon off;
master_process off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {work}/tmp-body;
    proxy_temp_path {work}/tmp-proxy;
    fastcgi_temp_path {work}/tmp-fastcgi;
    uwsgi_temp_path {work}/tmp-uwsgi;
    scgi_temp_path {work}/tmp-scgi;
    include {site_file};
}}
"""


@contextlib.contextmanager
def nginx_serving(output, port, work):
    """Deploy ``output`` into work/srv with `make rsync_upload`'s code, then serve
    work/srv/current with nginx on 127.0.0.1:port (TLS, self-signed). Yields the http port."""
    for path in (NGINX, BROTLI_MODULE, MIME_TYPES):
        if not Path(path).exists():
            raise AssertionError(f"{path} tidak ada: jalankan `make deploy-tools` (make test memasangnya)")
    nginx_dir = work / "nginx"
    nginx_dir.mkdir(exist_ok=True)
    target = work / "srv"
    deploy(output, str(target))
    certificate, key = nginx_dir / "cert.pem", nginx_dir / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )
    http_port = free_port()
    site_file = nginx_dir / "warta.conf"
    site_file.write_text(site_config(port, http_port, target / "current", certificate, key))
    main_file = nginx_dir / "nginx.conf"
    main_file.write_text(main_config(nginx_dir, site_file))
    check = subprocess.run([NGINX, "-t", "-c", str(main_file), "-e", str(nginx_dir / "error.log")],
                           capture_output=True, text=True)
    if check.returncode != 0:
        raise AssertionError(f"nginx -t menolak deploy/nginx.conf:\n{check.stderr}")
    process = subprocess.Popen([NGINX, "-c", str(main_file), "-e", str(nginx_dir / "error.log")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while True:
            if process.poll() is not None:
                raise AssertionError(f"nginx berhenti: {process.stderr.read().decode()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"nginx tidak menjawab di loopback dalam {HANG_GUARD} detik")
            time.sleep(0.1)
        yield http_port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
