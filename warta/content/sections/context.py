"""Every name Warta puts in Pelican's shared context, in one place, with who writes it.

Pelican hands one context dict to every generator and every template. Warta's plugins publish
their sections there for the templates and for each other (the agency pages gather services,
announcements and events; the home page gathers everything), so each name is a constant here
and the code uses the constant: a typo fails at import, not as an empty section on a page, and
a test fails on any context name written as a bare string that is not Pelican's own.
"""

# plugins/agencies: [warta.content.sections.agencies.Agency], every agency of content/opd/.
AGENCIES = "agencies"
# plugins/stable_lists: {article: [nearest news of its agency]} for "Berita lain dari …".
AGENCY_NEIGHBOURS = "agency_neighbours"
# plugins/agenda: the agenda's events still to come, those past, and the next seven days'.
AGENDA_UPCOMING = "agenda_upcoming"
AGENDA_PAST = "agenda_past"
AGENDA_THIS_WEEK = "agenda_this_week"
# plugins/announcements: announcements in force on the build date, and every announcement.
ANNOUNCEMENTS_CURRENT = "announcements_current"
ANNOUNCEMENTS_ALL = "announcements_all"
# plugins/year_archives: [{year, count, url, save_as, articles}], newest year first.
ARCHIVE_YEARS = "archive_years"
# plugins/home: the date "current" is measured against (warta.content.dates.build_date), written once.
BUILD_DATE = "build_date"
# plugins/home: the home page's content (warta.content.sections.home.Home).
HOME = "home"
# plugins/magazine and plugins/video: the magazines and the city TV sections.
MAGAZINE_SECTION = "magazine_section"
VIDEO_SECTION = "video_section"
# plugins/menu: the menu, with the sections switched off or still empty left out.
MENU = "menu"
# plugins/ppid: the PPID section with the Daftar Informasi Publik (UU 14/2008).
PPID = "ppid"
# warta.content.sections.base: {section: number of items}, 0 for a section switched on but still empty.
SECTION_SIZES = "section_sizes"
# plugins/services: every service, the services by slug, and the topics that have services.
SERVICES = "services"
SERVICES_BY_SLUG = "services_by_slug"
SERVICE_TOPICS = "service_topics"

# Pelican's own names that Warta's code reads or adds to.
PELICAN = {"articles", "categories", "generated_content", "page_name", "static_content",
           "static_links", "template_name"}
