"""The portal's identity, contacts and footer, read from its pelicanconf.py.

The portal's own reader (warta.settings.loader), not warta.commands.build: running the settings file needs
only the library, never Pelican or its plugins. The header and footer then show the same contacts and
"Hubungi PPID" in the same place as every portal page (WCAG 3.2.6 Consistent Help).
"""

import functools

from django.conf import settings
from django.urls import reverse

from warta.settings.loader import load

KEYS = (
    "SITENAME", "SITESUBTITLE", "WARTA_GOVERNMENT_NAME", "WARTA_AGENCY_NAME", "WARTA_LOGO",
    "WARTA_LOGO_ALT", "WARTA_DEMO_NOTICE", "WARTA_ADDRESS", "WARTA_CONTACTS",
    "WARTA_EMERGENCY_CONTACTS", "WARTA_COMPLAINT_CONTACTS", "WARTA_OFFICE_HOURS", "WARTA_SOCIAL",
    "WARTA_MENU", "WARTA_CONTACT_URL", "WARTA_PPID_CONTACT_URL", "WARTA_ACCESSIBILITY_URL",
    "TAMPILAN_URL", "PPID_URL",
)


@functools.lru_cache(maxsize=4)
def read_portal(path):
    values = load(path)
    return {key: values.get(key) for key in KEYS}


def portal():
    return read_portal(str(settings.EPPID_PORTAL_SETTINGS))


def portal_context(request):
    """Every template's ``portal`` (the portal's settings) and ``portal_url`` (its address)."""
    base = settings.EPPID_PORTAL_URL.rstrip("/")
    values = portal()
    prefix = "/" + settings.EPPID_URL_PREFIX
    # The menu as the portal has it, with the PPID item current on every e-PPID page.
    menu = [(label, f"{base}/{link}", link == values["PPID_URL"])
            for label, link in values["WARTA_MENU"] or []]
    return {
        "portal": values,
        "portal_url": base,
        "portal_menu": menu,
        "eppid_prefix": prefix,
        "is_officer_page": request.path.startswith(reverse("eppid:officer-list")),
        "agency_names": dict(settings.EPPID_AGENCIES),
        "retention_years": settings.EPPID_RETENTION_YEARS,
        # The logo is served from content/images/ as a static file (STATICFILES_DIRS).
        "portal_logo": (values["WARTA_LOGO"] or "").removeprefix("images/"),
    }
