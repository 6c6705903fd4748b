"""media: the city's TV channel and its digital magazines as accessible content types.

Two sections, each a generator of its own like the PPID's (content/video and content/majalah
are outside ARTICLE_PATHS and PAGE_PATHS): videos with required Indonesian captions, a
transcript and a click-to-load YouTube facade (video.py), and magazine or newspaper editions
with a checked PDF and an HTML table of contents (magazine.py).
"""

import logging

from pelican import signals

from .magazine import MagazineGenerator
from .video import VideoGenerator

log = logging.getLogger(__name__)

# Defaults, filled in one place (the `initialized` signal below). pelicanconf.py overrides them.
DEFAULTS = {
    # --- Video: the city's TV channel ---
    "VIDEO_SECTION_NAME": "Video",
    "VIDEO_SECTION_DESCRIPTION": "",
    "VIDEO_PATH": "video",  # content/video: one Markdown file per video
    "VIDEO_URL": "video/",
    "VIDEO_PAGE_URL": "video/{slug}/",
    "VIDEO_FEED_ATOM": "feed/video.atom.xml",  # None: no feed
    # Self-hosted formats by extension: (name shown in download links, MIME type for <source>).
    "VIDEO_FORMATS": {"mp4": ("MP4", "video/mp4"), "webm": ("WebM", "video/webm")},
    # The privacy-enhanced player, loaded only when a citizen presses play, with Indonesian
    # captions switched on; and the video's own page on YouTube, the link without JavaScript.
    # The embed origin must be the one CSP_POLICY's frame-src allows.
    "VIDEO_YOUTUBE_EMBED_URL": (
        "https://www.youtube-nocookie.com/embed/{id}"
        "?autoplay=1&cc_load_policy=1&cc_lang_pref=id&hl=id"
    ),
    "VIDEO_YOUTUBE_WATCH_URL": "https://www.youtube.com/watch?v={id}",
    # --- Magazines and newspapers ---
    "MAGAZINE_SECTION_NAME": "Majalah dan Koran Digital",
    "MAGAZINE_SECTION_DESCRIPTION": "",
    "MAGAZINE_PATH": "majalah",  # content/majalah: one Markdown file per edition
    "MAGAZINE_URL": "majalah/",
    "MAGAZINE_PUBLICATION_URL": "majalah/{publication}/",
    "MAGAZINE_EDITION_URL": "majalah/{publication}/{slug}/",
    # [{"name", "slug", "kind" ("Majalah" or "Koran"), "description"}]
    "MAGAZINE_PUBLICATIONS": [],
    # An edition whose PDF fails the accessibility check is refused; False makes it a warning.
    "MAGAZINE_PDF_STRICT": True,
}


def set_defaults(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    # The video index and each publication's editions are paginated like the news archive.
    templates = pelican.settings.setdefault("PAGINATED_TEMPLATES", {})
    templates.setdefault("video/index", None)
    templates.setdefault("majalah/publication", None)


def get_generators(pelican):
    return [VideoGenerator, MagazineGenerator]


def register():
    # initialized: the settings exist but no generator has copied them yet, so every template
    # and generator sees the VIDEO_* and MAGAZINE_* defaults.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's after articles and pages (an edition links the news
    # it printed) and before the static files, which then copy the media we add to static_links.
    signals.get_generators.connect(get_generators)
