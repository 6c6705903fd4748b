"""Uploaded files (an identity document when EPPID_ID_UPLOAD is on, an officer's answer): only
the listed types, checked by their first bytes, one extension, a size limit; stored under
EPPID_PRIVATE_MEDIA, outside any web root, and served to a logged-in officer; an answer's
documents also to its requester, by a signed token from "Cek status" (delivery.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage


def check_upload(upload):
    name = upload.name or ""
    parts = name.lower().split(".")
    allowed = settings.EPPID_UPLOAD_TYPES
    types = ", ".join(sorted({key.upper() for key in allowed}))
    # One dot only: "ktp.php.jpg" is refused, since some servers run the inner extension.
    if len(parts) != 2 or parts[1] not in allowed:
        raise ValidationError(f"Berkas harus satu jenis ini: {types} (nama berkas dengan satu "
                              "titik, misalnya ktp.pdf)")
    if upload.size > settings.EPPID_UPLOAD_MAX_BYTES:
        megabytes = settings.EPPID_UPLOAD_MAX_BYTES // (1024 * 1024)
        raise ValidationError(f"Berkas paling besar {megabytes} MB")
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(allowed[parts[1]]):
        raise ValidationError(f"Isi berkas bukan {parts[1].upper()}: pilih berkas {types} yang asli")


def private_storage():
    """The storage of uploads (a callable, so the setting is read when a file is saved)."""
    return FileSystemStorage(location=settings.EPPID_PRIVATE_MEDIA, base_url=None)


def answer_path(instance, filename):
    """jawaban/2026/2026-PPID-00012/rka.pdf: a folder per entry, so the officer's file name is
    kept as uploaded (no random suffix from a name another entry used) and the citizen's download
    is named as the officer named it."""
    folder = "tanggapan" if type(instance).__name__ == "Objection" else "jawaban"
    number = "".join(c if c.isalnum() else "-" for c in instance.number)
    return f"{folder}/{instance.year}/{number}/{filename}"
