"""agencies: the city's agencies (OPD) from content/opd/, and a page for every one of them.

warta.content.sections.agencies reads the files' headers (the names editors write as `Category:` and `OPD:`);
this plugin reports their mistakes, gives each agency's news its address under the agency's
page, and writes the agencies list and one page per agency: profile, contacts, office hours,
its services, its newest news, its PPID documents, its videos, its current announcements and
its upcoming events. An agency without news yet still has its page, because citizens look for
whom to contact, not only for what was published.
"""

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Page

from warta.content.errors import ContentError
from warta.content.sections import agencies as directory
from warta.content.sections import context as ctx
from warta.content.sections.base import SectionGenerator, save_as

log = logging.getLogger(__name__)


class AgencyProfile(Page):
    """An agency's file read by Pelican: its body is the profile on the agency's page."""

    default_template = "agencies/agency"

    def set_address(self, settings):
        # The file name is the address (warta.content.sections.agencies), whatever the title would slugify to.
        self.slug = Path(self.source_path).stem
        self.override_url = settings["OPD_PAGE_URL"].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)


def read_directory(pelican):
    """Read content/opd/ once, before any news, and report each broken file."""
    settings = pelican.settings
    if "WARTA_OPD" in settings:
        log.error("%s", ContentError(
            "pelicanconf.py", "WARTA_OPD tidak dipakai lagi: perangkat daerah kini ditulis sebagai "
            "berkas di content/opd/", "buat satu berkas per perangkat daerah di content/opd/ "
            "(lihat docs/content.md), lalu hapus WARTA_OPD dari pelicanconf.py",
            rule="pengaturan-rusak"))
    for problem in directory.directory(settings)[2]:
        log.error("%s", problem)


def attach_agencies(generator):
    """Each article's Category becomes its agency: the address from the file name, the full
    name for citizens. The linter has already refused a Category that names no agency."""
    known = directory.by_name(generator.settings)
    for article in generator.articles + generator.drafts + getattr(generator, "hidden_articles", []):
        agency = known.get(article.category.name)
        if agency is not None:
            article.category.slug = agency.slug
            article.category.agency = agency
            article.category.full_name = agency.full_name


class AgencyGenerator(SectionGenerator):
    """Writes the agencies list and every agency's page."""

    def generate_context(self):
        settings = self.settings
        profiles = {page.slug: page for page in
                    self.read_folder(settings["OPD_PATH"], AgencyProfile)}
        self.agencies = [agency for agency in directory.agencies(settings)
                         if agency.slug in profiles]
        for agency in self.agencies:
            agency.profile = profiles[agency.slug]
        self.publish([agency.profile for agency in self.agencies], lambda profile: ())
        self.context[ctx.AGENCIES] = self.agencies

    def generate_output(self, writer):
        settings, context = self.settings, self.context
        news = {category.slug: articles for category, articles in context.get("categories", [])}
        category = {category.slug: category for category, _ in context.get("categories", [])}
        ppid = context.get(ctx.PPID)
        video_section = context.get(ctx.VIDEO_SECTION)
        for agency in self.agencies:
            agency.news = news.get(agency.slug, [])
            agency.news_url = category[agency.slug].url if agency.slug in category else ""
            agency.documents = [d for d in (ppid.documents if ppid else []) if d.opd == agency.name]
            agency.videos = [v for v in (video_section.videos if video_section else [])
                             if v.opd.name == agency.name]
            # Services are listed on their agency's page too: a citizen often starts from the
            # office they know (WCAG 2.4.5 Multiple Ways).
            agency.services = [s for s in context.get(ctx.SERVICES, []) if s.opd.name == agency.name]
            # What is still in force or still to come: the archive is one link away.
            agency.announcements = [a for a in context.get(ctx.ANNOUNCEMENTS_CURRENT, [])
                                    if a.opd.name == agency.name]
            agency.events = [e for e in context.get(ctx.AGENDA_UPCOMING, [])
                             if e.opd.name == agency.name]

        self.write_list(writer, "agencies/index", settings["OPD_URL"], letters=letters(self.agencies))
        for agency in self.agencies:
            # `page` too: Pelican's plugins (the sitemap's lastmod, share cards) read that name.
            self.write(writer, agency.profile.save_as, "agencies/agency", agency.url,
                       agency=agency, page=agency.profile,
                       latest_news=agency.news[: settings["OPD_LATEST_NEWS"]])


def letters(agencies):
    """[(letter, [Agency])] in alphabetical order of full name: the index a citizen scans."""
    grouped = {}
    for agency in sorted(agencies, key=lambda a: a.full_name.casefold()):
        grouped.setdefault(agency.letter, []).append(agency)
    return sorted(grouped.items())


def get_generators(pelican):
    return AgencyGenerator


def register():
    signals.initialized.connect(read_directory)
    signals.article_generator_pretaxonomy.connect(attach_agencies)
    signals.get_generators.connect(get_generators)
