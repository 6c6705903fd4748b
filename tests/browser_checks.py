"""Browser-side measurements shared by the search and publishing tests (issue 7)."""

from selenium.webdriver.support.ui import WebDriverWait

# Runs in every new document before the page's own scripts, through the DevTools protocol
# (not a page script, so the page's Content-Security-Policy does not block it).
CSP_RECORDER = """
window.__wartaCsp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__wartaCsp.push(event.violatedDirective + " " + (event.blockedURI || "inline")
    + " " + (event.sourceFile || "") + ":" + event.lineNumber);
});
"""

LAYOUT_SHIFT = """
const done = arguments[arguments.length - 1];
let total = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
}).observe({ type: "layout-shift", buffered: true });
setTimeout(() => done(total), 500);
"""


class CspWatch:
    """Records Content-Security-Policy violations on every page the driver opens."""

    def __init__(self, driver):
        self.driver = driver
        self.identifier = None

    def __enter__(self):
        self.identifier = self.driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER}
        )["identifier"]
        return self

    def violations(self):
        found = self.driver.execute_script("return window.__wartaCsp;")
        if found is None:
            raise AssertionError("the CSP recorder did not run on this page; nothing was checked")
        return found

    def __exit__(self, *exc):
        self.driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.identifier}
        )


def layout_shift(driver):
    """Cumulative layout shift so far on the current page, not counting shifts after input."""
    return driver.execute_async_script(LAYOUT_SHIFT)


def wait_for(driver, condition, timeout=20, message=""):
    """Wait until ``condition(driver)`` is truthy; return its value."""
    return WebDriverWait(driver, timeout).until(condition, message)
