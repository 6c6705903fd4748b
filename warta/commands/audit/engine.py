"""The parallel audit engine: N workers, each one browser session reused for many pages, fed
from one queue, with clean results reused from the cache.

One engine for `bin/warta audit`, `make audit`, `make bench` and the test gate, for the
pages as served and for the display variants alike.
"""

import logging
import os
import queue
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional

from selenium.common.exceptions import TimeoutException

from warta.commands.audit.auditor import Auditor
from warta.commands.audit.browser import (
    BROWSER_GONE,
    check_grid,
    start_browser,
    stop_browsers_on_signals,
)
from warta.commands.audit.cache import DEFAULT_CACHE_DIR, AuditCache, Cache, audit_fingerprint
from warta.commands.audit.results import (
    AXE_SCRIPT,
    PAGE_TIMEOUT,
    AuditError,
    PageResult,
    axe_options,
    find_pages,
    page_url,
)

log = logging.getLogger("warta.commands.audit")


def default_workers():
    """One Chromium per core: axe is CPU-bound in the browser."""
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Variant:
    """A display variant a page is audited under: ``prepare(driver, url)`` runs before the page
    loads, ``setup(driver)`` after it loads and before axe, ``reset(driver)`` after, so the next
    page in that browser starts clean.
    ``key`` is what the cache fingerprint takes from the variant: change it with the setup."""

    name: str
    setup: Callable
    reset: Optional[Callable] = None
    key: str = ""
    prepare: Optional[Callable] = None
    rules: tuple = ()  # axe rules run on top of the audit's own: what the variant promises


@dataclass(frozen=True)
class Job:
    """One page to audit, as served or under one variant."""

    page: str
    variant: Optional[Variant] = None

    @property
    def key(self):
        return (self.page, self.variant.name if self.variant else "")


@dataclass(frozen=True)
class AuditOptions:
    """How the engine runs. ``cache`` decides whether clean results are read and stored."""

    workers: Optional[int] = None  # default: one per CPU core
    timeout: float = PAGE_TIMEOUT  # seconds to load and audit one page
    remote: Optional[str] = None  # a Selenium Grid URL instead of local Chromium
    host: str = "127.0.0.1"  # where the site is served for the browsers
    cache: Cache = Cache.REUSE
    cache_dir: Path = DEFAULT_CACHE_DIR
    axe_script: Path = AXE_SCRIPT
    axe_options: Optional[dict] = None  # default: axe_options()


@dataclass
class AuditRun:
    """Everything one run of the engine found, for the console, the reports and the tests."""

    root: str
    results: list  # PageResult per job, in job order
    workers: int
    remote: str = ""
    duration: float = 0.0
    cache_notice: str = ""  # set when a corrupt cache file was discarded
    replaced_browsers: int = 0
    started: float = 0.0
    fatal: str = ""  # set when the audit as a whole could not run
    _by_key: dict = field(default=None, repr=False, compare=False)

    @property
    def audited(self):
        return sum(1 for r in self.results if not r.reused and not r.error)

    @property
    def reused(self):
        return sum(1 for r in self.results if r.reused)

    @property
    def errors(self):
        return [r for r in self.results if r.error]

    @property
    def failed(self):
        return [r for r in self.results if r.violations]

    @property
    def passed(self):
        return not self.fatal and not self.cache_notice and all(r.passed for r in self.results)

    def result_for(self, page, variant=""):
        """The result for one page (KeyError if it was not part of the run)."""
        if self._by_key is None:
            self._by_key = {(r.page, r.variant): r for r in self.results}
        return self._by_key[(page, variant)]

    def of_variant(self, variant=""):
        """The same run narrowed to one variant's results ("" : the pages as served)."""
        return replace(self, results=[r for r in self.results if r.variant == variant],
                       _by_key=None)


class _Worker(threading.Thread):
    """One browser session auditing jobs from the shared queue until it is empty."""

    def __init__(self, engine, number):
        super().__init__(name=f"audit-{number}", daemon=True)
        self.engine = engine
        self.driver = None
        self.auditor = None

    def run(self):
        try:
            while not self.engine.stopping.is_set():
                try:
                    job = self.engine.todo.get_nowait()
                except queue.Empty:
                    break
                self.engine.done.put(self.audit(job))
        except AuditError as exc:  # the browser cannot start at all: stop the whole run
            self.engine.fail(str(exc))
        finally:
            self.close()

    def start_session(self):
        engine = self.engine
        self.driver = start_browser(timeout=engine.options.timeout, remote=engine.options.remote)
        self.auditor = Auditor(self.driver, engine.base_url, engine.axe_script, engine.axe_options)

    def close(self):
        if self.driver is not None:
            driver, self.driver, self.auditor = self.driver, None, None
            try:
                driver.quit()
            except BROWSER_GONE:
                pass

    def alive(self):
        try:
            _ = self.driver.window_handles  # answered by the browser process, not the page
            return True
        except BROWSER_GONE:
            return False

    def undo(self, job):
        """Take a variant's theme, text size or viewport off the browser before its next page;
        a browser that cannot be reset is replaced instead."""
        if job.variant is None or job.variant.reset is None or self.driver is None:
            return
        try:
            job.variant.reset(self.driver)
        except (AssertionError, *BROWSER_GONE):
            self.close()

    def audit(self, job):
        """Audit one job; replace a crashed browser and retry the job once."""
        for attempt in (1, 2):
            if self.driver is None:
                self.start_session()
            try:
                started = time.perf_counter()
                variant = job.variant or Variant("", None)
                result = self.auditor.audit(job.page, setup=variant.setup,
                                            prepare=variant.prepare, rules=variant.rules)
                result.seconds = time.perf_counter() - started
                result.raw = result.raw if result.raw is not None else []
                result.resources = self.auditor.loaded_resources()
                result.variant = job.key[1]
                self.undo(job)
                return result
            except (AuditError, *BROWSER_GONE) as exc:
                failure = self.failure(job, exc, attempt)
                if failure is not None:
                    failure.variant = job.key[1]
                    return failure
                log.warning("%s: browser mati; diganti dan halaman dicoba ulang", job.page)
        raise AssertionError("unreachable")

    def failure(self, job, exc, attempt):
        """The failing result for ``exc``, or None when the page deserves its one retry."""
        url = page_url(self.engine.base_url, job.page)
        cause = exc.__cause__ if isinstance(exc, AuditError) else exc
        if isinstance(cause, TimeoutException) or isinstance(exc, TimeoutException):
            # A page that hangs is a failure, never a pass. Its browser may be stuck in the
            # page's script, so it is replaced before the next page.
            self.close()
            self.engine.replaced()
            return PageResult(job.page, url, "", [], error=(
                f"halaman tidak selesai dimuat dan diaudit dalam "
                f"{self.engine.options.timeout:g} detik (batas waktu --timeout)"
            ))
        if self.alive():
            self.undo(job)
            return PageResult(job.page, url, "", [], error=str(exc))
        self.close()
        self.engine.replaced()
        if attempt == 2:
            return PageResult(job.page, url, "", [], error=(
                "browser mati dua kali saat mengaudit halaman ini "
                f"(diganti dan dicoba ulang sekali): {exc}"
            ))
        return None


class AuditEngine:
    """Audits the pages of a built site in parallel, reusing clean results from the cache."""

    def __init__(self, root, options=None):
        self.root = Path(root)
        self.options = options or AuditOptions()
        self.workers = self.options.workers or default_workers()
        self.axe_script = Path(self.options.axe_script)
        self.axe_options = self.options.axe_options or axe_options()
        self.base_url = ""
        self.todo = queue.Queue()
        self.done = queue.Queue()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._fatal = ""
        self._replaced = 0

    def fail(self, message):
        with self._lock:
            self._fatal = self._fatal or message
        self.stopping.set()

    def replaced(self):
        with self._lock:
            self._replaced += 1

    def run(self, pages=None, progress=None, jobs=None):
        """Audit ``jobs``, or ``pages`` as served (default: every HTML file); an AuditRun.

        ``progress(done, total, result)`` is called after each job, reused ones included.
        Raises AuditError when the audit as a whole cannot run.
        """
        if jobs is None:
            pages = list(pages) if pages is not None else find_pages(self.root)
            jobs = [Job(page) for page in pages]
        with stop_browsers_on_signals():
            return self._run(list(jobs), progress)

    def _check_can_run(self, jobs):
        if not jobs:
            raise AuditError(
                f"Tidak ada halaman HTML di {self.root}: tidak ada yang bisa diaudit. "
                "Bangun situsnya lebih dulu (make html)."
            )
        if not self.axe_script.is_file():
            raise AuditError(
                f"axe-core tidak ditemukan di {self.axe_script}. Jalankan `make node`."
            )
        if self.options.remote:
            check_grid(self.options.remote)

    def _open_caches(self, jobs):
        """{variant name: AuditCache} for every variant of the run; empty with Cache.OFF."""
        if self.options.cache is Cache.OFF:
            return {}
        caches = {}
        for job in jobs:
            name = job.key[1]
            if name not in caches:
                key = (job.variant.key or name) if job.variant else ""
                fingerprint = audit_fingerprint(self.axe_script, self.axe_options, key)
                cache = AuditCache(self.options.cache_dir, fingerprint, variant=name)
                caches[name] = cache.load() if self.options.cache is Cache.REUSE else cache
        return caches

    def _run(self, jobs, progress):
        started = time.time()
        self._check_can_run(jobs)
        caches = self._open_caches(jobs)
        results = {}
        for job in jobs:
            cache = caches.get(job.key[1])
            cached = cache.lookup(self.root, job.page) if cache else None
            if cached is not None and self.options.cache is Cache.REUSE:
                results[job.key] = cached
                if progress:
                    progress(len(results), len(jobs), cached)
            else:
                self.todo.put(job)
        if not self.todo.empty():
            self._audit_queue(results, len(jobs), caches, progress)
        if self._fatal:
            raise AuditError(self._fatal)
        missing = [job.page for job in jobs if job.key not in results]
        if missing:
            # Fail closed: every page gets a result, even if it is "not audited".
            raise AuditError(f"{len(missing)} halaman tidak diaudit, misalnya {missing[0]}")
        for name, cache in caches.items():
            cache.save([job.page for job in jobs if job.key[1] == name])
        return AuditRun(
            root=str(self.root),
            results=[results[job.key] for job in jobs],
            workers=self.workers,
            remote=self.options.remote or "",
            duration=time.time() - started,
            cache_notice="; ".join(c.corrupt for c in caches.values() if c.corrupt),
            replaced_browsers=self._replaced,
            started=started,
        )

    def _audit_queue(self, results, total, caches, progress):
        """Serve the site and let the workers empty the queue into ``results``."""
        from warta.commands.server import serve  # noqa: PLC0415 - the server is only needed here

        # The browsers may keep stylesheets, scripts and fonts for the whole run: they cannot
        # change while it lasts, and re-asking for them cost every page a round trip.
        with serve(self.root, host=self.options.host, cache_assets=True) as base_url:
            self.base_url = base_url
            workers = [_Worker(self, n) for n in range(min(self.workers, self.todo.qsize()))]
            for worker in workers:
                worker.start()
            try:
                while len(results) < total and not self.stopping.is_set():
                    try:
                        result = self.done.get(timeout=0.5)
                    except queue.Empty:
                        if not any(w.is_alive() for w in workers) and self.done.empty():
                            break
                        continue
                    results[(result.page, result.variant)] = result
                    cache = caches.get(result.variant)
                    if cache is not None:
                        cache.store(self.root, result, base_url)
                    if progress:
                        progress(len(results), total, result)
            finally:
                # Also on Ctrl+C: every worker finishes its page and quits its browser.
                self.stopping.set()
                for worker in workers:
                    worker.join(timeout=self.options.timeout + 30)


def audit_site(root, pages=None, progress=None, variant=None, use_cache=None, **options):
    """Audit the pages of a built site, each under ``variant`` if given; ``options`` are the
    fields of AuditOptions. ``use_cache=False`` is the older spelling of ``cache=Cache.OFF``,
    still accepted from the callers written before Cache existed."""
    if use_cache is not None:
        options.setdefault("cache", Cache.REUSE if use_cache else Cache.OFF)
    engine = AuditEngine(root, AuditOptions(**options))
    jobs = None
    if variant is not None:
        pages = list(pages) if pages is not None else find_pages(root)
        jobs = [Job(page, variant) for page in pages]
    return engine.run(pages=pages, progress=progress, jobs=jobs)
