"""One browser session auditing pages with the pinned axe-core, and only the page asked for."""

import json
import time
import urllib.parse
from pathlib import Path

from axe_selenium_python import Axe
from selenium.common.exceptions import WebDriverException

from warta.audit.results import (
    AXE_SCRIPT,
    AXE_VERSION_PREFIX,
    AuditError,
    PageResult,
    Violation,
    axe_options,
    page_url,
)

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


class SessionAxe(Axe):
    """axe-selenium-python's Axe that gives each browser session the pinned axe-core once.

    Axe.inject() sends the 560 KB script through WebDriver again for every page: ~150 ms a page
    measured on the benchmark portal, a third of the audit. On local Chromium the same file is handed
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
        """The URLs of every stylesheet, script and font the loaded page uses.

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
            states, results, axe_seconds = self._load_and_run(page, setup)
        except PageMoved as moved:
            return PageResult(
                page=page, url=url, axe_version="",
                violations=[Violation.from_axe(moved.raw)], raw=[moved.raw],
            )
        findings = []
        for state in states:
            for finding in self.navigation_findings(url, state):
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

    def _load_and_run(self, page, setup):
        """Load, set up and run axe; returns the page's states (loaded, set up, after axe),
        axe's result and its run time. Raises PageMoved as soon as the page is elsewhere."""
        url = self.load(page)
        loaded = self.loaded_state
        if setup is not None:
            try:
                setup(self.driver)
            except AssertionError as exc:  # the variant's own check that it took effect
                raise AuditError(f"{page}: tampilan tidak dapat diterapkan: {exc}") from exc
        try:
            ready = self.page_state(arm=True)
        except WebDriverException as exc:
            raise AuditError(f"{page}: halaman tidak terbaca setelah disiapkan: {exc.msg}") from exc
        self.check_address(url, ready, same_path=True)
        expected = ready["url"]
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
        return (loaded, ready, after), results, axe_seconds

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

