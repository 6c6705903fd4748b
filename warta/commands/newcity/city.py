"""What `warta kota-baru` is told about a new portal, checked before anything is written.

A government is a kota, kabupaten or provinsi; each has its own head (Wali Kota, Bupati,
Gubernur), its own short name (Pemkot, Pemkab, Pemprov) and sits in one of Indonesia's three
time zones. Its agencies (OPD) come from the command line or from a CSV file. Every mistake is a
NewCityError with a plain Indonesian message that says what to write instead.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import slugify

from warta.content.sections import agencies as agency_files
from warta.content.sections.agencies import tel_link


class NewCityError(Exception):
    """The portal cannot be made from what was given; the message says what to change."""


@dataclass(frozen=True)
class Kind:
    prefix: str  # how the name starts: "Kabupaten Banjar"
    head: str  # the head of the region: "Bupati"
    short: str  # the government's short name: "Pemkab"


KINDS = {
    "kota": Kind("Kota", "Wali Kota", "Pemkot"),
    "kabupaten": Kind("Kabupaten", "Bupati", "Pemkab"),
    "provinsi": Kind("Provinsi", "Gubernur", "Pemprov"),
}
# Indonesia's three time zones by the names citizens use, and their IANA zones.
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
# The communications agency runs the portal and, in most governments, the PPID Utama.
COMMUNICATIONS = re.compile(r"kominfo|komunikasi dan informatika", re.IGNORECASE)
CSV_REQUIRED = ("singkatan", "nama")
CSV_OPTIONAL = ("kelompok", "alamat", "telepon", "surel")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Text that would change what the templates write: HTML, the scaffold's [[…]] and the review
# marker's ((…)). Other Markdown in a value is escaped where it is written (portal._markdown).
UNSAFE = re.compile(r"[<>]|\[\[|\]\]|\(\(|\)\)")
# Characters that change a file's lines or how text reads without being seen, refused in every
# value before anything else: C0 and C1 controls (line breaks and tabs among them) and DEL, the
# Unicode line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates that show text in another order than it is stored. A lone surrogate is a command
# line that was not UTF-8: it cannot be written to a file at all.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
NAME_MAX = 80


def _control_word(char):
    """What ``char`` (a CONTROL) is, in words an administrator knows."""
    if char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        return "ganti baris"
    if char == "\t":
        return "tab"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "tanda arah teks"
    if "\ud800" <= char <= "\udfff":
        return "bita yang bukan UTF-8"
    return "karakter kendali"


def refuse_controls(value, label):
    """A NewCityError naming ``label`` when ``value`` holds a CONTROL character. The value is
    shown with repr(), which writes every such character as an escape, never raw."""
    found = CONTROL.search(str(value or ""))
    if found:
        char = found.group()
        raise NewCityError(
            f"{label} {str(value)!r} memuat {_control_word(char)} (U+{ord(char):04X}): tulis "
            "teks biasa dalam satu baris, tanpa ganti baris, tab, karakter kendali, atau tanda "
            "arah teks.")


def clean_text(value, label, required=False):
    """``value`` with its spaces tidied; a NewCityError when it cannot be written as it is."""
    refuse_controls(value, label)
    text = " ".join(str(value or "").split())
    if required and not text:
        raise NewCityError(f"{label} kosong: tulis isinya.")
    if UNSAFE.search(text):
        raise NewCityError(f"{label} {text!r} memuat tanda yang tidak dapat dipakai (<, >, [[, ]], "
                           "(( atau ))): tulis teks biasa saja.")
    if len(text) > NAME_MAX * 3:
        raise NewCityError(f"{label} terlalu panjang ({len(text)} huruf): singkatkan.")
    return text


@dataclass
class AgencyInput:
    """One agency as given: its file is content/opd/<slug>.md."""

    short: str
    name: str
    group: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    slug: str = ""

    @property
    def phone_link(self):
        return tel_link(self.phone)


def make_agency(short, name, where, group="", address="", phone="", email=""):
    """An AgencyInput from raw values; ``where`` names the flag or CSV line for messages."""
    short = clean_text(short, f"Singkatan perangkat daerah ({where})", required=True)
    name = clean_text(name, f"Nama lengkap perangkat daerah {short} ({where})", required=True)
    slug = slugify(short, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])
    if not agency_files.SLUG.match(slug):
        raise NewCityError(
            f"Singkatan {short!r} ({where}) tidak dapat menjadi nama berkas: nama berkas "
            "perangkat daerah dibuat dari singkatannya (huruf dan angka), misalnya `Dinkes` "
            "menjadi content/opd/dinkes.md.")
    email = clean_text(email, f"Surel {short}")
    if email and not EMAIL.match(email):
        raise NewCityError(f"Surel {email!r} untuk {short} ({where}) tidak sah: tulis misalnya "
                           "dinkes@namadaerah.go.id.")
    return AgencyInput(short, name, clean_text(group, f"Kelompok {short}"),
                       clean_text(address, f"Alamat {short}"), clean_text(phone, f"Telepon {short}"),
                       email, slug)


def agencies_from_flags(values):
    """[AgencyInput] from repeated `--opd "Singkatan=Nama lengkap"`."""
    found = []
    for number, value in enumerate(values, start=1):
        refuse_controls(value, f"--opd ke-{number}")
        short, sep, name = str(value).partition("=")
        if not sep:
            raise NewCityError(
                f"--opd {value!r}: tulis singkatan dan nama lengkapnya dengan tanda =, misalnya "
                '--opd "Dinkes=Dinas Kesehatan".')
        found.append(make_agency(short, name, f"--opd ke-{number}"))
    return found


def agencies_from_csv(path):
    """[AgencyInput] from a CSV file with columns singkatan,nama[,kelompok,alamat,telepon,surel]."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise NewCityError(f"Berkas OPD {path} tidak ada: periksa nama dan foldernya.") from None
    except IsADirectoryError:
        raise NewCityError(f"{path} adalah folder: tulis nama berkas CSV-nya.") from None
    except OSError as exc:
        raise NewCityError(f"Berkas OPD {path} tidak dapat dibaca ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise NewCityError(f"Berkas OPD {path} bukan teks UTF-8: simpan ulang sebagai CSV UTF-8.") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","  # spreadsheets in id-ID use ;
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [row for row in reader]
    for number, row in enumerate(rows, start=1):
        for cell in row:
            refuse_controls(cell, f"Berkas OPD {path.name} baris {number}, sel")
    if not rows:
        raise NewCityError(f"Berkas OPD {path} kosong: baris pertama memuat nama kolom "
                           f"{','.join(CSV_REQUIRED)}, lalu satu baris per perangkat daerah.")
    header = [column.strip().lower() for column in rows[0]]
    missing = [column for column in CSV_REQUIRED if column not in header]
    if missing:
        raise NewCityError(
            f"Berkas OPD {path} tidak punya kolom {', '.join(missing)}: baris pertamanya harus "
            f"memuat nama kolom {','.join(CSV_REQUIRED)} (boleh ditambah "
            f"{','.join(CSV_OPTIONAL)}); yang tertulis: {','.join(header) or '(kosong)'}.")
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {column: (row[index] if index < len(row) else "") for index, column in enumerate(header)}
        found.append(make_agency(
            values["singkatan"], values["nama"], f"{path.name} baris {number}",
            **{key: values.get(column, "") for key, column in
               (("group", "kelompok"), ("address", "alamat"), ("phone", "telepon"), ("email", "surel"))}))
    return found


def check_agencies(found):
    """``found``, refused when empty or when two agencies share a short name or file name."""
    if not found:
        raise NewCityError(
            "Belum ada perangkat daerah: tambahkan paling sedikit satu dengan "
            '--opd "Diskominfo=Dinas Komunikasi dan Informatika" (boleh berulang) atau '
            "--berkas-opd opd.csv.")
    shorts, slugs = {}, {}
    for agency in found:
        key = agency.short.casefold()
        if key in shorts:
            raise NewCityError(f"Singkatan {agency.short!r} ditulis dua kali: setiap perangkat "
                               "daerah memerlukan singkatan yang berbeda.")
        if agency.slug in slugs:
            raise NewCityError(
                f"Singkatan {agency.short!r} dan {slugs[agency.slug]!r} menjadi nama berkas yang "
                f"sama (content/opd/{agency.slug}.md): bedakan singkatannya.")
        shorts[key], slugs[agency.slug] = agency, agency.short
    return found


@dataclass
class City:
    """A new portal's government, contacts and agencies, checked."""

    name: str  # "Kabupaten Banjar"
    kind: str  # "kota", "kabupaten" or "provinsi"
    zone: str  # "WIB", "WITA" or "WIT"
    agencies: list = field(default_factory=list)
    domain: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    ppid: AgencyInput = None

    @property
    def place(self):
        """The name without its kind: "Banjar" for "Kabupaten Banjar"."""
        return self.name.removeprefix(f"{KINDS[self.kind].prefix} ")

    @property
    def government(self):
        return f"Pemerintah {self.name}"

    @property
    def head(self):
        return f"{KINDS[self.kind].head} {self.place}"

    @property
    def short(self):
        return f"{KINDS[self.kind].short} {self.place}"

    @property
    def secretary(self):
        return f"Sekretaris Daerah {self.name}"

    @property
    def timezone(self):
        return ZONES[self.zone]

    @property
    def phone_link(self):
        return tel_link(self.phone)

    def full_name(self, agency):
        """An agency's name as citizens read it outside the portal: with the region's name."""
        return agency.name if self.place in agency.name else f"{agency.name} {self.name}"


def kind_of(name, kind):
    """The kind (kota, kabupaten, provinsi) given or read from the name's first word."""
    first = name.split()[0].lower() if name else ""
    from_name = first if first in KINDS else None
    if kind is None:
        if from_name is None:
            raise NewCityError(
                f"Jenis pemerintahan {name!r} tidak dapat ditebak dari namanya: tulis --jenis "
                "kota, --jenis kabupaten atau --jenis provinsi.")
        return from_name
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise NewCityError(f"Jenis {kind!r} tidak dikenal: pilih kota, kabupaten atau provinsi.")
    if from_name is not None and from_name != kind:
        raise NewCityError(f"Nama {name!r} berawal {KINDS[from_name].prefix}, tetapi --jenis "
                           f"{kind}: samakan keduanya.")
    return kind


def make_city(name, kind, zone, agencies, domain="", email="", phone="", address="",
              ppid_short=None):
    """A checked City; a NewCityError names the first thing to change."""
    for flag, value in (("--nama", name), ("--jenis", kind), ("--zona", zone), ("--domain", domain),
                        ("--surel", email), ("--telepon", phone), ("--alamat", address),
                        ("--opd-ppid", ppid_short)):
        refuse_controls(value, flag)
    name = clean_text(name, "Nama pemerintah daerah", required=True)
    name = re.sub(r"^pemerintah\s+", "", name, flags=re.IGNORECASE)
    if not name:
        raise NewCityError("Nama pemerintah daerah kosong: tulis misalnya --nama \"Kabupaten Banjar\".")
    if len(name) > NAME_MAX:
        raise NewCityError(f"Nama {name!r} terlalu panjang (paling banyak {NAME_MAX} huruf).")
    kind = kind_of(name, kind)
    prefix = KINDS[kind].prefix
    if not name.lower().startswith(prefix.lower() + " ") and not (
            kind == "provinsi" and name.lower().startswith("daerah ")):
        name = f"{prefix} {name}"
    zone_word = str(zone or "").strip().upper()
    if zone_word not in ZONES:
        raise NewCityError(f"Zona waktu {zone!r} tidak dikenal: pilih WIB, WITA atau WIT.")
    domain = clean_text(domain, "Domain").lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if domain and not DOMAIN.match(domain):
        raise NewCityError(f"Domain {domain!r} tidak sah: tulis nama domainnya saja, misalnya "
                           "portal.namadaerah.go.id.")
    email = clean_text(email, "Surel")
    if email and not EMAIL.match(email):
        raise NewCityError(f"Surel {email!r} tidak sah: tulis misalnya diskominfo@namadaerah.go.id.")
    phone = clean_text(phone, "Telepon")
    if phone and not tel_link(phone):
        raise NewCityError(f"Telepon {phone!r} tidak memuat angka: tulis misalnya (0511) 123-4567.")
    city = City(name, kind, zone_word, check_agencies(agencies), domain, email, phone,
                clean_text(address, "Alamat"))
    city.ppid = ppid_agency(city.agencies, ppid_short)
    return city


def ppid_agency(found, short=None):
    """The agency that is the PPID Utama: the one named, else the communications agency (its
    short name or full name says Kominfo), else the first. UU 14/2008 Pasal 13 leaves the choice
    to the head of the region; most appoint the head of the communications agency."""
    if short:
        for agency in found:
            if agency.short.casefold() == short.strip().casefold():
                return agency
        raise NewCityError(f"--opd-ppid {short!r} bukan singkatan salah satu perangkat daerah: "
                           f"pilih dari {', '.join(a.short for a in found)}.")
    return next((a for a in found if COMMUNICATIONS.search(f"{a.short} {a.name}")), found[0])
