"""services: the city's public services (layanan), one Markdown file each in content/layanan/.

Each file is one service's standar pelayanan as it concerns the citizen (PermenPANRB 15/2014):
the responsible agency, the requirements, the procedure, how long it takes, what it costs, what
the citizen receives, where and when it is served, and where to complain. A citizen who reads
the page should be able to walk in (or apply online) with every document, on the right day.

- The file name is the address: content/layanan/ktp-el.md is /layanan/ktp-el/, and `ktp-el` is
  the name WARTA_HOME_SERVICES uses.
- One line per value: `Persyaratan:` and `Prosedur:` are written once per item, in order (the
  procedure is numbered on the page, so editors never renumber it), like `Lampiran:`.
- Every problem of a file is reported in one build, at its line, with its rule id.
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from warta.content.errors import ContentError
from warta.content.fields import FieldCheck
from warta.content.lint import Source
from warta.content.sections.base import plain
from warta.settings.loader import settings_file, settings_line

# Fields written once: {metadata key: as editors write it}.
SINGLE_FIELDS = {
    "title": "Title", "summary": "Summary", "opd": "OPD", "topik": "Topik",
    "jangka_waktu": "Jangka_waktu", "biaya": "Biaya", "produk": "Produk", "lokasi": "Lokasi",
    "jam_layanan": "Jam_layanan", "pengaduan": "Pengaduan", "daring": "Daring",
    "dasar_hukum": "Dasar_hukum",
}
# Required fields: (metadata key, as written, what it is, an example).
REQUIRED_FIELDS = [
    ("summary", "Summary", "Ringkasan layanan", "Pembuatan KTP elektronik untuk warga berusia 17 tahun."),
    ("opd", "OPD", "Perangkat daerah penanggung jawab", "Disdukcapil"),
    ("topik", "Topik", "Topik layanan", "kependudukan"),
    ("jangka_waktu", "Jangka_waktu", "Jangka waktu penyelesaian", "1 hari kerja"),
    ("biaya", "Biaya", "Biaya atau tarif", "Gratis"),
    ("produk", "Produk", "Produk layanan", "KTP elektronik"),
    ("pengaduan", "Pengaduan", "Saluran pengaduan", "LAPOR!, atau telepon pengaduan dinas"),
]
# Fields written once per item, in the order citizens follow them: (key, as written, what it is,
# an example).
LIST_FIELDS = [
    ("persyaratan", "Persyaratan", "Persyaratan", "Kartu Keluarga asli"),
    ("prosedur", "Prosedur", "Prosedur", "Ambil nomor antrean di loket informasi"),
]
# Where and when: an agency's own address and office hours serve when a service says none.
PLACE_FIELDS = [
    ("lokasi", "Lokasi", "Lokasi layanan", "Mal Pelayanan Publik, Jl. Contoh Raya No. 5", "address"),
    ("jam_layanan", "Jam_layanan", "Jam layanan", "Senin–Jumat, 08.00–15.00 WIB", "hours"),
]
# What editors write for a service without a fee; the page then says "Gratis" in one way.
FREE = {"gratis", "rp0", "rp 0", "rp0,-", "rp 0,-", "0", "tanpa biaya", "tidak dipungut biaya"}
# Only https: the link is the citizen's way into an application that asks for personal data,
# and a javascript: or data: address would run in the portal's own origin.
ONLINE = re.compile(r"^https://[^\s<>\"'`]+$", re.IGNORECASE)
FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class ServiceTopic:
    """One heading of the services page, and the services under it."""

    slug: str  # as editors write it after `Topik:`
    name: str  # as citizens read it
    services: list = field(default_factory=list)

    @property
    def anchor(self):
        """The id of its heading on the services page."""
        return f"topik-{self.slug}"


def topics(settings):
    """[ServiceTopic] in the order of SERVICES_TOPICS, each still without services."""
    return [ServiceTopic(str(slug), str(name)) for slug, name in settings["SERVICES_TOPICS"].items()]


def match_topic(choices, value):
    """The ServiceTopic ``value`` names, by its slug or its name, in any case; or None."""
    value = " ".join(str(value or "").split()).casefold()
    return next((t for t in choices if value in (t.slug.casefold(), t.name.casefold())), None)


def is_free(cost):
    return " ".join(str(cost or "").split()).casefold().rstrip(".") in FREE


def items(source, key):
    """[(line, text)] for each `Key:` line of ``key`` in ``source`` (a warta.content.lint.Source), with
    its indented continuation lines joined to it, decoded like every other text field
    (warta.content.sanitize): an item too long for one line is still one item."""
    found = []
    starts = set(source.starts.get(key, ()))
    for line, value in source.fields.get(key, ()):
        if line in starts or not found:
            found.append([line, value])
        else:
            found[-1][1] = f"{found[-1][1]} {value}".strip()
    return [(line, html.unescape(text).strip()) for line, text in found]


def check_service(service, settings, content_root, choices):
    """Validate one service and fill in what its page needs; log every problem. True if valid."""
    check = FieldCheck(service.source_path)
    source = Source(check.text)
    meta = service.metadata
    if not check.written_once(meta, SINGLE_FIELDS, "layanan-kolom"):  # the checks below read single values
        return check.report()
    check.required(meta, REQUIRED_FIELDS, "layanan-kolom")
    if not FILE_NAME.match(service.slug):
        check.fail("title", f"Nama berkas {service.slug!r} tidak dapat menjadi alamat halaman",
                   "beri nama berkas dengan huruf kecil, angka, dan tanda hubung saja, misalnya "
                   "`ktp-el.md`; nama berkas menjadi alamat /layanan/ktp-el/", at=1,
                   rule="layanan-kolom")
    if "slug" in check.header:
        check.fail("slug", "Baris Slug tidak dipakai untuk layanan: nama berkas menjadi alamatnya",
                   "hapus baris `Slug:`, lalu ganti nama berkasnya bila alamatnya ingin diubah",
                   rule="layanan-kolom")
    lists = {}
    for key, written, label, example in LIST_FIELDS:
        lists[key] = [text for _, text in items(source, key) if text]
        if not lists[key]:
            check.fail(key, f"{label} ({written}) tidak ada",
                       f"tulis satu baris `{written}: …` untuk setiap butir, berurutan, "
                       f"misalnya `{written}: {example}`", rule="layanan-kolom")
    agency = check.agency("opd", str(meta.get("opd") or "").strip(), settings)
    topic = match_topic(choices, meta.get("topik"))
    if meta.get("topik") and topic is None:
        check.fail("topik", f"Topik {meta['topik']!r} tidak dikenal",
                   f"pilih salah satu dari: {', '.join(t.slug for t in choices)}; topik lain "
                   "dapat ditambahkan pengelola portal di SERVICES_TOPICS", rule="layanan-topik")
    place = {}
    for key, written, label, example, own in PLACE_FIELDS:
        place[key] = str(meta.get(key) or "").strip() or (getattr(agency, own, "") if agency else "")
        # Without a known agency there is no fallback to judge yet; its own error comes first.
        if not place[key] and agency is not None:
            check.fail(key, f"{label} ({written}) tidak ada, dan berkas perangkat daerahnya juga "
                       "tidak menyebutkannya",
                       f"tambahkan baris `{written}: …`, misalnya `{written}: {example}`",
                       rule="layanan-kolom")
    online = str(meta.get("daring") or "").strip()
    if online and not ONLINE.match(online):
        check.fail("daring", f"Alamat layanan daring {online!r} tidak dapat ditautkan",
                   "tulis alamat lengkap yang diawali https://, misalnya "
                   "`Daring: https://layanan.pemda.example/ktp`; alamat http:// tidak "
                   "aman untuk data pribadi warga", rule="layanan-tautan")
    attachments = check_attachments(service, check, source, settings, content_root)
    if not check.report():
        return False
    service.opd = agency
    service.topic = topic
    service.requirements = lists["persyaratan"]
    service.steps = lists["prosedur"]
    service.location = place["lokasi"]
    service.hours = place["jam_layanan"]
    service.free = is_free(meta["biaya"])
    service.cost = "Gratis" if service.free else str(meta["biaya"]).strip()
    service.online_url = online
    service.online_host = (urlsplit(online).hostname or "") if online else ""
    service.attachments = attachments
    service.plain_title = plain(service.title)
    return True


def check_attachments(service, check, source, settings, content_root):
    """The service's forms and files, measured; problems go to ``check``."""
    return check.attachments(
        items(source, "lampiran"), content_root, settings, setting="SERVICES_ATTACHMENT_FORMATS",
        example="Lampiran: attachments/layanan/formulir.pdf | Formulir permohonan",
        rule="layanan-lampiran", title=service.title)


def home_problems(settings, by_slug):
    """A ContentError for each WARTA_HOME_SERVICES entry that names no published service: the
    home page would lose a link without anyone noticing. A section without any service yet is
    left off the home page and the menu (warta.content.sections.base), so there is nothing to check."""
    problems = []
    if not by_slug:
        return problems
    for slug in settings.get("WARTA_HOME_SERVICES") or ():
        if slug in by_slug:
            continue
        names = ", ".join(sorted(by_slug))
        problems.append(ContentError(
            settings_file(settings), f"WARTA_HOME_SERVICES menyebut layanan {slug!r} yang tidak ada",
            f"tulis nama berkas layanan di content/layanan/ tanpa .md; pilih dari: {names}",
            line=settings_line(settings, f'"{slug}"') or settings_line(settings, f"'{slug}'")
            or settings_line(settings, "WARTA_HOME_SERVICES") or 1,
            rule="layanan-utama"))
    return problems
