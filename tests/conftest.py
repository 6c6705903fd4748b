"""Shared fixtures: one build of the sample portal, one loopback server, one browser per run."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from warta import ROOT
from warta.audit import Auditor, audit_site, find_pages, start_browser, write_audit_record
from warta.build import build, load_settings
from warta.errors import BuildError
from warta.server import serve
from variants import TEMPLATES, VARIANTS, reset_browser

TEST_DATA = Path(__file__).parent / "test_data"

_site = {}
_audit = {"selected": 0, "audited": set()}


def sample_site():
    """The sample portal, built once per run. Also called at collection time to parametrize."""
    if "path" not in _site:
        output = Path(tempfile.mkdtemp(prefix="warta-contoh-")) / "output"
        try:
            build(output)
        except BuildError as exc:
            # Broken sample content: stop the run with the editor's message (file:line: rule),
            # not a traceback through this fixture (issue 5).
            shutil.rmtree(output.parent, ignore_errors=True)
            pytest.exit(f"Konten contoh tidak dapat dibangun.\n{exc}", returncode=1)
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
    _tampilan["selected"] = {kind: sum(1 for item in items if _kind_of(item.nodeid) == kind)
                             for kind in ("variant", "check")}


def record_audited(page):
    """Called by the audit test for every page it audited."""
    _audit["audited"].add(page)


def pytest_terminal_summary(terminalreporter):
    if "path" in _site and _audit["selected"]:
        built = _site["built"]
        terminalreporter.write_line(
            f"audit axe: {len(_audit['audited'])} halaman diaudit dari {built} halaman yang dibangun"
        )
    _write_variant_coverage(terminalreporter)


def pytest_sessionfinish(session, exitstatus):
    # Fail closed: when the whole audit was selected, every built page must have been audited.
    if "path" in _site:
        built = _site["built"]
        if _audit["selected"] == built and len(_audit["audited"]) != built and exitstatus == 0:
            session.exitstatus = 1
        _write_last_audit(built)
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

# --- Tampilan: variant audits, browser checks and the last-audit record (issue 4) -------------
# Variant audits run axe on one page per template under each display variant; the summary prints
# the templates × variants grid. When the whole gate ran (every built page, every variant, every
# browser check), the result is written to WARTA_AUDIT_RECORD for the accessibility statement.
_tampilan = {"selected": {}, "variants": {}, "outcomes": {}, "axe_version": ""}
VARIANT_TESTS = "test_tampilan_audit.py::test_template_passes_axe_under_variant["
CHECK_TESTS = "test_wcag_browser.py::"
PAGE_TESTS = "test_audit.py::test_page_passes_axe["


def _kind_of(nodeid):
    if "_catches_" in nodeid:
        return None  # the checks' own tests on the known-bad fixture are not checks of the site
    for kind, marker in (("variant", VARIANT_TESTS), ("check", CHECK_TESTS), ("page", PAGE_TESTS)):
        if marker in nodeid:
            return kind
    return None


@pytest.fixture
def clean_browser(browser):
    """The shared browser, reset after the test (stored preferences, emulation) whatever happens."""
    yield browser
    reset_browser(browser)


def record_variant(template, variant, page, result):
    """Called by the variant audit for every (template, variant) it audited."""
    _tampilan["variants"][(template, variant)] = {"page": page, "passed": result.passed}
    _tampilan["axe_version"] = result.axe_version


def pytest_runtest_logreport(report):
    kind = _kind_of(report.nodeid)
    if kind is None:
        return
    outcomes = _tampilan["outcomes"].setdefault(kind, {})
    if report.failed:
        outcomes[report.nodeid] = False
    elif report.when == "call":
        outcomes.setdefault(report.nodeid, True)


def _write_variant_coverage(terminalreporter):
    done = _tampilan["variants"]
    if not done:
        return
    names = list(VARIANTS)
    terminalreporter.write_line(
        f"audit axe per tampilan: {len(done)} audit, {len(TEMPLATES)} templat × {len(names)} varian"
    )
    width = max(len(t) for t in TEMPLATES) + 2
    terminalreporter.write_line("  " + "templat".ljust(width) + " ".join(n.ljust(9) for n in names))
    for template in TEMPLATES:
        cells = []
        for name in names:
            entry = done.get((template, name))
            cells.append(("-" if entry is None else "lolos" if entry["passed"] else "GAGAL").ljust(9))
        terminalreporter.write_line("  " + template.ljust(width) + " ".join(cells))


def _write_last_audit(built):
    outcomes = _tampilan["outcomes"]
    pages = outcomes.get("page", {})
    variants = outcomes.get("variant", {})
    checks = outcomes.get("check", {})
    complete = (
        _audit["selected"] == built == len(pages)
        and len(variants) == len(TEMPLATES) * len(VARIANTS) == _tampilan["selected"].get("variant")
        and checks and len(checks) == _tampilan["selected"].get("check")
    )
    if not complete:
        return  # a partial run says nothing about the whole site
    try:
        commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        commit = None
    setting = load_settings().get("WARTA_AUDIT_RECORD")
    if not setting:
        return
    write_audit_record(
        ROOT / setting,
        pages=len(pages), pages_failed=sum(not ok for ok in pages.values()),
        variant_audits=len(variants), variant_audits_failed=sum(not ok for ok in variants.values()),
        checks=len(checks), checks_failed=sum(not ok for ok in checks.values()),
        templates=len(TEMPLATES), variants=[spec["label"] for spec in VARIANTS.values()],
        axe_version=_tampilan["axe_version"], commit=commit,
    )

