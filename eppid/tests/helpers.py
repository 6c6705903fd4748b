"""Shared test data: a valid request and objection, officers with roles and agencies."""

from django.contrib.auth import get_user_model

from eppid.permohonan import models

PASSWORD = "kata-sandi-panjang-sekali-2026"


def request_data(**changes):
    data = {
        "submission_token": changes.pop("submission_token", "token-permohonan-1"),
        "requester_type": "perorangan",
        "name": "Siti Aminah",
        "id_number": "3201234567890123",
        "occupation": "Mahasiswa",
        "address": "Jl. Melati No. 5, Kota Contoh",
        "phone": "0812 3456 7890",
        "email": "siti@contoh.example",
        "information": "Laporan realisasi anggaran Dinas Pendidikan tahun 2025.",
        "purpose": "Penelitian skripsi.",
        "obtain_method": "salinan_softcopy",
        "delivery_method": "email",
        "website": "",
    }
    data.update(changes)
    return data


def objection_data(**changes):
    data = request_data(submission_token=changes.pop("submission_token", "token-keberatan-1"))
    for name in ("information", "purpose", "obtain_method", "delivery_method"):
        data.pop(name)
    # Reason b (periodic information not provided) names no request; the others need one.
    data.update({"reason": "b", "request_number": "", "reason_arose_on": "",
                 "description": "Permohonan saya belum dijawab."})
    data.update(changes)
    return data


def officer(username, role="ppid", agency=""):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    models.Officer.objects.create(user=user, role=role, agency=agency)
    return user


def parts(message):
    """(body text, {filename: bytes}) of a mail read back from the SMTP server."""
    body, files = "", {}
    for part in message.walk():
        if part.get_filename():
            files[part.get_filename()] = part.get_payload(decode=True)
        elif part.get_content_type() == "text/plain":
            body += part.get_payload(decode=True).decode("utf-8")
    return body, files
