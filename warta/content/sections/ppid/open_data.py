"""open_data: the Daftar Informasi Publik as one row per document, and its JSON and CSV exports.

The HTML table, `dip.json` and `dip.csv` are all written from the rows made here, so the three
cannot disagree. FIELDS is the schema: the README documents it and a test
checks that every field is documented.
"""

import csv
import io
import json
import logging

log = logging.getLogger(__name__)

# (field, description). The order is the JSON key order and the CSV column order.
FIELDS = [
    ("nomor", "Nomor informasi di Daftar Informasi Publik; unik di seluruh daftar."),
    ("kategori", "Berkala, Serta Merta, Tersedia Setiap Saat, atau Dikecualikan."),
    ("judul", "Judul informasi."),
    ("ringkasan", "Ringkasan isi informasi."),
    ("opd", "Perangkat daerah (OPD) pemilik informasi."),
    ("tahun", "Tahun informasi, bilangan bulat (misalnya 2025)."),
    ("dikuasai_oleh", "Pejabat atau unit yang menguasai informasi."),
    ("penanggung_jawab", "Pejabat atau unit yang bertanggung jawab membuat atau menerbitkan informasi."),
    ("waktu_pembuatan", "Tanggal informasi dibuat atau ditetapkan, ISO 8601 (TTTT-BB-HH)."),
    ("tempat_pembuatan", "Tempat informasi dibuat."),
    ("bentuk", "Bentuk informasi yang tersedia, misalnya softcopy, hardcopy, cetak, rekam, online."),
    ("retensi", "Jangka waktu penyimpanan (retensi arsip), misalnya '5 tahun' atau 'Permanen'."),
    ("diperbarui", "Tanggal informasi terakhir diperbarui, ISO 8601 (TTTT-BB-HH)."),
    ("dasar_hukum", "Dasar hukum pengecualian; hanya untuk kategori Dikecualikan, selain itu kosong."),
    ("uji_konsekuensi", "Rujukan penetapan uji konsekuensi; hanya untuk Dikecualikan, selain itu kosong."),
    ("url", "Alamat halaman informasi di portal."),
    (
        "lampiran",
        "Berkas yang dapat diunduh. JSON: daftar objek {judul, url, format, ukuran_bita, halaman}, "
        "halaman berisi null selain PDF. CSV: alamat berkas, dipisah ' | '.",
    ),
]
FIELD_NAMES = [name for name, _ in FIELDS]
CSV_LIST_SEPARATOR = " | "
# A cell a spreadsheet would read as a formula (=HYPERLINK(…) can leak or mislead whoever opens
# the file). OWASP's CSV-injection guidance: prefix such cells with an apostrophe, which
# spreadsheets show as text. dip.json keeps the true value.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` as a CSV cell no spreadsheet evaluates."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def document_row(document, siteurl):
    """The DIP row for one checked document: plain text values, dates in ISO 8601."""
    return {
        "nomor": document.nomor,
        "kategori": document.ppid_category.name,
        "judul": document.plain_title,
        "ringkasan": document.ringkasan,
        "opd": document.opd,
        "tahun": document.tahun,
        "dikuasai_oleh": document.dikuasai_oleh,
        "penanggung_jawab": document.penanggung_jawab,
        "waktu_pembuatan": document.date.date().isoformat(),
        "tempat_pembuatan": document.tempat,
        "bentuk": document.bentuk,
        "retensi": document.retensi,
        "diperbarui": document.last_updated.isoformat(),
        "dasar_hukum": document.dasar_hukum,
        "uji_konsekuensi": document.uji_konsekuensi,
        "url": f"{siteurl}/{document.url}",
        "lampiran": [
            {
                "judul": attachment.label,
                "url": f"{siteurl}/{attachment.url}",
                "format": attachment.format,
                "ukuran_bita": attachment.size,
                "halaman": attachment.pages,
            }
            for attachment in document.attachments
        ],
    }


def dip_json(rows, publisher, title="Daftar Informasi Publik"):
    """The whole list as one JSON document, with its schema, so it explains itself."""
    data = {
        "judul": title,
        "penerbit": publisher,
        # The newest document's date, not the build time: the same content gives the same file.
        "diperbarui": max((row["diperbarui"] for row in rows), default=None),
        "jumlah": len(rows),
        "kolom": [{"nama": name, "keterangan": text} for name, text in FIELDS],
        "informasi": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dip_csv(rows):
    """The whole list as CSV (RFC 4180, UTF-8, comma-separated, header row of field names)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        flat["lampiran"] = CSV_LIST_SEPARATOR.join(a["url"] for a in row["lampiran"])
        writer.writerow({key: spreadsheet_safe(value) for key, value in flat.items()})
    return buffer.getvalue()
