"""System checks `manage.py check`, `migrate` and `runserver` (so `make eppid`) report."""

from django.conf import settings
from django.core import checks
from django.utils import timezone

from eppid.permohonan import workdays


@checks.register()
def cuti_bersama_known(app_configs, **kwargs):
    """eppid.W001: the calendar lacks the cuti bersama of the current or next year, so deadlines
    across it would be counted short (UU 14/2008 Pasal 22 ayat 7 counts working days)."""
    calendar = workdays.from_settings(settings)
    return [checks.Warning(
        f"Cuti bersama tahun {year} belum tercatat di kalender hari kerja e-PPID.",
        hint=f"Perbarui paket holidays (requirements.txt) ke rilis yang memuat SKB tiga menteri "
             f"tahun {year}, atau isi EPPID_CUTI_BERSAMA untuk tahun {year}. Sampai itu, batas "
             f"waktu yang melewati tahun {year} dihitung tanpa cuti bersama dan perpanjangan "
             f"yang melewatinya ditolak.",
        id="eppid.W001") for year in calendar.missing_years(timezone.localdate())]
