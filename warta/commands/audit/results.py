"""What we audit against, and what one page's audit found.

Fail closed: anything that stops a page from being audited (no browser, no driver, axe not
loading, a page that does not load) raises AuditError. It is never a pass and never a skip.
"""

from dataclasses import dataclass, field
from pathlib import Path

from warta import ROOT

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


def axe_options(tags=None, disabled_rules=None):
    """The options passed to axe.run: our tags, our switched-off rules, violations only."""
    disabled = DISABLED_RULES if disabled_rules is None else disabled_rules
    return {
        "runOnly": {"type": "tag", "values": list(tags or AXE_TAGS)},
        "rules": {rule: {"enabled": False} for rule in disabled},
        "resultTypes": ["violations"],
    }


def with_rules(options, rules):
    """axe's ``options`` with ``rules`` switched on as well: axe runs a rule enabled here even
    when runOnly's tags do not name it."""
    if not rules:
        return options
    return {**options, "rules": {**options.get("rules", {}),
                                 **{rule: {"enabled": True} for rule in rules}}}


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
    """The axe result for one page, under one display variant ("" is the page as served)."""

    page: str
    url: str
    axe_version: str
    violations: list
    raw: list = None  # axe's own violation objects, for audit-report.json
    error: str = ""  # why the page could not be audited; never a pass
    reused: bool = False  # taken from the cache instead of audited again
    resources: list = field(default_factory=list)  # URLs of the CSS, JS and fonts it loaded
    seconds: float = 0.0  # loading the page and running axe on it
    # Running axe alone: the budget for a list page is 2 s, and loading is not axe's cost.
    axe_seconds: float = 0.0
    variant: str = ""

    @property
    def passed(self):
        return not self.violations and not self.error

    def format(self):
        name = f"{self.page} [{self.variant}]" if self.variant else self.page
        if self.error:
            return f"{name}: TIDAK DAPAT DIAUDIT: {self.error}"
        if self.passed:
            return f"{name}: lolos"
        head = f"{name}: {len(self.violations)} aturan gagal ({self.url})"
        return "\n".join([head] + [v.format() for v in self.violations])
