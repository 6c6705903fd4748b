"""Send again the notices the mail server did not take (retry.py), run every 5 minutes by
eppid-surel-ulang.timer: the extension (UU 14/2008 Pasal 22 ayat 8) and the written answer
(Pasal 22 ayat 7; Pasal 36 ayat 2) must reach the requester, so a failure is never the end."""

from django.core.management.base import BaseCommand

from eppid.permohonan import retry


class Command(BaseCommand):
    help = "Kirim ulang pemberitahuan surel yang gagal dan sudah waktunya dicoba lagi."

    def handle(self, *args, **options):
        counts = retry.run()
        self.stdout.write(f"{counts['sent']} pemberitahuan terkirim, {counts['retry']} "
                          f"dijadwalkan ulang, {counts['abandoned']} tidak dicoba lagi "
                          f"(petugas menghubungi pemohon).")
