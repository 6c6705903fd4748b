"""media: the city's TV channel and its digital magazines as accessible content types.

Two sections, each a generator of its own like the PPID's (content/video and content/majalah
are outside ARTICLE_PATHS and PAGE_PATHS): videos with required Indonesian captions, a
transcript and a click-to-load YouTube facade (video.py), and magazine or newspaper editions
with a checked PDF and an HTML table of contents (magazine.py).
"""

import logging

from pelican import signals

from warta import sections

from .magazine import MagazineGenerator
from .video import VideoGenerator

log = logging.getLogger(__name__)


def set_defaults(pelican):
    # The video index and each publication's editions are paginated like the news archive.
    templates = pelican.settings.setdefault("PAGINATED_TEMPLATES", {})
    templates.setdefault("video/index", None)
    templates.setdefault("majalah/publication", None)


def get_generators(pelican):
    # A section the city switched off (WARTA_SECTIONS) writes nothing at all.
    settings = pelican.settings
    return [generator for name, generator in (("video", VideoGenerator),
                                              ("magazines", MagazineGenerator))
            if sections.enabled(settings, name)]


def register():
    # initialized: the settings exist but no generator has copied them yet, so every template
    # and generator sees the VIDEO_* and MAGAZINE_* defaults.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's after articles and pages (an edition links the news
    # it printed) and before the static files, which then copy the media we add to static_links.
    signals.get_generators.connect(get_generators)
