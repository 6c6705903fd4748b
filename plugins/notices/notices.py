"""notices: announcements (pengumuman) and the agenda, the sections that change with the date.

Two generators, one per section (content/pengumuman and content/agenda are outside
ARTICLE_PATHS and PAGE_PATHS): announcements with a current list and an archive
(announcements.py), and events with upcoming and past lists and iCalendar files (agenda.py).
Both measure "current" against warta.dates.build_date, and put what the home page and the
agency pages show in the context.
"""

import logging

from pelican import signals

from warta import sections

from .agenda import AgendaGenerator
from .announcements import AnnouncementGenerator

log = logging.getLogger(__name__)


def set_defaults(pelican):
    # The lists are paginated like the news archive: an archive of years of announcements is
    # long for anyone to read on one page.
    templates = pelican.settings.setdefault("PAGINATED_TEMPLATES", {})
    templates.setdefault("pengumuman/list", None)
    templates.setdefault("agenda/list", None)


def get_generators(pelican):
    # A section the city switched off (WARTA_SECTIONS) writes nothing at all.
    settings = pelican.settings
    return [generator for name, generator in (("announcements", AnnouncementGenerator),
                                              ("agenda", AgendaGenerator))
            if sections.enabled(settings, name)]


def register():
    # initialized: the settings exist but no generator has copied them yet, so every template
    # and generator sees the ANNOUNCEMENTS_* and AGENDA_* defaults.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's before the static files, which then copy the
    # attachments we add to static_links; the agency pages read our lists from the context.
    signals.get_generators.connect(get_generators)
