"""Mail to the requester: the receipt (the same register number, due date and status code as the
page), and a notice of each step the PPID takes on the request: an extension, which UU 14/2008
Pasal 22 ayat (8) requires in writing with its reason, and the written answer itself. A notice the
server does not take waits in the outbox and is sent again (retry.py)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from eppid.permohonan import delivery, models, retry, service_log
from eppid.permohonan.portal import portal

log = service_log()
# What sending can raise besides the server's refusal: a network failure (OSError), an address
# the mail library cannot encode (UnicodeError, ValueError). The entry is already in the register,
# so a failure is logged and shown, never an error page; a notice is also queued to be sent again
# (retry.py), a receipt is not (it carries the access code, which is never stored readable).
MAIL_ERRORS = (smtplib.SMTPException, OSError, UnicodeError, ValueError)


def send_receipt(entry, code, kind):
    """Send the receipt; log the outcome in the entry's history, never the address."""
    if not entry.email:
        return
    context = {"entry": entry, "code": code, "kind": kind, "portal": portal()}
    body = render_to_string("eppid/surel_tanda_terima.txt", context)
    subject = f"Tanda terima {kind} informasi nomor {entry.number}"
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [entry.email]).send()
    except MAIL_ERRORS as exc:
        # Not queued: the mail carries the access code, and the register keeps only its hash, so
        # nothing could send it again without storing the code readable. The receipt page (shown
        # right after this) tells the citizen to note the number and the code.
        log.warning("e-PPID: tanda terima %s tidak terkirim (%s)", entry.number, type(exc).__name__)
        entry.log(None, entry.status, "Tanda terima lewat surel gagal dikirim (tidak dikirim "
                                      "ulang: kode status tidak disimpan).", public=False)
        return
    entry.log(None, entry.status, "Tanda terima dikirim lewat surel.", public=False)


def send_update(entry, action, note):
    """Tell the requester what changed, as "Cek status" shows it; logged like the receipt. The
    written answer (Pasal 22 ayat 7) goes with its text and its documents. A failure is queued
    (retry.py): the extension (Pasal 22 ayat 8) and the answer must reach the requester."""
    _send_or_queue(entry, UPDATE, action, note)


def send_objection_answer(entry):
    """The atasan PPID's written answer to an objection (Pasal 36 ayat 2), its documents, and
    the next step: the Komisi Informasi within 14 working days (Pasal 37 ayat 2)."""
    _send_or_queue(entry, OBJECTION_ANSWER, "", "")


UPDATE, OBJECTION_ANSWER = models.Outbox.UPDATE, models.Outbox.OBJECTION_ANSWER


def compose(entry, notice, action, note):
    """(message, attachments, documents) of a notice, rendered from the entry as it is now: a
    retry carries the current answer and documents, under the same attachment limit."""
    if notice == UPDATE:
        subject = f"Pemberitahuan permohonan informasi nomor {entry.number}"
        template = "eppid/surel_pemberitahuan.txt"
        context = {"entry": entry, "action": action,
                   "label": models.PublicState.LABELS.get(action, action), "note": note}
        with_documents = action in models.ANSWERED
    else:
        deadline, _ = entry.commission_step()
        subject = f"Tanggapan atasan PPID atas keberatan nomor {entry.number}"
        template = "eppid/surel_tanggapan_keberatan.txt"
        context = {"entry": entry, "commission_deadline": deadline}
        with_documents = True
    files, fits = delivery.attachments(entry) if with_documents else ([], True)
    documents = delivery.describe(entry) if with_documents else []
    context = {**context, "documents": documents, "attached": fits, "portal": portal(),
               "limit": settings.EPPID_MAIL_ATTACHMENT_MAX_BYTES}
    body = render_to_string(template, context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [entry.email])
    for name, content, mimetype in files:
        message.attach(name, content, mimetype)
    return message, files, documents


def deliver(entry, notice, action, note, attempt=1):
    """Send the notice now and log it in the entry's history; raises one of MAIL_ERRORS."""
    message, files, documents = compose(entry, notice, action, note)
    message.send()
    sent = "Pemberitahuan dikirim lewat surel"
    if attempt > 1:
        sent += f" pada percobaan ke-{attempt}"
    if files:
        sent += f" dengan {len(files)} lampiran"
    elif documents:
        sent += " tanpa lampiran (terlalu besar; tersedia di Cek Status)"
    entry.log(None, entry.status, f"{sent}.", public=False)


def _send_or_queue(entry, notice, action, note):
    if not entry.email:
        return
    try:
        deliver(entry, notice, action, note)
    except MAIL_ERRORS as exc:
        log.warning("e-PPID: pemberitahuan %s tidak terkirim (%s), masuk antrean kirim ulang",
                    entry.number, type(exc).__name__)
        retry.queue(entry, notice, action, note, exc)
