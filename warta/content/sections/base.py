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
