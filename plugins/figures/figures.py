"""figures: connect Warta's one rewrite of content HTML (warta/content/rewrite.py) to Pelican.

The rewrite itself is a Python-Markdown extension, listed in MARKDOWN in pelicanconf.py, so it
runs inside Pelican's Markdown reader for every text, before the content check sanitizes it.
This plugin gives it what Python-Markdown cannot know (which file is being read, the image
settings), and gives templates the `image_attributes` filter for cover images; srcset follows
src when links are resolved (warta.content.links).
"""

import hashlib
from pathlib import Path

from pelican import signals
from pelican.readers import MarkdownReader

from warta.content import images, rewrite

EXTENSION = "warta.content.rewrite"
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


def register():
    # initialized: before any generator reads a file, and before build_cache fingerprints
    # MARKDOWN (it is registered later in PLUGINS).
    signals.initialized.connect(start)
    # generator_init fires once each generator's readers exist and before it reads anything.
    signals.generator_init.connect(follow_sources)
