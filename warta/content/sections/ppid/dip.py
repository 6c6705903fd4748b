"""The PPID section as its templates see it: categories, DIP filters, and the section itself.

plugins/ppid fills these from the documents it read and checked (warta.content.sections.ppid.check).
"""

import re
from dataclasses import dataclass, field

from warta.content.dates import build_date
from warta.content.sections.base import plain
from warta.content.sections.ppid.open_data import FIELDS
from warta.content.sections.ppid.schema import EXEMPT


def natural(number):
    """Sort key for DIP numbers, so B-9 comes before B-10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.split(r"(\d+)", number) if part]


def today(settings):
    return build_date(settings)


@dataclass
class PPIDCategory:
    """One of the four categories, with the documents in it."""

    name: str
    slug: str
    title: str
    summary: str
    description: list
    url: str
    save_as: str
    documents: list = field(default_factory=list)

    @property
    def exempt(self):
        return self.name == EXEMPT


@dataclass
class DipFilter:
    """One filter page of the DIP: a year or an agency."""

    kind: str  # "tahun" or "opd"
    value: object
    label: str
    url: str
    save_as: str
    documents: list = field(default_factory=list)

    @property
    def title(self):
        """How the page names its filter: "Tahun 2025", "Dinas Kesehatan"."""
        return f"Tahun {self.label}" if self.kind == "tahun" else self.label


@dataclass
class PPIDSection:
    """Everything the PPID templates need, in the context as `ppid`."""

    url: str
    dip_url: str
    json_url: str
    csv_url: str
    contact_url: str
    categories: list
    documents: list
    pages: list
    years: list
    opds: list
    fields: list = field(default_factory=lambda: list(FIELDS))
    # The e-PPID's service statistics (warta.content.sections.ppid.statistics), or None.
    statistics: object = None

    @property
    def menu(self):
        """(label, url) of every PPID page that is not a document, in menu order."""
        links = [("Beranda PPID", self.url), ("Daftar Informasi Publik", self.dip_url)]
        links += [(category.title, category.url) for category in self.categories]
        links += [(plain(page.title), page.url) for page in self.pages]
        return links

    def groups(self, documents):
        """[(category, documents)] for the categories that have any of ``documents``."""
        chosen = set(map(id, documents))
        groups = [(c, [d for d in c.documents if id(d) in chosen]) for c in self.categories]
        return [(category, members) for category, members in groups if members]

