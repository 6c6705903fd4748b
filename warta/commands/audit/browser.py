"""Starting and stopping the audit's browsers: Debian's Chromium through Debian's ChromeDriver,
or a Selenium Grid session, and never a process left behind.

Every local browser session gets a profile folder of its own, and its processes are found
again by that folder in their command lines. Killing chromedriver does not stop the Chromium
it started: Chromium is handed to init and runs on, and nothing else would ever stop it. The
folder also holds XDG_CONFIG_HOME, so Chromium's crash handlers (which leave the process tree
at once) carry it too.
"""

import atexit
import json
import logging
import os
import re
import shutil
import signal
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import urllib3
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

from warta.commands.audit.results import PAGE_TIMEOUT, AuditError

log = logging.getLogger("warta.commands.audit")

# Debian's packages, never a downloaded browser: passing the driver path explicitly keeps
# Selenium Manager from ever running.
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Exceptions that mean "the browser or its driver is gone", not "the page is bad".
BROWSER_GONE = (WebDriverException, urllib3.exceptions.HTTPError, OSError)

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


# The machine has no network beyond loopback: the flags also stop Chromium phoning home.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--lang=id-ID",
)


def _chrome_options(width, height, performance_log):
    options = webdriver.ChromeOptions()
    for flag in (*CHROMIUM_FLAGS, f"--window-size={width},{height}"):
        options.add_argument(flag)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return options


def _start_local(options, chromium, chromedriver):
    for path, package in ((chromium, "chromium"), (chromedriver, "chromium-driver")):
        if not Path(path).is_file():
            raise AuditError(
                f"{path} tidak ada. Pasang paket Debian '{package}' (make test memasangnya)."
            )
    options.binary_location = str(chromium)
    processes = BrowserProcesses()
    options.add_argument(f"--user-data-dir={processes.profile}")
    try:
        service = Service(executable_path=str(chromedriver), env=processes.environment())
        return _TrackedChrome(processes, options=options, service=service)
    except BaseException:
        processes.kill()
        raise


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
    options = _chrome_options(width, height, performance_log)
    driver = None
    try:
        if remote is None:
            driver = _start_local(options, chromium, chromedriver)
        else:
            driver = webdriver.Remote(command_executor=remote, options=options)
        driver.set_page_load_timeout(timeout)
        driver.set_script_timeout(timeout)
    except WebDriverException as exc:
        _quit_quietly(driver)
        where = f" lewat Selenium Grid {remote}" if remote else ""
        raise AuditError(f"Chromium tidak dapat dijalankan{where}: {exc.msg or exc}") from exc
    except (OSError, urllib3.exceptions.HTTPError) as exc:
        _quit_quietly(driver)
        if remote is None:
            raise AuditError(f"Chromium tidak dapat dijalankan: {exc}") from exc
        raise AuditError(f"Selenium Grid {remote} tidak dapat dihubungi: {exc}") from exc
    if remote is None and _closing.is_set():
        # A stop came while this browser was starting, after the others were killed.
        driver.quit()
        raise AuditError("audit sedang dihentikan: tidak ada browser baru yang dijalankan")
    return driver


def _quit_quietly(driver):
    if driver is not None:
        try:
            driver.quit()
        except BROWSER_GONE:
            pass


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
