"""The audit gate: every built page passes axe-core, and the gate cannot pass vacuously."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from helpers import HANG_GUARD

from warta import EXAMPLE, ROOT
from warta.commands.audit import (
    AXE_TAGS,
    DISABLED_RULES,
    NAVIGATION_RULE,
    PROFILE_PREFIX,
    AuditError,
    Auditor,
    audit_site,
    axe_options,
    find_pages,
    page_url,
    start_browser,
)
from warta.commands.audit.report import JSON_REPORT, write_reports
from warta.commands.server import serve

FIXTURES = Path(__file__).parent / "fixtures"
# Pages that leave for /tentang/ (which passes axe) while they themselves have an unlabeled field.
MOVING = FIXTURES / "pindah"


def test_page_passes_axe(built_page, gate):
    # Every page was audited by the gate's parallel engine, the same one `make audit` runs.
    result = gate.page_result(built_page)
    assert result.page == built_page and result.variant == ""
    assert result.error or result.axe_version.startswith("4.14."), result.format()
    assert result.passed, "\n" + result.format()


def test_gate_audited_exactly_the_built_pages(site, gate):
    # An empty or partial build, or an audit of fewer pages than were built, cannot pass as
    # "no violations": the pages audited are the pages built, and the build has the content.
    built = find_pages(site)
    assert gate.built == built
    assert [r.page for r in gate.pages.results] == built
    assert gate.pages.audited == len(built) and gate.pages.reused == 0
    articles = list((EXAMPLE / "content" / "berita").glob("*.md"))
    pages = list((EXAMPLE / "content" / "halaman").glob("*.md"))
    assert len(built) >= len(articles) + len(pages) + 5
    assert "index.html" in built and "404.html" in built


def test_find_pages_lists_every_html_file_and_nothing_else(tmp_path):
    for name in ("index.html", "a/index.html", "a/b/c.html", "gaya.css", "b/catatan.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert find_pages(tmp_path) == ["a/b/c.html", "a/index.html", "index.html"]


def test_audit_runs_the_wcag_22_tags_in_the_browser(browser):
    assert AXE_TAGS == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    with serve(FIXTURES / "bad") as base_url:
        auditor = Auditor(browser, base_url)
        auditor.load("index.html")
        ran = auditor.run_axe("index.html")["toolOptions"]
    # What axe itself says it ran, not what we meant to pass it.
    assert ran["runOnly"]["values"] == AXE_TAGS
    assert set(ran.get("rules", {})) == set(DISABLED_RULES)


def test_every_disabled_rule_has_a_reason_and_names_a_real_axe_rule(browser):
    with serve(FIXTURES / "bad") as base_url:
        auditor = Auditor(browser, base_url)
        auditor.load("index.html")
        auditor.axe.inject()
        known = set(auditor.axe.evaluate("axe.getRules().map(r => r.ruleId)"))
    assert "image-alt" in known
    for rule, reason in DISABLED_RULES.items():
        assert rule in known, f"{rule} bukan aturan axe-core"
        assert reason.strip(), f"{rule} dimatikan tanpa alasan"


def test_a_disabled_rule_is_not_reported(browser):
    # The switch DISABLED_RULES relies on: with image-alt off, the known-bad page's missing
    # alt text is no longer a finding, while its other failures still are.
    options = axe_options(disabled_rules={"image-alt": "uji"})
    assert options["rules"] == {"image-alt": {"enabled": False}}
    with serve(FIXTURES / "bad") as base_url:
        result = Auditor(browser, base_url, options=options).audit("index.html")
    rules = {v.rule for v in result.violations}
    assert "image-alt" not in rules and "link-name" in rules


def test_known_bad_page_fails_the_audit(browser):
    with serve(FIXTURES / "bad") as base_url:
        result = Auditor(browser, base_url).audit("index.html")
    rules = {v.rule for v in result.violations}
    assert {"image-alt", "color-contrast", "link-name"} <= rules
    report = result.format()
    # The message names the rule, impact, selector, the failing HTML and the help URL.
    assert "image-alt (critical)" in report
    assert "selektor: img" in report
    assert "<img src=" in report
    assert "https://dequeuniversity.com/rules/axe/4.14/image-alt" in report


@pytest.mark.browser
def test_missing_chromedriver_fails_closed(tmp_path):
    with pytest.raises(AuditError, match="chromium-driver"):
        start_browser(chromedriver=tmp_path / "chromedriver")


@pytest.mark.browser
def test_chromium_that_cannot_start_fails_closed(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    with pytest.raises(AuditError, match="tidak dapat dijalankan"):
        start_browser(chromium=fake)


# A page whose own script replaces axe (served from the theme's js folder, so only the isolated
# world stands between it and a false pass) and which has a real violation.
AXE_TAMPERING = """
const fake = {version: '4.14.0', run: () => Promise.resolve({violations: [], passes: [],
  incomplete: [], inapplicable: [], testEngine: {version: '4.14.0'}, toolOptions: {}})};
Object.defineProperty(window, 'axe', {get: () => fake, set: () => {}, configurable: false});
"""


def _tampering_site(folder, script):
    (folder / "theme" / "js").mkdir(parents=True)
    (folder / "theme" / "js" / "ganti.js").write_text(AXE_TAMPERING, encoding="utf-8")
    (folder / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>'
        f'{script}</head><body><main><h1>Uji</h1><img src="peta.png"></main></body></html>',
        encoding="utf-8")


def test_a_page_script_that_replaces_axe_cannot_make_the_page_pass(browser, tmp_path):
    _tampering_site(tmp_path, '<script src="/theme/js/ganti.js"></script>')
    with serve(tmp_path) as base_url:
        auditor = Auditor(browser, base_url)
        result = auditor.audit("index.html")
        # The page's own world did get the fake: only axe's isolated world saw the truth.
        assert browser.execute_script("return window.axe.run.length") == 0
    assert auditor.axe.isolated
    assert "image-alt" in {v.rule for v in result.violations}, result.format()
    assert not result.passed


def test_a_script_that_is_not_the_themes_fails_the_page(browser, tmp_path):
    _tampering_site(tmp_path, '<script>document.title = "Uji";</script>'
                              '<script src="https://contoh.invalid/x.js"></script>')
    (tmp_path / "index.html").write_text((tmp_path / "index.html").read_text().replace(
        '<img src="peta.png">', '<img src="peta.png" alt="Peta kota">'))
    with serve(tmp_path) as base_url:
        result = Auditor(browser, base_url).audit("index.html")
    assert [v.rule for v in result.violations] == ["warta-foreign-script"], result.format()


def test_a_page_with_only_the_themes_scripts_passes(browser, tmp_path):
    _tampering_site(tmp_path, '<script type="application/ld+json">{"@type": "Thing"}</script>')
    (tmp_path / "theme" / "js" / "ganti.js").write_text("document.documentElement.dataset.x = 1;")
    (tmp_path / "index.html").write_text((tmp_path / "index.html").read_text().replace(
        '<img src="peta.png">', '<script src="/theme/js/ganti.js"></script>'
        '<img src="peta.png" alt="Peta kota">'))
    with serve(tmp_path) as base_url:
        result = Auditor(browser, base_url).audit("index.html")
    assert result.passed, result.format()


def test_missing_axe_script_fails_closed(browser, tmp_path):
    with pytest.raises(AuditError, match="axe-core tidak ditemukan"):
        Auditor(browser, "http://127.0.0.1:1", axe_script=tmp_path / "axe.min.js")


def test_axe_that_does_not_load_fails_closed(browser, tmp_path):
    broken = tmp_path / "axe.min.js"
    broken.write_text("window.axe = undefined;")
    with serve(FIXTURES / "bad") as base_url:
        auditor = Auditor(browser, base_url, axe_script=broken)
        with pytest.raises(AuditError, match="tidak termuat"):
            auditor.audit("index.html")


def test_page_that_is_not_served_fails_closed(browser):
    with serve(FIXTURES / "bad") as base_url:
        with pytest.raises(AuditError, match="404"):
            Auditor(browser, base_url).audit("tidak-ada.html")


def test_pages_are_audited_at_their_folder_address():
    assert page_url("http://h", "index.html") == "http://h/"
    assert page_url("http://h", "berita/2024/a/index.html") == "http://h/berita/2024/a/"
    assert page_url("http://h", "404.html") == "http://h/404.html"


# --- The audit audits the page it was asked to ---------------------------------------------------


def audit_moving(browser, page):
    with serve(MOVING) as base_url:
        return Auditor(browser, base_url).audit(page)


def assert_moved_to_tentang(result):
    assert not result.passed
    assert NAVIGATION_RULE in {v.rule for v in result.violations}, result.format()
    assert "berpindah ke /tentang/" in result.format(), result.format()


def test_page_that_refreshes_to_another_at_once_fails(browser):
    assert_moved_to_tentang(audit_moving(browser, "segarkan.html"))


def test_page_with_a_refresh_that_would_fire_after_the_audit_still_fails(browser):
    result = audit_moving(browser, "segarkan-nanti.html")
    assert_moved_to_tentang(result)
    assert "setelah 30 detik" in result.format()
    # The page never left, so axe's findings are about it and are kept.
    assert "label" in {v.rule for v in result.violations}


@pytest.mark.parametrize("page", ["skrip-setelah-muat.html", "skrip-langsung.html"])
def test_page_that_moves_by_script_fails(browser, page):
    assert_moved_to_tentang(audit_moving(browser, page))


def test_page_the_server_redirects_fails(browser):
    result = audit_moving(browser, "tentang")  # answered with 301 to /tentang/
    assert_moved_to_tentang(result)
    assert "pengalihan dari server" in result.format()


def test_page_that_stays_still_passes(browser):
    result = audit_moving(browser, "index.html")
    assert result.passed, result.format()


@pytest.mark.browser
def test_page_that_moves_fails_in_the_reports_and_is_never_cached(tmp_path):
    cache = tmp_path / "cache"
    first = audit_site(MOVING, workers=1, cache_dir=cache)
    write_reports(first, tmp_path / "r", MOVING)
    report = json.loads((tmp_path / "r" / JSON_REPORT).read_text(encoding="utf-8"))
    status = {page["page"]: page["status"] for page in report["pages"]}
    stay = {"index.html", "tentang/index.html"}
    assert status == {page: "lolos" if page in stay else "gagal" for page in find_pages(MOVING)}
    again = audit_site(MOVING, workers=1, cache_dir=cache)
    assert {r.page for r in again.results if r.reused} == stay
    assert not again.passed


# --- Every browser the audit starts is gone when it ends -----------------------------------------
#
# The audit runs as `python -m warta audit` with a TMPDIR of the test's own: every
# profile folder it makes, and so the command line of every Chromium process of that run,
# names that folder, and browsers of other tests running at the same time are left alone.


def processes_naming(folder):
    """{pid: (ppid, args)} of the running (not zombie) processes whose command line names it."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            args = Path(f"/proc/{entry}/cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] not in "ZX" and any(str(folder) in arg for arg in args):
            found[int(entry)] = (int(fields[1]), args)
    return found


def browser_mains(folder):
    """pid -> parent pid of each Chromium browser process (not its helpers) of the run."""
    return {
        pid: ppid for pid, (ppid, args) in processes_naming(folder).items()
        if args[0].endswith("/chromium") and not any(a.startswith("--type=") for a in args)
    }


def is_chromedriver(pid):
    try:
        return running(pid) and Path(f"/proc/{pid}/exe").resolve().name == "chromedriver"
    except OSError:
        return False


def kill(pid):
    with contextlib.suppress(ProcessLookupError):  # it may have just exited
        os.kill(pid, signal.SIGKILL)


def running(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in "ZX"
    except OSError:
        return False


@pytest.fixture
def slow_site(tmp_path):
    """A one-page site that never finishes loading (its image waits on a socket that never
    answers), so the audit is always mid-page when the test strikes; no CPU is burnt."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    site = tmp_path / "situs"
    site.mkdir()
    (site / "index.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Lambat</title></head>'
        '<body><main><h1>Halaman yang lambat</h1><img alt="" width="1" height="1" '
        f'src="http://127.0.0.1:{silent.getsockname()[1]}/gambar.png"></main></body></html>',
        encoding="utf-8",
    )
    yield site
    silent.close()


@pytest.fixture
def profiles():
    """The run's TMPDIR. Short, not under tmp_path: Chromium will not start when its temporary
    folder's path is long (its sockets there have a length limit), whatever the audit does."""
    folder = Path(tempfile.mkdtemp(prefix="wu-", dir="/tmp"))
    yield folder
    # Only after a failure is anything left; never leave it to run on for the other tests.
    for ppid in browser_mains(folder).values():
        if is_chromedriver(ppid):
            kill(ppid)
    deadline = time.monotonic() + 10
    while processes_naming(folder) and time.monotonic() < deadline:
        for pid in processes_naming(folder):
            kill(pid)
        time.sleep(0.05)  # a dying Chromium still writes to its profile
    shutil.rmtree(folder, ignore_errors=True)


def start_audit(site, tmp_path, profiles):
    process = subprocess.Popen(
        [sys.executable, "-m", "warta", "audit", "--output", str(site), "--workers", "1",
         # The page never loads. An hour, so an audit that waits for it rather than ending
         # because of what the test did outlasts HANG_GUARD by far and the test fails.
         "--timeout", "3600", "--progress", "lines",
         "--cache-dir", str(tmp_path / "c"), "--reports", str(tmp_path / "r")],
        cwd=ROOT, env=dict(os.environ, TMPDIR=str(profiles)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    return process


def wait_until(condition, process):
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        assert process.poll() is None, "audit ended early:\n" + "".join(process.communicate())
        time.sleep(0.05)
    process.kill()
    raise AssertionError("timed out waiting for the audit's browser")


def assert_nothing_left(profiles, drivers):
    assert processes_naming(profiles) == {}
    assert not [pid for pid in drivers if running(pid)], "chromedriver still running"
    assert not list(profiles.glob(PROFILE_PREFIX + "*")), "profile folders left behind"


def strike_every_browser(process, profiles, target):
    """Kill each new browser of the run (its chromedriver or its Chromium) as it appears, until
    the audit exits: a browser that is replaced once would simply be retried. Returns the
    chromedriver pids seen and the audit's exit status."""
    drivers, struck = set(), set()
    wait_until(lambda: browser_mains(profiles), process)
    deadline = time.monotonic() + HANG_GUARD
    while process.poll() is None and time.monotonic() < deadline:
        for pid, ppid in browser_mains(profiles).items():
            if is_chromedriver(ppid):
                drivers.add(ppid)
            victim = ppid if target == "chromedriver" else pid
            aimed = target != "chromedriver" or ppid in drivers
            if aimed and victim not in struck and victim != 1:
                struck.add(victim)
                kill(victim)
        time.sleep(0.05)
    try:
        process.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert struck
    return drivers, process.returncode


@pytest.mark.build
@pytest.mark.parametrize("target", ["chromedriver", "chromium"])
def test_browser_killed_mid_run_fails_the_audit_and_leaves_no_process(slow_site, tmp_path, profiles,
                                                                     target):
    process = start_audit(slow_site, tmp_path, profiles)
    drivers, status = strike_every_browser(process, profiles, target)
    assert status != 0
    assert_nothing_left(profiles, drivers)


@pytest.mark.build
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_audit_kills_its_browsers_and_fails(slow_site, tmp_path, profiles, signum):
    process = start_audit(slow_site, tmp_path, profiles)
    # A renderer of the run means the page is being loaded.
    wait_until(lambda: any("--type=renderer" in arg for _, args in
                           processes_naming(profiles).values() for arg in args), process)
    drivers = set(browser_mains(profiles).values())
    time.sleep(0.5)
    process.send_signal(signum)
    try:
        # Not a time limit on stopping: an audit that waited for the page (--timeout 3600)
        # rather than stopping would still be waiting when HANG_GUARD runs out.
        _, stderr = process.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the audit waited for the page instead of stopping")
    assert process.returncode != 0
    assert f"Audit dihentikan ({signal.Signals(signum).name})" in stderr, stderr
    assert_nothing_left(profiles, drivers)


def _disclosure_site(folder, opened):
    (folder / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji</title></head>'
        f'<body><main><h1>Uji</h1><details{" open" if opened else ""}><summary>Lampiran</summary>'
        '<p><a href="/peta/"><img src="peta.png"></a></p></details></main></body></html>',
        encoding="utf-8")


@pytest.mark.parametrize("opened", [False, True], ids=["tertutup", "terbuka"])
def test_what_a_details_holds_is_audited_closed_or_open(browser, tmp_path, opened):
    _disclosure_site(tmp_path, opened)
    with serve(tmp_path) as base_url:
        result = Auditor(browser, base_url).audit("index.html")
    assert {"image-alt", "link-name"} <= {v.rule for v in result.violations}, result.format()


def test_a_details_with_named_content_passes(browser, tmp_path):
    _disclosure_site(tmp_path, False)
    page = tmp_path / "index.html"
    page.write_text(page.read_text().replace('<img src="peta.png">',
                                             '<img src="peta.png" alt="Peta kota">'))
    with serve(tmp_path) as base_url:
        result = Auditor(browser, base_url).audit("index.html")
    assert result.passed, result.format()
