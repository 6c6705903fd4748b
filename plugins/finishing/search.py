"""Index the built site with Pagefind, whose binary ships in the pagefind[bin] package."""

import logging
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
# Pagefind also writes its ready-made interfaces; we use our own (theme/static/js/search.js)
# through its JS API, so these are never loaded and are not published.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*",
          "pagefind-highlight.*")
TIMEOUT = 600  # seconds; a hung indexer must fail the build, not stall it


class SearchIndexError(Exception):
    """Pagefind could not index the site; the build stops."""


def marked_pages(output):
    """How many built pages mark their main content for the index (data-pagefind-body)."""
    return sum("data-pagefind-body" in page.read_text(encoding="utf-8")
               for page in Path(output).rglob("*.html"))


def index_site(output, settings):
    """Run Pagefind over ``output``; return the number of pages it indexed."""
    expected = marked_pages(output)
    if expected == 0:
        # A portal with no article or page yet: nothing to find. (Without any marked page
        # Pagefind would index every list page instead, which is worse than no index.)
        log.warning("search: belum ada berita atau halaman; indeks pencarian tidak dibuat")
        return 0
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(output),
        "--output-subdir", BUNDLE,
        "--force-language", settings["SEARCH_LANGUAGE"],
    ]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"search: Pagefind tidak dapat dijalankan: {exc}") from exc
    report = run.stdout + run.stderr
    if run.returncode != 0:
        raise SearchIndexError(f"search: Pagefind gagal (kode {run.returncode}):\n{report.strip()}")
    match = re.search(r"Indexed (\d+) pages?", report)
    pages = int(match.group(1)) if match else 0
    if pages != expected:
        # Fail closed: a search that silently misses pages would look like it works.
        raise SearchIndexError(
            f"search: Pagefind mengindeks {pages} halaman, padahal {expected} halaman bertanda "
            f"data-pagefind-body.\n{report.strip()}"
        )
    bundle = Path(output) / BUNDLE
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    log.info("search: Pagefind mengindeks %d halaman", pages)
    return pages
