"""The one audit helper: axe-core in real headless Chromium, for tests, the CLI and CI alike.

Fail closed: anything that stops a page from being audited (no browser, no driver, axe not
loading, a page that does not load) raises AuditError. It is never a pass and never a skip.
"""

import atexit
import datetime
import hashlib
import json
import logging
import os
import queue
import re
import shutil
import signal
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import urllib3
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service

from warta import ROOT

log = logging.getLogger(__name__)

# Debian's packages, never a downloaded browser: passing the driver path explicitly keeps
# Selenium Manager from ever running.
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# The pinned axe-core from package.json. The 3.1 copy bundled in axe-selenium-python predates
# the WCAG 2.1 and 2.2 rules, so we always inject this one.
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION_PREFIX = "4.14."

# The one place that lists what we audit against: WCAG 2.0, 2.1 and 2.2 at A and AA, plus
# axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules switched off, each with the reason. Keep this empty unless a rule is wrong for us.
DISABLED_RULES = {}

PAGE_TIMEOUT = 60  # seconds for a page to load and for axe to finish on it


class AuditError(Exception):
    """The audit could not run. Always a failure, never a pass or a skip."""


# Our own rule, reported beside axe's: a page that leaves for another address (a server
# redirect, a script, a meta refresh) would otherwise have its destination audited in its place.
NAVIGATION_RULE = "warta-page-navigates"
NAVIGATION_HELP_URL = "https://www.w3.org/WAI/WCAG22/Techniques/failures/F41"


class PageMoved(AuditError):
    """The browser left the page it was asked to audit. Reported as a failing rule."""

    def __init__(self, message, node):
        super().__init__(message)
        self.raw = navigation_violation(message, node)


def navigation_violation(message, node):
    """The NAVIGATION_RULE violation, in axe's own shape so every report treats it alike."""
    return {
        "id": NAVIGATION_RULE,
        "impact": "critical",
        "tags": ["warta"],
        "description": message,
        "help": message,
        "helpUrl": NAVIGATION_HELP_URL,
        "nodes": [dict(node, failureSummary=message)],
    }


def parse_refresh(content):
    """(delay in seconds, target or "") of a meta refresh's content, as browsers read it."""
    text = content.strip()
    number = ""
    while text and (text[0].isdigit() or text[0] == "."):
        number, text = number + text[0], text[1:]
    text = text.lstrip(" \t\n;,")
    if text[:3].lower() == "url":
        rest = text[3:].lstrip()
        if rest.startswith("="):
            text = rest[1:].lstrip()
    if text[:1] in ("'", '"'):
        text = text[1:].split(text[0], 1)[0]
    try:
        delay = float(number) if number else 0.0
    except ValueError:
        delay = 0.0
    return delay, text.strip()


@dataclass
class Violation:
    """One failed axe rule on one page, with every element that fails it."""

    rule: str
    impact: str
    help: str
    help_url: str
    nodes: list = field(default_factory=list)  # [{"target": ..., "html": ..., "summary": ...}]

    @classmethod
    def from_axe(cls, data):
        return cls(
            rule=data["id"],
            impact=data.get("impact") or "",
            help=data.get("help", ""),
            help_url=data.get("helpUrl", ""),
            nodes=[
                {
                    "target": ", ".join(
                        t if isinstance(t, str) else " ".join(t) for t in node.get("target", [])
                    ),
                    "html": node.get("html", ""),
                    "summary": node.get("failureSummary", ""),
                }
                for node in data.get("nodes", [])
            ],
        )

    def format(self):
        lines = [f"- {self.rule} ({self.impact}): {self.help}", f"  bantuan: {self.help_url}"]
        for node in self.nodes:
            lines.append(f"  selektor: {node['target']}")
            lines.append(f"  HTML: {node['html']}")
        return "\n".join(lines)


@dataclass
class PageResult:
    """The axe result for one page."""

    page: str
    url: str
    axe_version: str
    violations: list
    # Issue 6: what the parallel, incremental engine adds to each result.
    raw: list = None  # axe's own violation objects, for audit-report.json
    error: str = ""  # why the page could not be audited; never a pass
    reused: bool = False  # taken from the cache instead of audited again
    resources: list = field(default_factory=list)  # URLs of the CSS, JS and fonts it loaded
    seconds: float = 0.0  # loading the page and running axe on it
    axe_seconds: float = 0.0  # running axe alone (issue 6: no list page may take over 2 s)

    @property
    def passed(self):
        return not self.violations and not self.error

    def format(self):
        if self.error:
            return f"{self.page}: TIDAK DAPAT DIAUDIT: {self.error}"
        if self.passed:
            return f"{self.page}: lolos"
        head = f"{self.page}: {len(self.violations)} aturan gagal ({self.url})"
        return "\n".join([head] + [v.format() for v in self.violations])


def find_pages(root):
    """Every HTML file under ``root``, as sorted POSIX paths relative to it."""
    root = Path(root)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def page_url(base_url, page):
    """The URL a page is served at: folders as `/berita/x/`, like citizens see them."""
    if page == "index.html":
        return f"{base_url}/"
    if page.endswith("/index.html"):
        return f"{base_url}/{page[: -len('index.html')]}"
    return f"{base_url}/{page}"


# --- Browser processes --------------------------------------------------------------------
#
# Every local browser session gets a profile folder of its own, and its processes are found
# again by that folder in their command lines. Killing chromedriver does not stop the Chromium
# it started: Chromium is handed to init and runs on, and nothing else would ever stop it. The
# folder also holds XDG_CONFIG_HOME, so Chromium's crash handlers (which leave the process tree
# at once) carry it too.

PROFILE_PREFIX = "warta-audit-chromium-"

_sessions = set()  # BrowserProcesses not yet killed
_sessions_lock = threading.RLock()  # re-entered by a signal handler on the same thread
_closing = threading.Event()  # set once the process is stopping: no browser may start after


def _process_table():
    """{pid: (ppid, command line as a list of str)} of every running process, from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read().decode("utf-8", "replace")
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                args = handle.read().decode("utf-8", "replace").split("\0")
        except OSError:
            continue  # exited while we looked
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) < 2 or fields[0] in ("Z", "X"):
            continue  # a zombie runs nothing; only its parent can reap it
        table[int(entry)] = (int(fields[1]), args)
    return table


class BrowserProcesses:
    """chromedriver and every Chromium process of one local browser session."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix=PROFILE_PREFIX)
        self._mark = re.compile(re.escape(self.profile) + r"(?=[/\s]|$)")
        self.service = None
        with _sessions_lock:
            if _closing.is_set():
                shutil.rmtree(self.profile, ignore_errors=True)
                raise AuditError("audit sedang dihentikan: tidak ada browser baru yang dijalankan")
            _sessions.add(self)

    def environment(self):
        return dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.profile, "config"))

    def marks(self, args):
        # Chromium's helpers rewrite their argv into one space-separated string, so this is
        # a search inside each argument, not a comparison of whole ones.
        return any(self._mark.search(arg) for arg in args)

    def pids(self):
        """The running processes of this session: marked by its profile folder, chromedriver,
        and anything those started."""
        table = _process_table()
        found = {pid for pid, (_, args) in table.items() if self.marks(args)}
        process = self.service.process if self.service is not None else None
        if process is not None and process.poll() is None:
            found.add(process.pid)
        while True:
            children = {pid for pid, (ppid, _) in table.items() if ppid in found} - found
            if not children:
                break
            found |= children
        found.discard(os.getpid())
        return found

    def kill(self):
        """SIGKILL the whole session and remove its profile; safe to call again."""
        # Chromium's zygote can fork while it is being killed: look again until nothing is left.
        deadline = time.monotonic() + 10
        while True:
            pids = self.pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            if time.monotonic() > deadline:
                log.error("proses browser audit tidak dapat dihentikan: %s", sorted(pids))
                break
            time.sleep(0.05)
        process = self.service.process if self.service is not None else None
        if process is not None:
            try:
                process.wait(timeout=5)  # reap chromedriver, our own child
            except Exception:  # noqa: BLE001 - best effort while tearing down
                pass
        shutil.rmtree(self.profile, ignore_errors=True)
        with _sessions_lock:
            _sessions.discard(self)


def stop_all_browsers():
    """Kill every browser this process started and refuse to start more. For exit and signals."""
    _closing.set()
    with _sessions_lock:
        sessions = list(_sessions)
    for session in sessions:
        session.kill()


atexit.register(stop_all_browsers)


def _stop_on_signal(signum, frame):
    stop_all_browsers()
    name = signal.Signals(signum).name
    # os.write, not print: the handler may interrupt a write to the same stream.
    os.write(2, f"\nAudit dihentikan ({name}): semua browser audit sudah ditutup.\n".encode())
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


class stop_browsers_on_signals:
    """For the ``with`` block: SIGINT and SIGTERM kill every browser first, then stop the run
    (KeyboardInterrupt, or exit status 143 for SIGTERM). Without this, SIGTERM ends Python
    at once, atexit never runs, and each worker's Chromium outlives the audit. Only the main
    thread can own signal handlers; elsewhere this does nothing."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __enter__(self):
        self.previous = {}
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self.previous[signum] = signal.signal(signum, _stop_on_signal)
        return self

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


class _TrackedChrome(webdriver.Chrome):
    """webdriver.Chrome whose quit() also kills whatever of its session is left running, even
    when chromedriver is gone and its own quit fails."""

    def __init__(self, processes, **kwargs):
        self._warta_processes = processes
        processes.service = kwargs["service"]
        super().__init__(**kwargs)

    def quit(self):
        try:
            super().quit()
        finally:
            self._warta_processes.kill()


def start_browser(
    width=1280,
    height=1024,
    chromedriver=CHROMEDRIVER,
    chromium=CHROMIUM,
    timeout=PAGE_TIMEOUT,
    remote=None,
    performance_log=False,
):
    """Start headless Debian Chromium through Debian's ChromeDriver, or raise AuditError.

    With ``remote`` (a Selenium Grid URL) the session runs on a Grid node instead; the node's
    own configuration names its Chromium and ChromeDriver (see tools/grid/).
    ``performance_log`` records every network request in ChromeDriver's performance log
    (``driver.get_log("performance")``), for tests that prove what a page fetches.
    A local session's quit() kills every process it started, whatever state they are in.
    """
    options = webdriver.ChromeOptions()
    if remote is None:
        for path, package in ((chromium, "chromium"), (chromedriver, "chromium-driver")):
            if not Path(path).is_file():
                raise AuditError(
                    f"{path} tidak ada. Pasang paket Debian '{package}' (make test memasangnya)."
                )
        options.binary_location = str(chromium)
    for flag in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
        "--disable-gpu",
        "--disable-dev-shm-usage",
        # The machine has no network beyond loopback: stop Chromium phoning home.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        f"--window-size={width},{height}",
        "--lang=id-ID",
    ):
        options.add_argument(flag)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    processes = None
    started = False
    try:
        if remote is None:
            processes = BrowserProcesses()
            options.add_argument(f"--user-data-dir={processes.profile}")
            service = Service(executable_path=str(chromedriver), env=processes.environment())
            driver = _TrackedChrome(processes, options=options, service=service)
        else:
            driver = webdriver.Remote(command_executor=remote, options=options)
        driver.set_page_load_timeout(timeout)
        driver.set_script_timeout(timeout)
        started = True
    except WebDriverException as exc:
        where = f" lewat Selenium Grid {remote}" if remote else ""
        raise AuditError(f"Chromium tidak dapat dijalankan{where}: {exc.msg or exc}") from exc
    except (OSError, urllib3.exceptions.HTTPError) as exc:
        if remote is None:
            raise AuditError(f"Chromium tidak dapat dijalankan: {exc}") from exc
        raise AuditError(f"Selenium Grid {remote} tidak dapat dihubungi: {exc}") from exc
    finally:
        if not started and processes is not None:
            processes.kill()
    if processes is not None and _closing.is_set():
        # A stop came while this browser was starting, after the others were killed.
        driver.quit()
        raise AuditError("audit sedang dihentikan: tidak ada browser baru yang dijalankan")
    return driver


def axe_options(tags=None, disabled_rules=None):
    """The options passed to axe.run: our tags, our switched-off rules, violations only."""
    disabled = DISABLED_RULES if disabled_rules is None else disabled_rules
    return {
        "runOnly": {"type": "tag", "values": list(tags or AXE_TAGS)},
        "rules": {rule: {"enabled": False} for rule in disabled},
        "resultTypes": ["violations"],
    }


class SessionAxe(Axe):
    """axe-selenium-python's Axe that gives each browser session the pinned axe-core once.

    Axe.inject() sends the 560 KB script through WebDriver again for every page: ~150 ms a page
    in the issue 6 benchmark, a third of the audit. On local Chromium the same file is handed
    to the browser once, with the DevTools command Page.addScriptToEvaluateOnNewDocument, and
    every page (and frame) then evaluates it as it opens. A session without DevTools (a Grid
    node) or a page where axe is somehow missing gets Axe.inject() as before.
    """

    def __init__(self, selenium, script_url):
        super().__init__(selenium, script_url=script_url)
        self.registered = getattr(selenium, "_warta_axe_script", None) == str(script_url)
        if not self.registered and hasattr(selenium, "execute_cdp_cmd"):
            try:
                selenium.execute_cdp_cmd(
                    "Page.addScriptToEvaluateOnNewDocument",
                    {"source": Path(script_url).read_text(encoding="utf-8")},
                )
            except WebDriverException:
                return
            selenium._warta_axe_script = str(script_url)
            self.registered = True

    def version(self):
        """The axe-core version in the loaded page, or None."""
        return self.selenium.execute_script(
            "return (typeof axe === 'object' && axe.version) || null;"
        )

    def inject(self):
        if not (self.registered and self.version()):
            super().inject()


class Auditor:
    """Audits pages of a site served at ``base_url`` in one browser session."""

    def __init__(self, driver, base_url, axe_script=AXE_SCRIPT, options=None):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.axe_script = Path(axe_script)
        if not self.axe_script.is_file():
            raise AuditError(
                f"axe-core tidak ditemukan di {self.axe_script}. Jalankan `make node` "
                "untuk memasang axe-core yang disematkan di package.json."
            )
        self.axe = SessionAxe(driver, script_url=str(self.axe_script))
        self.options = options or axe_options()
        self.loaded_state = None

    # What the page is now: its address, its meta refresh elements, and the navigations it
    # tried since the guard was armed. The guard listens to the Navigation API's "navigate"
    # event and cancels cross-document navigations while armed, so axe finishes on this page.
    PAGE_STATE = """
        const arm = arguments[0];
        let guard = window.__wartaNavigationGuard;
        if (!guard) {
          guard = window.__wartaNavigationGuard = {armed: false, seen: []};
          if (window.navigation) {
            window.navigation.addEventListener("navigate", (event) => {
              if (!guard.armed || event.destination.sameDocument) return;
              guard.seen.push(event.destination.url);
              if (event.cancelable) event.preventDefault();
            });
          }
        }
        guard.armed = arm;
        const entry = performance.getEntriesByType("navigation")[0];
        return {
          url: document.URL,
          status: entry ? entry.responseStatus : null,
          redirects: entry ? entry.redirectCount : 0,
          refresh: Array.from(document.querySelectorAll('meta[http-equiv="refresh" i]'),
            (meta) => ({content: meta.getAttribute("content") || "", html: meta.outerHTML})),
          seen: guard.seen.slice(),
        };
    """

    def page_state(self, arm):
        return self.driver.execute_script(self.PAGE_STATE, arm)

    def shown(self, url):
        """An address as editors know it: the path on our site, or the full URL elsewhere."""
        if url.startswith(self.base_url + "/"):
            return url[len(self.base_url):]
        return url

    def check_address(self, expected, state, same_path=False):
        """Raise PageMoved if the browser is no longer at ``expected`` (fragments aside)."""
        current = urllib.parse.urldefrag(state["url"])[0]
        wanted = urllib.parse.urldefrag(expected)[0]
        if same_path:  # after setup, which may change the query of the same document
            current = urllib.parse.urlsplit(current)._replace(query="").geturl()
            wanted = urllib.parse.urlsplit(wanted)._replace(query="").geturl()
        if current == wanted:
            return
        how = " (pengalihan dari server)" if state.get("redirects") else ""
        raise PageMoved(
            f"halaman berpindah ke {self.shown(state['url'])}{how}, bukan tetap di "
            f"{self.shown(expected)}: audit tidak boleh menilai halaman lain sebagai halaman ini",
            {"target": ["html"], "html": f"{self.shown(expected)} → {self.shown(state['url'])}"},
        )

    def navigation_findings(self, url, state):
        """Violations for a page that is still here but leaves, or would leave, by itself."""
        found = []
        for meta in state.get("refresh") or []:
            delay, target = parse_refresh(meta["content"])
            destination = urllib.parse.urljoin(url, target) if target else url
            if urllib.parse.urldefrag(destination)[0] == urllib.parse.urldefrag(url)[0]:
                what = f"halaman memuat ulang dirinya sendiri setelah {delay:g} detik"
            else:
                what = f"halaman berpindah ke {self.shown(destination)} setelah {delay:g} detik"
            found.append(navigation_violation(
                f"{what} lewat <meta http-equiv=\"refresh\">, berapa pun jedanya: hapus meta "
                "refresh (alihkan di server, atau beri tautan biasa)",
                {"target": ['meta[http-equiv="refresh"]'], "html": meta["html"]},
            ))
        for destination in dict.fromkeys(state.get("seen") or []):
            found.append(navigation_violation(
                f"halaman berpindah ke {self.shown(destination)} lewat skrip saat diaudit "
                "(dicegah agar axe tetap menilai halaman ini): halaman tidak boleh pindah sendiri",
                {"target": ["html"], "html": f"{self.shown(url)} → {self.shown(destination)}"},
            ))
        return found

    def load(self, page):
        """Open a page; check that the server answered it with 200 and the browser stayed."""
        url = page_url(self.base_url, page)
        try:
            self.driver.get(url)
            state = self.page_state(arm=False)
        except WebDriverException as exc:
            raise AuditError(f"{page}: halaman tidak dapat dimuat dari {url}: {exc.msg}") from exc
        self.check_address(url, state)
        if state["status"] != 200:
            raise AuditError(f"{page}: server menjawab {state['status']} untuk {url}, bukan 200")
        self.loaded_state = state
        return url

    def run_axe(self, page):
        """Inject the pinned axe-core and run it on the loaded page; return its raw result."""
        try:
            self.axe.inject()
            version = self.axe.version()
        except WebDriverException as exc:
            raise AuditError(f"{page}: axe-core gagal dimuat: {exc.msg}") from exc
        if not version or not version.startswith(AXE_VERSION_PREFIX):
            raise AuditError(
                f"{page}: axe-core {AXE_VERSION_PREFIX}x tidak termuat (yang ada: {version})"
            )
        try:
            results = self.axe.run(options=json.dumps(self.options))
        except WebDriverException as exc:
            raise AuditError(f"{page}: axe-core gagal berjalan: {exc.msg}") from exc
        if not isinstance(results, dict) or "violations" not in results:
            raise AuditError(f"{page}: axe-core tidak mengembalikan hasil: {results!r}")
        return results

    def loaded_resources(self):
        """The URLs of every stylesheet, script and font the loaded page uses (issue 6).

        Read from the browser, not guessed from the HTML, so fonts pulled in by CSS count too.
        The incremental cache keys each result on the bytes of all of them.
        """
        try:
            urls = self.driver.execute_script(
                "const urls = performance.getEntriesByType('resource').map(e => e.name);"
                "for (const s of document.styleSheets) { if (s.href) urls.push(s.href); }"
                "for (const s of document.scripts) { if (s.src) urls.push(s.src); }"
                "return urls;"
            )
        except WebDriverException as exc:
            raise AuditError(f"daftar berkas yang dimuat halaman tidak terbaca: {exc.msg}") from exc
        return sorted(set(urls or []))

    def audit(self, page, setup=None):
        """Audit one page (a path relative to the site root) and return its PageResult.

        ``setup(driver)``, if given, runs after the page loads and before axe: a variant audit
        uses it to apply a colour theme, a text size or a viewport.

        The page must stay where it was asked for, from loading until axe is done. A page that
        moves fails with NAVIGATION_RULE and axe's findings, which may be about the page it
        moved to, are dropped. A page with a meta refresh fails whatever its delay.
        """
        url = page_url(self.base_url, page)
        try:
            url = self.load(page)
            state = self.loaded_state
            if setup is not None:
                setup(self.driver)
            try:
                state = self.page_state(arm=True)
            except WebDriverException as exc:
                raise AuditError(
                    f"{page}: halaman tidak terbaca setelah disiapkan: {exc.msg}"
                ) from exc
            self.check_address(url, state, same_path=True)
            expected = state["url"]
            started = time.perf_counter()
            try:
                results = self.run_axe(page)
            except AuditError:
                self.raise_if_moved(expected)
                raise
            axe_seconds = time.perf_counter() - started
            try:
                after = self.page_state(arm=False)
            except WebDriverException as exc:
                self.raise_if_moved(expected)
                raise AuditError(f"{page}: halaman tidak terbaca setelah axe: {exc.msg}") from exc
            self.check_address(expected, after)
        except PageMoved as moved:
            return PageResult(
                page=page, url=url, axe_version="",
                violations=[Violation.from_axe(moved.raw)], raw=[moved.raw],
            )
        findings = []
        for seen in (self.loaded_state, state, after):
            for finding in self.navigation_findings(url, seen):
                if finding not in findings:
                    findings.append(finding)
        raw = results["violations"] + findings
        return PageResult(
            page=page,
            url=url,
            axe_version=results.get("testEngine", {}).get("version", ""),
            violations=[Violation.from_axe(v) for v in raw],
            raw=raw,
            axe_seconds=axe_seconds,
        )

    def raise_if_moved(self, expected):
        """After a failure: blame the page if it left, since axe then ran on another one."""
        try:
            state = self.page_state(arm=False)
        except WebDriverException:
            try:
                state = {"url": self.driver.current_url}
            except WebDriverException:
                return
        self.check_address(expected, state)


def write_audit_record(path, *, pages, pages_failed, variant_audits, variant_audits_failed,
                       checks, checks_failed, templates, variants, axe_version, commit=None,
                       finished=None):
    """Write the record of a full audit that the accessibility statement shows (issue 4).

    Written atomically (a temporary file renamed into place), so a build never reads half a
    record. The format is read back by plugins/audit_record; ``schema`` changes with it.
    """
    finished = finished or datetime.datetime.now(datetime.timezone.utc)
    record = {
        "schema": 1,
        "finished": finished.isoformat(timespec="seconds"),
        "passed": not (pages_failed or variant_audits_failed or checks_failed),
        "pages": pages,
        "pages_failed": pages_failed,
        "variant_audits": variant_audits,
        "variant_audits_failed": variant_audits_failed,
        "checks": checks,
        "checks_failed": checks_failed,
        "templates": templates,
        "variants": list(variants),
        "axe_version": axe_version,
        "tags": list(AXE_TAGS),
        "commit": commit,
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".last-audit-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(record, stream, ensure_ascii=False, indent=2)
    os.replace(temporary, path)
    return record


# --- Audit at scale: parallel workers, incremental cache (issue 6) ---------------------------
#
# One engine for `python -m warta audit`, `make audit`, `make bench` and the pytest gate:
# N workers, each one browser session reused for many pages, fed from one queue. The cache
# makes the cost grow with the size of a change, not the size of the site.

DEFAULT_CACHE_DIR = ROOT / ".cache" / "audit"
CACHE_FILE = "hasil-audit.json"
# Bump when the cache's layout or the meaning of its entries changes: old files are then ignored.
CACHE_FORMAT = 1
# What a page "loads" for the cache key: stylesheets, scripts and fonts (they change what axe
# sees). Images do not: axe judges their alt text, which is in the HTML.
DEPENDENCY_SUFFIXES = (".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf", ".eot")
# Exceptions that mean "the browser or its driver is gone", not "the page is bad".
BROWSER_GONE = (WebDriverException, urllib3.exceptions.HTTPError, OSError)


def default_workers():
    """One Chromium per core: axe is CPU-bound in the browser."""
    return max(1, os.cpu_count() or 1)


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def audit_fingerprint(axe_script=AXE_SCRIPT, options=None, variant=""):
    """What every cached result depends on besides the page: axe-core's exact bytes (and so
    its version), the options passed to axe.run, and the audit variant (viewport, theme)."""
    options = options or axe_options()
    digest = hashlib.sha256()
    digest.update(f"format {CACHE_FORMAT}\n".encode())
    digest.update(Path(axe_script).read_bytes())
    digest.update(json.dumps(options, sort_keys=True).encode())
    digest.update(variant.encode())
    return digest.hexdigest()


def check_grid(url, timeout=10):
    """Raise AuditError unless a Selenium Grid answers at ``url`` and says it is ready."""
    status_url = url.rstrip("/") + "/status"
    try:
        with urllib.request.urlopen(status_url, timeout=timeout) as response:  # noqa: S310
            body = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise AuditError(
            f"Selenium Grid di {url} tidak dapat dihubungi ({reason}). Periksa alamatnya "
            "dan bahwa Grid sudah berjalan (lihat README, bagian audit terdistribusi)."
        ) from exc
    if not body.get("value", {}).get("ready"):
        raise AuditError(
            f"Selenium Grid di {url} menjawab tetapi belum siap (tidak ada node yang siap)."
        )


class AuditCache:
    """Clean audit results from earlier runs, keyed by the bytes that decide each result.

    An entry is reused only when the page's HTML and every stylesheet, script and font it
    loaded are byte for byte the same, and axe-core and its options are too. Only clean
    results are stored: a failing page is audited again next time.
    """

    def __init__(self, directory, fingerprint):
        self.path = Path(directory) / CACHE_FILE
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
            raw=[], reused=True,
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


@dataclass
class AuditRun:
    """Everything one run of the engine found, for the console, the reports and the tests."""

    root: str
    results: list  # PageResult per page, in page order
    workers: int
    remote: str = ""
    duration: float = 0.0
    cache_notice: str = ""  # set when a corrupt cache file was discarded
    replaced_browsers: int = 0
    started: float = 0.0
    fatal: str = ""  # set when the audit as a whole could not run

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

    def result_for(self, page):
        """The result for one page (KeyError if it was not part of the run)."""
        if getattr(self, "_by_page", None) is None:
            self._by_page = {result.page: result for result in self.results}
        return self._by_page[page]


class _Worker(threading.Thread):
    """One browser session auditing pages from the shared queue until it is empty."""

    def __init__(self, engine, number):
        super().__init__(name=f"audit-{number}", daemon=True)
        self.engine = engine
        self.driver = None
        self.auditor = None

    def run(self):
        try:
            while not self.engine.stopping.is_set():
                try:
                    page = self.engine.todo.get_nowait()
                except queue.Empty:
                    break
                self.engine.done.put(self.audit(page))
        except AuditError as exc:  # the browser cannot start at all: stop the whole run
            self.engine.fail(str(exc))
        finally:
            self.close()

    def start_session(self):
        engine = self.engine
        self.driver = engine.start_browser(timeout=engine.timeout, remote=engine.remote)
        self.auditor = Auditor(self.driver, engine.base_url, engine.axe_script, engine.options)

    def close(self):
        if self.driver is not None:
            driver, self.driver, self.auditor = self.driver, None, None
            try:
                driver.quit()
            except BROWSER_GONE:
                pass

    def alive(self):
        try:
            self.driver.window_handles  # answered by the browser process, not the page
            return True
        except BROWSER_GONE:
            return False

    def audit(self, page):
        """Audit one page; replace a crashed browser and retry the page once."""
        url = page_url(self.engine.base_url, page)
        for attempt in (1, 2):
            if self.driver is None:
                self.start_session()
            try:
                started = time.perf_counter()
                result = self.auditor.audit(page, setup=self.engine.setup)
                result.seconds = time.perf_counter() - started
                result.raw = result.raw if result.raw is not None else []
                result.resources = self.auditor.loaded_resources()
                return result
            except (AuditError, *BROWSER_GONE) as exc:
                cause = exc.__cause__ if isinstance(exc, AuditError) else exc
                if isinstance(cause, TimeoutException) or isinstance(exc, TimeoutException):
                    # A page that hangs is a failure, never a pass. Its browser may be stuck
                    # in the page's script, so it is replaced before the next page.
                    self.close()
                    self.engine.replaced()
                    return PageResult(
                        page, url, "", [], error=(
                            f"halaman tidak selesai dimuat dan diaudit dalam "
                            f"{self.engine.timeout:g} detik (batas waktu --timeout)"
                        ),
                    )
                if self.alive():
                    return PageResult(page, url, "", [], error=str(exc))
                self.close()
                self.engine.replaced()
                if attempt == 2:
                    return PageResult(
                        page, url, "", [], error=(
                            "browser mati dua kali saat mengaudit halaman ini "
                            f"(diganti dan dicoba ulang sekali): {exc}"
                        ),
                    )
                log.warning("%s: browser mati; diganti dan halaman dicoba ulang", page)
        raise AssertionError("unreachable")


class AuditEngine:
    """Audits the pages of a built site in parallel, reusing clean results from the cache."""

    def __init__(
        self,
        root,
        workers=None,
        timeout=PAGE_TIMEOUT,
        remote=None,
        cache_dir=DEFAULT_CACHE_DIR,
        use_cache=True,
        read_cache=True,
        axe_script=AXE_SCRIPT,
        options=None,
        setup=None,
        variant="",
        host="127.0.0.1",
        browser_factory=None,
    ):
        self.root = Path(root)
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.remote = remote
        self.cache_dir = cache_dir
        self.use_cache = use_cache
        self.read_cache = read_cache
        self.axe_script = Path(axe_script)
        self.options = options or axe_options()
        self.setup = setup
        self.variant = variant
        self.host = host
        self.start_browser = browser_factory or start_browser
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

    def run(self, pages=None, progress=None):
        """Audit ``pages`` (default: every HTML file) and return an AuditRun.

        ``progress(done, total, result)`` is called after each page, reused ones included.
        Raises AuditError when the audit as a whole cannot run.
        """
        with stop_browsers_on_signals():
            return self._run(pages, progress)

    def _run(self, pages, progress):
        from warta.server import serve  # noqa: PLC0415 - the server is only needed here

        started = time.time()
        pages = list(pages) if pages is not None else find_pages(self.root)
        if not pages:
            raise AuditError(
                f"Tidak ada halaman HTML di {self.root}: tidak ada yang bisa diaudit. "
                "Bangun situsnya lebih dulu (make html)."
            )
        if not self.axe_script.is_file():
            raise AuditError(
                f"axe-core tidak ditemukan di {self.axe_script}. Jalankan `make node`."
            )
        if self.remote:
            check_grid(self.remote)
        cache = None
        if self.use_cache:
            fingerprint = audit_fingerprint(self.axe_script, self.options, self.variant)
            cache = AuditCache(self.cache_dir, fingerprint)
            if self.read_cache:
                cache.load()
        results = {}
        total = len(pages)
        for page in pages:
            cached = cache.lookup(self.root, page) if cache and self.read_cache else None
            if cached is not None:
                results[page] = cached
                if progress:
                    progress(len(results), total, cached)
            else:
                self.todo.put(page)
        if not self.todo.empty():
            # The browsers may keep stylesheets, scripts and fonts for the whole run: they cannot
            # change while it lasts, and re-asking for them cost every page a round trip.
            with serve(self.root, host=self.host, cache_assets=True) as base_url:
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
                        results[result.page] = result
                        if cache is not None:
                            cache.store(self.root, result, base_url)
                        if progress:
                            progress(len(results), total, result)
                finally:
                    # Also on Ctrl+C: every worker finishes its page and quits its browser.
                    self.stopping.set()
                    for worker in workers:
                        worker.join(timeout=self.timeout + 30)
        if self._fatal:
            raise AuditError(self._fatal)
        missing = [page for page in pages if page not in results]
        if missing:
            # Fail closed: every page gets a result, even if it is "not audited".
            raise AuditError(f"{len(missing)} halaman tidak diaudit, misalnya {missing[0]}")
        if cache is not None:
            cache.save(pages)
        return AuditRun(
            root=str(self.root),
            results=[results[page] for page in pages],
            workers=self.workers,
            remote=self.remote or "",
            duration=time.time() - started,
            cache_notice=cache.corrupt if cache else "",
            replaced_browsers=self._replaced,
            started=started,
        )


def audit_site(root, **kwargs):
    """Audit every page of a built site; see AuditEngine for the options."""
    pages = kwargs.pop("pages", None)
    progress = kwargs.pop("progress", None)
    return AuditEngine(root, **kwargs).run(pages=pages, progress=progress)
