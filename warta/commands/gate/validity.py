"""HTML validity: the Nu HTML Checker (vnu.jar) over every built page, in one JVM.

Valid markup is what WCAG 2.0 and 2.1's 4.1.1 Parsing asked for. WCAG 2.2 dropped 4.1.1 because
browsers repair markup the same way now, but the repair can still change what 1.3.1 Info and
Relationships and 4.1.2 Name, Role, Value depend on: a stray end tag moves content out of its
landmark, a duplicate id points a label at the wrong element. axe only sees the repaired tree;
the checker reads the files as written.

Fail closed, like the axe audit: no Java, no vnu.jar, a checker that exits non-zero, output that
is not its JSON, or a page it did not report as checked raises ValidityError. It is never a pass.
Warnings (vnu's "info" messages) are not failures; errors are, unless ACCEPTED_ERRORS records
them with a reason.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from warta import ROOT
from warta.commands.audit import find_pages

# The pinned vnu-jar from package.json; run with `java -jar`, never through vnu-jar's Node
# wrapper, which downloads a Java runtime from GitHub when it finds none.
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_VERSION_PREFIX = "26.9."
JAVA = "java"
JAVA_PACKAGE = "default-jre-headless"

# One run over the whole site: the JVM's start-up is most of the cost of a small site.
TIMEOUT = 600  # seconds


@dataclass(frozen=True)
class AcceptedError:
    """A checker error we keep on purpose: the message and pages it covers, why, and a source."""

    message: str  # regular expression, matched against the whole message
    pages: str  # regular expression, matched against the page's path in the output folder
    reason: str
    link: str
    label: str = ""  # what the summary calls it, in Indonesian, for the editor who reads it

    def covers(self, error):
        return bool(re.fullmatch(self.message, error.message)
                    and re.fullmatch(self.pages, error.page))


# Errors accepted, each with the reason and a source. Keep this list short: a template that
# can be made valid without losing accessibility is fixed instead.
ACCEPTED_ERRORS = [
    AcceptedError(
        message=(r"The 'role' attribute must not be used on a '(tr|th|td)' element which has a "
                 r"'table' ancestor with no 'role' attribute, or with a 'role' attribute whose "
                 r"value is 'table', 'grid', or 'treegrid'\."),
        pages=r"ppid/dip/.*\.html",
        reason=(
            "Tabel Daftar Informasi Publik ditampilkan sebagai kartu di layar sempit "
            "(display: block, WCAG 1.4.10 Reflow). Sebagian peramban, terutama Safari/WebKit, "
            "membuang semantik tabel dari elemen yang tampilannya diubah CSS, sehingga pembaca "
            "layar tidak lagi mengumumkan baris, kolom, dan judul kolom (WCAG 1.3.1). Peran "
            "ARIA eksplisit pada tr/th/td mengembalikan semantik itu; ARIA in HTML melarangnya "
            "hanya karena berlebihan di peramban yang sudah benar."
        ),
        link="https://adrianroselli.com/2018/02/tables-css-display-properties-and-aria.html",
        label="peran ARIA pada tabel Daftar Informasi Publik",
    ),
]
# Where the list lives, as the summary names it for whoever wants the reasons.
ACCEPTED_ERRORS_HOME = "ACCEPTED_ERRORS di warta/commands/gate/validity.py"

# The checker's warnings (vnu's "info" messages) never fail the gate. These are the kinds a
# Warta site produces, each with why no editor need act on it, so the summary can say what its
# hundreds of warnings are; any other kind is counted apart and quoted once.
KNOWN_WARNINGS = [
    # The accepted DIP-table roles again, as "unnecessary": the reason is the accepted error's.
    (r"The '[a-z]+' role is unnecessary for element '[a-z0-9]+'\.",
     "peran ARIA yang sama dengan peran bawaan elemennya (tabel DIP, disengaja)"),
    # The checker reads each page as a file on disk, where no address is the page's own origin,
    # so every 'self' source looks blocked (and JSON-LD, which is data, looks like a script).
    # Browsers load the served pages with the same policy; the browser checks prove it.
    (r"(Inline script|Resource) violates Content Security Policy \(meta tag\).*",
     "Content Security Policy yang dinilai pada berkas di disk, bukan pada situs yang disajikan"),
]
OTHER_WARNINGS = "lainnya"


class ValidityError(Exception):
    """The HTML check could not run. Always a failure, never a pass or a skip."""


@dataclass
class Message:
    """One checker error on one page."""

    page: str
    line: int
    column: int
    message: str
    extract: str = ""

    def format(self):
        return f"{self.page}:{self.line}: {self.message}"


@dataclass
class ValidityResult:
    """The checker's verdict on a whole output folder."""

    built: list  # every HTML page in the folder
    checked: list  # the pages the checker reported checking in this run
    errors: list  # Message, not covered by an accepted error
    accepted: list = field(default_factory=list)  # (Message, AcceptedError)
    warnings: int = 0
    warning_kinds: Counter = field(default_factory=Counter)  # KNOWN_WARNINGS label -> count
    other_warning: str = ""  # the first warning of no known kind, quoted in the summary
    version: str = ""
    seconds: float = 0.0
    # Pages whose clean result (errors, accepted errors and warnings) was reused from the gate's
    # cache, unchanged since it was judged: counted with the judged, never as checked now.
    reused: list = field(default_factory=list)
    page_warnings: dict = field(default_factory=dict)  # page -> its warnings' messages

    @property
    def passed(self):
        return not self.errors and sorted(self.checked + self.reused) == sorted(self.built)

    def summary(self):
        now = f"{len(self.checked)} halaman diperiksa"
        if self.reused:
            now += f" sekarang dan {len(self.reused)} dipakai ulang dari cache"
        line = (f"validitas HTML (vnu {self.version or '-'}): {now} dari "
                f"{len(self.built)} halaman yang dibangun, {len(self.errors)} galat, "
                f"{len(self.accepted)} galat yang diterima, {self.warnings} peringatan, "
                f"{self.seconds:.1f} detik")
        return "\n".join([line, *self.explanation()])

    def explanation(self):
        """What the accepted errors and the warnings are, and that neither asks anything of the
        editor: without it, "8 galat yang diterima, 829 peringatan" reads like trouble."""
        lines = []
        if self.accepted:
            pages = {}
            for error, rule in self.accepted:
                pages.setdefault(rule.label or rule.pages, []).append(error.page)
            found = "; ".join(f"{label}: {len(on)} di {len(set(on))} halaman"
                              for label, on in pages.items())
            lines.append(f"  {len(self.accepted)} galat yang diterima: temuan pemeriksa HTML yang "
                         "sudah diketahui dan disengaja, tidak merugikan pembaca dan tidak "
                         f"menggagalkan gerbang ({found}); alasannya di {ACCEPTED_ERRORS_HOME}.")
        if self.warnings:
            kinds = "; ".join(f"{label}: {count}" for label, count in self.warning_kinds.most_common())
            if self.other_warning:
                kinds += f", misalnya \"{self.other_warning}\""
            lines.append(f"  {self.warnings} peringatan: saran pemeriksa HTML, bukan kesalahan; "
                         "tidak menggagalkan gerbang dan editor tidak perlu bertindak"
                         + (f" ({kinds})." if kinds else "."))
        return lines

    def add_warning(self, message, page=None):
        if page is not None:
            self.page_warnings.setdefault(page, []).append(message)
        label = next((label for pattern, label in KNOWN_WARNINGS
                      if re.fullmatch(pattern, message)), OTHER_WARNINGS)
        self.warnings += 1
        self.warning_kinds[label] += 1
        if label == OTHER_WARNINGS and not self.other_warning:
            self.other_warning = message[:160]

    def format(self):
        return "\n".join([self.summary()] + [error.format() for error in self.errors])


def _page_of(url, root):
    """The page a checker URL (file:/abs/path) names, relative to root; None if outside it."""
    if not url.startswith("file:"):
        return None
    path = os.path.normpath(urllib.parse.unquote(url[len("file:"):]))
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return None


def _run_reading_stderr(command, cwd, timeout, on_line):
    """subprocess.run(command, capture_output=True, timeout=timeout), except that each line of
    stderr also goes to ``on_line`` as soon as it is written: vnu --verbose names each page
    there as it checks it, which is the HTML check's progress at no cost."""
    expired = threading.Event()
    with subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8", errors="replace") as process:
        out = []
        reader = threading.Thread(target=lambda: out.append(process.stdout.read()), daemon=True)
        reader.start()
        timer = threading.Timer(timeout, lambda: (expired.set(), process.kill()))
        timer.start()
        lines = []
        try:
            for line in process.stderr:
                lines.append(line)
                on_line(line)
            process.wait()
            reader.join()
        finally:
            timer.cancel()
            if process.poll() is None:  # interrupted (Ctrl+C): no checker is left running
                process.kill()
    if expired.is_set():
        raise subprocess.TimeoutExpired(command, timeout)
    return subprocess.CompletedProcess(command, process.returncode, "".join(out), "".join(lines))


def run_vnu(root, pages, java=JAVA, jar=VNU_JAR, timeout=TIMEOUT, progress=None):
    """Run vnu.jar once over ``pages`` (relative to root); returns (parsed JSON, pages checked).
    ``progress(done, total, None)`` is called as the checker reaches each page."""
    jar = Path(jar)
    if not jar.is_file():
        raise ValidityError(
            f"Pemeriksa validitas HTML tidak ditemukan: {jar}. Jalankan `make node` "
            "untuk memasang vnu-jar yang dipatok di package.json."
        )
    command = [java, "-jar", str(jar), "--format", "json", "--stdout", "--verbose",
               "--exit-zero-always", "--asciiquotes", *pages]
    wanted = set(pages)
    reached = 0

    def on_line(line):
        nonlocal reached
        if progress and line.strip() in wanted:
            reached += 1
            progress(min(reached, len(pages)), len(pages), None)

    try:
        done = _run_reading_stderr(command, root, timeout, on_line)
    except FileNotFoundError as exc:
        raise ValidityError(
            f"Java tidak ditemukan ({java}): pemeriksa validitas HTML membutuhkan Java 17 atau "
            f"lebih baru. Pasang paket Debian '{JAVA_PACKAGE}' (`make java`)."
        ) from exc
    except OSError as exc:
        raise ValidityError(f"Java tidak dapat dijalankan ({java}): {exc}") from exc
    except subprocess.TimeoutExpired as exc:
        raise ValidityError(f"Pemeriksa validitas HTML tidak selesai dalam {timeout} detik.") from exc
    stderr = done.stderr.strip()
    if done.returncode != 0:
        raise ValidityError(
            f"Pemeriksa validitas HTML gagal berjalan (kode keluar {done.returncode}): "
            f"{stderr[-2000:] or '(tanpa keluaran)'}"
        )
    try:
        data = json.loads(done.stdout)
        messages = data["messages"]
        if not isinstance(messages, list):
            raise TypeError("messages bukan daftar")
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidityError(
            "Keluaran pemeriksa validitas HTML bukan JSON yang dikenali "
            f"({exc}): {done.stdout[:500]!r} {stderr[-500:]!r}"
        ) from exc
    # --verbose names each file on stderr as it is checked, exactly as it was passed; any other
    # line there (JVM notices) is not a page.
    checked = sorted({line.strip() for line in done.stderr.splitlines()} & wanted)
    return data, checked


def check_site(root, pages=None, accepted=None, java=JAVA, jar=VNU_JAR, timeout=TIMEOUT,
               progress=None):
    """Check every HTML page under ``root`` (or the given pages) with one vnu.jar run.

    Raises ValidityError when the check could not run or did not cover every page; returns a
    ValidityResult whose ``errors`` are the errors no accepted error covers.
    """
    root = Path(root).resolve()
    accepted = ACCEPTED_ERRORS if accepted is None else accepted
    built = find_pages(root) if pages is None else sorted(pages)
    if not built:
        raise ValidityError(f"Tidak ada halaman HTML untuk diperiksa di {root}.")
    started = time.monotonic()
    data, checked = run_vnu(root, built, java=java, jar=jar, timeout=timeout, progress=progress)
    seconds = time.monotonic() - started
    version = str(data.get("version", ""))
    if not version.startswith(VNU_VERSION_PREFIX):
        raise ValidityError(
            f"vnu.jar versi {version or '(tidak diketahui)'}, bukan {VNU_VERSION_PREFIX}x yang "
            "dipatok di package.json. Jalankan `make node`."
        )
    if checked != built:
        missing = sorted(set(built) - set(checked))
        raise ValidityError(
            f"Pemeriksa validitas HTML hanya memeriksa {len(checked)} dari {len(built)} halaman; "
            f"tidak diperiksa: {', '.join(missing[:20])}"
        )
    result = ValidityResult(built=built, checked=checked, errors=[], version=version,
                            seconds=seconds)
    for raw in data["messages"]:
        kind = raw.get("type")
        page = _page_of(raw.get("url", ""), root)
        if kind == "info":
            result.add_warning(str(raw.get("message", "")), page)
            continue
        if kind == "non-document-error" or page not in built:
            # I/O or internal trouble: the page was not really checked.
            raise ValidityError(
                f"Pemeriksa validitas HTML tidak dapat memeriksa {raw.get('url', '?')}: "
                f"{raw.get('message', '')}"
            )
        if kind != "error":
            raise ValidityError(f"Jenis pesan pemeriksa yang tidak dikenal: {kind!r}")
        error = Message(page=page, line=int(raw.get("firstLine") or raw.get("lastLine") or 0),
                        column=int(raw.get("firstColumn") or 0),
                        message=str(raw.get("message", "")), extract=str(raw.get("extract", "")))
        rule = next((rule for rule in accepted if rule.covers(error)), None)
        if rule is None:
            result.errors.append(error)
        else:
            result.accepted.append((error, rule))
    result.errors.sort(key=lambda e: (e.page, e.line, e.column))
    return result


def main(argv=None):
    """`python -m warta.commands.gate.validity [--output output]`: exit 1 on any error, 2 if it cannot run."""

    parser = argparse.ArgumentParser(description="Periksa validitas HTML setiap halaman hasil build.")
    parser.add_argument("--output", default="output", help="folder hasil build (bawaan: output)")
    args = parser.parse_args(argv)
    try:
        result = check_site(args.output)
    except ValidityError as exc:
        print(f"Pemeriksaan validitas HTML tidak dapat dijalankan: {exc}", file=sys.stderr)
        return 2
    print(result.format())
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
