"""Audit progress: a live bar on a terminal, plain lines in CI logs.

Both show items done (pages, checks), items per second and the estimated time left. A CI log
cannot redraw a bar, so there we print a line every few percent (and every failure as it
happens). The gate runs in stages (Stages): each says what it is when it starts and how long it
took when it ends, so no minute of `make gerbang` passes without a line.
"""

import contextlib
import os
import sys
import threading
import time

import click


def _duration(seconds):
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} dtk"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} mnt {seconds:02d} dtk"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} jam {minutes:02d} mnt"


def _name(result):
    """How a failure is named as it happens: a check by its title, an audit by its page and,
    in the gate's display variants, the variant, since one page is audited under several."""
    variant = getattr(result, "variant", "")
    return getattr(result, "title", None) or result.page + (f" [{variant}]" if variant else "")


class _Rate:
    """Items per second over the work actually done: pages reused from the cache cost nothing.

    Once a second item is done, the rate counts from the first: starting the browsers or the
    HTML checker's JVM happens once, and counted in it would make the first estimates minutes
    too long."""

    def __init__(self):
        self.started = time.monotonic()
        self.first = None
        self.audited = 0

    def add(self, result):
        if result is None or not getattr(result, "reused", False):
            self.audited += 1
            if self.first is None:
                self.first = time.monotonic()

    def per_second(self):
        now = time.monotonic()
        if self.audited > 1 and now > self.first:
            return (self.audited - 1) / (now - self.first)
        elapsed = now - self.started
        return self.audited / elapsed if elapsed > 0 else 0.0


class LineProgress:
    """Plain lines: `[ 120/2000]   6%  8.1 halaman/dtk  sisa ~3 mnt 52 dtk`."""

    def __init__(self, stream=None, every_seconds=10.0, unit="halaman"):
        self.stream = stream
        self.unit = unit
        self.every_seconds = every_seconds
        self.rate = _Rate()
        self.last_line = 0.0
        self.last_percent = -100
        self.lock = threading.Lock()

    def __enter__(self):
        self.rate = _Rate()
        return self

    def __exit__(self, *exc):
        return False

    def update(self, done, total, result):
        with self.lock:
            self.rate.add(result)
            if result is not None and not result.passed:
                click.echo(f"GAGAL {_name(result)}", file=self.stream)
            percent = 100 * done // total
            now = time.monotonic()
            if done == total or percent >= self.last_percent + 5 or (
                now - self.last_line >= self.every_seconds
            ):
                self.last_percent = percent
                self.last_line = now
                click.echo(self.line(done, total), file=self.stream)

    def line(self, done, total):
        rate = self.rate.per_second()
        width = len(str(total))
        text = f"[{done:>{width}}/{total}] {100 * done // total:3d}%  {rate:.1f} {self.unit}/dtk"
        if done < total and rate > 0:
            text += f"  sisa ~{_duration((total - done) / rate)}"
        return text


class BarProgress:
    """A live bar with rich, which pelican already depends on."""

    def __init__(self, label="Audit", unit="halaman"):
        from rich.progress import (  # noqa: PLC0415 - only on a terminal
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.rate = _Rate()
        self.progress = Progress(
            TextColumn(label, markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} " + unit + "/dtk"),
            TextColumn("sisa"),
            TimeRemainingColumn(),
            transient=False,
        )
        self.task = None
        self.lock = threading.Lock()

    def __enter__(self):
        self.progress.__enter__()
        self.rate = _Rate()
        self.task = self.progress.add_task("audit", total=None, rate="0.0")
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def update(self, done, total, result):
        with self.lock:
            self.rate.add(result)
            if result is not None and not result.passed:
                self.progress.console.print(f"GAGAL {_name(result)}", markup=False)
            self.progress.update(
                self.task, completed=done, total=total, rate=f"{self.rate.per_second():.1f}"
            )


def make_progress(mode="auto", label="Audit", unit="halaman", stream=None):
    """`bar` on an interactive terminal outside CI, `lines` otherwise (or as asked)."""
    if mode == "auto":
        interactive = sys.stdout.isatty() and not os.environ.get("CI")
        mode = "bar" if interactive else "lines"
    if mode == "bar":
        return BarProgress(label=label, unit=unit)
    return LineProgress(stream=stream, unit=unit)


class Stages:
    """Stages run one after another, each announced as `Tahap 2/3: …` when it starts, with its
    own progress (done, per second, time left) while it runs and its time when it ends."""

    def __init__(self, count, mode="auto", stream=None):
        self.count = count
        self.mode = mode
        self.stream = stream
        self.number = 0

    @contextlib.contextmanager
    def stage(self, title, total, unit):
        """Run one stage of ``total`` items; yields its ``progress(done, total, result)``."""
        self.number += 1
        name = f"Tahap {self.number}/{self.count}"
        click.echo(f"{name}: {title}", file=self.stream)
        started = time.monotonic()
        reused = []

        def update(done, count, result):
            if getattr(result, "reused", False):
                reused.append(result)
            display.update(done, count, result)
        with make_progress(self.mode, label=name, unit=unit, stream=self.stream) as display:
            yield update
        # Reused results cost nothing: say so, or a stage of seconds looks like a slow one.
        split = (f": {total - len(reused)} dijalankan, {len(reused)} dipakai ulang dari cache"
                 if reused else "")
        click.echo(f"{name} selesai: {total} {unit}{split} dalam "
                   f"{_duration(time.monotonic() - started)}.", file=self.stream)


class QuietStages:
    """The same stages with nothing printed: for the tests and other callers of the gate."""

    def __init__(self, progress=None):
        self.progress = progress  # the first stage's, as callers gave it before stages existed

    @contextlib.contextmanager
    def stage(self, title, total, unit):
        progress, self.progress = self.progress, None
        yield progress
