"""Pseudonymise register entries closed longer ago than EPPID_RETENTION_YEARS (UU 27/2022:
personal data is kept no longer than its purpose needs): identity, contact, free text and the
attached personal documents go (models.Numbered.pseudonymise says which). Numbers, dates, states
and agencies stay, so the register's record and the annual report's counts survive."""


from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eppid.permohonan import models


class Command(BaseCommand):
    help = "Samarkan data pribadi di register setelah masa simpan (EPPID_RETENTION_YEARS)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        try:
            cutoff = today.replace(year=today.year - settings.EPPID_RETENTION_YEARS)
        except ValueError:  # 29 February
            cutoff = today.replace(year=today.year - settings.EPPID_RETENTION_YEARS, day=28)
        done = 0
        for model in (models.InformationRequest, models.Objection):
            # Closed before the cutoff, or (never closed) received before it: a forgotten entry
            # must not keep personal data forever.
            stale = model.objects.filter(pseudonymised_at__isnull=True).filter(
                Q(closed_on__lt=cutoff) | Q(closed_on__isnull=True, received_on__lt=cutoff))
            with transaction.atomic():
                for entry in stale.select_for_update():
                    entry.pseudonymise()
                    entry.save()
                    # Every line of the history keeps who, when and which state; its text
                    # (the answer, the extension's letter, officers' notes) may name the citizen.
                    entry.events.update(note=models.PSEUDONYM)
                    # A notice still waiting (or given up) would mail an address now gone, and
                    # its note may name the citizen: the outbox keeps nothing of a purged entry.
                    entry.outbox.all().delete()
                    done += 1
        self.stdout.write(f"{done} entri register disamarkan (batas {cutoff:%Y-%m-%d}).")


