"""Build the site with Pelican, atomically, reporting editors' mistakes in plain words.

The site is written into a temporary folder next to the output folder and swapped in only when
the whole build succeeded, so a failed build never leaves a half-written site behind. An
interrupted build (Ctrl+C, or SIGTERM from CI or a service manager) removes its staging folders
on the way out, and the swap itself cannot be cut in half.
"""

import contextlib
import io
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

from warta import ROOT, city_settings_file
from warta.content.errors import BuildError, ContentError, display_path
from warta.content.files import check_content
from warta.content.review import RULE as REVIEW_RULE
from warta.content.review import published_markers
from warta.content.source_maps import forget_stale_source_maps, source_map_path
from warta.settings.loader import load as settings_file_values
from warta.settings.loader import resolve_paths
from warta.settings.registry import findings as settings_findings
from warta.settings.registry import missing as missing_settings

log = logging.getLogger(__name__)

# Pelican warnings that say nothing an editor or developer can act on here.
IGNORED_WARNINGS = (
    # Our content is Markdown; the reStructuredText reader's missing translation is irrelevant.
    "Docutils has no localization",
    # Development builds have no SITEURL on purpose; publishconf.py sets it.
    "Feeds generated without SITEURL",
)


class _Collector(logging.Handler):
    """Collects the errors and warnings logged during a build, instead of printing tracebacks."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.errors = []
        self.warnings = []
        self.findings = []  # structured content findings (warta.content.errors.Finding), for `periksa`
        self.content = None  # content/, where "Could not process <path>" paths start

    def add_content_error(self, exc):
        for finding, text in zip(exc.findings, exc.lines(), strict=True):
            if text not in self.errors:
                self.errors.append(text)
                self.findings.append(finding)

    def emit(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None and isinstance(record.args, tuple):
            # Plugins also log a ContentError as an argument: log.error("%s", error).
            exc = next((a for a in record.args if isinstance(a, ContentError)), None)
            if exc is not None and record.levelno < logging.ERROR:
                self.warnings.extend(exc.lines())
                self.findings.extend(exc.findings)
                return
        finding = getattr(record, "warta_finding", None)
        if finding is not None and not finding.is_error:
            # A content-check warning: printed, and the build goes on.
            self.warnings.append(str(finding))
            self.findings.append(finding)
            return
        if isinstance(exc, ContentError):
            self.add_content_error(exc)
            return
        if exc is not None and record.msg == "Could not process %s" and record.args:
            # A failure no check foresaw while reading one file: a finding at that file, in
            # the editor's words, never an exception; `--debug` keeps the traceback.
            self.add_content_error(unreadable(record.args[0], exc, self.content))
            return
        text = record.getMessage()
        if exc is not None:
            text = f"{text}: {type(exc).__name__}: {exc}"
        if record.levelno >= logging.ERROR:
            if text not in self.errors:
                self.errors.append(text)
        elif not text.startswith(IGNORED_WARNINGS):
            self.warnings.append(text)


UNREADABLE_FIX = ("periksa bagian berkas yang baru diubah (kolom kepala, atribut {: ... }, HTML) "
                  "dan bandingkan dengan panduan editor; bila penyebabnya tidak ketemu, kirim "
                  "berkas ini ke pengembang (bin/warta build --debug menampilkan rinciannya)")


def unreadable(path, exc, content=None):
    """The konten-tak-terbaca ContentError for a file whose reading raised ``exc``."""
    full = Path(content) / path if content and not Path(path).is_absolute() else Path(path)
    cause = " ".join(str(exc).split())[:160]
    return ContentError(
        str(full), f"Berkas ini tidak dapat dibaca Warta ({type(exc).__name__}"
        + (f": {cause})" if cause else ")"), UNREADABLE_FIX,
        line=getattr(exc, "lineno", None) or 1, rule="konten-tak-terbaca")


def _plain_failure(exc, staging):
    """One line for an unexpected failure, naming output paths as they will be published: the
    staging folder is the build's own business, never the editor's."""
    text = str(exc).replace(f"{staging}{os.sep}", "").replace(str(staging), "output")
    if type(exc).__name__ == "FileOverwriteFailedError":
        # Two things would write one file; url-cadangan and url-ganda name content clashes
        # first, so this is a clash no rule foresaw yet.
        return (f"url-ganda: dua bagian portal akan menulis berkas yang sama ({text}) (ubah "
                "`Slug:` atau `Save_as:` tulisan yang baru ditambahkan)")
    return (f"konten-tak-terbaca: build berhenti karena galat yang tidak terduga "
            f"({type(exc).__name__}: {text[:200]}) ({UNREADABLE_FIX})")


def load_settings(settings_file=None, **overrides):
    """Read a settings file (the city's, see warta.city_settings_file, by default) with paths
    resolved from the project root, every default filled (warta.settings.loader) and Pelican's
    own settings added."""
    settings_file = Path(settings_file or city_settings_file())
    if not settings_file.is_absolute():
        settings_file = ROOT / settings_file
    try:
        with warnings.catch_warnings():
            # Python's SyntaxWarnings while the file compiles ("perhaps you missed a comma?")
            # are English and come before our own line; pengaturan-rusak names that line.
            warnings.simplefilter("ignore")
            values = settings_file_values(settings_file, **overrides)
    except Exception as exc:  # noqa: BLE001 - any mistake in a settings file is the same finding
        raise _settings_error(settings_file, exc) from exc
    values = resolve_paths(values, settings_file)
    if not os.path.isdir(values["PATH"]):
        # Pelican would stop with an English ValueError; the editor gets the line to fix.
        message = (f"{display_path(settings_file)}:1: pengaturan-nilai: folder konten "
                   f"{display_path(values['PATH'])} tidak ada (buat folder itu, atau tulis "
                   "PATH = \"folder-konten\" di berkas pengaturan)")
        raise BuildError(message, errors=[message])
    settings = read_settings(override=values)
    # Before any plugin or template unpacks a contact or a menu entry: a wrong shape is a
    # finding at its line, never a ValueError halfway through a build.
    wrong = settings_findings(settings, settings_file)
    if wrong:
        lines = [str(finding) for finding in wrong]
        raise BuildError("Berkas pengaturan perlu diperbaiki:\n"
                         + "\n".join(f"  {line}" for line in lines),
                         findings=wrong, errors=lines)
    return settings


def _settings_error(settings_file, exc):
    """A settings file that does not run, as one ``path:line: rule-id: message (fix)`` line."""
    line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == settings_file.resolve():
            line = frame.lineno
    shown = display_path(settings_file)
    reason = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    message = (f"{shown}:{line or 1}: pengaturan-rusak: Berkas pengaturan tidak dapat dijalankan "
               f"({type(exc).__name__}: {reason}) (perbaiki baris itu; nama yang dipakai bersama "
               "semua kota ada di warta/settings/__init__.py)")
    return BuildError(message, errors=[message])


def quiet_settings(settings_file=None, content=None):
    """Settings for commands that do not build: Pelican's build-time warnings about them (feeds
    without SITEURL, …) mean nothing to an editor making a file."""
    overrides = {"PATH": str(Path(content).resolve())} if content else {}
    pelican_log = logging.getLogger("pelican")
    level = pelican_log.level
    pelican_log.setLevel(logging.ERROR)
    try:
        return load_settings(settings_file, **overrides)
    finally:
        pelican_log.setLevel(level)


INTERRUPTING = (signal.SIGTERM, signal.SIGINT)


class Interrupted(BaseException):
    """A stop signal arrived mid-build. A BaseException, so that no ``except Exception`` in
    Pelican or in a plugin takes it for a content problem and carries on building."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum, frame):
    raise Interrupted(signum)


@contextlib.contextmanager
def _interruptible():
    """Turn SIGTERM and SIGINT into Interrupted while the build runs, so every ``finally``
    below removes what it staged; then end the way the signal meant to.

    A signal the process ignores stays ignored (a build started with `&` by a script), and a
    handler someone installed before us still gets the signal once we have cleaned up.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be installed from the main thread
        return
    previous = {}
    for signum in INTERRUPTING:
        handler = signal.getsignal(signum)
        if handler not in (signal.SIG_IGN, None):
            previous[signum] = handler
            signal.signal(signum, _interrupt)
    try:
        yield
    except Interrupted as exc:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        handler = previous.get(exc.signum)
        if callable(handler) and handler is not signal.default_int_handler:
            handler(exc.signum, None)
        name = signal.Signals(exc.signum).name
        print(f"Build dihentikan ({name}); output lama tidak diubah.", file=sys.stderr)
        raise SystemExit(128 + exc.signum) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def _signals_held():
    """Hold stop signals until the block is done: the two renames of the swap go together."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPTING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, INTERRUPTING)


@dataclass
class Built:
    """A build that succeeded: its warnings, as printed, and the content findings behind them
    (the rules the CLI links to the editors' guide). BuildError carries the same for a failure."""

    warnings: list = field(default_factory=list)
    findings: list = field(default_factory=list)


def build(output, settings_file=None, content=None, debug=False, **overrides):
    """Build the site into ``output``; return :class:`Built`. Raise BuildError listing every
    problem if it fails. SIGTERM or SIGINT during the build ends it with SystemExit, the old
    output untouched.
    """
    with _interruptible():
        return _build(output, settings_file, content, debug, **overrides)


def _build(output, settings_file, content, debug, **overrides):
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    collector = _Collector()
    # Pelican's loggers drop a warning already printed once in this process: a second build
    # here (the editors' preview, a rebuild) would then hide every warning still true.
    LimitFilter._raised_messages.clear()
    staging = staged_map = None
    root_log = logging.getLogger()
    root_log.addHandler(collector)
    previous_level = root_log.level
    if root_log.level > logging.WARNING or root_log.level == logging.NOTSET:
        root_log.setLevel(logging.WARNING)
    try:
        with _signals_held():  # made and remembered together, so the cleanup below knows it
            staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-baru-", dir=output.parent))
        if content is not None:
            overrides["PATH"] = str(Path(content).resolve())
        # With DEBUG on, Pelican attaches the exception to its "Could not process" log record,
        # which is how the collector finds our ContentError and its plain message.
        overrides.setdefault("DEBUG", True)
        # The source map describes the final folder and replaces the old map only when this
        # build is swapped in, like the site itself.
        source_map = source_map_path(output)
        staged_map = source_map.with_suffix(f".{os.getpid()}.baru")
        overrides.setdefault("WARTA_SOURCE_MAP", str(staged_map))
        overrides.setdefault("WARTA_SOURCE_MAP_OUTPUT", str(output))
        settings = load_settings(settings_file, OUTPUT_PATH=str(staging), **overrides)
        lacking = missing_settings(settings, settings["WARTA_SETTINGS_FILE"])
        if lacking:
            lines = [str(finding) for finding in lacking]
            raise BuildError("Berkas pengaturan belum lengkap:\n"
                             + "\n".join(f"  {line}" for line in lines),
                             findings=lacking, errors=lines)
        _run_pelican(settings, collector, staging, debug)
        if settings["WARTA_REVIEW_BLOCKS"] and not collector.errors:
            _block_review_markers(collector, settings, staging, staged_map, output)
        if collector.errors:
            raise BuildError(
                "Build gagal; output lama tidak diubah. Perbaiki masalah berikut:\n"
                + "\n".join(f"  {line}" for line in collector.errors),
                findings=collector.findings,
                errors=collector.errors,
                warnings=collector.warnings,
            )
        _swap_in(staging, output)
        if staged_map.exists():
            staged_map.replace(source_map)
            forget_stale_source_maps()
        return Built(collector.warnings, collector.findings)
    finally:
        # Held, so a second Ctrl+C cannot leave half a staging folder behind.
        with _signals_held():
            if staged_map is not None:
                staged_map.unlink(missing_ok=True)
            root_log.removeHandler(collector)
            root_log.setLevel(previous_level)
            if staging is not None and staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def _block_review_markers(collector, settings, staging, staged_map, output):
    """What is published holds no ((tinjau: ...)) a citizen would read (warta.content.review): each one
    becomes an error at the line that holds it, in place of the same line's warning."""
    found = published_markers(staging, settings["PATH"], settings["WARTA_SETTINGS_FILE"],
                              staged_map, shown_as=output.name)
    if not found:
        return
    places = {(finding.path, finding.line) for finding in found}
    kept = [f for f in collector.findings
            if not (f.rule == REVIEW_RULE and (display_path(f.path), f.line) in places)]
    dropped = {str(f) for f in collector.findings if f not in kept}
    collector.warnings = [line for line in collector.warnings if line not in dropped]
    collector.findings = kept + found
    collector.errors += [str(finding) for finding in found]


def _run_pelican(settings, collector, staging, debug):
    """Check the content tree, then run Pelican; every problem goes to ``collector``."""
    # The content tree is checked before Pelican reads or copies any of it: a link out of
    # content/ or a script among the images must never reach the staging folder.
    collector.content = settings["PATH"]
    refused = check_content(settings)
    if refused:
        collector.add_content_error(ContentError.from_findings(refused))
        return
    try:
        # Pelican's own summary ("Done: Processed …") would read as success even when we are
        # about to refuse the build; the CLI prints its own result.
        with contextlib.redirect_stdout(io.StringIO()):
            Pelican(settings).run()
    except ContentError as exc:
        collector.add_content_error(exc)
    except Exception as exc:  # noqa: BLE001 - any failure must end in a clean message
        if debug:
            raise
        collector.errors.append(_plain_failure(exc, staging))


def _swap_in(staging, output):
    """Replace ``output`` by ``staging`` with two renames, so readers never see a partial site.

    A stop signal between the renames would leave no output at all, so signals wait for both;
    the old site is removed afterwards, interrupted or not.
    """
    old = output.with_name(f".{output.name}-lama-{os.getpid()}")
    try:
        with _signals_held():
            if old.exists():
                shutil.rmtree(old)
            if output.exists():
                output.rename(old)
            try:
                staging.rename(output)
            except OSError:
                if old.exists() and not output.exists():
                    old.rename(output)
                raise
    finally:
        with _signals_held():
            shutil.rmtree(old, ignore_errors=True)
