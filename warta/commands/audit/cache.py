"""The incremental audit cache: a clean result is reused while the bytes that decided it stay
the same, so the cost of an audit grows with the size of a change, not the size of the site."""

import enum
import hashlib
import json
import os
import urllib.parse
from pathlib import Path

from warta import ROOT
from warta.commands.audit.results import AXE_SCRIPT, PageResult, axe_options, page_url

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
    here = Path(__file__)
    return fingerprint_of(options or axe_options(), variant, files=(
        axe_script, here.with_name("auditor.py"), here.with_name("page_checks.py")))


def fingerprint_of(*parts, files=()):
    """sha256 of the cache format, ``parts`` (str, or anything JSON can write) and the exact
    bytes of ``files``: what every entry of one cache depends on besides its own page."""
    digest = hashlib.sha256()
    digest.update(f"format {CACHE_FORMAT}\n".encode())
    for path in files:
        digest.update(Path(path).read_bytes())
    for part in parts:
        digest.update((part if isinstance(part, str) else json.dumps(part, sort_keys=True))
                      .encode())
    return digest.hexdigest()


class ResultCache:
    """Clean results from earlier runs, each keyed by the bytes that decided it: one page's
    HTML (``html``) and every stylesheet, script and font it loaded (``deps``), under one
    fingerprint of everything else (the checker's bytes, its code and options).

    The page audits, the gate's browser checks and its HTML check each keep one; a subclass
    names the fields its entries add (``FIELDS``: name -> type) and turns entries into results.
    Only clean results are stored: a failing one is judged again next time. A file that cannot
    be read or does not have this shape is discarded and named in ``corrupt``, which fails the
    run that found it (never a pass); a file of another fingerprint is simply not used.
    """

    FIELDS = {}

    def __init__(self, path, fingerprint):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.entries = {}
        self.corrupt = ""  # why an unreadable cache file was discarded
        self._hashes = {}

    def valid_entry(self, entry):
        return (
            isinstance(entry, dict)
            and isinstance(entry.get("html"), str)
            and isinstance(entry.get("deps"), dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in entry["deps"].items())
            and all(isinstance(entry.get(name), kind) for name, kind in self.FIELDS.items())
        )

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
            for key, entry in entries.items():
                if not self.valid_entry(entry):
                    raise ValueError(f"entri {key!r} rusak")
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            # Fail closed: a cache we cannot trust is thrown away and everything judged again.
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

    def unchanged(self, root, key, page):
        """The entry for ``key`` if it was made on ``page`` and neither the page nor anything it
        loaded changed since, else None."""
        entry = self.entries.get(key)
        if entry is None or entry.get("page", page) != page \
                or entry["html"] != self.hash_of(Path(root) / page):
            return None
        for dep, digest in entry["deps"].items():
            if self.hash_of(Path(root) / dep) != digest:
                return None
        return entry

    def dependencies(self, root, resources, base_url):
        """{file: sha256} of the stylesheets, scripts and fonts among ``resources`` (URLs the
        browser loaded from ``base_url``), or None when one of them cannot be hashed (another
        origin, a missing file): such a result is never cached."""
        deps = {}
        for url in resources:
            dep = local_path(base_url, url)
            if dep is None:
                if urllib.parse.urlsplit(url).path.lower().endswith(DEPENDENCY_SUFFIXES):
                    return None
                continue
            if not dep.lower().endswith(DEPENDENCY_SUFFIXES):
                continue
            digest = self.hash_of(Path(root) / dep)
            if digest is None:
                return None
            deps[dep] = digest
        return deps

    def remember(self, root, key, judged, deps, **fields):
        """Store a clean result for ``key``, judged on the page ``judged`` with ``deps``; forget
        ``key`` when ``deps`` is None (it could not be keyed)."""
        if deps is None:
            self.entries.pop(key, None)
            return
        self.entries[key] = {"html": self.hash_of(Path(root) / judged), "deps": deps, **fields}

    def forget(self, key):
        self.entries.pop(key, None)

    def save(self, keys):
        """Write the cache atomically, keeping only the entries of ``keys`` (this site's)."""
        keep = {key: self.entries[key] for key in keys if key in self.entries}
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


class AuditCache(ResultCache):
    """Clean axe results, keyed by page: reused only when the page's HTML and every
    stylesheet, script and font it loaded are byte for byte the same, and axe-core and its
    options are too."""

    FIELDS = {"axe_version": str}

    def __init__(self, directory, fingerprint, variant=""):
        super().__init__(Path(directory) / cache_file(variant), fingerprint)
        self.variant = variant

    def lookup(self, root, page):
        """The cached clean result for ``page`` if nothing it depends on changed, else None."""
        entry = self.unchanged(root, page, page)
        if entry is None:
            return None
        return PageResult(
            page=page, url=page_url("", page), axe_version=entry["axe_version"], violations=[],
            raw=[], reused=True, variant=self.variant,
        )

    def store(self, root, result, base_url):
        """Remember a clean result; forget a failing one."""
        if not result.passed:
            self.forget(result.page)
            return
        deps = self.dependencies(root, result.resources, base_url)
        self.remember(root, result.page, result.page, deps, axe_version=result.axe_version)


def local_path(base_url, url):
    """The file under the site root that ``url`` on our loopback server serves, or None."""
    if not url.startswith(base_url + "/"):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path

