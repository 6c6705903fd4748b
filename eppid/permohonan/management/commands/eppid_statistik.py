"""Write the service statistics (no personal data) the static portal reads."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from eppid.permohonan.exports import write_statistics


class Command(BaseCommand):
    help = "Tulis statistik layanan informasi (tanpa data pribadi) ke berkas JSON."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.EPPID_STATISTICS_FILE),
                            help="berkas JSON tujuan (WARTA_EPPID_STATISTICS di portal)")

    def handle(self, *args, output, **options):
        data = write_statistics(Path(output))
        self.stdout.write(f"Statistik ditulis ke {output}: {data['jumlah'].get('permohonan', 0)} "
                          "permohonan.")
