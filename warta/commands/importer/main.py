"""The two imports end to end: read, plan, check, then write content, redirects and report."""

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from warta import ROOT
from warta.commands.importer import categories
from warta.commands.importer.feed import read_feed
from warta.commands.importer.orphans import orphan_pages
from warta.commands.importer.redirects import feed_redirects, wordpress_redirects
from warta.commands.importer.report import render
from warta.commands.importer.run import apply, plan_import
from warta.commands.importer.source import refuse
from warta.commands.importer.wxr import read_export
from warta.content.sections import agencies as agency_files

REPORT = "impor-laporan.md"
REDIRECTS = {"wordpress": "deploy/redirects/wordpress.map", "feed": "deploy/redirects/feed.map"}


@dataclass
class Done:
    numbers: dict
    report: Path
    redirects: Path | None
    outcome: object


def _read(path):
    path = Path(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise refuse(path, "impor-rusak", f"Berkas tidak dapat dibaca ({exc.strerror})",
                     "periksa nama dan izin berkasnya") from None


def _write_atomic(path, text):
    """Replace ``path`` whole: a reader (nginx reloading) never sees half a map or report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(scratch, path)


def _finish(outcome, redirects, origin, source, content, report, redirects_path, settings, base_url):
    apply(outcome, content)
    written = None
    if redirects is not None:
        written = Path(redirects_path or ROOT / REDIRECTS[origin])
        _write_atomic(written, redirects.text(origin))
    # After apply: the links that count are those in the files as they now are on disk.
    orphans = orphan_pages(outcome, content, settings, base_url)
    text, numbers = render(outcome, redirects, Path(source).name, orphans)
    report = Path(report or ROOT / REPORT)
    _write_atomic(report, text)
    return Done(numbers, report, written, outcome)


def import_wordpress(source, settings, content=None, uploads=None, map_path=None,
                     write_map=None, force=False, report=None, redirects_path=None):
    """Import a WXR file into ``content`` (PATH by default). With ``write_map`` only the
    starting category map is written; returns its number of categories."""
    content = Path(content or settings["PATH"])
    export = read_export(source, _read(source), settings)
    if write_map:
        return categories.write_map(Path(write_map), export.items,
                                    agency_files.by_name(settings), export.categories)
    outcome = plan_import(export.items, export, settings, content, Path(uploads) if uploads else None,
                          Path(map_path) if map_path else None, source, force)
    redirects = wordpress_redirects(export, outcome.entries, settings, agency_files.by_name(settings),
                                    outcome.post_agency, outcome.category_agency)
    return _finish(outcome, redirects, "wordpress", source, content, report, redirects_path,
                   settings, export.base_url)


def import_feed(source, settings, content=None, map_path=None, force=False, report=None,
                redirects_path=None, host=None):
    """Import a saved RSS 2.0 or Atom file. Item links on the feed's own host (or ``host``)
    become redirects; others have no old address to map."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", str(source), re.IGNORECASE):
        raise refuse(source, "impor-alamat", "Impor tidak mengunduh apa pun dari internet",
                     "simpan feed-nya lebih dulu (misalnya `curl -o feed.xml ALAMAT`), lalu "
                     "impor berkas itu: yang diimpor tepat yang Anda simpan")
    content = Path(content or settings["PATH"])
    items, feed_host = read_feed(source, _read(source), settings)
    outcome = plan_import(items, None, settings, content, None,
                          Path(map_path) if map_path else None, source, force)
    redirects = feed_redirects(outcome.entries, settings, host or feed_host)
    if not redirects.map:
        redirects = None
    return _finish(outcome, redirects, "feed", source, content, report, redirects_path,
                   settings, f"https://{host or feed_host}/" if host or feed_host else "")
