"""What the generators of Warta's own sections (PPID, services, announcements, agenda, video,
magazines) share: reading a folder, address clashes, attachments, and which sections are on.

Each section lives in its own folder under content/, outside ARTICLE_PATHS and PAGE_PATHS, so
Pelican's own generators never see it. Its generator reads the folder with Pelican's readers
(the same checked Markdown reader as news, so `Title` and date checks apply), validates what is
special to it, and writes its pages with the theme's templates.
"""

import logging

from markupsafe import Markup
from pelican.generators import Generator

from warta.content.errors import ContentError, display_path
from warta.content.sections import context as ctx

log = logging.getLogger(__name__)


def save_as(url):
    """Folder addresses (`ppid/dip/`) are written as `ppid/dip/index.html`."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def plain(html):
    """Typogrified HTML (a title) as plain text for data: no tags, entities or no-break spaces."""
    return " ".join(Markup(html).striptags().split())


class SectionGenerator(Generator):
    """A generator for one folder of content files with addresses of their own."""

    def read_folder(self, folder, content_class):
        """Every published file under ``folder`` (relative to content/), read as ``content_class``.

        A file that cannot be read is logged (the build collects the errors) and left out, so
        one build reports every broken file. ``content_class.set_address(settings)`` gives each
        file its address.
        """
        contents = []
        for path in sorted(self.get_files(str(folder))):
            try:
                content = self.readers.read_file(
                    base_path=self.path, path=path, content_class=content_class,
                    context=self.context,
                )
            except ContentError as exc:
                log.error("%s", exc)
                self._add_failed_source_path(path)
                continue
            except Exception:  # noqa: BLE001 - reported like Pelican reports its own failures
                log.error("Could not process %s", path, exc_info=True)
                self._add_failed_source_path(path)
                continue
            content.set_address(self.settings)
            if not content.is_valid() or content.status != "published":
                continue
            contents.append(content)
        return contents

    def publish(self, items, files_of):
        """Each of ``items`` joins Pelican's bookkeeping: its source path (the preview, the
        cache) and the files it links, by path under content/ (``files_of(item)``), which
        Pelican's StaticGenerator, running after ours, then copies."""
        for item in items:
            self.context["static_links"].update(files_of(item))
            self.add_source_path(item)
            self.add_static_links(item)

    def set_urls(self, downloads):
        """Each download's address: where the StaticGenerator copied its file (it may rename it),
        or its path under content/."""
        static = self.context["static_content"]
        for download in downloads:
            copied = static.get(download.path)
            download.url = copied.url if copied is not None else download.path

    def write(self, writer, name, template, url, **variables):
        """One page from ``template``; a `paginated` mapping splits it like the news archive."""
        if variables.get("paginated"):
            variables.setdefault("template_name", template)
        writer.write_file(name, self.get_template(template), self.context, url=url,
                          relative_urls=self.settings["RELATIVE_URLS"], **variables)

    def write_list(self, writer, template, url, **variables):
        """A section's list page. Lists stay out of site search (see base.html): a query finds
        the item's own page, not every list that names it."""
        self.write(writer, save_as(url), template, url, search_indexed=False, **variables)

    def write_page(self, writer, item, name, **variables):
        """One item's own page, the item as ``name`` and as `page` too: Pelican's plugins (the
        sitemap's lastmod, share cards) read that name."""
        self.write(writer, item.save_as, item.template, item.url, page=item,
                   **{name: item}, **variables)

    def drop_address_clashes(self, contents, taken, slug_line):
        """``contents`` less those whose address is already ``taken`` ({save_as: by what}) or
        used by an earlier file; each clash is an error. ``slug_line(content)`` is the line of
        its `Slug:` (or 1), where the fix goes."""
        kept = []
        for content in contents:
            if content.save_as in taken:
                log.error("%s", ContentError(
                    content.source_path,
                    f"Alamat {content.url!r} sudah dipakai oleh {taken[content.save_as]}",
                    "tulis baris `Slug: …` dengan alamat lain untuk berkas ini",
                    line=slug_line(content),
                    rule="url-ganda",
                ))
                continue
            taken[content.save_as] = display_path(content.source_path)
            kept.append(content)
        return kept


# --- Which sections are on, and the menu that follows from them ---------------------------------

# Each section a city can switch on or off (WARTA_SECTIONS), and the setting with its address.
SECTION_URL_SETTINGS = {
    "services": "SERVICES_URL",
    "announcements": "ANNOUNCEMENTS_URL",
    "agenda": "AGENDA_URL",
    "video": "VIDEO_URL",
    "magazines": "MAGAZINE_URL",
}

def enabled(settings, name):
    """True when the city publishes section ``name`` (a key of SECTION_URL_SETTINGS)."""
    return name in (settings.get("WARTA_SECTIONS") or ())


def record_size(context, name, size):
    """A section generator says how many items it will write, so the menu and the home page can
    leave out a section that has none yet."""
    context.setdefault(ctx.SECTION_SIZES, {})[name] = size


def paginate(template):
    """An `initialized` handler that paginates ``template`` like the news archive: years of a
    section's items are too long to read on one page. Keep it in a module-level name: Pelican's
    signals hold handlers weakly."""
    def set_defaults(pelican):
        pelican.settings.setdefault("PAGINATED_TEMPLATES", {}).setdefault(template, None)
    return set_defaults


def generators_when_enabled(section, generator):
    """A `get_generators` handler giving ``generator`` when the city publishes ``section``
    (WARTA_SECTIONS): a section switched off writes nothing at all. Keep it in a module-level
    name: Pelican's signals hold handlers weakly."""
    def get_generators(pelican):
        return [generator] if enabled(pelican.settings, section) else []
    return get_generators
