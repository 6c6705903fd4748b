"""sections: what the generators of Warta's own sections (PPID, video, magazines) share.

Each section lives in its own folder under content/, outside ARTICLE_PATHS and PAGE_PATHS, so
Pelican's own generators never see it. Its generator reads the folder with Pelican's readers
(the same checked Markdown reader as news, so `Title` and date checks apply), validates what is
special to it, and writes its pages with the theme's templates.
"""

import logging
import re
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican.generators import Generator

from warta import context_names as ctx
from warta.errors import ContentError, display_path

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
SECTION_NAMES = {"services": "Layanan", "announcements": "Pengumuman", "agenda": "Agenda",
                 "video": "Video", "magazines": "Majalah"}


def enabled(settings, name):
    """True when the city publishes section ``name`` (a key of SECTION_URL_SETTINGS)."""
    return name in (settings.get("WARTA_SECTIONS") or ())


def record_size(context, name, size):
    """A section generator says how many items it will write, so the menu and the home page can
    leave out a section that has none yet."""
    context.setdefault(ctx.SECTION_SIZES, {})[name] = size


def section_of(settings, link):
    """The section whose pages ``link`` (a WARTA_MENU address) leads to, or None."""
    link = link.lstrip("/")
    for name, key in SECTION_URL_SETTINGS.items():
        url = settings.get(key)
        if url and (link == url or link.startswith(url)):
            return name
    return None


def menu_problems(settings):
    """A ContentError for each WARTA_MENU entry that leads to a switched-off section: a menu
    link to a page the build never writes is a broken link on every page."""
    # An unknown name in WARTA_SECTIONS is pengaturan-nilai, found with the settings' registry
    # before any plugin runs.
    problems = []
    for label, link, *_ in settings.get("WARTA_MENU") or ():
        name = section_of(settings, link)
        if name is not None and not enabled(settings, name):
            problems.append(ContentError(
                _settings_file(settings),
                f"Menu {label!r} menuju seksi {SECTION_NAMES[name]} ({link!r}), tetapi seksi "
                f"itu tidak dinyalakan di WARTA_SECTIONS",
                f"hapus baris menu ini, atau tambahkan {name!r} ke WARTA_SECTIONS",
                line=_line_of(settings, f'"{link}"', label) or _line_of(settings, f'"{link}"') or 1,
                rule="menu-seksi"))
    return problems


# Settings whose entries end in a link printed on every page (the footer, the menu, JSON-LD).
LINK_SETTINGS = ("WARTA_CONTACTS", "WARTA_EMERGENCY_CONTACTS", "WARTA_COMPLAINT_CONTACTS",
                 "WARTA_SOCIAL", "WARTA_MENU")
LINK_SCHEMES = ("http", "https", "mailto", "tel")


def link_problems(settings):
    """A ContentError for each settings link that is not http(s), mailto:, tel: or an address
    on the portal itself: a javascript: or data: link in the footer would run on every page."""
    problems = []
    for name in LINK_SETTINGS:
        for entry in settings.get(name) or ():
            link = entry[-1] if isinstance(entry, (list, tuple)) and entry else ""
            if not isinstance(link, str) or _safe_link(link):
                continue
            problems.append(ContentError(
                _settings_file(settings),
                f"Tautan {str(link)[:60]!r} di {name} tidak diizinkan",
                "tulis alamat https://, mailto:, tel:, atau alamat di portal ini",
                line=_line_of(settings, link[:40]) or _line_of(settings, repr(link)[1:41])
                or _line_of(settings, name) or 1,
                rule="pengaturan-tautan"))
    return problems


def _safe_link(link):
    if re.search(r"[\x00-\x20\x7f\\]", link) or link.startswith("//"):
        return False
    scheme = urlsplit(link).scheme.lower()
    # No scheme: an address on the portal itself, relative to SITEURL as the menu's are.
    return scheme in LINK_SCHEMES if scheme else True


def visible_menu(settings, sizes):
    """WARTA_MENU less the entries for sections with nothing in them yet: [(label, link)]."""
    shown = []
    for label, link, *_ in settings.get("WARTA_MENU") or ():
        name = section_of(settings, link)
        if name is not None and not sizes.get(name):
            continue
        shown.append((label, link))
    return shown


def _settings_file(settings):
    return display_path(settings.get("WARTA_SETTINGS_FILE") or "pelicanconf.py")


def _line_of(settings, *words):
    """The first line of the settings file holding every one of ``words``, or None."""
    path = settings.get("WARTA_SETTINGS_FILE")
    try:
        lines = open(path, encoding="utf-8").read().splitlines() if path else []
    except OSError:
        lines = []
    for number, line in enumerate(lines, 1):
        if all(word in line for word in words):
            return number
    return None


def settings_file(settings):
    """The settings file as findings name it (pelicanconf.py unless the build read another)."""
    return _settings_file(settings)


def settings_line(settings, *words):
    """The first line of the settings file holding every one of ``words``, or None: where a
    finding about a setting points, for sections that check settings of their own."""
    return _line_of(settings, *words)
