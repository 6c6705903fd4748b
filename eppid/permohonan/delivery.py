"""The answer's documents reach the citizen: attached to the mail when small enough, and always
as a download from "Cek status" (UU 14/2008 Pasal 22 ayat 7 and Pasal 36 ayat 2: the answer is
given in writing; Perki 1/2021: by the means the requester chose, e-mail included).

A download is a POST from the status page carrying a token that ``TimestampSigner`` signed for
one document of one entry, valid EPPID_DOWNLOAD_TOKEN_SECONDS (15 minutes). Neither the access
code nor the token is ever in a URL, so no server log, proxy log, browser history or
``Referer`` carries them; the page holds no access code either, only tokens that expire; and a
token stops working when the entry's access code changes (it is bound to the code's hash).
"""

import re
from pathlib import PurePath

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "eppid.permohonan.unduh"
KINDS = {"r": "InformationRequest", "o": "Objection"}
MIME_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg",
              "jpeg": "image/jpeg"}


class Refused(Exception):
    """A token that is forged, for another entry or document, or for a changed access code."""


class Expired(Exception):
    """A token that was good but is older than EPPID_DOWNLOAD_TOKEN_SECONDS."""


def _kind(entry):
    return "o" if type(entry).__name__ == "Objection" else "r"


def _fingerprint(entry):
    return salted_hmac(SALT, entry.status_code_hash).hexdigest()[:16]


def download_token(entry, index):
    signer = signing.TimestampSigner(salt=SALT)
    return signer.sign(f"{_kind(entry)}:{entry.pk}:{index}:{_fingerprint(entry)}")


def document_for(token):
    """(entry, file) the token names; raises Refused or Expired."""
    from eppid.permohonan import models  # noqa: PLC0415 - models import uploads, not this

    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token, max_age=settings.EPPID_DOWNLOAD_TOKEN_SECONDS)
    except signing.SignatureExpired as exc:
        raise Expired from exc
    except signing.BadSignature as exc:
        raise Refused from exc
    kind, pk, index, fingerprint = value.split(":")
    entry = getattr(models, KINDS[kind]).objects.filter(pk=int(pk)).first()
    if entry is None or not constant_time_compare(fingerprint, _fingerprint(entry)):
        raise Refused
    documents = entry.documents()
    if int(index) >= len(documents):
        raise Refused
    return entry, documents[int(index)]


def extension(document):
    return PurePath(document.name).suffix.lower().lstrip(".")


def safe_filename(entry, document):
    """The register number and the stored name, in ASCII letters, digits, - and _ with one
    extension from the allowed list: nothing a browser or a mail client could misread."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", PurePath(document.name).stem).strip("-") or "dokumen"
    number = re.sub(r"[^A-Za-z0-9]+", "-", entry.number).strip("-")
    return f"{number}-{stem[:60]}.{extension(document)}"


def mime_type(document):
    return MIME_TYPES.get(extension(document), "application/octet-stream")


def describe(entry):
    """[{name, size, type}] of the entry's documents, for the mail and the status page."""
    return [{"name": safe_filename(entry, document), "size": document.size,
             "type": extension(document).upper()} for document in entry.documents()]


def attachments(entry):
    """([(name, bytes, mime)], fits) of the entry's documents: all of them when their total is
    within EPPID_MAIL_ATTACHMENT_MAX_BYTES, none otherwise (the mail then points at the page)."""
    documents = entry.documents()
    total = sum(document.size for document in documents)
    if total > settings.EPPID_MAIL_ATTACHMENT_MAX_BYTES:
        return [], False
    files = []
    for document in documents:
        with document.open("rb") as handle:
            files.append((safe_filename(entry, document), handle.read(), mime_type(document)))
    return files, True
