"""services: the city's public services (content/layanan/), a page each and one page for all.

warta.content.sections.services holds the fields and their checks; this plugin reads the folder with Pelican's
readers (the same checked and sanitized Markdown reader as news), writes the services page
grouped by topic and one page per service, and puts `services` and `services_by_slug` in the
context for the agencies' pages and the home page.
"""

import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Page

from warta.content.pdf import report_pdf_checks
from warta.content.sections import base as sections
from warta.content.sections import context as ctx
from warta.content.sections import services as catalogue
from warta.content.sections.base import SectionGenerator, record_size, save_as

log = logging.getLogger(__name__)


class Service(Page):
    """One public service; its body is what a citizen should know beyond the standard fields."""

    default_template = "services/service"

    def set_address(self, settings):
        # The file name is the address (warta.content.sections.services), whatever the title would slugify to.
        self.slug = Path(self.source_path).stem
        self.override_url = settings["SERVICES_PAGE_URL"].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)


class ServiceGenerator(SectionGenerator):
    """Reads content/layanan, refuses any service a citizen could not act on, writes its pages."""

    def generate_context(self):
        settings = self.settings
        content_root = Path(self.path).resolve()
        self.topics = catalogue.topics(settings)
        services = [service for service in self.read_folder(settings["SERVICES_PATH"], Service)
                    if catalogue.check_service(service, settings, content_root, self.topics)]
        services.sort(key=lambda s: (s.plain_title.casefold(), s.slug))
        for service in services:
            service.topic.services.append(service)
            # Pelican's StaticGenerator runs after us and copies every linked file.
            self.context["static_links"].update(a.path for a in service.attachments)
            self.add_source_path(service)
            self.add_static_links(service)
        report_pdf_checks(
            [(s.source_path, a) for s in services for a in s.attachments if a.check is not None],
            "lampiran PDF layanan", "Lampiran", settings["SERVICES_PDF_STRICT"],
        )
        self.services = services
        by_slug = {service.slug: service for service in services}
        for problem in catalogue.home_problems(settings, by_slug):
            log.error("%s", problem)
        self.context[ctx.SERVICES] = services
        self.context[ctx.SERVICES_BY_SLUG] = by_slug
        self.context[ctx.SERVICE_TOPICS] = [t for t in self.topics if t.services]
        record_size(self.context, "services", len(services))

    def generate_output(self, writer):
        settings = self.settings
        static = self.context["static_content"]
        for service in self.services:
            for attachment in service.attachments:
                found = static.get(attachment.path)
                attachment.url = found.url if found is not None else attachment.path

        def write(name, template, url, **variables):
            writer.write_file(name, self.get_template(template), self.context, url=url,
                              relative_urls=settings["RELATIVE_URLS"], **variables)

        # The list stays out of site search (see base.html); each service's page is in it, so a
        # query finds the service, not every list that names it.
        url = settings["SERVICES_URL"]
        write(save_as(url), "services/index", url, search_indexed=False)
        for service in self.services:
            # `page` too: Pelican's plugins (the sitemap's lastmod, share cards) read that name.
            write(service.save_as, service.template, service.url, service=service, page=service,
                  search_kind="Layanan")


def get_generators(pelican):
    # A section the city switched off (WARTA_SECTIONS) writes nothing at all.
    return [ServiceGenerator] if sections.enabled(pelican.settings, "services") else []


def register():
    # initialized: the settings exist but no generator has copied them yet, so every template
    # and generator sees the SERVICES_* defaults.
    # get_generators: ours joins Pelican's after articles and pages and before the static
    # files, which then copy the forms we add to static_links.
    signals.get_generators.connect(get_generators)
