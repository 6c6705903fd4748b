"""Slugs: the one path segment of an address (`/berita/2024/{slug}/`) a piece of content has.

One rule for every way a slug is made or checked: the lint refuses a `Slug:` that breaks it,
`warta baru` and the importer make slugs that keep it.
"""

import re

from pelican.utils import slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Long enough for any headline's first words; an address past it is hard to read aloud, to
# type or to share (and some mail clients break it across lines).
SLUG_MAX = 100


def slug_from(text, settings):
    """A slug from a title, at most SLUG_MAX characters, cut between words:
    "Pasar Murah Dibuka di Enam Kecamatan" → "pasar-murah-dibuka-di-enam-kecamatan"."""
    slug = slugify(text, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug.strip("-")
