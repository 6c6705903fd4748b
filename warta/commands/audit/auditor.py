"""One browser session auditing pages with the pinned axe-core, and only the page asked for."""

import hashlib
import json
import time
import urllib.parse
from pathlib import Path

from axe_selenium_python import Axe
from selenium.common.exceptions import WebDriverException

from warta.commands.audit.page_checks import (
    FOREIGN_SCRIPTS,
    OPEN_DISCLOSURES,
    THEME_SCRIPTS,
    merge_violations,
    script_violation,
    warta_violation,
)
from warta.commands.audit.results import (
    AXE_SCRIPT,
    AXE_VERSION_PREFIX,
    AuditError,
    PageResult,
    Violation,
    axe_options,
    page_url,
    with_rules,
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
    return warta_violation(NAVIGATION_RULE, message, node, NAVIGATION_HELP_URL)


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


# The JavaScript world axe runs in on local Chromium: isolated from the page's own scripts, so
# a script that reached a page cannot replace axe.run and make the page "pass".
AXE_WORLD = "warta-audit"
class SessionAxe(Axe):
    """axe-selenium-python's Axe that gives each browser session the pinned axe-core once, in
    a JavaScript world of its own.

    On local Chromium the file is handed to the browser once, with the DevTools command
    Page.addScriptToEvaluateOnNewDocument and a worldName, so every page evaluates it as it
    opens in an isolated world that shares the DOM but not the page's globals; axe is then run
    there (Page.createIsolatedWorld finds that world, Runtime.evaluate runs in it). A page's
    script can neither see nor replace it. That also saves sending 560 KB through WebDriver for
    every page (~150 ms a page on the benchmark portal).

    A session without DevTools (a Selenium Grid node) injects axe into the page's own world, as
    axe-selenium-python does; there the audit relies on SCRIPT_RULE (no script but the theme's).
    Once a session has an isolated world it never falls back to the page's world.
    """

    def __init__(self, selenium, script_url):
        super().__init__(selenium, script_url=script_url)
        # One world per script, so two scripts in one session (a test's broken copy) never mix.
        digest = hashlib.sha256(self.source().encode("utf-8")).hexdigest()[:12]
        self.world = f"{AXE_WORLD}-{digest}"
        worlds = selenium.__dict__.setdefault("_warta_axe_worlds", set())
        self.isolated = self.world in worlds
        if not self.isolated and hasattr(selenium, "execute_cdp_cmd"):
            try:
                selenium.execute_cdp_cmd(
                    "Page.addScriptToEvaluateOnNewDocument",
                    {"source": self.source(), "worldName": self.world},
                )
            except WebDriverException:
                return
            worlds.add(self.world)
            self.isolated = True

    def source(self):
        return Path(self.script_url).read_text(encoding="utf-8")

    def evaluate(self, expression):
        """``expression``'s value, evaluated (and awaited) in axe's isolated world."""
        tree = self.selenium.execute_cdp_cmd("Page.getFrameTree", {})
        world = self.selenium.execute_cdp_cmd("Page.createIsolatedWorld", {
            "frameId": tree["frameTree"]["frame"]["id"], "worldName": self.world})
        answer = self.selenium.execute_cdp_cmd("Runtime.evaluate", {
            "expression": expression, "contextId": world["executionContextId"],
            "awaitPromise": True, "returnByValue": True})
        if answer.get("exceptionDetails"):
            details = answer["exceptionDetails"]
            raise AuditError("axe-core gagal di dunia terpisah: "
                             + str(details.get("exception", {}).get("description") or details)[:300])
        return answer.get("result", {}).get("value")

    def version(self):
        """The axe-core version where axe runs (its isolated world, or the page), or None."""
        script = "(typeof axe === 'object' && axe.version) || null"
        if self.isolated:
            return self.evaluate(script)
        return self.selenium.execute_script(f"return {script};")

    def inject(self):
        if not self.isolated:
            super().inject()
        elif not self.version():
            # A document that opened before the registration: give its isolated world axe.
            self.evaluate(self.source() + "\n;true")

    def run(self, context=None, options=None):
        if not self.isolated:
            return super().run(context=context, options=options)
        return self.evaluate(f"axe.run(document, {options or '{}'})")


class Auditor:
    """Audits pages of a site served at ``base_url`` in one browser session."""

    def __init__(self, driver, base_url, axe_script=AXE_SCRIPT, options=None,
                 scripts=THEME_SCRIPTS):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        # Where the theme's own scripts are served, under the site's address: every other
        # script on a page fails it (SCRIPT_RULE).
        self.theme_scripts = urllib.parse.urlsplit(self.base_url).path + scripts
        self.foreign = []
        self.axe_script = Path(axe_script)
        if not self.axe_script.is_file():
            raise AuditError(
                f"axe-core tidak ditemukan di {self.axe_script}. Jalankan `make node` "
                "untuk memasang axe-core yang disematkan di package.json."
            )
        self.axe = SessionAxe(driver, script_url=str(self.axe_script))
        self.options = options or axe_options()
        self.loaded_state = None
        # A page of a built site answers 200; a page meant to answer otherwise (the preview's
        # build-failed page, 503) is audited by saying so, never by accepting any status.
        self.expected_status = 200

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
        if state["status"] != self.expected_status:
            raise AuditError(f"{page}: server menjawab {state['status']} untuk {url}, "
                             f"bukan {self.expected_status}")
        self.loaded_state = state
        return url

    def run_axe(self, page, rules=()):
        """Inject the pinned axe-core and run it on the loaded page, with ``rules`` on top of
        the auditor's own; return its raw result."""
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
            results = self.axe.run(options=json.dumps(with_rules(self.options, rules)))
        except WebDriverException as exc:
            raise AuditError(f"{page}: axe-core gagal berjalan: {exc.msg}") from exc
        if not isinstance(results, dict) or "violations" not in results:
            raise AuditError(f"{page}: axe-core tidak mengembalikan hasil: {results!r}")
        return results

    def open_disclosures(self):
        """Open every closed <details> whose content is not drawn; how many were opened."""
        try:
            if self.axe.isolated:
                return self.axe.evaluate(OPEN_DISCLOSURES) or 0
            return self.driver.execute_script(f"return {OPEN_DISCLOSURES};") or 0
        except WebDriverException as exc:
            raise AuditError(f"<details> halaman tidak dapat dibuka: {exc.msg}") from exc

    def loaded_resources(self):
        """The URLs of every stylesheet, script and font the loaded page uses (see
        loaded_resources)."""
        return loaded_resources(self.driver)

    def audit(self, page, setup=None, prepare=None, rules=()):
        """Audit one page (a path relative to the site root) and return its PageResult.

        A variant audit passes ``prepare(driver, url)``, run before the page loads (to store its
        preferences), ``setup(driver)``, run after it loads and before axe (to apply a colour
        theme, a text size or a viewport), and ``rules``, axe rules run on top of the auditor's
        own (what the variant promises beyond AA).

        The page must stay where it was asked for, from loading until axe is done. A page that
        moves fails with NAVIGATION_RULE and axe's findings, which may be about the page it
        moved to, are dropped. A page with a meta refresh fails whatever its delay.
        """
        url = page_url(self.base_url, page)
        try:
            states, results, axe_seconds = self._load_and_run(page, setup, prepare, rules)
        except PageMoved as moved:
            return PageResult(
                page=page, url=url, axe_version="",
                violations=[Violation.from_axe(moved.raw)], raw=[moved.raw],
            )
        findings = [script_violation(self.foreign)] if self.foreign else []
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

    def _load_and_run(self, page, setup, prepare=None, rules=()):
        """Load, set up and run axe; returns the page's states (loaded, set up, after axe),
        axe's result and its run time. Raises PageMoved as soon as the page is elsewhere."""
        if prepare is not None:
            try:
                prepare(self.driver, page_url(self.base_url, page))
            except WebDriverException as exc:
                raise AuditError(f"{page}: tampilan tidak dapat disiapkan: {exc.msg}") from exc
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
        try:
            self.foreign = self.driver.execute_script(FOREIGN_SCRIPTS, self.theme_scripts) or []
        except WebDriverException as exc:
            raise AuditError(f"{page}: skrip halaman tidak terbaca: {exc.msg}") from exc
        started = time.perf_counter()
        try:
            results = self.run_axe(page, rules)
            if self.open_disclosures():  # what a closed <details> holds, one press away
                opened = self.run_axe(page, rules)
                results["violations"] = merge_violations(results["violations"],
                                                         opened["violations"])
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


def loaded_resources(driver):
    """The URLs of every stylesheet, script and font the page loaded in ``driver`` uses.

    Read from the browser, not guessed from the HTML, so fonts pulled in by CSS count too.
    The incremental caches key each result on the bytes of all of them.
    """
    try:
        urls = driver.execute_script(
            "const urls = performance.getEntriesByType('resource').map(e => e.name);"
            "for (const s of document.styleSheets) { if (s.href) urls.push(s.href); }"
            "for (const s of document.scripts) { if (s.src) urls.push(s.src); }"
            "return urls;"
        )
    except WebDriverException as exc:
        raise AuditError(f"daftar berkas yang dimuat halaman tidak terbaca: {exc.msg}") from exc
    return sorted(set(urls or []))
