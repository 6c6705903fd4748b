"""source_map: record which content file and which template produced each output page.

The audit report names the Markdown file an editor must fix for each failing page,
e.g. `content/berita/2024-04-29-kipp.md`, and groups violations by template. The map is
written to .cache/sumber/, never inside the output folder, so it is not published.
"""

import json
import logging
import os
from pathlib import Path

from pelican import signals

from warta.content.errors import display_path
from warta.content.source_maps import source_map_path

log = logging.getLogger(__name__)

# Which template wrote a page, told by what the writer put in its context. Checked in order:
# an article page also has "articles" (the list for navigation) but only it has "article".
CONTEXT_TEMPLATES = (
    ("article", "article"),
    ("page", "page"),
    ("archive_year", "period_archives"),
    ("period", "period_archives"),
    ("category", "category"),
    ("tag", "tag"),
    ("author", "author"),
)


class SourceMap:
    def __init__(self):
        self.pages = {}
        self.settings = None

    def start(self, pelican):
        self.pages = {}
        self.settings = pelican.settings

    def record(self, path, context):
        if not str(path).endswith(".html") or self.settings is None:
            return
        output = Path(self.settings["OUTPUT_PATH"])
        page = Path(path).resolve().relative_to(output.resolve()).as_posix()
        source = None
        template = None
        for key, name in CONTEXT_TEMPLATES:
            value = context.get(key)
            if value is not None:
                template = name
                source_path = getattr(value, "source_path", None)
                if key in ("article", "page") and source_path:
                    source = display_path(source_path)
                break
        if template is None:
            template = context.get("template_name") or _direct_template(context, self.settings)
        self.pages[page] = {"source": source, "template": template}

    def write(self, pelican):
        target = self.settings.get("WARTA_SOURCE_MAP") or source_map_path(
            self.settings["OUTPUT_PATH"]
        )
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.baru")
        output = self.settings.get("WARTA_SOURCE_MAP_OUTPUT") or self.settings["OUTPUT_PATH"]
        temporary.write_text(
            json.dumps(
                {"output": str(Path(output).resolve()), "pages": self.pages},
                ensure_ascii=False, sort_keys=True, separators=(",", ":"),
            ),
            encoding="utf-8",
        )
        temporary.replace(target)


def _direct_template(context, settings):
    """Direct templates (index, tags, archives, 404) are named by their save_as."""
    page_name = context.get("page_name")
    for template in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if page_name and os.path.splitext(save_as)[0] == page_name:
            return template
    return page_name or "lainnya"


_map = SourceMap()


def register():
    # initialized: a fresh map per build (the dev server rebuilds in one process).
    signals.initialized.connect(_map.start)
    # content_written fires for every file the writer renders, with the context that knows the
    # article or page behind it.
    signals.content_written.connect(_map.record)
    # finalized: every page is written; the map is complete.
    signals.finalized.connect(_map.write)
