"""The menu: WARTA_MENU less the sections a city switched off or that have nothing yet.

The menu is written once, in WARTA_MENU. An entry for a section the city switched off is a
settings error naming its line (it would be a broken link on every page); an entry for a section
that is on but has nothing in it yet is left out, and comes back with the first file. Each
section's generator reports its size (base.record_size) while reading content, so the menu is
known before any page is written.
"""

import re
from urllib.parse import urlsplit

from warta.content.errors import ContentError
from warta.content.sections.base import SECTION_URL_SETTINGS, enabled
from warta.settings.loader import settings_file, settings_line

SECTION_NAMES = {"services": "Layanan", "announcements": "Pengumuman", "agenda": "Agenda",
                 "video": "Video", "magazines": "Majalah"}


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
                settings_file(settings),
                f"Menu {label!r} menuju seksi {SECTION_NAMES[name]} ({link!r}), tetapi seksi "
                f"itu tidak dinyalakan di WARTA_SECTIONS",
                f"hapus baris menu ini, atau tambahkan {name!r} ke WARTA_SECTIONS",
                line=settings_line(settings, f'"{link}"', label) or settings_line(settings, f'"{link}"') or 1,
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
                settings_file(settings),
                f"Tautan {str(link)[:60]!r} di {name} tidak diizinkan",
                "tulis alamat https://, mailto:, tel:, atau alamat di portal ini",
                line=settings_line(settings, link[:40]) or settings_line(settings, repr(link)[1:41])
                or settings_line(settings, name) or 1,
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
