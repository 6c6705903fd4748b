"""Shared fixtures: one build of the sample portal, one loopback server, one browser per run."""

import fcntl
import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG

from warta import EXAMPLE

# Warta's own tests build and audit the sample portal, never a city's content that may sit at
# the project root: every command these tests run, in this process or a child, reads the
# example's settings unless a test names others.
os.environ["WARTA_CITY_SETTINGS"] = str(EXAMPLE / "pelicanconf.py")

from marks import fixture_marks, parametrize_pages, worker_group

from warta.commands.audit import AuditOptions, Auditor, Cache, find_pages, start_browser
from warta.commands.build import build
from warta.commands.gate import record_path, run_gate, variant_grid
from warta.commands.gate.variants import TEMPLATES, VARIANTS, reset_browser
from warta.commands.server import serve
from warta.content.compiled_templates import CompiledTemplates
from warta.content.errors import BuildError

TEST_DATA = Path(__file__).parent / "test_data"

_site = {}


# Every build in this process (the sample, the published portal, each small test build) gets
# the cache through Pelican's defaults, which fill in what a portal's JINJA_ENVIRONMENT leaves
# out. Builds in a child process compile as a portal's own build does.
_site["templates"] = Path(tempfile.mkdtemp(prefix="warta-templat-"))
DEFAULT_CONFIG["JINJA_ENVIRONMENT"]["bytecode_cache"] = CompiledTemplates(str(_site["templates"]))


def pytest_configure(config):
    # One name per run, which pytest-xdist's workers inherit from the process that starts
    # them: they share what is built under it. A pytest a test starts gets its own.
    if not hasattr(config, "workerinput"):
        os.environ["WARTA_TEST_RUN"] = uuid.uuid4().hex


def shared_folder(name):
    """The folder for ``name`` that every worker of this run shares; whoever needs it first
    makes it, holding the folder's lock, and the others wait and take it as it is."""
    return Path(tempfile.gettempdir()) / f"warta-{name}-{os.environ['WARTA_TEST_RUN']}"


def sample_site():
    """The sample portal, built once per run, for all its workers. Also called at collection
    time to parametrize."""
    if "path" not in _site:
        shared = shared_folder("contoh")
        shared.mkdir(exist_ok=True)
        with open(shared / "kunci", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (shared / "selesai").exists():
                _build_sample(shared)
                (shared / "selesai").touch()
        _site["path"] = shared / "output"
        _site["built"] = len(find_pages(_site["path"]))
    return _site["path"]


def _build_sample(folder):
    output = folder / "output"
    try:
        build(output)
    except BuildError as exc:
        # Broken sample content: stop the run with the editor's message (file:line: rule),
        # not a traceback through this fixture.
        shutil.rmtree(folder, ignore_errors=True)
        pytest.exit(f"Konten contoh tidak dapat dibangun.\n{exc}", returncode=1)
    return output


def pytest_collection_modifyitems(config, items):
    for item in items:
        for mark in fixture_marks(getattr(item, "fixturenames", ())):
            item.add_marker(mark)
    if hasattr(config, "workerinput"):
        # A pytest-xdist worker tells the controller's scheduler which tests share a session
        # fixture; every worker collects the same tests, so they write the same file.
        groups = {item.nodeid: group for item in items if (group := worker_group(item))}
        target = shared_folder("kelompok.json")
        partial = target.with_suffix(f".{os.getpid()}")
        partial.write_text(json.dumps(groups), encoding="utf-8")
        partial.replace(target)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadscope`, with each module a unit of work as usual, except that the tests of
    one shared session fixture (marks.worker_group) are one unit: it is made in one worker.
    (xdist's own `loadgroup` cannot do this under pytest 9, whose node ids it cannot amend.)"""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling  # noqa: PLC0415 - only under xdist

    class SharedFixtureScheduling(LoadScopeScheduling):
        groups = None

        def _split_scope(self, nodeid):
            if self.groups is None:
                target = shared_folder("kelompok.json")
                self.groups = json.loads(target.read_text("utf-8")) if target.exists() else {}
            return self.groups.get(nodeid) or super()._split_scope(nodeid)

    return SharedFixtureScheduling(config, log)


def pytest_generate_tests(metafunc):
    # One test per built page, per template and variant, per check: a failure names its page.
    if "built_page" in metafunc.fixturenames:
        parametrize_pages(metafunc, "built_page", lambda: find_pages(sample_site()))


def gate_summary(gate):
    """What the run's log says of the session's gate: pages audited against pages built."""
    written = gate.record is not None
    return [
        f"audit axe: {len(gate.pages.results)} halaman diaudit dari {len(gate.built)} halaman "
        f"yang dibangun",
        f"audit axe per tampilan: {len(gate.variant_results())} audit, {len(TEMPLATES)} templat "
        f"× {len(VARIANTS)} varian",
        *variant_grid(gate),
        f"catatan audit: {'ditulis' if written else 'tidak ditulis'} ({_site.get('record')})",
    ]


def pytest_terminal_summary(terminalreporter):
    lines = gate_summary(_site["gate"]) if "gate" in _site else _site.get("gate_summary", [])
    for line in lines:
        terminalreporter.write_line(line)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist, in the controller: the worker that ran the gate sends its summary."""
    lines = getattr(node, "workeroutput", {}).get("warta_gate")
    if lines:
        _site["gate_summary"] = lines


def pytest_sessionfinish(session, exitstatus):
    worker = getattr(session.config, "workerinput", None) is not None
    if worker and "gate" in _site:
        session.config.workeroutput["warta_gate"] = gate_summary(_site["gate"])
    if not worker:  # the workers share these: they go once all are done
        shutil.rmtree(shared_folder("contoh"), ignore_errors=True)
        shared_folder("kelompok.json").unlink(missing_ok=True)
    shutil.rmtree(_site["templates"], ignore_errors=True)
    if "gate_cache" in _site:
        shutil.rmtree(_site["gate_cache"], ignore_errors=True)


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
def gate(site):
    """The gate run once on the sample portal, as `make audit` runs it (2 workers), with an
    empty cache folder: every page is judged fresh, and what it stores there serves the tests
    of reuse (gate_cache). It writes the audit record itself; the tests only read its results."""
    _site["record"] = record_path()
    _site["gate_cache"] = Path(tempfile.mkdtemp(prefix="warta-gerbang-cache-"))
    _site["gate"] = run_gate(site, AuditOptions(workers=2, cache=Cache.REUSE,
                                                cache_dir=_site["gate_cache"]),
                             record=_site["record"])
    return _site["gate"]


@pytest.fixture(scope="session")
def gate_cache(gate):
    """The cache folder the session's gate filled. Copy it before changing it."""
    return _site["gate_cache"]


@pytest.fixture
def build_site(tmp_path):
    """Build a given content folder into tmp_path/output; returns the output path. Pagefind
    runs only when a test asks for it (``SEARCH_INDEX=True``): it is a tenth of a small build,
    and the search tests have their own builds."""

    def _build(content, output=None, **overrides):
        output = output or tmp_path / "output"
        build(output, content=content, **{"SEARCH_INDEX": False, **overrides})
        return output

    return _build


@pytest.fixture
def content_dir(tmp_path):
    """A writable copy of the small test content (two articles, one page)."""
    target = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", target)
    return target


# --- Production build, served by nginx -------------------------------------------------------
@pytest.fixture(scope="session")
def published_site():
    """The sample portal built with publishconf.py (minified, hashed, precompressed)."""
    import published  # noqa: PLC0415 - only the nginx tests need its helpers

    work, output, _ = published.published()
    yield output
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def published_url(published_site):
    """The published portal deployed to a local folder and served by Debian's nginx over TLS."""
    import published  # noqa: PLC0415 - only the nginx tests need its helpers

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

@pytest.fixture
def clean_browser(browser):
    """The shared browser, reset after the test (stored preferences, emulation) whatever happens."""
    yield browser
    reset_browser(browser)
