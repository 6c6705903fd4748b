"""The gate's browser checks: what axe cannot judge, on one page per template.

Each check opens the template's page, measures it (warta.commands.gate.measure) and returns its
problems, in Indonesian for the editor who must fix them. A check that could not be made (the
page did not load, a preference was not applied, the browser died) fails with the reason: it is
never a pass.
"""

import threading
from dataclasses import dataclass, field

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from warta.commands.audit import BROWSER_GONE, AuditError, loaded_resources, page_url, start_browser
from warta.commands.gate.measure import (
    hidden_focus,
    horizontal_overflow,
    invisible_focus,
    press_tab,
    small_targets,
    tab_order_problems,
    text_spacing_problems,
    walk_tab_order,
)
from warta.commands.gate.variants import (
    THEMES,
    reset_browser,
    set_preferences,
    set_viewport,
    store_preferences,
)


@dataclass
class CheckResult:
    """One check of one template's page, in one case (a text size, a width, a theme)."""

    check: str
    template: str
    case: str
    page: str
    problems: list = field(default_factory=list)
    error: str = ""  # why the check could not be made; never a pass
    # The stylesheets, scripts and fonts the page loaded while checked (None: unknown), which
    # key the result in the gate's cache; ``reused`` when it came from there unchanged.
    resources: list = None
    reused: bool = False

    @property
    def passed(self):
        return not self.problems and not self.error

    @property
    def key(self):
        return (self.check, self.template, self.case)

    @property
    def title(self):
        return f"{CHECKS[self.check].label} · {self.template}" + (f" · {self.case}" if self.case else "")

    def format(self):
        name = self.title
        if self.error:
            return f"{name} ({self.page or '-'}): TIDAK DAPAT DIPERIKSA: {self.error}"
        if self.passed:
            return f"{name}: lolos"
        return "\n".join([f"{name} ({self.page}):"] + [f"  - {p}" for p in self.problems])


class CheckSession:
    """One browser opening template pages for the checks, sharing each Tab walk, and each
    measure of a page at one width, between the checks that read it. ``preferences=False`` is
    for pages without the Tampilan script (the known-bad fixture), which cannot take stored
    preferences."""

    def __init__(self, driver, base_url, preferences=True):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.preferences = preferences
        self.walks = {}
        self.layouts = {}
        self.loaded = {}  # page -> every resource it loaded in this session, in any state

    def loaded_by(self, page):
        """Everything ``page`` loaded in this session so far, this document included: a check
        on a Tab walk taken earlier depends on what that walk's document loaded too. None when
        the browser could not say, now or for an earlier document of the page (the result is
        then not cached)."""
        known = self.loaded.setdefault(page, set())
        if known is not None:
            try:
                known.update(loaded_resources(self.driver))
            except AuditError:
                self.loaded[page] = known = None
        return None if known is None else sorted(known)

    def open(self, page, prefs=None):
        url = page_url(self.base_url, page)
        if self.preferences:
            store_preferences(self.driver, url, prefs or {})
        self.driver.get(url)
        if self.preferences:
            set_preferences(self.driver, prefs or {})

    def walk(self, page, theme):
        """The Tab walk of ``page`` in ``theme``. The light theme's walk serves the order and
        obscured-focus checks; every theme's walk serves the focus-visible check."""
        if (page, theme) not in self.walks:
            self.open(page, {"theme": THEMES[theme]})
            self.walks[(page, theme)] = walk_tab_order(self.driver)
        return self.walks[(page, theme)]

    def layout(self, page, width):
        """``page`` as it loads with no preferences, at ``width`` CSS px, measured once for the
        reflow, target-size and text-spacing checks: sideways overflow and targets first, the
        text spacing last, since applying it changes the page."""
        if (page, width) not in self.layouts:
            self.open(page)
            set_viewport(self.driver, width)
            self.layouts[(page, width)] = {
                "overflow": horizontal_overflow(self.driver),
                "targets": small_targets(self.driver),
                "spacing": text_spacing_problems(self.driver),
            }
        return self.layouts[(page, width)]


# 200 % text at 320 px goes beyond 1.4.10 (320 px at 100 %), but it is a phone with large text.
def reflow(session, page, text):
    if text == "100":
        scroll_width, viewport, wide = session.layout(page, 320)["overflow"]
    else:
        session.open(page, {"text": text})
        set_viewport(session.driver, 320)
        scroll_width, viewport, wide = horizontal_overflow(session.driver)
    if viewport != 320:
        return [f"viewport {viewport}px, bukan 320px"]
    if scroll_width > viewport:
        return [f"teks {text}%: lebar gulir {scroll_width}px melebihi {viewport}px: {wide}"]
    return []


def text_spacing(session, page, width):
    result = session.layout(page, int(width))["spacing"]
    problems = list(result["problems"])
    if result["applied"] == "0px":
        problems.append("penimpaan jarak teks tidak diterapkan")
    if result["scrollWidth"] > result["viewport"]:
        problems.append(f"menggulir ke samping di {width}px dengan jarak teks WCAG 1.4.12")
    return problems


def tab_order(session, page, case):
    walk = session.walk(page, "terang")
    if len(walk["steps"]) <= 1:
        return ["Tab hanya memfokuskan satu elemen atau kurang"]
    return tab_order_problems(walk)


def focus_visible(session, page, theme):
    walk = session.walk(page, theme)
    if not walk["steps"]:
        return ["Tab tidak memfokuskan apa pun"]
    return [f"fokus tidak terlihat: {label}" for label in invisible_focus(walk)]


def focus_not_obscured(session, page, case):
    walk = session.walk(page, "terang")
    if not walk["steps"]:
        return ["Tab tidak memfokuskan apa pun"]
    return [f"fokus tertutup seluruhnya: {label}" for label in hidden_focus(walk)]


def skip_link(session, page, case):
    driver = session.driver
    session.open(page)
    first = press_tab(driver)
    if not first or not first["label"].startswith("<a> Langsung ke konten utama"):
        return [f"Tab pertama tidak memfokuskan tautan lewati: {first}"]
    problems = [] if first["seen"] else ["tautan lewati tidak terlihat saat difokuskan"]
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    if driver.execute_script("return document.activeElement.id") != "konten-utama":
        return problems + ["tautan lewati tidak memindahkan fokus ke #konten-utama"]
    press_tab(driver)
    if not driver.execute_script(
        "return document.getElementById('konten-utama').contains(document.activeElement)"
    ):
        problems.append("Tab setelah tautan lewati tidak melanjutkan dari konten utama")
    return problems


def target_size(session, page, width):
    result = session.layout(page, int(width))["targets"]
    if result["count"] == 0:
        return ["tidak ada target yang terukur: pemeriksaan tidak menilai apa pun"]
    return list(result["failures"])


@dataclass(frozen=True)
class Check:
    name: str
    label: str  # how the console and the tests name it
    measure: object  # (session, page, case) -> problems
    cases: tuple = ("",)


CHECKS = {check.name: check for check in (
    Check("reflow", "tanpa gulir samping di 320 px (1.4.10)", reflow, ("100", "200")),
    Check("text-spacing", "jarak teks (1.4.12)", text_spacing, ("1280", "320")),
    Check("tab-order", "urutan Tab tanpa jebakan (2.1.1, 2.1.2, 2.4.3)", tab_order),
    Check("focus-visible", "fokus terlihat (2.4.7)", focus_visible, tuple(THEMES)),
    Check("focus-not-obscured", "fokus tidak tertutup (2.4.11)", focus_not_obscured),
    Check("skip-link", "tautan lewati (2.4.1)", skip_link),
    Check("target-size", "ukuran target (2.5.8)", target_size, ("1280", "320")),
)}


def check_keys(templates):
    """Every (check, template, case) the gate makes, in a stable order."""
    return [(check.name, template, case)
            for template in templates for check in CHECKS.values() for case in check.cases]


def run_check(session, key, page):
    """Make one check; any failure to make it is its error. The browser is reset after."""
    name, template, case = key
    result = CheckResult(name, template, case, page)
    try:
        result.problems = CHECKS[name].measure(session, page, case)
        result.resources = session.loaded_by(page)
    except AssertionError as exc:  # a preference or viewport that did not take effect
        result.error = str(exc)
    except BROWSER_GONE as exc:
        result.error = f"browser gagal saat memeriksa: {getattr(exc, 'msg', None) or exc}"
    finally:
        try:
            reset_browser(session.driver)
        except BROWSER_GONE:
            session.driver = None  # the caller replaces the browser before the next check
    return result


def _run_share(keys, pages, base_url, timeout, done):
    """One thread's share of the checks, in one browser replaced whenever it fails; each result
    goes to ``done(key, result)`` as soon as it is known."""
    session = None
    finished = set()
    try:
        for key in keys:
            if session is None or session.driver is None:
                session = CheckSession(start_browser(timeout=timeout), base_url)
            result = run_check(session, key, pages[key[1]])
            finished.add(key)
            done(key, result)
            if session.driver is None or result.error:
                _quit(session.driver)
                session.driver = None
    except AuditError as exc:  # no browser at all: every remaining check of the share fails
        for key in keys:
            if key not in finished:
                done(key, CheckResult(*key, pages[key[1]], error=str(exc)))
    finally:
        if session is not None:
            _quit(session.driver)


def _quit(driver):
    if driver is not None:
        try:
            driver.quit()
        except BROWSER_GONE:
            pass


def run_checks(site_url, pages, workers=1, timeout=60, progress=None):
    """Every check of every template in ``pages`` ({template: page}), split between
    ``workers`` browsers; returns CheckResults in check_keys order. ``progress(done, total,
    result)`` is called after each check, as the audit engine calls it after each page."""
    keys = check_keys(list(pages))
    out = {}
    lock = threading.Lock()

    def done(key, result):
        with lock:
            out[key] = result
            if progress:
                progress(len(out), len(keys), result)
    workers = max(1, min(workers, len(pages) or 1))
    by_template = {template: n % workers for n, template in enumerate(pages)}
    shares = [[key for key in keys if by_template[key[1]] == n] for n in range(workers)]
    threads = [threading.Thread(target=_run_share, args=(share, pages, site_url, timeout, done),
                                name=f"periksa-{n}", daemon=True)
               for n, share in enumerate(shares)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [out.get(key) or CheckResult(*key, pages[key[1]], error="pemeriksaan tidak berjalan")
            for key in keys]
