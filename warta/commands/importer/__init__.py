"""Importing a city's old site: a WordPress export (WXR) or a saved RSS/Atom feed, as Warta
Markdown in content/, an nginx map of 301s for every old address, and a report for editors.

source: the items and the safe XML reader · wxr, feed: the two readers · convert: HTML to
Markdown · embeds: removed players and widgets as links · categories: WordPress categories to
agencies · writer, run: the files, idempotent and all or nothing · redirects: the nginx map ·
orphans: imported pages nothing links to · report: impor-laporan.md · main: both imports end
to end · commands: `bin/warta impor`.
"""

from warta.commands.importer.main import import_feed, import_wordpress

__all__ = ["import_feed", "import_wordpress"]
