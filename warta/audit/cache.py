"""The incremental audit cache: a clean result is reused while the bytes that decided it stay
the same, so the cost of an audit grows with the size of a change, not the size of the site."""

import enum
import hashlib
import json
import os
import urllib.parse
from pathlib import Path

from warta import ROOT
from warta.audit.results import AXE_SCRIPT, PageResult, axe_options, page_url

DEFAULT_CACHE_DIR = ROOT / ".cache" / "audit"
CACHE_FILE = "hasil-audit.json"
# Bump when the cache's layout or the meaning of its entries changes: old files are then ignored.
CACHE_FORMAT = 1
# What a page "loads" for the cache key: stylesheets, scripts and fonts (they change what axe
# sees). Images do not: axe judges their alt text, which is in the HTML.
DEPENDENCY_SUFFIXES = (".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf", ".eot")


class Cache(enum.Enum):
    """How a run uses the cache folder."""

    REUSE = "reuse"  # take unchanged clean results from it, and store this run's
    REFRESH = "refresh"  # audit every page again (`--all`), and store this run's results
    OFF = "off"  # neither read nor write it: the test gate audits a fresh build every time


def cache_file(variant=""):
    """The cache file of one display variant: each has its own fingerprint, so they cannot
    share a file without emptying each other's."""
    return CACHE_FILE if not variant else f"hasil-audit-{variant}.json"


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def audit_fingerprint(axe_script=AXE_SCRIPT, options=None, variant=""):
    """What every cached result depends on besides the page: axe-core's exact bytes (and so
    its version), the code that runs it and our own page checks, the options passed to
    axe.run, and the audit variant (viewport, theme)."""
    options = options or axe_options()
    digest = hashlib.sha256()
    digest.update(f"format {CACHE_FORMAT}\n".encode())
    digest.update(Path(axe_script).read_bytes())
    for deciding in ("auditor.py", "page_checks.py"):
        digest.update(Path(__file__).with_name(deciding).read_bytes())
    digest.update(json.dumps(options, sort_keys=True).encode())
    digest.update(variant.encode())
    return digest.hexdigest()


class AuditCache:
    """Clean audit results from earlier runs, keyed by the bytes that decide each result.

    An entry is reused only when the page's HTML and every stylesheet, script and font it
    loaded are byte for byte the same, and axe-core and its options are too. Only clean
    results are stored: a failing page is audited again next time.
    """

    def __init__(self, directory, fingerprint, variant=""):
        self.path = Path(directory) / cache_file(variant)
        self.variant = variant
        self.fingerprint = fingerprint
        self.entries = {}
        self.corrupt = ""  # why an unreadable cache file was discarded
        self._hashes = {}

    def load(self):
        if not self.path.is_file():
            return self
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
                raise ValueError("format tidak dikenal")
            entries = data["entries"]
            if not isinstance(entries, dict):
                raise ValueError("entries bukan objek")
            for page, entry in entries.items():
                if not (
                    isinstance(entry, dict)
                    and isinstance(entry.get("html"), str)
                    and isinstance(entry.get("deps"), dict)
                    and isinstance(entry.get("axe_version"), str)
                ):
                    raise ValueError(f"entri {page!r} rusak")
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            # Fail closed: a cache we cannot trust is thrown away and every page is audited.
            self.corrupt = f"{self.path}: {exc}"
            self.path.unlink(missing_ok=True)
            return self
        if data.get("fingerprint") == self.fingerprint:
            self.entries = entries
        return self

    def hash_of(self, path):
        """sha256 of a file, computed once per run (every page shares the theme's CSS)."""
        path = str(path)
        if path not in self._hashes:
            try:
                self._hashes[path] = file_sha256(path)
            except OSError:
                self._hashes[path] = None
        return self._hashes[path]

    def lookup(self, root, page):
        """The cached clean result for ``page`` if nothing it depends on changed, else None."""
        entry = self.entries.get(page)
        if entry is None or entry["html"] != self.hash_of(Path(root) / page):
            return None
        for dep, digest in entry["deps"].items():
            if self.hash_of(Path(root) / dep) != digest:
                return None
        return PageResult(
            page=page, url=page_url("", page), axe_version=entry["axe_version"], violations=[],
            raw=[], reused=True, variant=self.variant,
        )

    def store(self, root, result, base_url):
        """Remember a clean result; forget a failing one. Pages loading anything we cannot
        hash (another origin, a missing file) are never cached."""
        if not result.passed:
            self.entries.pop(result.page, None)
            return
        deps = {}
        for url in result.resources:
            dep = local_path(base_url, url)
            if dep is None:
                if urllib.parse.urlsplit(url).path.lower().endswith(DEPENDENCY_SUFFIXES):
                    self.entries.pop(result.page, None)
                    return
                continue
            if not dep.lower().endswith(DEPENDENCY_SUFFIXES):
                continue
            digest = self.hash_of(Path(root) / dep)
            if digest is None:
                self.entries.pop(result.page, None)
                return
            deps[dep] = digest
        self.entries[result.page] = {
            "html": self.hash_of(Path(root) / result.page),
            "deps": deps,
            "axe_version": result.axe_version,
        }

    def save(self, pages):
        """Write the cache atomically, keeping only the pages of this site."""
        keep = {page: self.entries[page] for page in pages if page in self.entries}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.baru")
        temporary.write_text(
            json.dumps(
                {"format": CACHE_FORMAT, "fingerprint": self.fingerprint, "entries": keep},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
            encoding="utf-8",
        )
        temporary.replace(self.path)


def local_path(base_url, url):
    """The file under the site root that ``url`` on our loopback server serves, or None."""
    if not url.startswith(base_url + "/"):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path

