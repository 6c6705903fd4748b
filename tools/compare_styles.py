"""Compare the computed style of every element of two builds of the portal, page by page.

A change that only moves CSS (splitting a stylesheet, reordering blocks) must not change which
rule wins. This serves each build folder over loopback HTTP, opens the same pages in headless
Debian Chromium at each width and colour preference, and compares getComputedStyle() of every
element and of its ::before, ::after and ::marker. It prints each difference (page, width,
theme, element, property, before → after) and exits 1 if there is any.

    .venv/bin/python tools/compare_styles.py /tmp/css-before /tmp/css-after
"""

import argparse
import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from warta.commands.audit import start_browser  # noqa: E402

# One page per kind of layout: the home page, an article, a page read aloud, the PPID section
# and its DIP, every section's list and single pages (a video with the YouTube facade, one with
# a sign-language interpreter), the display preferences, search, the accessibility statement.
PAGES = ["/", "/berita/2025/alat-bantu-lansia-2025/", "/tentang/", "/ppid/", "/ppid/dip/",
         "/ppid/dokumen/daftar-puskesmas-dan-layanan-disabilitas/", "/layanan/",
         "/layanan/kartu-keluarga/", "/pengumuman/", "/pengumuman/pasar-murah-november-2026/",
         "/agenda/", "/opd/", "/opd/dinas-kesehatan/", "/video/",
         "/video/pelatihan-bahasa-isyarat-petugas/", "/video/serah-terima-rumah-2025/", "/majalah/",
         "/majalah/warta-kota-contoh/edisi-8/", "/tampilan/", "/cari/", "/pernyataan-aksesibilitas/"]
WIDTHS = [320, 1280]
# The device preferences the theme follows when the reader has chosen nothing (theme/js).
THEMES = {"light": [], "dark": [{"name": "prefers-color-scheme", "value": "dark"}],
          "contrast": [{"name": "prefers-contrast", "value": "more"}]}

# Every element in document order, keyed by its position and tag, with the computed value of
# every property, for the element and each pseudo-element that is drawn.
DUMP = """
await document.fonts.ready;
const images = [...document.images];
images.forEach(img => img.loading = 'eager');
await Promise.all(images.map(img => img.complete ? 0 : new Promise(r => img.onload = img.onerror = r)));
const settled = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
await settled();
const names = [...getComputedStyle(document.documentElement)];
const out = {};
[...document.querySelectorAll('*')].forEach((el, i) => {
  for (const pseudo of ['', '::before', '::after', '::marker']) {
    const style = getComputedStyle(el, pseudo || null);
    if (pseudo && pseudo !== '::marker' && style.content === 'none') continue;
    if (pseudo === '::marker' && style.display === 'none') continue;
    out[`${i} <${el.localName}${el.id ? '#' + el.id : ''}>${pseudo}`] =
      names.map(n => style.getPropertyValue(n)).join('\u0001');
  }
});
return [names, out];
"""


@contextlib.contextmanager
def served(folder):
    """``python -m http.server`` on a free loopback port, stopped afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def dump(driver, url):
    driver.get(url)
    return driver.execute_script(f"return (async () => {{ {DUMP} }})()")


def compare(before, after, pages=PAGES, widths=WIDTHS, themes=THEMES):
    """Every difference as a line of text, and the number of page views compared."""
    differences, views = [], 0
    driver = start_browser()
    try:
        with served(before) as old, served(after) as new:
            for theme, features in themes.items():
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": features})
                for width in widths:
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                    for page in pages:
                        (names, one), (_, two) = dump(driver, old + page), dump(driver, new + page)
                        if one != two:  # a real difference stays; one from loading order does not
                            (names, one), (_, two) = dump(driver, old + page), dump(driver, new + page)
                        views += 1
                        where = f"{page} {width}px {theme}"
                        if one.keys() != two.keys():
                            differences.append(f"{where}: elements differ: {sorted(one.keys() ^ two.keys())[:5]}")
                        for key in sorted(k for k in one.keys() & two.keys() if one[k] != two[k]):
                            pairs = zip(names, one[key].split("\x01"), two[key].split("\x01"), strict=True)
                            differences += [f"{where} {key} {name}: {a!r} → {b!r}" for name, a, b in pairs if a != b]
    finally:
        driver.quit()
    return differences, views


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    differences, views = compare(args.before, args.after)
    print("\n".join(differences[:200]))
    print(f"{len(PAGES)} pages × {len(WIDTHS)} widths × {len(THEMES)} themes = {views} views "
          f"compared; {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
