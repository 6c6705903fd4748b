"""The outbox: a notice the mail server did not take is sent again, never lost.

The extension must reach the requester in writing (UU 14/2008 Pasal 22 ayat 8), and so must the
answer (Pasal 22 ayat 7; Pasal 36 ayat 2 for the atasan PPID). A failed send is queued
(models.Outbox); ``manage.py eppid_surel_ulang``, every 5 minutes (eppid-surel-ulang.timer),
tries again after EPPID_MAIL_RETRY_DELAYS (5 min, 15 min, 1 h, 3 h, then every 6 h) and, once
EPPID_MAIL_RETRY_GIVE_UP_SECONDS (3 days) have passed, gives up and flags the entry: the officer
then calls or writes. Each try is a line in the entry's internal history. The mail is rendered
at each try from the entry as it is then.

The receipt is never queued: it carries the access code, kept only as a hash (models.Numbered),
so there is nothing to send it again from; the receipt page tells the citizen to note the code.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from eppid.permohonan import models, service_log

log = service_log()
# A run that stops mid-send (killed, the machine switched off) holds its row this long; then the
# next run takes it again. Two runs at once never send the same row twice (see _claim).
CLAIM = timedelta(minutes=30)


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H.%M")


def delay_after(attempts):
    """The wait after the n-th failed attempt: the n-th delay, the last one repeated."""
    delays = settings.EPPID_MAIL_RETRY_DELAYS
    return timedelta(seconds=delays[min(attempts, len(delays)) - 1])


def give_up_at(row):
    return row.created_at + timedelta(seconds=settings.EPPID_MAIL_RETRY_GIVE_UP_SECONDS)


def _schedule(row, now):
    # Never later than the bound, so the last try is made at the bound itself.
    return min(now + delay_after(row.attempts), give_up_at(row))


def queue(entry, notice, action, note, error):
    """Keep a failed notice for another try; log it in the entry's internal history."""
    now = timezone.now()
    field = "objection" if isinstance(entry, models.Objection) else "request"
    row = models.Outbox(**{field: entry}, notice=notice, action=action, note=note,
                        created_at=now, attempts=1, last_error=type(error).__name__[:100])
    row.next_attempt_at = _schedule(row, now)
    row.save()
    entry.log(None, entry.status, f"Pemberitahuan lewat surel gagal dikirim ({row.last_error}); "
                                  f"dikirim ulang otomatis, percobaan berikutnya "
                                  f"{_when(row.next_attempt_at)}.", public=False)
    return row


def due(now):
    return (models.Outbox.objects.filter(sent_at__isnull=True, abandoned_at__isnull=True,
                                         next_attempt_at__lte=now)
            .select_related("request", "objection").order_by("next_attempt_at", "pk"))


def _claim(row, now):
    """Take the row for this run: an UPDATE that only one run can win, on any database."""
    return models.Outbox.objects.filter(
        pk=row.pk, next_attempt_at=row.next_attempt_at, sent_at__isnull=True,
        abandoned_at__isnull=True).update(next_attempt_at=now + CLAIM) == 1


def run():
    """Try every notice that is due; returns counts of sent, rescheduled and given up."""
    now = timezone.now()
    counts = {"sent": 0, "retry": 0, "abandoned": 0}
    for row in due(now):
        if _claim(row, now):
            counts[attempt(row, now)] += 1
    return counts


def attempt(row, now):
    from eppid.permohonan import mail  # noqa: PLC0415 - mail imports this module to queue

    entry = row.entry
    row.attempts += 1
    try:
        if not entry.email:
            # Emptied since (the purge, or an officer's correction): nothing to send to.
            raise ValueError("no address")
        with transaction.atomic():
            mail.deliver(entry, row.notice, row.action, row.note, attempt=row.attempts)
    except Exception as exc:  # noqa: BLE001 - one bad notice must not stop the others
        if not isinstance(exc, mail.MAIL_ERRORS):
            log.exception("e-PPID: pemberitahuan %s tidak dapat disusun", entry.number)
        return _failed(row, entry, exc, now)
    row.sent_at, row.note = now, ""  # the history keeps the note; the outbox needs it no more
    row.save(update_fields=["attempts", "sent_at", "note"])
    log.info("e-PPID: pemberitahuan %s terkirim pada percobaan ke-%d", entry.number,
             row.attempts)
    return "sent"


def _failed(row, entry, error, now):
    row.last_error = type(error).__name__[:100]
    log.warning("e-PPID: kirim ulang pemberitahuan %s gagal (percobaan ke-%d, %s)",
                entry.number, row.attempts, row.last_error)
    if now >= give_up_at(row):
        row.abandoned_at, row.note = now, ""
        row.save(update_fields=["attempts", "last_error", "abandoned_at", "note"])
        entry.log(None, entry.status, f"Pemberitahuan belum sampai ke pemohon: surel gagal "
                                      f"{row.attempts} kali sejak {_when(row.created_at)} "
                                      f"({row.last_error}) dan tidak dicoba lagi. Hubungi "
                                      f"pemohon lewat telepon atau surat.", public=False)
        return "abandoned"
    row.next_attempt_at = _schedule(row, now)
    row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
    entry.log(None, entry.status, f"Kirim ulang pemberitahuan lewat surel gagal (percobaan "
                                  f"ke-{row.attempts}, {row.last_error}); percobaan berikutnya "
                                  f"{_when(row.next_attempt_at)}.", public=False)
    return "retry"
