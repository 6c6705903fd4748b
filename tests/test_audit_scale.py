"""Audit at scale: parallel workers, the incremental cache, reports and bad input."""

import json
import os
import shutil
import signal
import socket
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import run_warta

from warta.commands.audit import (
    CACHE_FILE,
    AuditError,
    Auditor,
    Cache,
    Variant,
    audit_site,
    file_sha256,
    find_pages,
    start_browser,
)
from warta.commands.audit.progress import LineProgress
from warta.commands.audit.report import JSON_REPORT, console_summary, load_sources, write_reports
from warta.commands.build import build, source_map_path
from warta.commands.gate import check_keys
from warta.commands.gate.variants import TEMPLATES, VARIANTS
from warta.commands.server import serve
from warta.content.errors import BuildError

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"
FIXTURES = Path(__file__).parent / "fixtures"

BAD_ARTICLE = """Title: Berita dengan gambar tanpa teks alternatif
Date: 2024-05-02 10:00
Category: Diskominfo
Slug: gambar-tanpa-alt
Summary: Berita uji yang sengaja punya satu hambatan.

Gambar di bawah kehilangan teks alternatifnya setelah build (lihat failing_site):

![Lambang Kota Contoh]({static}/images/logo-kota-contoh.svg)
"""
BAD_PAGE = "berita/2024/gambar-tanpa-alt/index.html"
BAD_SOURCE = "berita/2024-05-02-gambar-tanpa-alt.md"


def run_cli(*args):
    """`warta audit --pages-only`, in this process (run_warta): these sites lack most templates,
    so the whole gate would fail them for that alone; the page audit is what this module is
    about."""
    return run_warta("audit", "--pages-only", *args)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """The two-article test portal, built once for this module; tests copy it to change it."""
    output = tmp_path_factory.mktemp("kecil") / "output"
    build(output, content=TEST_CONTENT)
    return output


@pytest.fixture
def site_copy(small_site, tmp_path):
    """A private, writable copy of the small built site (with its source map), cut to a few
    pages of different templates: the cache and the command treat every page alike, and each
    page audited costs a browser visit."""
    output = tmp_path / "output"
    shutil.copytree(small_site, output)
    shutil.copy(source_map_path(small_site), source_map_path(output))
    return keep_only(output, COPIED_PAGES)


def keep_only(output, pages):
    """``output`` with no HTML page but ``pages``: each page audited costs a browser visit."""
    for page in find_pages(output):
        if page not in pages:
            (output / page).unlink()
    assert sorted(find_pages(output)) == sorted(pages)
    return output


COPIED_PAGES = {"index.html", "404.html", "topik/index.html", "arsip/index.html"}


@pytest.fixture(scope="module")
def failing_site(tmp_path_factory):
    """The test portal plus one article with an image that has no alt text."""
    base = tmp_path_factory.mktemp("gagal")
    content = base / "content"
    shutil.copytree(TEST_CONTENT, content)
    (content / BAD_SOURCE).write_text(BAD_ARTICLE, encoding="utf-8")
    output = base / "output"
    build(output, content=content)
    # The content checks refuse an image without alt text at build time, so the barrier is
    # put into the built page afterwards, as a broken theme or plugin could.
    page = output / BAD_PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</main>", '<img src="/images/logo-kota-contoh.svg" width="40" height="40"></main>', 1
        ),
        encoding="utf-8",
    )
    return output


@pytest.fixture(scope="module")
def failing_run(failing_site, tmp_path_factory):
    """One parallel audit of the failing site, with its three reports written."""
    reports = tmp_path_factory.mktemp("laporan")
    # The bad page among a few of every kind: each page audited costs a browser visit.
    run = audit_site(failing_site, workers=2, cache=Cache.OFF,
                     pages=sorted(COPIED_PAGES | {BAD_PAGE}))
    write_reports(run, reports, failing_site)
    return run, reports


def kill_browser(driver):
    """Kill the Chromium behind a local WebDriver session, as a crash would."""
    driver_pid = driver.service.process.pid
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == driver_pid:
                os.kill(int(entry), signal.SIGKILL)


# --- Parallel workers ------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.build
def test_two_workers_audit_every_page_once(site_copy, tmp_path):
    run = audit_site(site_copy, workers=2, cache_dir=tmp_path / "cache")
    assert [r.page for r in run.results] == find_pages(site_copy)
    assert run.audited == len(find_pages(site_copy)) and run.reused == 0
    assert run.passed, "\n".join(r.format() for r in run.results if not r.passed)
    assert all(r.axe_version.startswith("4.14.") for r in run.results)


@pytest.mark.browser
@pytest.mark.build
def test_each_page_records_the_css_it_loaded(small_site, tmp_path):
    run = audit_site(small_site, workers=1, pages=["index.html"], cache_dir=tmp_path / "c")
    assert any(url.endswith("/theme/css/warta.css") for url in run.results[0].resources)


@pytest.mark.browser
@pytest.mark.build
def test_browser_session_gives_every_page_the_pinned_axe_once(small_site):
    driver = start_browser()
    try:
        with serve(small_site) as base_url:
            first = Auditor(driver, base_url)
            calls = []
            driver.execute_cdp_cmd = lambda *args: calls.append(args)
            second = Auditor(driver, base_url)  # the same session: nothing registered again
            del driver.execute_cdp_cmd
            assert first.axe.isolated and second.axe.isolated and calls == []
            for page in ("index.html", "topik/index.html"):
                second.load(page)
                # In axe's own world before anything is injected through WebDriver, and not in
                # the page's.
                assert second.axe.version().startswith("4.14.")
                assert driver.execute_script("return typeof axe") == "undefined"
                assert second.audit(page).passed
    finally:
        driver.quit()


@pytest.mark.build
def test_audit_server_lets_the_browser_keep_assets_but_not_pages(small_site):
    import urllib.request  # noqa: PLC0415

    with serve(small_site, cache_assets=True) as base_url:
        css = urllib.request.urlopen(f"{base_url}/theme/css/warta.css")  # noqa: S310 - our loopback server
        page = urllib.request.urlopen(f"{base_url}/")  # noqa: S310 - our loopback server
    assert css.headers["Cache-Control"] == "max-age=3600"
    assert page.headers["Cache-Control"] is None


# --- Incremental cache -------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.build
def test_unchanged_site_reuses_every_clean_result(site_copy, tmp_path):
    cache = tmp_path / "cache"
    audit_site(site_copy, workers=1, cache_dir=cache)
    again = audit_site(site_copy, workers=1, cache_dir=cache)
    assert again.audited == 0
    assert again.reused == len(find_pages(site_copy))
    assert again.passed


@pytest.mark.browser
@pytest.mark.build
def test_changed_article_reaudits_exactly_the_pages_whose_bytes_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    output = tmp_path / "output"
    build(output, content=content)
    cache = tmp_path / "cache"
    # The edited article's page among a few of other kinds: each page audited costs a visit.
    pages = sorted(COPIED_PAGES | {"berita/2023/pemeriksaan-pangan-uji/index.html"})
    audit_site(output, pages=pages, workers=1, cache_dir=cache)
    before = {page: file_sha256(output / page) for page in pages}

    article = content / "berita" / "2023-02-01-uji-kedua.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nSatu kalimat baru.\n", "utf-8")
    build(output, content=content)
    changed = {page for page in pages if before[page] != file_sha256(output / page)}

    run = audit_site(output, pages=pages, workers=1, cache_dir=cache)
    audited = {r.page for r in run.results if not r.reused}
    assert changed and audited == changed
    assert run.reused == len(pages) - len(changed) > 0


@pytest.mark.browser
@pytest.mark.build
def test_changed_theme_css_reaudits_every_page(site_copy, tmp_path):
    cache = tmp_path / "cache"
    audit_site(site_copy, workers=1, cache_dir=cache)
    css = site_copy / "theme" / "css" / "warta.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* berubah */\n", encoding="utf-8")
    run = audit_site(site_copy, workers=1, cache_dir=cache)
    assert run.reused == 0 and run.audited == len(find_pages(site_copy))


@pytest.mark.build
def test_all_flag_ignores_the_cache(site_copy, tmp_path):
    cache = tmp_path / "cache"
    assert run_cli("--output", site_copy, "--cache-dir", cache, "--reports", tmp_path / "r1").returncode == 0
    result = run_cli("--output", site_copy, "--cache-dir", cache, "--reports", tmp_path / "r2", "--all")
    total = len(find_pages(site_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{total} halaman: {total} diaudit, 0 dipakai ulang" in result.stdout


@pytest.mark.browser
def test_failing_page_is_never_cached(tmp_path):
    cache = tmp_path / "cache"
    first = audit_site(FIXTURES / "bad", workers=1, cache_dir=cache)
    second = audit_site(FIXTURES / "bad", workers=1, cache_dir=cache)
    assert not first.passed and not second.passed
    assert second.reused == 0 and second.audited == 1


@pytest.mark.browser
@pytest.mark.build
def test_cache_depends_on_the_axe_options(site_copy, tmp_path):
    cache = tmp_path / "cache"
    audit_site(site_copy, workers=1, cache_dir=cache, pages=["index.html"])
    other = {"runOnly": {"type": "tag", "values": ["wcag2a"]}, "resultTypes": ["violations"]}
    run = audit_site(site_copy, workers=1, cache_dir=cache, pages=["index.html"], axe_options=other)
    assert run.reused == 0


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.build
def test_corrupt_cache_is_discarded_everything_audited_and_the_run_fails(site_copy, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / CACHE_FILE).write_text('{"format": 1, "entries": {"index.html": 5', encoding="utf-8")
    result = run_cli("--output", site_copy, "--cache-dir", cache, "--reports", tmp_path / "r")
    total = len(find_pages(site_copy))
    assert result.returncode == 1
    assert "Cache audit rusak dan dibuang" in result.stdout
    assert f"{total} halaman: {total} diaudit, 0 dipakai ulang" in result.stdout
    # The cache written by that run is sound: the next run reuses it and passes.
    again = run_cli("--output", site_copy, "--cache-dir", cache, "--reports", tmp_path / "r")
    assert again.returncode == 0 and f"0 diaudit, {total} dipakai ulang" in again.stdout


@pytest.mark.browser
@pytest.mark.build
def test_output_folder_without_html_stops_the_audit(tmp_path):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.txt").write_text("bukan HTML")
    result = run_cli("--output", tmp_path / "kosong", "--cache-dir", tmp_path / "c")
    assert result.returncode == 2
    assert "Tidak ada halaman HTML" in result.stderr and "make html" in result.stderr
    with pytest.raises(AuditError, match="Tidak ada halaman HTML"):
        audit_site(tmp_path / "kosong", cache=Cache.OFF)


@pytest.mark.build
def test_page_that_hangs_fails_after_the_timeout_and_others_still_pass(tmp_path):
    result = run_cli(
        "--output", FIXTURES / "hang", "--timeout", 5, "--workers", 1,
        "--cache-dir", tmp_path / "c", "--reports", tmp_path / "r",
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "macet.html: halaman tidak selesai dimuat dan diaudit dalam 5 detik" in result.stdout
    report = json.loads((tmp_path / "r" / JSON_REPORT).read_text(encoding="utf-8"))
    status = {page["page"]: page["status"] for page in report["pages"]}
    assert status == {"index.html": "lolos", "macet.html": "galat"}


@pytest.mark.browser
@pytest.mark.build
def test_browser_that_dies_mid_run_is_replaced_and_its_page_retried(site_copy):
    killed = []

    def crash_once(driver):
        if driver.current_url.endswith("/arsip/") and not killed:
            killed.append(driver.current_url)
            kill_browser(driver)

    run = audit_site(site_copy, workers=1, cache=Cache.OFF, variant=Variant("crash", crash_once))
    assert killed and run.replaced_browsers == 1
    assert run.passed and len(run.results) == len(find_pages(site_copy))


@pytest.mark.browser
@pytest.mark.build
def test_browser_that_dies_again_on_retry_fails_the_page(site_copy):
    def crash_on_archive(driver):
        if driver.current_url.split("/", 3)[-1] == "arsip/":
            kill_browser(driver)

    run = audit_site(site_copy, workers=1, cache=Cache.OFF, variant=Variant("crash", crash_on_archive))
    errors = {r.page: r.error for r in run.errors}
    assert list(errors) == ["arsip/index.html"]
    assert "browser mati dua kali" in errors["arsip/index.html"]
    assert not run.passed
    assert all(r.passed for r in run.results if r.page != "arsip/index.html")


@pytest.mark.build
def test_unreachable_grid_stops_the_audit(site_copy, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free now, nobody listening once closed
    result = run_cli(
        "--output", site_copy, "--remote", f"http://127.0.0.1:{port}",
        "--cache-dir", tmp_path / "c", "--reports", tmp_path / "r",
    )
    assert result.returncode == 2
    assert f"Selenium Grid di http://127.0.0.1:{port} tidak dapat dihubungi" in result.stderr
    assert "Traceback" not in result.stderr


# --- Reports ------------------------------------------------------------------------------------


@pytest.mark.build
def test_build_maps_each_page_to_its_content_source(failing_site):
    sources = load_sources(failing_site)
    assert set(sources) == set(find_pages(failing_site))
    assert sources[BAD_PAGE]["source"].endswith("content/" + BAD_SOURCE)
    assert sources[BAD_PAGE]["template"] == "article"
    assert sources["index.html"] == {"source": None, "template": "index"}
    assert sources["topik/inovasi/index.html"]["template"] == "tag"
    # The map lives beside the site, never in the published folder.
    assert not any(failing_site.rglob("*sumber*"))


@pytest.mark.build
def test_failed_build_keeps_the_previous_source_map(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    output = tmp_path / "output"
    build(output, content=content)
    before = source_map_path(output).read_bytes()
    (content / "berita" / "rusak.md").write_text("Title: Rusak\nDate: kemarin\n\nIsi.\n")
    with pytest.raises(BuildError):
        build(output, content=content)
    assert source_map_path(output).read_bytes() == before


@pytest.mark.browser
@pytest.mark.build
def test_console_summary_groups_violations_by_rule(failing_run, failing_site):
    run, _ = failing_run
    text = "\n".join(console_summary(run, load_sources(failing_site)))
    assert "- image-alt (critical): 1 halaman, 1 elemen." in text
    assert "bantuan: https://dequeuniversity.com/rules/axe/4.14/image-alt" in text
    assert f"{BAD_PAGE} (sumber: " in text and BAD_SOURCE in text


@pytest.mark.browser
@pytest.mark.build
def test_json_report_has_raw_axe_results_and_run_metadata(failing_run):
    run, reports = failing_run
    data = json.loads((reports / JSON_REPORT).read_text(encoding="utf-8"))
    assert data["meta"]["axe_core"].startswith("4.14.")
    assert data["meta"]["halaman"] == len(run.results) and data["meta"]["lolos"] is False
    page = next(p for p in data["pages"] if p["page"] == BAD_PAGE)
    assert page["status"] == "gagal" and page["source"].endswith(BAD_SOURCE)
    rule = next(v for v in page["violations"] if v["id"] == "image-alt")
    assert rule["nodes"][0]["html"].startswith("<img")  # axe's own result, not a summary


@pytest.mark.browser
@pytest.mark.build
def test_junit_report_has_one_case_per_page_and_fails_the_bad_one(failing_run):
    run, reports = failing_run
    suite = ET.parse(reports / "audit-junit.xml").getroot().find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {r.page for r in run.results}
    assert suite.get("failures") == "1"
    failure = cases[BAD_PAGE].find("failure")
    assert "image-alt" in failure.get("message") and BAD_SOURCE in failure.text
    assert cases["index.html"].find("failure") is None


@pytest.mark.browser
@pytest.mark.build
def test_html_report_shows_rule_page_snippet_selector_and_source(failing_run):
    _, reports = failing_run
    text = (reports / "audit-report.html").read_text(encoding="utf-8")
    assert 'href="https://dequeuniversity.com/rules/axe/4.14/image-alt' in text
    assert BAD_SOURCE in text
    assert "&lt;img src=&quot;/images/logo-kota-contoh.svg&quot;" in text  # the snippet
    assert "selektor: <code>" in text
    assert "Pelanggaran menurut templat" in text
    # Self-contained: nothing is loaded from anywhere.
    assert "<link" not in text and "<script" not in text


def test_html_report_itself_passes_axe(failing_run, browser):
    _, reports = failing_run
    with serve(reports) as base_url:
        result = Auditor(browser, base_url).audit("audit-report.html")
    assert result.passed, "\n" + result.format()


def test_plain_progress_lines_show_pages_rate_and_time_left(capsys):
    class Done:
        passed, reused, page = True, False, "x.html"

    progress = LineProgress()
    with progress:
        for number in range(1, 5):
            progress.update(number, 40, Done())
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("[ 1/40]   2%")
    assert all("halaman/dtk" in line for line in lines)
    assert "sisa ~" in lines[-1]


def test_audit_help_documents_the_options():
    result = run_warta("audit", "--help")
    assert result.returncode == 0, result.stderr
    for option in ("--workers", "--timeout", "--all", "--cache-dir", "--reports", "--remote"):
        assert option in result.stdout


@pytest.fixture(scope="module")
def three_page_gates(small_site, tmp_path_factory):
    """A three-page portal judged by the command twice, sharing one cache folder: first as a
    city's gate (`--templat-terpakai`), then as Warta's strict gate. Three pages are enough to
    run every stage; the strict run takes what the first judged from the cache, so the browser
    work is done once. Returns {"kota"|"ketat": (finished process, record path)}."""
    work = tmp_path_factory.mktemp("gerbang-tiga")
    output = work / "output"
    shutil.copytree(small_site, output)
    shutil.copy(source_map_path(small_site), source_map_path(output))
    keep_only(output, {"index.html", "404.html", "tentang/index.html"})
    runs = {}
    for name, flags in (("kota", ["--templat-terpakai"]), ("ketat", [])):
        record = work / name / "last-audit.json"
        runs[name] = run_warta(
            "audit", "--output", output, "--workers", "2", "--cache-dir", work / "cache",
            "--reports", work / name / "laporan", "--record", record, *flags), record
    return runs


@pytest.mark.build
def test_audit_command_runs_the_whole_gate_and_records_only_a_whole_portal(three_page_gates):
    # `make audit` is the gate, not the page audit alone: on a site without a page for every
    # template the variant audits and browser checks fail for the missing ones, and no record
    # is written, since the gate did not judge a whole portal.
    result, record = three_page_gates["ketat"]
    assert result.returncode == 1, result.stdout + result.stderr
    assert "3 halaman: 0 diaudit, 3 dipakai ulang dari cache" in result.stdout
    variants = len(TEMPLATES) * len(VARIANTS)
    assert (f"Audit tampilan: {variants} audit ({len(TEMPLATES)} templat × {len(VARIANTS)} varian)"
            in result.stdout)
    assert "tidak ada halaman terbangun untuk templat 'video/video'" in result.stdout
    assert f"Pemeriksaan browser: {len(check_keys(TEMPLATES))} pemeriksaan" in result.stdout
    assert "validitas HTML (vnu" in result.stdout
    assert "Catatan audit tidak ditulis" in result.stdout
    assert not record.exists()


@pytest.mark.build
def test_a_citys_gate_names_the_templates_it_has_no_page_for_instead_of_failing(three_page_gates):
    # A new city has no news, videos or editions yet: those templates have no page a citizen
    # can reach. `make gerbang` still audits every page it has, and the templates it uses, and
    # names the others; it records the result, since it judged every page of the portal.
    result, record = three_page_gates["kota"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 halaman: 3 diaudit" in result.stdout
    used = {"index", "404", "page"}
    assert (f"Audit tampilan: {len(used) * len(VARIANTS)} audit ({len(used)} templat × "
            f"{len(VARIANTS)} varian)") in result.stdout
    assert "Templat yang belum dipakai portal ini" in result.stdout and "video/video" in result.stdout
    assert record.exists()
