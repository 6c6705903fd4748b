"""Minify HTML, CSS and JS, and give theme files content-hashed names cacheable forever."""

import hashlib
import logging
import posixpath
import re
from pathlib import Path

import minify_html
import rcssmin
import rjsmin

from warta.content import stylesheet

log = logging.getLogger(__name__)

TEXT_ASSETS = {".css", ".js", ".mjs"}
HASH_LENGTH = 10
# A reference to another file inside CSS or JS: url(...) or a quoted path with an extension.
REFERENCE = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)|["']([^"'\s]+\.[A-Za-z0-9]{2,6})["']""")
# Pages and feeds whose references to theme files must follow the renames.
REWRITTEN = {".html", ".xml", ".txt", ".json"}


class AssetError(Exception):
    """A theme file could not be hashed; the build stops."""


def theme_folder(output, settings):
    return Path(output) / settings["THEME_STATIC_DIR"]


def join_stylesheet(output, settings):
    """Write the theme's one stylesheet, css/warta.css, joined from its per-component parts in
    the theme's css/warta/ (warta.content.stylesheet): every page loads one file, and the parts, outside
    the theme's static folder, are never published. A theme without parts ships its own."""
    parts = Path(settings["THEME"]) / "css" / "warta"
    if not parts.is_dir():
        return
    try:
        text = stylesheet.joined(parts)
    except stylesheet.StylesheetError as exc:
        raise AssetError(f"finishing: {exc}") from exc
    target = theme_folder(output, settings) / stylesheet.SERVED
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def minify_theme(output, settings):
    """Minify every CSS and JS file the theme ships, in place."""
    for path in sorted(theme_folder(output, settings).rglob("*")):
        if path.suffix == ".css":
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
        elif path.suffix in (".js", ".mjs"):
            path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")


def minify_html_pages(output):
    """Minify every HTML page with spec-compliant shortenings only. Closing tags and the
    <html> and <head> tags stay: optional in HTML, but simple parsers (feed readers, scrapers,
    assistive tools' heuristics) mis-nest without them, and compression makes them nearly free."""
    for page in sorted(Path(output).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        page.write_text(
            minify_html.minify(text, keep_closing_tags=True, keep_html_and_head_opening_tags=True),
            encoding="utf-8",
        )


def hashed_name(path, data):
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return path.with_name(f"{path.stem}.{digest}{path.suffix}")


def references(text, asset, folder, assets):
    """The theme files ``asset`` refers to, as {written reference: file}."""
    found = {}
    for match in REFERENCE.finditer(text):
        written = (match.group(1) or match.group(2)).strip()
        clean = written.split("?")[0].split("#")[0]
        if re.match(r"^[a-z]+:|^//", clean):
            continue
        if clean.startswith("/"):
            continue  # absolute references are rewritten with the pages below
        target = (asset.parent / clean).resolve()
        if target in assets and target != asset.resolve():
            found[written] = target
    return found


def hash_theme_assets(output, settings):
    """Rename every theme file to name.<hash>.ext and rewrite every reference to it."""
    folder = theme_folder(output, settings)
    if not folder.is_dir():
        raise AssetError(f"finishing: folder tema {folder} tidak ada; tidak ada yang di-hash")
    assets = {p.resolve() for p in folder.rglob("*") if p.is_file()}
    renamed = {}  # original resolved path -> hashed path
    pending = {p for p in assets if p.suffix in TEXT_ASSETS}
    # Files that contain no references (fonts, images) first, then CSS and JS once every file
    # they name has its final name, so a font's new name changes the CSS file's hash too.
    for path in sorted(assets - pending):
        renamed[path] = hashed_name(path, path.read_bytes())
    while pending:
        ready = []
        for path in sorted(pending):
            text = path.read_text(encoding="utf-8")
            refs = references(text, path, folder, assets)
            if all(target in renamed for target in refs.values()):
                ready.append((path, text, refs))
        if not ready:
            raise AssetError(
                "finishing: berkas tema saling merujuk melingkar: "
                + ", ".join(str(p.relative_to(folder.resolve())) for p in sorted(pending))
            )
        for path, text, refs in ready:
            for written, target in refs.items():
                new = posixpath.join(posixpath.dirname(written), renamed[target].name)
                text = text.replace(written, new)
            path.write_text(text, encoding="utf-8")
            renamed[path] = hashed_name(path, text.encode("utf-8"))
            pending.discard(path)
    for original, new in renamed.items():
        original.rename(new)
    rewrite_references(output, settings, folder, renamed)
    log.info("finishing: %d berkas tema diberi nama ber-hash", len(renamed))
    return renamed


def rewrite_references(output, settings, folder, renamed):
    """Point every page and feed at the hashed names."""
    output = Path(output).resolve()
    folder = folder.resolve()
    mapping = {}
    for original, new in renamed.items():
        old_url = "/" + original.relative_to(output).as_posix()
        new_url = "/" + new.relative_to(output).as_posix()
        mapping[old_url] = new_url
    if not mapping:
        return
    # An old URL as written in a page: after a quote, `(`, `,` or a space (srcset), optionally
    # with the site's address in front, and followed by a quote, `?`, `#`, `)` or a space.
    siteurl = re.escape((settings.get("SITEURL") or "").rstrip("/"))
    pattern = re.compile(
        rf"""(?<=["'(,\s])((?:{siteurl})?)({"|".join(re.escape(u) for u in sorted(mapping, key=len, reverse=True))})(?=["'?#)\s,])"""
    )
    for page in output.rglob("*"):
        if page.suffix not in REWRITTEN or not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        new_text = pattern.sub(lambda m: m.group(1) + mapping[m.group(2)], text)
        if new_text != text:
            page.write_text(new_text, encoding="utf-8")
