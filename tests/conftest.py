"""Shared fixtures: one build of the sample portal, one loopback server, one browser per run."""

import shutil
import tempfile
from pathlib import Path

import pytest

from warta.audit import Auditor, audit_site, find_pages, start_browser
from warta.build import build
from warta.server import serve

TEST_DATA = Path(__file__).parent / "test_data"

_site = {}
_audit = {"selected": 0, "audited": set()}


def sample_site():
    """The sample portal, built once per run. Also called at collection time to parametrize."""
    if "path" not in _site:
        output = Path(tempfile.mkdtemp(prefix="warta-contoh-")) / "output"
        build(output)
        _site["path"] = output
        _site["built"] = len(find_pages(output))
    return _site["path"]


def pytest_generate_tests(metafunc):
    # One audit test per built page, so a failure names its page.
    if "built_page" in metafunc.fixturenames:
        pages = find_pages(sample_site())
        metafunc.parametrize("built_page", pages, ids=pages)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    _audit["selected"] = sum(1 for item in items if "built_page" in getattr(item, "fixturenames", ()))


def record_audited(page):
    """Called by the audit test for every page it audited."""
    _audit["audited"].add(page)


def pytest_terminal_summary(terminalreporter):
    if "path" in _site and _audit["selected"]:
        built = _site["built"]
        terminalreporter.write_line(
            f"audit axe: {len(_audit['audited'])} halaman diaudit dari {built} halaman yang dibangun"
        )


def pytest_sessionfinish(session, exitstatus):
    # Fail closed: when the whole audit was selected, every built page must have been audited.
    if "path" in _site:
        built = _site["built"]
        if _audit["selected"] == built and len(_audit["audited"]) != built and exitstatus == 0:
            session.exitstatus = 1
        shutil.rmtree(_site["path"].parent, ignore_errors=True)


@pytest.fixture(scope="session")
def site():
    """Path to the built sample portal's output folder."""
    return sample_site()


@pytest.fixture(scope="session")
def site_url(site):
    """Base URL of the sample portal served over HTTP on loopback."""
    with serve(site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run; failing to start fails the tests."""
    driver = start_browser()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def auditor(browser, site_url):
    """The shared axe auditor, pointed at the served sample portal."""
    return Auditor(browser, site_url)


@pytest.fixture(scope="session")
def site_audit(site):
    """The whole sample portal audited once by the parallel engine (2 workers, no cache)."""
    return audit_site(site, workers=2, use_cache=False)


@pytest.fixture
def build_site(tmp_path):
    """Build a given content folder into tmp_path/output; returns the output path."""

    def _build(content, output=None, **overrides):
        output = output or tmp_path / "output"
        build(output, content=content, **overrides)
        return output

    return _build


@pytest.fixture
def content_dir(tmp_path):
    """A writable copy of the small test content (two articles, one page)."""
    target = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", target)
    return target


# --- Production build, served by nginx (issue 7) -----------------------------------------------
@pytest.fixture(scope="session")
def published_site():
    """The sample portal built with publishconf.py (minified, hashed, precompressed)."""
    import published

    work, output, _ = published.published()
    yield output
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def published_url(published_site):
    """The published portal deployed to a local folder and served by Debian's nginx over TLS."""
    import published

    work, output, origin = published.published()
    with published.nginx_serving(output, published._state["port"], work) as http_port:
        published._state["http_port"] = http_port
        yield origin


@pytest.fixture(scope="session")
def tls_browser(browser):
    """The shared browser, accepting the loopback nginx's throwaway self-signed certificate."""
    browser.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": True})
    yield browser
    browser.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": False})
