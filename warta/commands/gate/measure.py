"""Measurements axe cannot make, taken in real Chromium on a loaded page.

Each function takes a Selenium driver with the page already loaded and returns plain data that
the gate's checks (warta.commands.gate.checks) and the tests judge: reflow at 320 CSS px (WCAG 1.4.10),
text spacing (1.4.12), keyboard order, traps and focus (2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11),
target size (2.5.8), Content-Security-Policy violations and layout shift.
"""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# The WCAG 1.4.12 values, as the well-known text-spacing bookmarklet applies them.
TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)

# Elements the browser can put in the tab order, marked with data-w-kb in document order, with
# how each looks unfocused. Radios count once per group (the checked one, or the first): arrow
# keys move inside a group.
TABBABLE_JS = r"""
const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
const seenGroups = new Set();
const list = [];
for (const el of document.querySelectorAll(selector)) {
  if (el.tabIndex < 0 || el.disabled || el.closest('[hidden], [inert]')) continue;
  if (el.matches('input[type="hidden"]')) continue;
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible' || !el.getClientRects().length) continue;
  if (el.matches('input[type="radio"]') && el.name) {
    if (seenGroups.has(el.name)) continue;
    const group = [...document.querySelectorAll('input[type="radio"]')].filter(r => r.name === el.name && r.form === el.form);
    const stop = group.find(r => r.checked) || group[0];
    seenGroups.add(el.name);
    if (stop !== el) { stop.dataset.wKb = list.length; list.push(stop); continue; }
  }
  el.dataset.wKb = list.length;
  list.push(el);
}
const look = (el) => { const s = getComputedStyle(el); return {
  outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow,
  background: s.backgroundColor }; };
if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
return list.map(el => ({label: describe(el), unfocused: look(el)}));
function describe(el) {
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}> ${text.slice(0, 50)}`;
}
"""

# The focused element: which one, how it looks, and whether any of it can be seen (not hidden
# under sticky or other content, 2.4.11): some point of it must be the topmost element there.
FOCUSED_FUNCTION = r"""
function wartaFocused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const points = [];
  const vw = window.innerWidth, vh = window.innerHeight;
  for (const r of [el.getBoundingClientRect(), ...el.getClientRects()]) {
    const left = Math.max(r.left, 0), right = Math.min(r.right, vw);
    const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, vh);
    if (right - left < 1 || bottom - top < 1) continue;
    points.push([(left + right) / 2, (top + bottom) / 2], [left + 1, top + 1], [right - 1, bottom - 1]);
  }
  const seen = points.some(([x, y]) => { const hit = document.elementFromPoint(x, y); return hit && (hit === el || el.contains(hit)); });
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  return {
    index: el.dataset.wKb === undefined ? -1 : Number(el.dataset.wKb),
    label: `<${el.tagName.toLowerCase()}> ${text.slice(0, 50)}`,
    focused: {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, background: s.backgroundColor},
    outlineVisible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor),
    seen,
  };
}
"""
FOCUSED_JS = FOCUSED_FUNCTION + "return wartaFocused();"

# Records the focused element after every Tab key, in the page itself, so a whole walk is one
# key sequence and one read: the key's default action (moving focus, scrolling it into view)
# is done before its keyup reaches the window. Smooth scrolling is turned off for the walk: it
# changes only the path of a scroll, not where it comes to rest (CSSOM View), so each element
# is measured where the reader's page stops, without waiting for frames. A constructed
# stylesheet, as in CLIPPED_JS, because the page's CSP blocks an injected <style>.
RECORD_TABS_JS = FOCUSED_FUNCTION + r"""
const instant = new CSSStyleSheet();
instant.replaceSync('* { scroll-behavior: auto !important; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, instant];
window.__wartaTabs = [];
window.addEventListener('keyup', (event) => {
  if (event.key === 'Tab') window.__wartaTabs.push(wartaFocused());
}, true);
"""

# Smooth scrolling (on unless the reader asks for less motion) brings the focused element into
# view over a few frames: a single key press (the skip link's) is measured once the scroll
# position has been still for three frames, as a reader would see it.
SETTLE_JS = r"""
const done = arguments[arguments.length - 1];
const position = () => `${window.scrollX},${window.scrollY}`;
let last = null, still = 0, frames = 0;
const step = () => {
  const now = position();
  still = now === last ? still + 1 : 0;
  last = now;
  if (still >= 3 || ++frames > 120) done(now); else requestAnimationFrame(step);
};
requestAnimationFrame(step);
"""

# Applies the text-spacing CSS and lists boxes whose content now spills out: clipped when their
# overflow hides it, overlapping what follows when it is visible. Scroll containers keep the
# text reachable and are allowed.
CLIPPED_JS = r"""
const css = arguments[0];
// 1 px boxes that hide their overflow are the visually-hidden pattern: text meant for screen
// readers only, inside and out.
const srOnly = new Map();
const hiddenForSight = (el) => {
  if (!el || el === document.body) return false;
  if (!srOnly.has(el)) {
    const s = getComputedStyle(el);
    const tiny = (el.clientWidth <= 1 || el.clientHeight <= 1) && s.overflow !== 'visible';
    srOnly.set(el, tiny || hiddenForSight(el.parentElement));
  }
  return srOnly.get(el);
};
const measure = () => {
  const out = new Map();
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.getClientRects().length) continue;
    const s = getComputedStyle(el);
    if (s.display === 'inline' || s.display === 'contents') continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1 || hiddenForSight(el)) continue;
    out.set(el, {dy: el.scrollHeight - el.clientHeight, dx: el.scrollWidth - el.clientWidth,
                 overflow: `${s.overflowX}/${s.overflowY}`});
  }
  return out;
};
const before = measure();
// A constructed stylesheet, not a <style> element: the page's CSP (style-src 'self') would
// block an injected element, while it does not govern the CSS object model.
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const probe = document.querySelector('main p') || document.querySelector('main');
const applied = getComputedStyle(probe).wordSpacing;
const after = measure();
const problems = [];
for (const [el, m] of after) {
  const old = before.get(el) || {dy: 0, dx: 0};
  // Content that now spills out of its box: clipped when overflow hides it, overlapping
  // what follows when it is visible. Scroll containers keep the text reachable.
  const grew = (m.dy > 1 && m.dy > old.dy) || (m.dx > 1 && m.dx > old.dx);
  if (grew && !/auto|scroll/.test(m.overflow)) {
    problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${m.overflow} lebih ${m.dx}px×${m.dy}px: ${(el.innerText || '').trim().slice(0, 60)}`);
  }
}
return {applied, problems, scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth};
"""

# Targets smaller than 24×24 CSS px that are neither inline in text nor spaced apart (2.5.8).
TARGETS_JS = r"""
const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const targets = [];
for (const el of document.querySelectorAll(selector)) {
  if (el.disabled || el.closest('[hidden], [inert]') || getComputedStyle(el).visibility !== 'visible') continue;
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height || r.right <= 0 || r.bottom <= 0) continue;  // e.g. the unfocused skip link
  targets.push({el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2});
}
const blockOf = (el) => { let b = el.parentElement; while (b && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement; return b; };
const squash = (t) => (t || '').replace(/\s+/g, ' ').trim();
// WCAG 2.5.8 "Inline": a link inside a sentence or block of other text.
const inline = (el) => getComputedStyle(el).display === 'inline' && squash(blockOf(el).textContent).length > squash(el.textContent).length;
const small = (t) => t.r.width < 23.99 || t.r.height < 23.99;
const rectDistance = (t, o) => Math.hypot(Math.max(o.r.left - t.cx, 0, t.cx - o.r.right), Math.max(o.r.top - t.cy, 0, t.cy - o.r.bottom));
const failures = [];
for (const t of targets) {
  if (!small(t) || inline(t.el)) continue;
  for (const o of targets) {
    if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) continue;
    // Spacing exception: a 24 px circle centred on the target touches no other target, and no
    // other undersized target's circle.
    const clash = small(o) && !inline(o.el) ? Math.hypot(o.cx - t.cx, o.cy - t.cy) < 24 : rectDistance(t, o) < 12;
    if (clash) {
      failures.push(`${squash(t.el.textContent).slice(0, 40) || t.el.outerHTML.slice(0, 60)} (${Math.round(t.r.width)}×${Math.round(t.r.height)}) terlalu dekat dengan ${squash(o.el.textContent).slice(0, 40)}`);
      break;
    }
  }
}
return {count: targets.length, failures};
"""


def horizontal_overflow(driver):
    """(document scroll width, viewport width, up to five elements that stick out)."""
    scroll_width, viewport = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    wide = driver.execute_script(r"""
      return [...document.body.querySelectorAll('*')].filter(el => {
        const r = el.getBoundingClientRect();
        return r.width && r.right > window.innerWidth + 1 && !el.closest('.w-table-wrap');
      }).slice(0, 5).map(el => el.outerHTML.slice(0, 120));""")
    return scroll_width, viewport, wide


def text_spacing_problems(driver):
    """Apply the 1.4.12 spacing and report {applied, problems, scrollWidth, viewport}."""
    return driver.execute_script(CLIPPED_JS, TEXT_SPACING_CSS)


def press_tab(driver):
    """Press Tab like a keyboard user; return the focused element's data (None: left the page),
    measured once the page has stopped scrolling."""
    ActionChains(driver).send_keys(Keys.TAB).perform()
    driver.execute_async_script(SETTLE_JS)
    return driver.execute_script(FOCUSED_JS)


def walk_tab_order(driver):
    """Tab from the top of the freshly loaded page until focus leaves it or wraps around.

    The keys go in one sequence, a few more than the page has tabbable elements, and the page
    records where each one put focus (RECORD_TABS_JS): the walk is read back afterwards and
    cut where focus left the page, came back to the first element, or stayed put (a trap).

    Returns {"expected": [...tabbable elements...], "steps": [...focused...], "trapped": label}.
    """
    expected = driver.execute_script(TABBABLE_JS)
    driver.execute_script(RECORD_TABS_JS)
    presses = len(expected) + 3
    ActionChains(driver).send_keys(Keys.TAB * presses).perform()
    records = driver.execute_script("return window.__wartaTabs")
    if not isinstance(records, list) or len(records) != presses:
        # The recorder went with the document, or missed keys: the walk is not known.
        got = len(records) if isinstance(records, list) else 0
        raise AssertionError(f"langkah Tab tidak terekam ({got} dari {presses}): halaman "
                             "berganti atau menahan tombol Tab")
    steps, trapped = [], None
    for focused in records:
        if focused is None or (steps and focused["index"] == steps[0]["index"]):
            break  # past the last element: focus left the page or wrapped to the first
        if steps and focused["index"] == steps[-1]["index"]:
            trapped = focused["label"]
            break
        steps.append(focused)
    else:
        trapped = "(fokus tidak pernah keluar dari halaman)"
    return {"expected": expected, "steps": steps, "trapped": trapped}


def tab_order_problems(walk):
    """Everything wrong with a walk's order: traps, strays, unreached and out-of-order elements."""
    problems = []
    if walk["trapped"]:
        problems.append(f"fokus terjebak di {walk['trapped']}")
    reached = [step["index"] for step in walk["steps"]]
    problems += [f"fokus ke elemen yang tidak dapat di-Tab: {s['label']}"
                 for s in walk["steps"] if s["index"] < 0]
    problems += [f"tidak tercapai dengan Tab: {item['label']}"
                 for i, item in enumerate(walk["expected"]) if i not in reached]
    if reached != sorted(reached):
        problems.append("urutan Tab tidak mengikuti urutan dokumen: "
                        + ", ".join(s["label"] for s in walk["steps"]))
    return problems


def invisible_focus(walk):
    """Focused elements that look the same as unfocused (outline, box-shadow, background)."""
    invisible = []
    for step in walk["steps"]:
        before = walk["expected"][step["index"]]["unfocused"] if step["index"] >= 0 else {}
        after = step["focused"]
        changed = (
            step["outlineVisible"] and after["outline"] != before.get("outline")
            or after["shadow"] not in ("none", before.get("shadow"))
            or after["background"] != before.get("background")
        )
        if not changed:
            invisible.append(f"{step['label']} ({after})")
    return invisible


def hidden_focus(walk):
    """Focused elements no part of which could be seen (2.4.11 Focus Not Obscured)."""
    return [step["label"] for step in walk["steps"] if not step["seen"]]


def small_targets(driver):
    """{count, failures}: targets under 24×24 CSS px without the inline or spacing exception."""
    return driver.execute_script(TARGETS_JS)


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
