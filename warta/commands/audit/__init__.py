"""The one audit: axe-core in real headless Chromium, for tests, the CLI and CI alike.

results  what we audit against (tags, axe-core) and what a page's audit found
browser  starting Chromium (local or on a Selenium Grid) and never leaving a process behind
auditor  one browser session auditing the page it was asked for, and only that page
cache    reusing clean results while the bytes that decided them stay the same
engine   parallel workers with retries, for the pages as served and the display variants
record   the record of the last full gate, shown on the accessibility statement

The gate that runs all of it with the browser checks and the HTML check is warta.commands.gate.
"""

from warta.commands.audit.auditor import (
    NAVIGATION_RULE,
    Auditor,
    PageMoved,
    SessionAxe,
    loaded_resources,
    parse_refresh,
)
from warta.commands.audit.browser import (
    BROWSER_GONE,
    CHROMEDRIVER,
    CHROMIUM,
    PROFILE_PREFIX,
    BrowserProcesses,
    check_grid,
    start_browser,
    stop_all_browsers,
    stop_browsers_on_signals,
)
from warta.commands.audit.cache import (
    CACHE_FILE,
    DEFAULT_CACHE_DIR,
    AuditCache,
    Cache,
    ResultCache,
    audit_fingerprint,
    file_sha256,
    fingerprint_of,
)
from warta.commands.audit.engine import (
    AuditEngine,
    AuditOptions,
    AuditRun,
    Job,
    Variant,
    audit_site,
    default_workers,
)
from warta.commands.audit.record import write_audit_record
from warta.commands.audit.results import (
    AXE_SCRIPT,
    AXE_TAGS,
    AXE_VERSION_PREFIX,
    DISABLED_RULES,
    PAGE_TIMEOUT,
    AuditError,
    PageResult,
    Violation,
    axe_options,
    find_pages,
    page_url,
)

__all__ = [
    "AXE_SCRIPT", "AXE_TAGS", "AXE_VERSION_PREFIX", "BROWSER_GONE", "CACHE_FILE", "CHROMEDRIVER",
    "CHROMIUM", "DEFAULT_CACHE_DIR", "DISABLED_RULES", "NAVIGATION_RULE", "PAGE_TIMEOUT",
    "PROFILE_PREFIX", "AuditCache", "AuditEngine", "AuditError", "AuditOptions", "AuditRun",
    "Auditor", "BrowserProcesses", "Cache", "Job", "PageMoved", "PageResult", "ResultCache",
    "SessionAxe", "Variant", "Violation", "audit_fingerprint", "audit_site", "axe_options",
    "check_grid", "default_workers", "file_sha256", "fingerprint_of", "find_pages", "loaded_resources",
    "page_url", "parse_refresh",
    "start_browser", "stop_all_browsers", "stop_browsers_on_signals", "write_audit_record",
]
