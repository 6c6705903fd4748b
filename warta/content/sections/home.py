"""The home page's content, decided in one place: the lead story, the services the city chose,
the announcements in force, this week's agenda and the agencies. theme/templates/index.html
only renders what :func:`home` gives; plugins/home puts it in the context once every section
has read its content.

A section that is switched off or still empty is None or empty here, and the page leaves it
out, so citizens never meet a heading over nothing.
"""

from dataclasses import dataclass, field

from warta.content.sections import context as ctx


@dataclass
class Home:
    lead: object = None  # the newest article, picture or not: today's warning leads
    services: list = field(default_factory=list)  # WARTA_HOME_SERVICES, in the city's order
    announcements: list = None  # in force, newest first, at most WARTA_HOME_ANNOUNCEMENTS
    agenda: list = None  # the next seven days' events
    agencies: list = field(default_factory=list)  # by full name
    # Past WARTA_HOME_AGENCIES_LISTED agencies the page shows a letter index instead of a list.
    agency_letters: list = None


def home(context, settings):
    """The Home of a portal whose sections have all read their content into ``context``."""
    sizes = context.get(ctx.SECTION_SIZES) or {}
    articles = context.get("articles") or []
    by_slug = context.get(ctx.SERVICES_BY_SLUG) or {}
    page = Home(lead=articles[0] if articles else None)
    if sizes.get("services"):
        page.services = [by_slug[slug] for slug in settings["WARTA_HOME_SERVICES"] or []
                         if slug in by_slug]
    if sizes.get("announcements"):
        current = context.get(ctx.ANNOUNCEMENTS_CURRENT) or []
        page.announcements = current[: settings["WARTA_HOME_ANNOUNCEMENTS"]]
    if sizes.get("agenda"):
        page.agenda = context.get(ctx.AGENDA_THIS_WEEK) or []
    page.agencies = sorted(context.get(ctx.AGENCIES) or [], key=lambda a: a.full_name.casefold())
    if len(page.agencies) > settings["WARTA_HOME_AGENCIES_LISTED"]:
        page.agency_letters = sorted({agency.letter for agency in page.agencies})
    return page
