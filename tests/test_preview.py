"""Live preview: drafts and scheduled articles show in `make devserver`, never in a published build."""

import contextlib
import datetime
import re
import subprocess
import sys
import threading
import time
import urllib.request
from zoneinfo import ZoneInfo

import pytest
from helpers import HANG_GUARD
from selenium.webdriver.common.by import By

from warta import EXAMPLE, ROOT
from warta.commands.audit import Auditor

pytestmark = [pytest.mark.build]  # the preview server rebuilds the portal in a child process

JAKARTA = ZoneInfo("Asia/Jakarta")
NEXT_YEAR = datetime.datetime.now(JAKARTA).year + 1

DRAFT = """Title: Draf jadwal vaksinasi
Date: 2024-05-03 08:00
Category: Dinkes
Slug: draf-jadwal-vaksinasi
Status: draft
Summary: Jadwal vaksinasi yang belum final.

Isi draf penandaunikdraf.
"""
SCHEDULED = f"""Title: Pengumuman terjadwal pasar murah
Date: {NEXT_YEAR}-01-15 09:00
Category: Dinkes
Slug: pengumuman-terjadwal
Summary: Pengumuman yang baru terbit tahun depan.

Isi terjadwal penandaunikterjadwal.
"""
DRAFT_PAGE = """Title: Halaman draf
Slug: halaman-draf
Status: draft
Summary: Halaman yang belum terbit.

Isi halaman penandaunikhalaman.
"""
MARKERS = ("penandaunikdraf", "penandaunikterjadwal", "penandaunikhalaman")


@pytest.fixture
def unpublished(content_dir):
    """The test content plus a draft, a future-dated article and a draft page."""
    (content_dir / "berita" / "2024-05-03-draf.md").write_text(DRAFT, encoding="utf-8")
    (content_dir / "berita" / f"{NEXT_YEAR}-01-15-terjadwal.md").write_text(SCHEDULED, encoding="utf-8")
    (content_dir / "halaman" / "halaman-draf.md").write_text(DRAFT_PAGE, encoding="utf-8")
    return content_dir


def every_text(output):
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in output.rglob("*") if p.is_file())


@pytest.mark.parametrize("settings", [str(EXAMPLE / "pelicanconf.py"), "publishconf.py"],
                         ids=["pelicanconf.py", "publishconf.py"])
def test_drafts_and_future_articles_are_never_published(unpublished, build_site, settings):
    output = build_site(unpublished, settings_file=settings)
    text = every_text(output)
    for marker in MARKERS + ("Draf jadwal vaksinasi", "Pengumuman terjadwal", "Halaman draf"):
        assert marker not in text, f"{marker} leaked into the {settings} build"
    assert not (output / "drafts").exists()


def read(output, page):
    # Typogrify joins the last two words with a no-break space.
    return (output / page).read_text(encoding="utf-8").replace("&nbsp;", " ")


def test_preview_shows_drafts_and_scheduled_articles_labelled(unpublished, build_site):
    output = build_site(unpublished, WARTA_PREVIEW=True)
    draft = read(output, "berita/2024/draf-jadwal-vaksinasi/index.html")
    assert "[Draf] Draf jadwal vaksinasi</h1>" in draft and "Pratinjau — draf." in draft
    scheduled = read(output, f"berita/{NEXT_YEAR}/pengumuman-terjadwal/index.html")
    assert "[Terjadwal] Pengumuman terjadwal pasar murah</h1>" in scheduled
    assert f"15 Januari {NEXT_YEAR}, 09.00 WIB" in scheduled
    page = read(output, "halaman-draf/index.html")
    assert "[Draf] Halaman draf</h1>" in page
    home = read(output, "index.html")
    assert "[Terjadwal] Pengumuman terjadwal" in home and "[Draf] Draf jadwal vaksinasi" in home


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback preview
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return None, ""


def wait_for(predicate, what, timeout=HANG_GUARD):
    """Poll until ``predicate()`` is true; fail naming ``what`` (a failure, never a skip)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    pytest.fail(f"pratinjau: {what} tidak terjadi dalam {timeout} detik")


@contextlib.contextmanager
def live_preview(content, tmp_path):
    """`bin/warta pratinjau` on ``content`` in its own process: yields (base URL, printed lines);
    stopped afterwards, and never with a traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "warta", "pratinjau", "--port", "0", "--content", str(content),
         "--output", str(tmp_path / "pratinjau")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL,
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        wait_for(lambda: re.search(r"http://127\.0\.0\.1:\d+/", "".join(lines)), "mulai menyajikan")
        yield re.search(r"http://127\.0\.0\.1:\d+/", "".join(lines)).group(0), lines
    finally:
        process.terminate()
        process.wait(timeout=30)
        reader.join(timeout=10)
    assert "Traceback" not in "".join(lines)


def test_live_preview_serves_drafts_and_rebuilds_on_save(unpublished, tmp_path):
    with live_preview(unpublished, tmp_path) as (base, lines):
        status, html = fetch(base + "berita/2024/draf-jadwal-vaksinasi/")
        assert status == 200 and "[Draf]" in html
        article = unpublished / "berita" / "2024-05-03-draf.md"
        article.write_text(DRAFT.replace("penandaunikdraf", "isibaruhasilsimpan"), encoding="utf-8")
        wait_for(lambda: "isibaruhasilsimpan" in fetch(base + "berita/2024/draf-jadwal-vaksinasi/")[1],
                 "membangun ulang setelah berkas disimpan")
        # A mistake is printed, and every page of the preview says what it is, in Indonesian.
        article.write_text(DRAFT.replace("Date: 2024-05-03 08:00", "Date: besok"), encoding="utf-8")
        wait_for(lambda: "2024-05-03-draf.md:2: metadata-tanggal" in "".join(lines), "melaporkan kesalahan")
        wait_for(lambda: fetch(base + "berita/2024/draf-jadwal-vaksinasi/")[0] == 503,
                 "menampilkan kesalahan di browser")
        status, page = fetch(base + "berita/2024/draf-jadwal-vaksinasi/")
        assert "Pratinjau belum dapat dibangun" in page
        assert "2024-05-03-draf.md:2</code> <span class=\"aturan\">metadata-tanggal" in page
        assert fetch(base + "halaman-yang-tidak-ada/")[0] == 503
        # Fixed and saved: the preview is back.
        article.write_text(DRAFT, encoding="utf-8")
        wait_for(lambda: fetch(base + "berita/2024/draf-jadwal-vaksinasi/")[0] == 200, "pulih")


def test_preview_on_a_busy_port_says_so_in_indonesian(unpublished, tmp_path):
    from warta.commands.server import make_server

    busy = make_server(tmp_path, port=0)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "warta", "pratinjau", "--port", str(busy.server_address[1]),
             "--content", str(unpublished), "--output", str(tmp_path / "pratinjau")],
            cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
        )
    finally:
        busy.server_close()
    assert run.returncode == 1
    assert "tidak dapat dipakai" in run.stderr and "PORT=8001" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_a_failed_first_build_shows_its_findings_in_indonesian_never_an_english_404(
        unpublished, tmp_path, browser):
    """The preview's error page: the findings with file and line, accessible (axe, real
    Chromium), moving nowhere by itself, and saying in its status region when a build passes."""
    article = unpublished / "berita" / "2024-05-03-draf.md"
    article.write_text(DRAFT.replace("Summary:", "Summary: [[tulis ringkasan]]"), encoding="utf-8")
    with live_preview(unpublished, tmp_path) as (base, lines):
        status, page = fetch(base)
        assert status == 503 and "File not found" not in page and "Error response" not in page
        assert "2024-05-03-draf.md:6</code> <span class=\"aturan\">isi-templat" in page
        assert 'http-equiv="refresh"' not in page.lower()
        auditor = Auditor(browser, base, scripts="/_pratinjau/")
        auditor.expected_status = 503
        result = auditor.audit("index.html")
        assert result.passed, result.format()
        status_region = browser.find_element(By.ID, "keadaan-pesan")
        assert status_region.get_attribute("role") == "status" and status_region.text == ""
        loaded = browser.current_url
        article.write_text(DRAFT, encoding="utf-8")
        wait_for(lambda: "Build berhasil" in status_region.text, "mengumumkan build yang lolos")
        button = browser.find_element(By.ID, "muat-ulang")
        assert button.is_displayed() and browser.current_url == loaded  # it moved nowhere itself
        button.click()
        wait_for(lambda: "[Draf] Draf jadwal vaksinasi" in browser.page_source, "memuat ulang")
