"""Screenshots of one article in every colour theme, for a person to look at.

    .venv/bin/python tools/screenshots.py [--output output] [--dest /tmp/warta-tampilan]

Builds nothing: run `make html` first. Serves OUTPUT on loopback, opens an article in
Debian's headless Chromium (the article with the most figures, so pictures show too) and saves one full-page PNG per theme, plus the readable font with
wide spacing and 200 % text, and a 320 px wide one. Headless Chromium has no speech voices, so
the tool pretends there is an Indonesian one: the read-aloud controls then show as they would.
"""

import argparse
import base64
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from warta.commands.audit import page_url, start_browser  # noqa: E402
from warta.commands.server import serve  # noqa: E402

SHOTS = [
    ("terang", {"theme": "light"}, 1280),
    ("gelap", {"theme": "dark"}, 1280),
    ("kontras", {"theme": "contrast"}, 1280),
    ("huruf-jarak-200", {"text": "200", "font": "readable", "spacing": "wide", "links": "underline"}, 1280),
    ("gelap-320", {"theme": "dark"}, 320),
]


# Only for the picture: an id-ID voice in the list makes theme/js/listen.js show its controls.
PRETEND_VOICE = """
if (window.speechSynthesis) {
  speechSynthesis.getVoices = () => [{name: 'Contoh', lang: 'id-ID', voiceURI: 'contoh', localService: true, default: true}];
}
"""


def full_page_png(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1,
                            "mobile": False})
    # Images below the fold load lazily: wait until the now-visible ones have arrived.
    driver.execute_async_script(
        "const done = arguments[0]; const waits = [...document.images].filter(i => !i.complete)"
        ".map(i => new Promise(r => { i.onload = i.onerror = r; }));"
        "Promise.race([Promise.all(waits), new Promise(r => setTimeout(r, 5000))]).then(done);")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return base64.b64decode(shot["data"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="output")
    parser.add_argument("--dest", default="/tmp/warta-tampilan")
    parser.add_argument("--page", default=None, help="page to shoot (default: the article with the most figures)")
    args = parser.parse_args()
    output, dest = Path(args.output), Path(args.dest)
    page = args.page or max(
        sorted(p.relative_to(output).as_posix() for p in output.glob("berita/*/*/index.html")),
        key=lambda page: (output / page).read_text(encoding="utf-8").count("<figure"))
    dest.mkdir(parents=True, exist_ok=True)
    driver = start_browser()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PRETEND_VOICE})
    try:
        with serve(output) as base_url:
            url = page_url(base_url, page)
            driver.get(url)
            for name, prefs, width in SHOTS:
                driver.execute_script("localStorage.setItem('warta-tampilan', arguments[0])",
                                      json.dumps(prefs))
                driver.get(url)
                target = dest / f"artikel-{name}.png"
                target.write_bytes(full_page_png(driver, width))
                print(target)
            driver.execute_script("localStorage.clear()")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
