"""menu: the sections a city switched on (WARTA_SECTIONS), and the menu that follows
(warta.content.sections.menu).
"""

import logging

from pelican import signals

from warta.content.sections import context as ctx
from warta.content.sections import menu

log = logging.getLogger(__name__)


def check_menu(pelican):
    settings = pelican.settings
    for problem in menu.menu_problems(settings) + menu.link_problems(settings):
        log.error("%s", problem)


def set_menu(generators):
    context = generators[0].context if generators else {}
    context[ctx.MENU] = menu.visible_menu(context, context.get(ctx.SECTION_SIZES, {}))


def register():
    signals.initialized.connect(check_menu)
    # After every generator has read its content and before any writes a page.
    signals.all_generators_finalized.connect(set_menu)
