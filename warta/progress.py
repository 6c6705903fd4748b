"""Audit progress: a live bar on a terminal, plain lines in CI logs.

Both show pages done, pages per second and the estimated time left. A CI log cannot redraw a
bar, so there we print a line every few percent (and every failing page as it happens).
"""

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


class _Rate:
    """Pages per second over the audited pages only: reused ones cost nothing."""

    def __init__(self):
        self.started = time.monotonic()
        self.audited = 0

    def add(self, result):
        if not result.reused:
            self.audited += 1

    def per_second(self):
        elapsed = time.monotonic() - self.started
        return self.audited / elapsed if elapsed > 0 else 0.0


class LineProgress:
    """Plain lines: `[ 120/2000]   6%  8.1 halaman/dtk  sisa ~3 mnt 52 dtk`."""

    def __init__(self, stream=None, every_seconds=10.0):
        self.stream = stream
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
            if not result.passed:
                click.echo(f"GAGAL {result.page}", file=self.stream)
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
        text = f"[{done:>{width}}/{total}] {100 * done // total:3d}%  {rate:.1f} halaman/dtk"
        if done < total and rate > 0:
            text += f"  sisa ~{_duration((total - done) / rate)}"
        return text


class BarProgress:
    """A live bar with rich, which pelican already depends on."""

    def __init__(self):
        from rich.progress import (  # noqa: PLC0415 - only on a terminal
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.rate = _Rate()
        self.progress = Progress(
            TextColumn("Audit"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} halaman/dtk"),
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
            if not result.passed:
                self.progress.console.print(f"GAGAL {result.page}", markup=False)
            self.progress.update(
                self.task, completed=done, total=total, rate=f"{self.rate.per_second():.1f}"
            )


def make_progress(mode="auto"):
    """`bar` on an interactive terminal outside CI, `lines` otherwise (or as asked)."""
    if mode == "auto":
        interactive = sys.stdout.isatty() and not os.environ.get("CI")
        mode = "bar" if interactive else "lines"
    return BarProgress() if mode == "bar" else LineProgress()
