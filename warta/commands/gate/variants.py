"""One page per template, and the display variants the gate audits them under.

Every page template in theme/templates and its folders (not components/, not base.html) must
have an entry in TEMPLATE_PAGES: test_every_template_has_a_representative_page fails otherwise,
so a new template (PPID, search, ...) cannot escape the variant audits and the keyboard, reflow,
spacing and target-size checks.
"""

import hashlib
import json
import urllib.parse
from functools import partial
from pathlib import Path

from warta import ROOT
from warta.commands.audit import Variant

# template name -> glob patterns of built pages it renders, tried in order; the first match is
# the page the tests use.
TEMPLATE_PAGES = {
    "index": ["index.html"],
    "article": ["berita/*/*/index.html"],
    "page": ["tentang/index.html", "kontak/index.html"],
    "aksesibilitas": ["pernyataan-aksesibilitas/index.html"],
    "category": ["opd/*/berita/index.html"],
    "agencies/index": ["opd/index.html"],
    "agencies/agency": ["opd/diskominfo/index.html", "opd/*/index.html"],
    "tag": ["topik/*/index.html"],
    "tags": ["topik/index.html"],
    "author": ["penulis/*/index.html"],
    "authors": ["penulis/index.html"],
    "archives": ["arsip/index.html"],
    "period_archives": ["arsip/[0-9]*/index.html"],
    "tampilan": ["tampilan/index.html"],
    "search": ["cari/index.html"],
    "ppid/index": ["ppid/index.html"],
    "ppid/category": ["ppid/informasi-berkala/index.html", "ppid/informasi-*/index.html"],
    "ppid/dip": ["ppid/dip/index.html"],
    "ppid/document": ["ppid/dokumen/*/index.html"],
    "ppid/page": ["ppid/profil-ppid/index.html", "ppid/maklumat-pelayanan/index.html"],
    # Public services: the one with a form to download and an online link.
    "services/index": ["layanan/index.html"],
    "services/service": ["layanan/akta-kelahiran/index.html", "layanan/*/index.html"],
    # City TV and magazines: the YouTube video, whose facade button is our own control.
    "video/index": ["video/index.html"],
    "video/video": ["video/pelatihan-bahasa-isyarat-petugas/index.html", "video/*/index.html"],
    "magazine/index": ["majalah/index.html"],
    "magazine/publication": ["majalah/warta-kota-contoh/index.html", "majalah/*/index.html"],
    "magazine/edition": ["majalah/warta-kota-contoh/edisi-7/index.html", "majalah/*/*/index.html"],
    # Announcements and the agenda: the announcement with a PDF attachment, the event with a
    # sign-language interpreter.
    "announcements/list": ["pengumuman/index.html"],
    "announcements/announcement": ["pengumuman/pendaftaran-bantuan-alat-bantu-2026/index.html",
                                "pengumuman/*/index.html"],
    "agenda/list": ["agenda/index.html"],
    "agenda/event": ["agenda/musrenbang-kecamatan-sukamaju-2027/index.html",
                     "agenda/*/index.html"],
    "404": ["404.html"],
}

TEMPLATES = sorted(TEMPLATE_PAGES)

# Preferences as stored by theme/js/preferences-early.js (key and values must match it).
STORAGE_KEY = "warta-tampilan"
THEMES = {"terang": "light", "gelap": "dark", "kontras": "contrast"}

# The axe variants: each colour theme, 200 % text, and a 320 CSS px viewport.
# `label` is how the accessibility statement names the variant.
VARIANTS = {
    "terang": {"prefs": {"theme": "light"}, "label": "tema terang"},
    "gelap": {"prefs": {"theme": "dark"}, "label": "tema gelap"},
    # The high-contrast theme promises 7:1 (WCAG 1.4.6, AAA), more than AA asks: axe's
    # color-contrast-enhanced rule holds it to that on every template.
    "kontras": {"prefs": {"theme": "contrast"}, "label": "kontras tinggi",
                "rules": ["color-contrast-enhanced"]},
    "teks-200": {"prefs": {"text": "200"}, "label": "teks 200%"},
    "lebar-320": {"prefs": {}, "width": 320, "label": "layar selebar 320 piksel"},
}


def templates_on_disk():
    """The page templates of the theme, as Pelican names them ("article", "ppid/document"):
    every template except the components and the base.html layouts others extend."""
    folder = ROOT / "theme" / "templates"
    return sorted(
        p.relative_to(folder).with_suffix("").as_posix()
        for p in folder.rglob("*.html")
        if p.name != "base.html" and "components" not in p.relative_to(folder).parts
    )


def find_page_for(site, template):
    """The built page (relative path) that represents ``template``, or None."""
    for pattern in TEMPLATE_PAGES[template]:
        matches = sorted(p.relative_to(site).as_posix() for p in Path(site).glob(pattern))
        if matches:
            return matches[0]
    return None


def missing_page(template):
    return f"tidak ada halaman terbangun untuk templat {template!r} (pola {TEMPLATE_PAGES[template]})"


def page_for(site, template):
    """The built page (relative path) that represents ``template``; fail loudly if none."""
    page = find_page_for(site, template)
    if page is None:
        raise AssertionError(missing_page(template))
    return page


def set_viewport(driver, width, height=900):
    """Emulate a viewport of ``width`` CSS px (device scale 1, desktop), like a narrow window."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    inner = driver.execute_script("return window.innerWidth")
    assert inner == width, f"viewport {inner}px, bukan {width}px"


def shown_preferences(prefs):
    """The part of ``prefs`` a page shows as data-w-* attributes on <html>: the defaults show
    nothing."""
    return {key: value for key, value in prefs.items() if value not in ("100", "auto", "default")}


def store_preferences(driver, url, prefs):
    """Store ``prefs`` before ``url`` loads, as the Tampilan form stores them, when the browser
    already shows a page of its origin (storage belongs to an origin): the page's early script
    then applies them on its first load, and set_preferences need not load it twice. A fresh
    browser shows no such page; set_preferences then stores them and reloads."""
    if not shown_preferences(prefs):
        return
    parts = urllib.parse.urlsplit(url)
    driver.execute_script(
        "if (location.origin === arguments[0]) localStorage.setItem(arguments[1], arguments[2]);",
        f"{parts.scheme}://{parts.netloc}", STORAGE_KEY, json.dumps(prefs),
    )


def set_preferences(driver, prefs):
    """Store ``prefs`` the way the Tampilan form does, reload, and check they were applied.
    A page that already shows them (store_preferences, or all defaults) is not reloaded: what
    counts is what the page shows, and that is checked either way."""
    expected = shown_preferences(prefs)
    if expected and _applied(driver) != expected:
        driver.execute_script(
            "localStorage.setItem(arguments[0], arguments[1])", STORAGE_KEY, json.dumps(prefs)
        )
        driver.refresh()
    applied = _applied(driver)
    assert applied == expected, f"preferensi {prefs} tidak diterapkan: {applied}"


def _applied(driver):
    return driver.execute_script(
        "const out = {}; for (const a of document.documentElement.attributes)"
        " if (a.name.startsWith('data-w-')) out[a.name.slice(7)] = a.value; return out;"
    )


def apply_variant(driver, variant):
    """A setup hook for Auditor.audit: apply one of VARIANTS to the loaded page."""
    spec = VARIANTS[variant]
    if "width" in spec:
        set_viewport(driver, spec["width"])
    set_preferences(driver, spec["prefs"])


def prepare_variant(driver, url, variant):
    """A prepare hook for Auditor.audit: store the variant's preferences before the page loads."""
    store_preferences(driver, url, VARIANTS[variant]["prefs"])


def engine_variant(name):
    """VARIANTS[name] as the audit engine runs it: applied after the page loads, taken off the
    browser afterwards. The spec and this file's bytes (apply_variant, set_preferences and
    set_viewport decide what axe sees) are the cache key, so editing either re-audits it."""
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return Variant(name=name, setup=partial(apply_variant, variant=name), reset=reset_browser,
                   prepare=partial(prepare_variant, variant=name),
                   rules=tuple(VARIANTS[name].get("rules", ())),
                   key=json.dumps(VARIANTS[name], sort_keys=True) + " " + source)


def reset_browser(driver):
    """Back to a fresh state: no stored preferences, no emulation, nothing focused."""
    try:
        driver.execute_script("try { localStorage.clear(); } catch (e) {}")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


class init_script:
    """Run ``source`` in every document before its own scripts, for the ``with`` block.

    Used to watch the page (script errors, when an attribute is set) or to take a browser
    feature away (speech, storage) the way a real browser without it would behave."""

    def __init__(self, driver, source):
        self.driver, self.source = driver, source

    def __enter__(self):
        self.id = self.driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": self.source})["identifier"]
        return self

    def __exit__(self, *exc):
        self.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.id})


# Collects every uncaught script error of the page in window.__wartaErrors.
CATCH_ERRORS = """
window.__wartaErrors = [];
window.addEventListener('error', (e) => window.__wartaErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__wartaErrors.push(String(e.reason)));
"""


def script_errors(driver):
    errors = driver.execute_script("return window.__wartaErrors")
    assert errors is not None, "penangkap galat tidak terpasang"
    return errors
