"""The home page's content and the build date, put in the context once.

Pelican reads every generator's content before it writes any page: once all have read theirs,
the home page's content (warta.content.sections.home) can be gathered from the sections, and every template
that says "as of" shows the same date.
"""

from pelican import signals

from warta.content.dates import build_date
from warta.content.sections import context as ctx
from warta.content.sections.home import home


def gather(generators):
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    context[ctx.BUILD_DATE] = build_date(settings)
    context[ctx.HOME] = home(context, settings)


def register():
    signals.all_generators_finalized.connect(gather)
