"""The content checks remembered between builds, and run ahead in other processes.

A warm rebuild should cost what changed, and on a machine with more than one core the checks of
the files Pelican will read next can run beside it (they were a fifth of a cold build).
"""

import concurrent.futures
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
from pathlib import Path

from warta.content.caches import write_pickle
from warta.content.lint.checker import Probe, ask, lint_file

log = logging.getLogger(__name__)

# Settings that name this build's own folders, not anything the checks look at.
_BUILD_ONLY_SETTINGS = {"OUTPUT_PATH", "CACHE_PATH", "WARTA_SOURCE_MAP", "WARTA_SOURCE_MAP_OUTPUT"}
# The checks' own code is part of every key: a changed rule checks every file again.
_CODE = sorted(Path(__file__).parent.glob("*.py"))


def lint_recording(path, settings):
    """(findings, the file-system answers they depend on) for one file."""
    probe = Probe()
    return lint_file(path, settings, probe), probe.answers


class LintMemo:
    """:func:`lint_file` with a memory kept between builds.

    A result is reused when the file's bytes, the checks' code, the settings and every answer
    the file system gave the checks (is the cover there? how large is the PDF?) are all the same;
    otherwise the file is checked again. A file read from Pelican's content cache is checked
    through this memo, so a cached article is never published unchecked.
    """

    def __init__(self):
        self.path = None
        self.old = {}
        self.used = {}
        self.settings_key = b""
        self.checker = None
        self.ahead = (0, 0)  # files the last build's checkers were given, and results used

    def stop(self):
        if self.checker is not None:
            self.checker.stop()
            self.ahead = (self.checker.submitted, self.checker.served)
            self.checker = None

    def load(self, path, settings):
        self.path = Path(path)
        self.used = {}
        picked = {k: v for k, v in settings.items() if k not in _BUILD_ONLY_SETTINGS}
        self.settings_key = hashlib.sha256(
            b"".join(code.read_bytes() for code in _CODE)
            + json.dumps(picked, sort_keys=True, default=repr).encode()
        ).digest()
        try:
            with open(self.path, "rb") as handle:
                self.old = pickle.load(handle)
            if not isinstance(self.old, dict):
                raise TypeError("bukan dict")
        except FileNotFoundError:
            self.old = {}
        except Exception as exc:  # noqa: BLE001 - a broken memo only costs time
            log.warning("Cache pemeriksaan konten %s tidak terbaca (%s); semua berkas diperiksa ulang",
                        path, exc)
            self.old = {}

    def key(self, path, data):
        return hashlib.sha256(self.settings_key + str(path).encode() + b"\0" + data).digest()

    def remembered(self, key):
        """The findings remembered under ``key`` if every file-system answer still holds."""
        entry = self.used.get(key) or self.old.get(key)
        if entry is not None:
            findings, probes = entry
            if all(ask(kind, Path(name)) == answer for kind, name, answer in probes):
                self.used[key] = entry
                return list(findings)
        return None

    def lint_file(self, path, settings):
        if self.path is None:
            return lint_file(path, settings)
        try:
            data = Path(path).read_bytes()
        except OSError:
            return lint_file(path, settings)
        key = self.key(path, data)
        findings = self.remembered(key)
        if findings is not None:
            return findings
        entry = self.checker.result(path, key) if self.checker else None
        if entry is None:
            entry = lint_recording(path, settings)
        self.used[key] = entry
        return list(entry[0])

    def check_ahead(self, paths, settings):
        """Start checking, in other processes, the files among ``paths`` not remembered.

        Pelican reads content on one core; on a machine with more, the checks of the files it
        will read next run beside it.
        """
        if self.path is None or self.checker is not None:
            return
        todo = []
        for path in paths:
            try:
                key = self.key(path, Path(path).read_bytes())
            except OSError:
                continue
            if self.remembered(key) is None:
                todo.append((str(path), key))
        workers = min((os.cpu_count() or 1) - 1, 4)
        minimum = settings["WARTA_LINT_PARALLEL_MIN"]
        if workers < 1 or minimum is None or len(todo) < minimum:
            return
        self.checker = AheadChecker(todo, settings, workers)

    def save(self):
        self.stop()
        if self.path is None:
            return
        if self.used.keys() != self.old.keys():
            write_pickle(self.path, self.used)
        self.path = None


# A forked worker's settings. Each worker sets its own copy once, as it starts (the fork hands it
# over without pickling: settings hold functions and compiled patterns); the build's process
# never sets it.
_worker_settings = None


def _start_worker(settings):
    global _worker_settings
    _worker_settings = settings


def _lint_ahead(path, key):
    return key, lint_recording(path, _worker_settings)


class AheadChecker:
    """Checks files in forked worker processes while Pelican reads; see LintMemo.check_ahead.

    Anything unexpected (a worker that died, a result that does not come) only means the file
    is checked again in the build's own process: never a file left unchecked.
    """

    WAIT = 60  # seconds for one result before checking that file here instead

    def __init__(self, todo, settings, workers):
        self.futures = {}
        self.submitted = self.served = 0
        try:
            self.pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker, initargs=(settings,),
            )
            for path, key in todo:
                self.futures[path] = self.pool.submit(_lint_ahead, path, key)
                self.submitted += 1
        except Exception as exc:  # noqa: BLE001 - no workers: every file is checked inline
            log.debug("pemeriksaan paralel tidak tersedia: %s", exc)
            self.pool = None

    def result(self, path, key):
        future = self.futures.pop(str(path), None)
        if future is None:
            return None
        # Pelican reads in its own order: a file the workers have not started yet is checked
        # here at once rather than waited for (waiting made a cold build 7 s slower).
        if not future.done() and future.cancel():
            return None
        try:
            done_key, entry = future.result(timeout=self.WAIT)
        except Exception:  # noqa: BLE001 - see the class docstring
            return None
        if done_key != key:
            return None  # the file changed since: check it again
        self.served += 1
        return entry

    def stop(self):
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

