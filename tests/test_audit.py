"""The audit gate: every built page passes axe-core, and the gate cannot pass vacuously."""

from pathlib import Path

import pytest

from conftest import record_audited
from warta.audit import (
    AXE_TAGS,
    DISABLED_RULES,
    AuditError,
    Auditor,
    find_pages,
    page_url,
    start_browser,
)
from warta import ROOT
from warta.server import serve

FIXTURES = Path(__file__).parent / "fixtures"


def test_page_passes_axe(built_page, site_audit):
    # Every page was audited by the parallel engine, the same one `make audit` runs (issue 6).
    result = site_audit.result_for(built_page)
    record_audited(built_page)
    assert result.axe_version.startswith("4.14."), result.format()
    assert result.passed, "\n" + result.format()


def test_every_built_html_file_is_an_audit_test(site, request):
    # The parametrized list is taken from the build; check it against the disk and against the
    # content, so an empty or partial build cannot pass as "no violations".
    on_disk = sorted(p.relative_to(site).as_posix() for p in Path(site).rglob("*.html"))
    assert find_pages(site) == on_disk
    articles = list((ROOT / "content" / "berita").glob("*.md"))
    pages = list((ROOT / "content" / "halaman").glob("*.md"))
    assert len(on_disk) >= len(articles) + len(pages) + 5
    assert "index.html" in on_disk and "404.html" in on_disk


def test_audit_runs_the_wcag_22_tags_and_documents_every_disabled_rule():
    assert AXE_TAGS == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    assert all(reason.strip() for reason in DISABLED_RULES.values())


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


def test_missing_chromedriver_fails_closed(tmp_path):
    with pytest.raises(AuditError, match="chromium-driver"):
        start_browser(chromedriver=tmp_path / "chromedriver")


def test_chromium_that_cannot_start_fails_closed(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    with pytest.raises(AuditError, match="tidak dapat dijalankan"):
        start_browser(chromium=fake)


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
