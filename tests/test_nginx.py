"""deploy/nginx.conf on a real Debian nginx over TLS on loopback, serving `make publish` output
deployed with `make rsync_upload`'s code."""

import gzip
import http.client
import shutil
import ssl
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import brotli
import pytest

from warta.commands.build import load_settings

ONE_YEAR = 31536000


# One client context for every request: the loopback nginx's certificate is throwaway and never
# checked, so no trust store is read (building one per request cost more than the request).
LOOPBACK_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
LOOPBACK_TLS.check_hostname = False
LOOPBACK_TLS.verify_mode = ssl.CERT_NONE


def fetch(origin, path, encoding=None, method="GET", port=None, tls=True, host=None):
    """(status, headers, body as sent) for one request; certificates are not checked (loopback).
    ``host`` replaces the Host header (as a client may send any)."""
    parsed = urlparse(origin)
    if tls:
        connection = http.client.HTTPSConnection(parsed.hostname, port or parsed.port,
                                                 context=LOOPBACK_TLS, timeout=10)
    else:
        connection = http.client.HTTPConnection(parsed.hostname, port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {"Accept-Encoding": "identity"}
    if host:
        headers["Host"] = host
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, body
    connection.close()
    return result


@pytest.fixture(scope="module")
def home(published_url):
    return fetch(published_url, "/", "br, gzip")


def test_security_headers_are_sent(home):
    status, headers, _ = home
    assert status == 200
    max_age = int(headers["strict-transport-security"].split("max-age=")[1].split(";")[0])
    assert max_age >= ONE_YEAR
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert "geolocation=()" in headers["permissions-policy"]
    assert "server" not in headers or "/" not in headers["server"]  # no version disclosed


def test_csp_header_is_the_policy_in_the_settings(home):
    _, headers, _ = home
    policy = load_settings("publishconf.py")["CSP_POLICY"]
    assert headers["content-security-policy"] == policy
    assert "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")
    assert "frame-ancestors 'none'" in policy


def test_brotli_copy_is_served_to_browsers_that_accept_it(published_url, published_site):
    status, headers, body = fetch(published_url, "/", "br, gzip")
    assert status == 200 and headers["content-encoding"] == "br"
    assert body == (published_site / "index.html.br").read_bytes()
    assert brotli.decompress(body) == (published_site / "index.html").read_bytes()
    assert "accept-encoding" in headers["vary"].lower()


def test_gzip_copy_is_served_without_brotli(published_url, published_site):
    css = next((published_site / "theme" / "css").glob("warta.*.css"))
    path = "/" + css.relative_to(published_site).as_posix()
    status, headers, body = fetch(published_url, path, "gzip")
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == css.read_bytes()
    assert headers["content-type"].startswith("text/css")


def test_plain_copy_is_served_to_clients_without_compression(published_url, published_site):
    status, headers, body = fetch(published_url, "/", None)
    assert status == 200 and "content-encoding" not in headers
    assert body == (published_site / "index.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"


def test_hashed_theme_files_are_cached_for_a_year(published_url, published_site):
    for pattern in ("css/warta.*.css", "js/search.*.js"):
        asset = next((published_site / "theme").glob(pattern))
        _, headers, _ = fetch(published_url, "/" + asset.relative_to(published_site).as_posix(), "br")
        assert headers["cache-control"] == f"public, max-age={ONE_YEAR}, immutable", pattern


def test_pages_and_unhashed_search_files_are_revalidated(published_url):
    for path in ("/", "/cari/", "/pagefind/pagefind.js", "/feed/berita.atom.xml"):
        status, headers, _ = fetch(published_url, path, "gzip")
        assert status == 200, path
        assert headers["cache-control"] == "no-cache", path


def test_missing_page_gets_the_custom_404_with_the_same_headers(published_url, published_site):
    status, headers, body = fetch(published_url, "/berita/tidak-ada/", None)
    assert status == 404
    assert body == (published_site / "404.html").read_bytes()
    assert "Halaman tidak ditemukan" in body.decode("utf-8")
    assert headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in headers


def test_missing_page_is_compressed_too(published_url, published_site):
    status, headers, body = fetch(published_url, "/tidak-ada", "br")
    assert status == 404 and headers["content-encoding"] == "br"
    assert brotli.decompress(body) == (published_site / "404.html").read_bytes()


def test_plain_http_redirects_to_https(published_url):
    import published

    status, headers, _ = fetch(published_url, "/berita/", None, port=published._state["http_port"],
                               tls=False)
    assert status == 301
    assert headers["location"].startswith("https://") and headers["location"].endswith("/berita/")


def test_hidden_files_are_never_served(published_url):
    status, _, _ = fetch(published_url, "/.git/config", None)
    assert status == 404


# --- Hardening: files planted in the live release the way a server would have them ---------
ACME_TOKEN = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0"
SECRET = "rahasia-di-luar-situs"


def our_404_page(body, published_site):
    return body == (published_site / "404.html").read_bytes() and b"nginx" not in body.lower()


@pytest.fixture(scope="module")
def live_release(published_url):
    """The deployed release `current` points at, with what a live server may hold besides the
    build: an ACME token, dotfiles, symlinks leading outside, a folder without index.html.
    All removed afterwards: the release is shared with the other publishing tests."""
    import published

    current = published._state["work"] / "srv" / "current"
    release = current.resolve()
    outside = Path(tempfile.mkdtemp(prefix="warta-luar-"))
    (outside / "rahasia.txt").write_text(SECRET)
    (outside / "index.html").write_text(SECRET)
    planted = [release / ".well-known", release / ".env", release / "bocor.txt",
               release / "bocor-folder", release / "kosong"]
    (release / ".well-known" / "acme-challenge").mkdir(parents=True)
    (release / ".well-known" / "acme-challenge" / ACME_TOKEN).write_text(ACME_TOKEN + ".kunci")
    (release / ".well-known" / "acme-challenge" / ".env").write_text(SECRET)
    (release / ".env").write_text(SECRET)
    (release / "bocor.txt").symlink_to(outside / "rahasia.txt")
    (release / "bocor-folder").symlink_to(outside, target_is_directory=True)
    (release / "kosong").mkdir()
    (release / "kosong" / "catatan.txt").write_text("bukan halaman")
    yield current
    for path in planted:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    shutil.rmtree(outside)


def test_acme_challenge_is_served_but_other_dotfiles_are_refused(published_url, published_site,
                                                                  live_release):
    status, headers, body = fetch(published_url, f"/.well-known/acme-challenge/{ACME_TOKEN}")
    assert status == 200 and body == (ACME_TOKEN + ".kunci").encode()
    assert headers["content-type"].startswith("text/plain")
    for path in ("/.env", "/.git/config", "/.well-known/", "/.well-known/acme-challenge/",
                 "/.well-known/acme-challenge/.env", "/berita/.env"):
        status, _, body = fetch(published_url, path)
        assert status == 404, path
        assert our_404_page(body, published_site), path


def test_symlinks_inside_the_site_are_refused_but_the_current_root_is_followed(
        published_url, published_site, live_release):
    assert live_release.is_symlink()  # the document root is deploy's `current` pointer
    assert not [p for p in published_site.rglob("*") if p.is_symlink()]  # the build has none
    status, _, body = fetch(published_url, "/", None)
    assert status == 200 and body == (published_site / "index.html").read_bytes()
    for path in ("/bocor.txt", "/bocor-folder/", "/bocor-folder/rahasia.txt"):
        for encoding in (None, "br, gzip"):
            status, headers, body = fetch(published_url, path, encoding)
            assert status == 404, (path, encoding)
            decode = {"br": brotli.decompress, "gzip": gzip.decompress}
            body = decode.get(headers.get("content-encoding"), bytes)(body)
            assert SECRET.encode() not in body and our_404_page(body, published_site), path


def test_redirects_never_name_the_requests_host(published_url):
    import published

    status, headers, _ = fetch(published_url, "/berita", None, host="evil.example")
    assert status == 301
    assert "evil.example" not in headers["location"] and headers["location"].endswith("/berita/")
    status, headers, _ = fetch(published_url, "/berita/", None, port=published._state["http_port"],
                               tls=False, host="evil.example")
    assert status == 301
    assert headers["location"] == "https://portal.pemda.example/berita/"


def test_csv_is_served_as_utf8_text_csv(published_url, published_site):
    assert (published_site / "ppid" / "dip.csv").is_file()
    for encoding in (None, "br, gzip"):
        status, headers, _ = fetch(published_url, "/ppid/dip.csv", encoding)
        assert status == 200, encoding
        assert headers["content-type"] == "text/csv; charset=utf-8", encoding


def test_folder_without_index_gets_our_404_not_nginxs_page(published_url, published_site,
                                                            live_release):
    status, headers, body = fetch(published_url, "/kosong/", None)
    assert status == 404
    assert our_404_page(body, published_site)
    assert "Halaman tidak ditemukan" in body.decode("utf-8")
    assert headers["x-content-type-options"] == "nosniff"
