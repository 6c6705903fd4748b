"""The one audit helper: axe-core in real headless Chromium, for tests, the CLI and CI alike.

Fail closed: anything that stops a page from being audited (no browser, no driver, axe not
loading, a page that does not load) raises AuditError. It is never a pass and never a skip.
"""

import datetime
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
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

    @property
    def passed(self):
        return not self.violations

    def format(self):
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


def start_browser(width=1280, height=1024, chromedriver=CHROMEDRIVER, chromium=CHROMIUM):
    """Start headless Debian Chromium through Debian's ChromeDriver, or raise AuditError."""
    for path, package in ((chromium, "chromium"), (chromedriver, "chromium-driver")):
        if not Path(path).is_file():
            raise AuditError(
                f"{path} tidak ada. Pasang paket Debian '{package}' (make test memasangnya)."
            )
    options = webdriver.ChromeOptions()
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
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=str(chromedriver)))
    except WebDriverException as exc:
        raise AuditError(f"Chromium tidak dapat dijalankan: {exc.msg or exc}") from exc
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(PAGE_TIMEOUT)
    return driver


def axe_options(tags=None, disabled_rules=None):
    """The options passed to axe.run: our tags, our switched-off rules, violations only."""
    disabled = DISABLED_RULES if disabled_rules is None else disabled_rules
    return {
        "runOnly": {"type": "tag", "values": list(tags or AXE_TAGS)},
        "rules": {rule: {"enabled": False} for rule in disabled},
        "resultTypes": ["violations"],
    }


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
        self.axe = Axe(driver, script_url=str(self.axe_script))
        self.options = options or axe_options()

    def load(self, page):
        """Open a page and check that the server answered it with 200."""
        url = page_url(self.base_url, page)
        try:
            self.driver.get(url)
            status = self.driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return n ? n.responseStatus : null;"
            )
        except WebDriverException as exc:
            raise AuditError(f"{page}: halaman tidak dapat dimuat dari {url}: {exc.msg}") from exc
        if status != 200:
            raise AuditError(f"{page}: server menjawab {status} untuk {url}, bukan 200")
        return url

    def run_axe(self, page):
        """Inject the pinned axe-core and run it on the loaded page; return its raw result."""
        try:
            self.axe.inject()
            version = self.driver.execute_script(
                "return (typeof axe === 'object' && axe.version) || null;"
            )
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

    def audit(self, page, setup=None):
        """Audit one page (a path relative to the site root) and return its PageResult.

        ``setup(driver)``, if given, runs after the page loads and before axe: a variant audit
        uses it to apply a colour theme, a text size or a viewport.
        """
        url = self.load(page)
        if setup is not None:
            setup(self.driver)
        results = self.run_axe(page)
        return PageResult(
            page=page,
            url=url,
            axe_version=results.get("testEngine", {}).get("version", ""),
            violations=[Violation.from_axe(v) for v in results["violations"]],
        )


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
