"""The Buku Register Permohonan and the objection register as CSV (formula-safe, the library's
rule), and the statistics (no personal data) the static portal's Laporan Layanan Informasi
shows."""

import csv
import io
import json
import statistics
from collections import Counter, defaultdict

from django.http import HttpResponse
from django.utils import timezone

from eppid.permohonan import models
from warta.content.sections.ppid.open_data import spreadsheet_safe

REQUEST_COLUMNS = [
    ("nomor", "number"), ("tanggal_diterima", "received_on"), ("ppid", "agency"),
    ("jenis_pemohon", "requester_type"), ("nama", "name"), ("nik_atau_nomor_badan_hukum",
                                                            "id_number"),
    ("pekerjaan", "occupation"), ("nama_pemberi_kuasa", "principal_name"),
    ("alamat", "address"), ("telepon", "phone"), ("surel", "email"),
    ("informasi_yang_diminta", "information"), ("tujuan", "purpose"),
    ("cara_memperoleh", "obtain_method"), ("cara_mendapatkan", "delivery_method"),
    ("status", "status"), ("batas_waktu", "due_on"), ("batas_waktu_perpanjangan",
                                                      "extended_due_on"),
    ("alasan_perpanjangan", "extension_reason"), ("tanggal_jawaban", "answered_on"),
    ("badan_publik_yang_menguasai", "referred_body"), ("dasar_hukum", "legal_basis"),
    ("uji_konsekuensi", "consequence_test"), ("bentuk_informasi", "information_form"),
    ("biaya", "cost"),
]
OBJECTION_COLUMNS = [
    ("nomor", "number"), ("tanggal_diterima", "received_on"), ("ppid", "agency"),
    ("jenis_pemohon", "requester_type"), ("nama", "name"),
    ("nik_atau_nomor_badan_hukum", "id_number"), ("pekerjaan", "occupation"),
    ("nama_pemberi_kuasa", "principal_name"), ("alamat", "address"),
    ("telepon", "phone"), ("surel", "email"), ("alasan_pasal_35_ayat_1", "reason"),
    ("nomor_permohonan", "request_number"), ("nomor_permohonan_tidak_dikenal", "unknown_request"),
    ("terlambat", "late"), ("kasus_posisi", "description"), ("status", "status"),
    ("batas_waktu", "due_on"), ("tanggal_tanggapan", "answered_on"), ("tanggapan", "response"),
]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return spreadsheet_safe(str(value))


def _rows(queryset, columns):
    yield [name for name, _ in columns]
    for entry in queryset.order_by("year", "seq"):
        yield [_cell(getattr(entry, attribute)) for _, attribute in columns]


def request_rows(queryset):
    return _rows(queryset, REQUEST_COLUMNS)


def objection_rows(queryset):
    return _rows(queryset, OBJECTION_COLUMNS)


def csv_response(rows, filename):
    """RFC 4180 like dip.csv: UTF-8 without BOM, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


OUTCOMES = [models.GRANTED, models.PARTLY, models.REFUSED, models.NOT_HELD]


def _outcome(entry):
    """The answer a request got: a closed request keeps the answer logged before it closed."""
    if entry.status in models.ANSWERED:
        return entry.status
    answered = [e.status for e in entry.events.all() if e.status in models.ANSWERED]
    return answered[-1] if answered else None


def statistics_data(today=None):
    """Per month: requests, outcomes, median working days to answer, overdue, objections.
    Counts and dates only, never a name or a request's text."""
    today = today or timezone.localdate()
    months = defaultdict(lambda: {"permohonan": 0, **{o: 0 for o in OUTCOMES},
                                  "hari_kerja": [], "terlambat": 0, "keberatan": 0})
    requests = models.InformationRequest.objects.prefetch_related("events")
    for entry in requests:
        month = months[entry.received_on.strftime("%Y-%m")]
        month["permohonan"] += 1
        outcome = _outcome(entry)
        if outcome:
            month[outcome] += 1
        days = entry.working_days_to_answer()
        if days is not None:
            month["hari_kerja"].append(days)
        late_answer = entry.answered_on and entry.answered_on > entry.current_due_on
        if entry.is_overdue(today) or late_answer:
            month["terlambat"] += 1
    for objection in models.Objection.objects.all():
        months[objection.received_on.strftime("%Y-%m")]["keberatan"] += 1
    rows = []
    for key in sorted(months):
        month = months[key]
        days = month.pop("hari_kerja")
        rows.append({"bulan": key, **month,
                     "median_hari_kerja": statistics.median(days) if days else None})
    totals = Counter()
    for row in rows:
        totals.update({k: v for k, v in row.items() if isinstance(v, int)})
    all_days = [d for e in requests if (d := e.working_days_to_answer()) is not None]
    return {
        "judul": "Statistik layanan informasi publik",
        "diperbarui": today.isoformat(),
        "kolom": {
            "bulan": "Bulan permohonan diterima, TTTT-BB.",
            "permohonan": "Permohonan informasi masuk.",
            models.GRANTED: "Dikabulkan seluruhnya.",
            models.PARTLY: "Dikabulkan sebagian.",
            models.REFUSED: "Ditolak (informasi dikecualikan).",
            models.NOT_HELD: "Informasi tidak dikuasai.",
            "median_hari_kerja": "Median hari kerja sampai dijawab.",
            "terlambat": "Melewati batas waktu (belum dijawab, atau dijawab terlambat).",
            "keberatan": "Keberatan diajukan.",
        },
        "bulanan": rows,
        "jumlah": {**dict(totals),
                   "median_hari_kerja": statistics.median(all_days) if all_days else None},
    }


def write_statistics(path, today=None):
    data = statistics_data(today)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)  # the static build never reads half a file
    return data
