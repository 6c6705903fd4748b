"""The e-PPID's service statistics (no personal data), read for the Laporan Layanan Informasi page.

The e-PPID writes the file (`manage.py eppid_statistik`); WARTA_EPPID_STATISTICS names it. A
missing file means no table; a broken one is a warning, never a failed build: the report page
still has its written summary.
"""

import datetime
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date

from warta import ROOT

log = logging.getLogger(__name__)

# The answers of UU 14/2008 Pasal 22 ayat (7), in the order the report lists them.
OUTCOMES = [
    ("dikabulkan_seluruhnya", "Dikabulkan seluruhnya"),
    ("dikabulkan_sebagian", "Dikabulkan sebagian"),
    ("ditolak", "Ditolak (informasi dikecualikan)"),
    ("tidak_dikuasai", "Informasi tidak dikuasai"),
]


@dataclass
class Month:
    label: str  # "Maret 2027"
    iso: str  # "2027-03"
    requests: int
    median_days: str  # "4,5" or "–"
    overdue: int
    objections: int


@dataclass
class Statistics:
    updated: datetime.date
    months: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)  # [(label, count)]
    total_requests: int = 0
    median_days: str = "–"
    overdue: int = 0
    objections: int = 0


def _number(value, locale):
    if value is None:
        return "–"
    text = f"{value:g}"
    return text.replace(".", ",") if locale.startswith("id") else text


def read_statistics(settings):
    """Statistics from the file WARTA_EPPID_STATISTICS names, or None."""
    name = settings.get("WARTA_EPPID_STATISTICS")
    if not name:
        return None
    path = Path(name)
    path = path if path.is_absolute() else ROOT / path
    if not path.is_file():
        return None
    locale = settings["WARTA_LOCALE"]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        months = []
        for row in data["bulanan"]:
            year, month = (int(part) for part in row["bulan"].split("-"))
            months.append(Month(
                label=format_date(datetime.date(year, month, 1), "MMMM y", locale=locale),
                iso=row["bulan"], requests=int(row["permohonan"]),
                median_days=_number(row.get("median_hari_kerja"), locale),
                overdue=int(row["terlambat"]), objections=int(row["keberatan"])))
        totals = data["jumlah"]
        return Statistics(
            updated=datetime.date.fromisoformat(data["diperbarui"]), months=months,
            outcomes=[(label, int(totals.get(key, 0))) for key, label in OUTCOMES],
            total_requests=int(totals.get("permohonan", 0)),
            median_days=_number(totals.get("median_hari_kerja"), locale),
            overdue=int(totals.get("terlambat", 0)), objections=int(totals.get("keberatan", 0)))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ppid: Statistik e-PPID %s tidak terbaca (%s): tabel statistik tidak "
                    "ditampilkan (jalankan lagi `manage.py eppid_statistik`)", path, exc)
        return None
