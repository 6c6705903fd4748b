"""The receipt by e-mail: the same register number, due date and status code as the page."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from eppid.permohonan.portal import portal

log = logging.getLogger("eppid")


def send_receipt(entry, code, kind):
    """Send the receipt; log the outcome in the entry's history, never the address."""
    if not entry.email:
        return
    context = {"entry": entry, "code": code, "kind": kind, "portal": portal()}
    body = render_to_string("eppid/surel_tanda_terima.txt", context)
    subject = f"Tanda terima {kind} informasi nomor {entry.number}"
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [entry.email]).send()
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("e-PPID: tanda terima %s tidak terkirim (%s)", entry.number, type(exc).__name__)
        entry.log(None, entry.status, "Tanda terima lewat surel gagal dikirim.", public=False)
        return
    entry.log(None, entry.status, "Tanda terima dikirim lewat surel.", public=False)
