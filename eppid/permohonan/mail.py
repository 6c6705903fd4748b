"""Mail to the requester: the receipt (the same register number, due date and status code as the
page), and a notice of each step the PPID takes on the request: an extension, which UU 14/2008
Pasal 22 ayat (8) requires in writing with its reason, and the written answer itself."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from eppid.permohonan import delivery, service_log
from eppid.permohonan.portal import portal

log = service_log()
# What sending can raise besides the server's refusal: a network failure (OSError), an address
# the mail library cannot encode (UnicodeError, ValueError). The entry is already in the register,
# so a failure is logged and shown, never an error page.
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
        log.warning("e-PPID: tanda terima %s tidak terkirim (%s)", entry.number, type(exc).__name__)
        entry.log(None, entry.status, "Tanda terima lewat surel gagal dikirim.", public=False)
        return
    entry.log(None, entry.status, "Tanda terima dikirim lewat surel.", public=False)


def send_update(entry, action, note):
    """Tell the requester what changed, as "Cek status" shows it; logged like the receipt. The
    written answer (Pasal 22 ayat 7) goes with its text and its documents."""
    from eppid.permohonan.models import ANSWERED, PublicState  # noqa: PLC0415 - models import this module

    answered = action in ANSWERED
    context = {"entry": entry, "action": action, "label": PublicState.LABELS.get(action, action),
               "note": note}
    _send_notice(entry, f"Pemberitahuan permohonan informasi nomor {entry.number}",
                 "eppid/surel_pemberitahuan.txt", context, with_documents=answered)


def send_objection_answer(entry):
    """The atasan PPID's written answer to an objection (Pasal 36 ayat 2), its documents, and
    the next step: the Komisi Informasi within 14 working days (Pasal 37 ayat 2)."""
    deadline, _ = entry.commission_step()
    _send_notice(entry, f"Tanggapan atasan PPID atas keberatan nomor {entry.number}",
                 "eppid/surel_tanggapan_keberatan.txt",
                 {"entry": entry, "commission_deadline": deadline}, with_documents=True)


def _send_notice(entry, subject, template, context, with_documents):
    if not entry.email:
        return
    files, fits = delivery.attachments(entry) if with_documents else ([], True)
    documents = delivery.describe(entry) if with_documents else []
    context = {**context, "documents": documents, "attached": fits, "portal": portal(),
               "limit": settings.EPPID_MAIL_ATTACHMENT_MAX_BYTES}
    body = render_to_string(template, context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [entry.email])
    for name, content, mimetype in files:
        message.attach(name, content, mimetype)
    try:
        message.send()
    except MAIL_ERRORS as exc:
        log.warning("e-PPID: pemberitahuan %s tidak terkirim (%s)", entry.number,
                    type(exc).__name__)
        entry.log(None, entry.status, "Pemberitahuan lewat surel gagal dikirim.", public=False)
        return
    sent = "Pemberitahuan dikirim lewat surel"
    if files:
        sent += f" dengan {len(files)} lampiran"
    elif documents:
        sent += " tanpa lampiran (terlalu besar; tersedia di Cek Status)"
    entry.log(None, entry.status, f"{sent}.", public=False)
