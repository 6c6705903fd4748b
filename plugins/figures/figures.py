"""figures: connect Warta's one rewrite of content HTML (warta/rewrite.py) to Pelican.

The rewrite itself is a Python-Markdown extension, listed in MARKDOWN in pelicanconf.py, so it
runs inside Pelican's Markdown reader for every text, before the content check sanitizes it.
This plugin gives it what Python-Markdown cannot know (which file is being read, the image
settings), lets srcset follow src once Pelican has resolved {static} and {attach}, and gives
templates the `image_attributes` filter for cover images.
"""

import hashlib
from pathlib import Path

from pelican import signals
from pelican.readers import MarkdownReader

from warta import images, rewrite

EXTENSION = "warta.rewrite"
# Settings that change the HTML the extension writes, and its own source (it lives outside
# PLUGIN_PATHS). Copied into its MARKDOWN configuration so that the content cache, whose
# fingerprint covers MARKDOWN, is never reused across them.
SHAPING_SETTINGS = ("IMAGE_WIDTHS", "IMAGE_SIZES")
SOURCE = hashlib.sha256(Path(rewrite.__file__).read_bytes()).hexdigest()[:16]


def start(pelican):
    images.reset()
    settings = pelican.settings
    configs = settings.setdefault("MARKDOWN", {}).setdefault("extension_configs", {})
    if EXTENSION in configs:
        configs[EXTENSION] = {**configs[EXTENSION],
                              "shaped_by": repr([SOURCE] + [settings.get(k) for k in SHAPING_SETTINGS])}


def follow_sources(generator):
    """Tell the extension which file each Markdown reader is reading, whichever reader class
    the content check put in place."""
    readers = getattr(getattr(generator, "readers", None), "readers", {})
    for reader in readers.values():
        if isinstance(reader, MarkdownReader) and not getattr(reader.read, "warta_rewrite", False):
            reader.read = rewrite.reading(reader.read, generator.settings)
    env = getattr(generator, "env", None)
    if env is not None:
        settings = generator.settings
        env.filters["image_attributes"] = \
            lambda path, first=False, sizes=None: images.image_attributes(path, settings, first,
                                                                          sizes)
        env.filters["wrappable"] = rewrite.wrappable_address


def resolve_after_pelican(content):
    """srcset is written beside src; Pelican resolves src when the page is written, and srcset
    must then say the same place (see warta.images.resolve_srcset)."""
    text = getattr(content, "_content", None)
    if not text or 'srcset="' not in text or getattr(content, "_update_content", None) is None:
        return
    update = content._update_content

    def update_content(text, siteurl):
        return images.resolve_srcset(update(text, siteurl), siteurl)

    content._update_content = update_content


def register():
    # initialized: before any generator reads a file, and before build_cache fingerprints
    # MARKDOWN (it is registered later in PLUGINS).
    signals.initialized.connect(start)
    # generator_init fires once each generator's readers exist and before it reads anything.
    signals.generator_init.connect(follow_sources)
    signals.content_object_init.connect(resolve_after_pelican)
