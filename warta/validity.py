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
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from warta import ROOT
from warta.audit import find_pages

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
    ),
]


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
    checked: list  # the pages the checker reported checking
    errors: list  # Message, not covered by an accepted error
    accepted: list = field(default_factory=list)  # (Message, AcceptedError)
    warnings: int = 0
    version: str = ""
    seconds: float = 0.0

    @property
    def passed(self):
        return not self.errors and sorted(self.checked) == sorted(self.built)

    def summary(self):
        return (f"validitas HTML (vnu {self.version}): {len(self.checked)} halaman diperiksa dari "
                f"{len(self.built)} halaman yang dibangun, {len(self.errors)} galat, "
                f"{len(self.accepted)} galat yang diterima, {self.warnings} peringatan, "
                f"{self.seconds:.1f} detik")

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


def run_vnu(root, pages, java=JAVA, jar=VNU_JAR, timeout=TIMEOUT):
    """Run vnu.jar once over ``pages`` (relative to root); returns (parsed JSON, pages checked)."""
    jar = Path(jar)
    if not jar.is_file():
        raise ValidityError(
            f"Pemeriksa validitas HTML tidak ditemukan: {jar}. Jalankan `make node` "
            "untuk memasang vnu-jar yang dipatok di package.json."
        )
    command = [java, "-jar", str(jar), "--format", "json", "--stdout", "--verbose",
               "--exit-zero-always", "--asciiquotes", *pages]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
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
    wanted = set(pages)
    checked = sorted({line.strip() for line in done.stderr.splitlines()} & wanted)
    return data, checked


def check_site(root, pages=None, accepted=None, java=JAVA, jar=VNU_JAR, timeout=TIMEOUT):
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
    data, checked = run_vnu(root, built, java=java, jar=jar, timeout=timeout)
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
        if kind == "info":
            result.warnings += 1
            continue
        page = _page_of(raw.get("url", ""), root)
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
    """`python -m warta.validity [--output output]`: exit 1 on any error, 2 if it cannot run."""

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
