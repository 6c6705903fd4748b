"""The whole gate follows the change: the browser checks and the HTML check reuse clean results
keyed by the bytes that decided them, like the page audit, and a gate where nothing changed
starts no browser and no Java. Real Chromium and the real checker, on the sample portal the
session's gate judged."""

import shutil

import pytest

from warta.commands.audit import AuditOptions, Cache, browser
from warta.commands.gate import run_gate, summary_lines
from warta.commands.gate.checks import CheckResult
from warta.commands.gate.reuse import (
    CHECKS_FILE,
    VALIDITY_FILE,
    CheckCache,
    check_fingerprint,
    check_validity,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]  # the whole gate on built portals


@pytest.fixture(scope="module")
def warm(site, gate, gate_cache, tmp_path_factory):
    """The sample portal and the cache its session gate filled from empty, both copied so
    tests may change them: (site, cache folder, first gate)."""
    assert gate.passed, summary_lines(gate)
    work = tmp_path_factory.mktemp("gerbang-cache")
    shutil.copytree(site, work / "output")
    shutil.copytree(gate_cache, work / "cache")
    return work / "output", work / "cache", gate


def options(cache, mode=Cache.REUSE):
    return AuditOptions(workers=2, cache=mode, cache_dir=cache)


@pytest.fixture
def no_browser_no_java(monkeypatch, tmp_path):
    """Any Chromium launch is counted and refused; Java is not on PATH."""
    launches = []

    def refuse(*args, **kwargs):
        launches.append(args)
        raise OSError("browser dilarang dalam uji ini")

    monkeypatch.setattr(browser, "_start_local", refuse)
    (tmp_path / "kosong").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    return launches


def test_an_unchanged_site_reuses_every_result_and_starts_no_browser_and_no_java(
        warm, no_browser_no_java):
    site, cache, first = warm
    assert first.reused()["checks"] == 0 and len(first.validity.checked) == len(first.built)
    gate = run_gate(site, options(cache), used_templates_only=True)
    assert no_browser_no_java == []
    assert gate.passed, summary_lines(gate)
    assert gate.reused() == {"pages": len(gate.built), "variant_audits": len(gate.variant_results()),
                             "checks": len(gate.checks), "validity": len(gate.built)}
    assert gate.validity.checked == [] and gate.validity.reused == gate.built
    # The warnings and accepted errors of reused pages are counted as they were judged.
    assert gate.validity.warnings == first.validity.warnings
    lines = "\n".join(summary_lines(gate))
    total = len(gate.checks)
    assert f"{total} pemeriksaan (7 jenis): 0 dijalankan, {total} dipakai ulang dari cache" in lines
    assert (f"0 halaman diperiksa sekarang dan {len(gate.built)} dipakai ulang dari cache"
            in lines)
    assert gate.counts()["reused"]["checks"] == total


def test_a_changed_stylesheet_byte_reruns_the_checks_of_every_page_that_loads_it(warm):
    site, cache, first = warm
    checks = CheckCache(cache / CHECKS_FILE, check_fingerprint()).load()
    css = "theme/css/warta.css"
    loading = {key for key, entry in checks.entries.items() if css in entry["deps"]}
    assert loading == set(checks.entries) and len(loading) == len(first.checks)
    before = (site / css).read_bytes()
    try:
        (site / css).write_bytes(before + b" ")
        fresh = CheckCache(cache / CHECKS_FILE, check_fingerprint()).load()
        assert [c.key for c in first.checks
                if fresh.lookup(site, c.key, first.template_pages[c.template])] == []
    finally:
        (site / css).write_bytes(before)


def test_a_changed_page_is_the_only_one_the_html_checker_reads_again(warm):
    site, cache, first = warm
    page = "tentang/index.html"
    before, kept = (site / page).read_bytes(), (cache / VALIDITY_FILE).read_bytes()
    try:
        (site / page).write_bytes(before.replace(b"</body>", b"<!-- berubah --></body>"))
        result, reuse = check_validity(site, first.built, options(cache))
        assert result.passed and result.checked == [page]
        assert reuse.judged == 1 and reuse.reused == len(first.built) - 1
        assert result.warnings == first.validity.warnings
        refreshed, _ = check_validity(site, first.built, options(cache, Cache.REFRESH))
        assert refreshed.reused == [] and refreshed.checked == first.built  # --all
    finally:  # the page and the cache as the other tests share them
        (site / page).write_bytes(before)
        (cache / VALIDITY_FILE).write_bytes(kept)


def test_a_corrupt_cache_file_fails_the_gate_and_names_the_file(warm, tmp_path):
    site, cache, _ = warm
    copy = tmp_path / "cache"
    shutil.copytree(cache, copy)
    (copy / VALIDITY_FILE).write_text('{"format": 1, "entries": {"index.html": 5', "utf-8")
    gate = run_gate(site, options(copy), used_templates_only=True)
    assert not gate.passed
    lines = "\n".join(summary_lines(gate))
    assert f"Cache gerbang rusak dan dibuang ({copy / VALIDITY_FILE}" in lines
    # Everything else was still reused; the HTML check judged every page again.
    assert gate.reused()["checks"] == len(gate.checks)
    assert gate.validity.reused == [] and gate.validity.passed
    (copy / CHECKS_FILE).write_text('{"format": 1, "entries": {"a|b|": {"html": 1}}}', "utf-8")
    broken = CheckCache(copy / CHECKS_FILE, check_fingerprint()).load()
    assert str(copy / CHECKS_FILE) in broken.corrupt and broken.entries == {}


def test_a_failed_check_is_never_reused(warm):
    site, cache, first = warm
    checks = CheckCache(cache / CHECKS_FILE, check_fingerprint()).load()
    passed = first.check("skip-link", "index")
    assert checks.lookup(site, passed.key, passed.page) is not None
    failed = CheckResult(*passed.key, passed.page, problems=["tautan lewati tidak terlihat"],
                         resources=[])
    checks.store(site, failed, "http://127.0.0.1:1")
    assert checks.lookup(site, passed.key, passed.page) is None
    unknown = CheckResult(*passed.key, passed.page)  # its page's resources could not be read
    checks.store(site, unknown, "http://127.0.0.1:1")
    assert checks.lookup(site, passed.key, passed.page) is None
