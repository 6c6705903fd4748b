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
from warta.content.sections import context as ctx
from warta.content.sections import services as catalogue
from warta.content.sections.base import (
    SectionGenerator,
    generators_when_enabled,
    record_size,
    save_as,
)

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
        self.publish(services, lambda s: (a.path for a in s.attachments))
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
        self.set_urls(a for s in self.services for a in s.attachments)
        self.write_list(writer, "services/index", self.settings["SERVICES_URL"])
        for service in self.services:
            self.write_page(writer, service, "service", search_kind="Layanan")


get_generators = generators_when_enabled("services", ServiceGenerator)


def register():
    # get_generators: ours joins Pelican's after articles and pages and before the static
    # files, which then copy the forms we add to static_links.
    signals.get_generators.connect(get_generators)
