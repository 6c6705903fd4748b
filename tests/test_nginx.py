"""deploy/nginx.conf on a real Debian nginx over TLS on loopback, serving `make publish` output
deployed with `make rsync_upload`'s code (issue 7)."""

import brotli
import gzip
import http.client
import ssl
from urllib.parse import urlparse

import pytest

from warta.build import load_settings

ONE_YEAR = 31536000


def fetch(origin, path, encoding=None, method="GET", port=None, tls=True):
    """(status, headers, body as sent) for one request; certificates are not checked (loopback)."""
    parsed = urlparse(origin)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection(parsed.hostname, port or parsed.port,
                                                 context=context, timeout=10)
    else:
        connection = http.client.HTTPConnection(parsed.hostname, port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {"Accept-Encoding": "identity"}
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
