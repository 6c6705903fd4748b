"""sections: the sections a city switched on (WARTA_SECTIONS), and the menu that follows.

The menu is written once, in WARTA_MENU. A menu entry for a section the city switched off is a
settings error naming its line (it would be a broken link on every page); an entry for a
section that is on but has nothing in it yet is left out, and comes back with the first file.
Each section's generator reports its size (warta.sections.record_size) while reading content,
so the menu is known before any page is written.
"""

import logging

from pelican import signals

from warta import context_names as ctx
from warta import sections

log = logging.getLogger(__name__)


def check_menu(pelican):
    settings = pelican.settings
    for problem in sections.menu_problems(settings) + sections.link_problems(settings):
        log.error("%s", problem)


def set_menu(generators):
    context = generators[0].context if generators else {}
    context[ctx.MENU] = sections.visible_menu(context, context.get(ctx.SECTION_SIZES, {}))


def register():
    signals.initialized.connect(check_menu)
    # After every generator has read its content and before any writes a page.
    signals.all_generators_finalized.connect(set_menu)
