"""agencies: the city's agencies (OPD), one Markdown file each in content/opd/.

A real city has forty or more agencies, each with its own profile, address and office hours;
that is content that grows with the city, so it lives in content/ and not in the settings.

- The file name is the agency's address: content/opd/dinas-kesehatan.md is /opd/dinas-kesehatan/.
- `Title:` is its full name, the one citizens read everywhere on the portal.
- `Singkatan:` is the short name editors write as `Category:` in news and videos and as `OPD:`
  in PPID documents. The list of valid names is read from these files before any news is read,
  so a misspelt `Category:` is an error at its own line.
- `Tugas:` says in one sentence what the agency does; the body is its profile.

Only the header is read here (the library needs the names before Pelican starts); the agencies
plugin reads the whole file with Pelican's reader to write the agency's page, so its body goes
through the same sanitizer as every other piece of content.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from warta.content.errors import ContentError
from warta.content.lint.source import Source, decode

MARKDOWN = ("md", "markdown", "mkd", "mdown")

# {metadata key: as editors write it}
FIELDS = {
    "title": "Title", "singkatan": "Singkatan", "kelompok": "Kelompok", "tugas": "Tugas",
    "alamat": "Alamat", "telepon": "Telepon", "surel": "Surel", "situs": "Situs",
    "jam_layanan": "Jam_layanan", "kepala": "Kepala",
}
# (key, what it is, an example): a page without them tells a citizen nothing useful.
REQUIRED = [
    ("title", "Nama lengkap perangkat daerah", "Dinas Kesehatan"),
    ("singkatan", "Singkatan yang ditulis editor sebagai `Category:`", "Dinkes"),
    ("tugas", "Tugas perangkat daerah dalam satu kalimat",
     "Puskesmas, posyandu, dan imunisasi."),
]
# The file name is an address: lower case, digits and hyphens, as every other slug.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WEBSITE = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
# The group an agency is listed under when its file says none: the first word of its name
# when that is one of these, else "Lainnya".
GROUPS = ("Sekretariat", "Inspektorat", "Dinas", "Badan", "Kantor", "Satuan", "Rumah", "Kecamatan",
          "Kelurahan")
OTHER_GROUP = "Lainnya"
FIX_SINGKATAN = "setiap perangkat daerah memerlukan satu singkatan yang berbeda dari yang lain"


@dataclass
class Agency:
    """One agency, as the templates and the checks of other sections use it."""

    slug: str
    name: str  # Singkatan: what `Category:` and `OPD:` name
    full_name: str
    description: str
    group: str
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    hours: str = ""
    head: str = ""
    url: str = ""
    source_path: str = ""
    lines: dict = field(default_factory=dict, repr=False)

    @property
    def phone_link(self):
        """A tel: address for the phone number as written: "(021) 000-0101" → tel:+62210000101."""
        return tel_link(self.phone)

    @property
    def letter(self):
        """The letter of the alphabetical index the agency is listed under."""
        first = next((c for c in self.full_name if c.isalnum()), "#")
        return first.upper() if first.isalpha() else "#"


def tel_link(number):
    """A tel: address for an Indonesian number as people write it, or "" if it has no digits.
    Short numbers (112, 110) stay as they are; a leading 0 becomes the country code +62."""
    digits = re.sub(r"\D", "", number or "")
    if not digits:
        return ""
    if len(digits) <= 5:
        return f"tel:{digits}"
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return f"tel:+{digits}"


def folder(settings):
    """content/opd (OPD_PATH under PATH)."""
    return Path(settings["PATH"]) / settings["OPD_PATH"]


def read_agencies(settings):
    """([Agency] in file order, [ContentError]) for every file in content/opd/.

    A broken file is left out with its problems, and the others are still read, so one build
    names every mistake.
    """
    agencies, problems, by_name = [], [], {}
    root = folder(settings)
    paths = sorted(p for p in root.glob("*") if p.suffix.lower().lstrip(".") in MARKDOWN
                   ) if root.is_dir() else []
    for path in paths:
        agency, found = read_agency(path, settings["OPD_PAGE_URL"])
        if agency is not None and agency.name in by_name:
            other = by_name[agency.name]
            found.append(ContentError(
                path, f"Singkatan {agency.name!r} sudah dipakai oleh {Path(other.source_path).name}",
                f"{FIX_SINGKATAN}; ganti salah satunya", line=agency.lines.get("singkatan"),
                rule="opd-kolom"))
            agency = None
        problems += found
        if agency is not None and not found:
            by_name[agency.name] = agency
            agencies.append(agency)
    return agencies, problems


def read_agency(path, url="opd/{slug}/"):
    """(Agency or None, [ContentError]) for one file of content/opd/; ``url`` is the pattern of
    its page's address."""
    problems = []

    def fail(line, message, fix, rule="opd-kolom"):
        problems.append(ContentError(path, message, fix, line=line, rule=rule))

    text, unreadable = decode(path, path.read_bytes())
    if unreadable is not None:
        fail(unreadable.line, unreadable.message, unreadable.fix, rule=unreadable.rule)
        return None, problems
    source = Source(text)
    values, lines = {}, {}
    for key, written in FIELDS.items():
        found = source.fields.get(key, [])
        lines[key] = found[0][0] if found else 1
        if len(source.starts.get(key, [])) > 1:
            fail(lines[key], f"Baris {written} ditulis lebih dari sekali",
                 "tulis satu baris saja untuk kolom ini")
        values[key] = " ".join(value for _, value in found).strip()
    slug = path.stem
    if not SLUG.match(slug):
        fail(1, f"Nama berkas {path.name!r} tidak dapat menjadi alamat halaman",
             "beri nama berkas dengan huruf kecil, angka, dan tanda hubung saja, misalnya "
             "`dinas-kesehatan.md`; nama berkas menjadi alamat /opd/dinas-kesehatan/",
             rule="opd-nama-berkas")
    for key, label, example in REQUIRED:
        if not values[key]:
            state = "kosong" if key in source.fields else "tidak ada"
            fail(lines[key], f"{label} ({FIELDS[key]}) {state}",
                 f"tambahkan baris `{FIELDS[key]}: …` di bagian atas berkas, misalnya "
                 f"`{FIELDS[key]}: {example}`")
    # The address becomes a link on the agency's page: a javascript: or data: address would
    # run in the portal's own origin when a citizen follows it.
    if values["situs"] and not WEBSITE.match(values["situs"]):
        fail(lines["situs"], f"Alamat situs {values['situs']!r} tidak dapat ditautkan",
             "tulis alamat lengkap yang diawali https://, misalnya "
             "`Situs: https://dinkes.namadaerah.go.id/`")
    if problems:
        return None, problems
    first_word = values["title"].split()[0]
    agency = Agency(
        slug=slug, name=values["singkatan"], full_name=values["title"],
        description=values["tugas"],
        group=values["kelompok"] or (first_word if first_word in GROUPS else OTHER_GROUP),
        address=values["alamat"], phone=values["telepon"], email=values["surel"],
        website=values["situs"], hours=values["jam_layanan"], head=values["kepala"],
        url=url.format(slug=slug), source_path=str(path), lines=lines,
    )
    return agency, problems


def directory(settings):
    """(folder, [Agency], [ContentError]) for these settings, read once and kept in them as
    ``WARTA_AGENCIES``: the news, PPID and video checks and the templates all ask for it."""
    where = str(folder(settings))
    kept = settings.get("WARTA_AGENCIES")
    if not kept or kept[0] != where:
        kept = (where, *read_agencies(settings))
        settings["WARTA_AGENCIES"] = kept
    return kept


def agencies(settings):
    """The portal's agencies ([Agency]) in file-name order."""
    return directory(settings)[1]


def by_name(settings):
    """{Singkatan: Agency}."""
    return {agency.name: agency for agency in agencies(settings)}


def unknown_fix(settings):
    """The advice for a `Category:` or `OPD:` that names no agency file."""
    names = [agency.name for agency in agencies(settings)]
    if not names:
        return ("buat berkas perangkat daerahnya di content/opd/, misalnya "
                "content/opd/dinas-kesehatan.md dengan baris `Singkatan: Dinkes`")
    return (f"pilih salah satu dari: {', '.join(names)}; setiap perangkat daerah punya berkas "
            "di content/opd/ dan singkatannya ditulis di baris `Singkatan:`")
