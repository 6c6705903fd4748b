"""The checks of one PPID document's DIP fields and attachments, and of the list's freshness.

Every problem is logged with its file, line and rule id (the build collects them); a document
with an error is left out of the DIP, so one build reports every broken document.
"""

import logging

from dateutil.relativedelta import relativedelta
from markupsafe import escape

from warta.content.dates import short_date
from warta.content.errors import WARNING, ContentError
from warta.content.fields import FieldCheck, header_lines
from warta.content.sections.base import plain
from warta.content.sections.ppid.dip import today
from warta.content.sections.ppid.schema import (
    EXEMPT_FIELDS,
    REQUIRED_FIELDS,
    RETENTION,
    RETENTION_FIX,
    SINGLE_FIELDS,
    YEAR,
)

log = logging.getLogger(__name__)


def check_document(document, categories, settings, content_root):
    """Validate one document and fill in its DIP values; log every problem. True if valid."""
    check = FieldCheck(document.source_path)
    fail = check.fail
    document.ppid_header = check.header
    document.ppid_attachment_lines = header_lines(check.text, "lampiran")
    meta = document.metadata
    if not check.written_once(meta, SINGLE_FIELDS, "ppid-kolom"):  # the checks below read single values
        return check.report()
    category = match_category(categories, meta.get("kategori"))
    fields = REQUIRED_FIELDS + (EXEMPT_FIELDS if category and category.exempt else [])
    check.required(meta, fields, "ppid-kolom", "Kolom DIP {label} ({written}) tidak ada",
                   settings=settings)
    names = ", ".join(c.name for c in categories)
    if meta.get("kategori") and category is None:
        fail("kategori", f"Kategori {meta['kategori']!r} tidak dikenal",
             f"pilih salah satu dari: {names}", rule="ppid-kolom")
    agency = check.agency("opd", meta.get("opd"), settings)
    retention = RETENTION.match(str(meta.get("retensi") or ""))
    if meta.get("retensi") and not retention:
        fail("retensi", f"Jangka waktu penyimpanan {meta['retensi']!r} tidak dapat dibaca",
             RETENTION_FIX, rule="ppid-kolom")
    year = str(meta.get("tahun") or "").strip()
    if year and not YEAR.match(year):
        fail("tahun", f"Tahun {year!r} tidak dapat dibaca",
             "tulis tahun dengan empat angka, misalnya `Tahun: 2025`, atau hapus barisnya "
             "agar tahun diambil dari Date", rule="ppid-kolom")
    attachments = check_attachments(document, category, check, settings, content_root)
    if not check.report():
        return False
    document.ppid_category = category
    document.nomor = meta["nomor"].strip()
    document.plain_title = plain(document.title)
    document.opd_info = agency
    document.tahun = int(year) if year else document.date.year
    document.retention_years = int(retention.group(1)) if retention.group(1) else None
    document.dasar_hukum = meta.get("dasar_hukum", "") if category.exempt else ""
    document.uji_konsekuensi = meta.get("uji_konsekuensi", "") if category.exempt else ""
    document.last_updated = (getattr(document, "modified", None) or document.date).date()
    document.attachments = attachments
    # The summary feeds, search results and share cards read: the DIP's own ringkasan.
    document.metadata["summary"] = str(escape(document.ringkasan))
    return True

def match_category(categories, name):
    name = str(name or "").strip().casefold()
    return next((c for c in categories if c.name.casefold() == name), None)

def check_attachments(document, category, check, settings, content_root):
    """The document's attachments, measured; problems go to ``check``."""
    entries = document.metadata.get("lampiran") or []
    if isinstance(entries, str):
        entries = [entries]
    if entries and category is not None and category.exempt:
        check.fail("lampiran", "Informasi Dikecualikan tidak boleh punya lampiran (Lampiran)",
             "hapus baris `Lampiran:`; informasi yang dikecualikan tidak diterbitkan, "
             "cukup catat dasar hukum (Dasar_hukum) dan uji konsekuensinya (Uji_konsekuensi)",
             rule="ppid-lampiran")
        return []
    lines = document.ppid_attachment_lines + [None] * len(entries)
    # lines is padded to be long enough
    return check.attachments(
        list(zip(lines, entries, strict=False)), content_root, settings,
        setting="PPID_ATTACHMENT_FORMATS",
        example="Lampiran: ppid/lampiran/nama-berkas.pdf | Judul berkas",
        rule="ppid-lampiran", title=document.title)

# --- Checking the whole list ---------------------------------------------------------------

def report_freshness(documents, settings):
    """Stale Berkala documents and passed retention dates: warnings, or errors if strict."""
    strict = settings["PPID_STRICT"]
    locale = settings["WARTA_LOCALE"]
    report = log.error if strict else log.warning

    def finding(problem):
        if not strict:
            problem.findings[0].severity = WARNING
        return problem

    now = today(settings)
    months = settings["PPID_BERKALA_MAX_AGE_MONTHS"]
    for document in documents:
        header = document.ppid_header
        if document.ppid_category.name == "Berkala":
            due = document.last_updated + relativedelta(months=months)
            if due < now:
                key = "modified" if "modified" in header else "date"
                report("%s", finding(ContentError(
                    document.source_path,
                    f"Informasi Berkala {document.nomor!r} terakhir diperbarui "
                    f"{short_date(document.last_updated, locale)}, lebih dari "
                    f"{months} bulan lalu",
                    "perbarui isinya lalu tulis tanggal pembaruannya di baris `Modified:`; "
                    f"informasi berkala wajib diperbarui paling lambat setiap {months} bulan",
                    line=header.get(key, (1, ""))[0],
                    rule="ppid-berkala-usang",
                )))
        if document.retention_years is not None:
            end = document.date.date() + relativedelta(years=document.retention_years)
            if end < now:
                report("%s", finding(ContentError(
                    document.source_path,
                    f"Masa retensi {document.nomor!r} ({document.retensi}) berakhir "
                    f"{short_date(end, locale)}",
                    "tinjau dokumen ini sesuai jadwal retensi arsip: perbarui, pindahkan ke "
                    "arsip, atau hapus dari Daftar Informasi Publik",
                    line=header.get("retensi", (1, ""))[0],
                    rule="ppid-retensi-lewat",
                )))
