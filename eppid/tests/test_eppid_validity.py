"""Every e-PPID page, in each state a citizen or officer sees it, is valid HTML: the same
Nu HTML Checker (vnu.jar, one JVM) the portal's gate runs, on the bytes the service sent.
Assistive technology reads the markup a browser repairs differently from one browser to the
next; valid markup is read the same everywhere (WCAG 4.1.1's intent, kept by the gate)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from eppid.permohonan import models
from eppid.tests.helpers import objection_data, officer, request_data
from warta.commands.gate.validity import check_site

pytestmark = [pytest.mark.server]  # the Java HTML checker


def _fields(data, token):
    keep = ("requester_type", "name", "id_number", "address", "phone", "email", "information",
            "purpose", "obtain_method", "delivery_method")
    return {**{k: data[k] for k in keep}, "agency": "ppid-utama", "submission_token": token}


@pytest.fixture
def pages(tmp_path):
    """{file name: the HTML the service answered} for every page state."""
    entry, code = models.InformationRequest.register(**_fields(request_data(), "valid-1"))
    objection_fields = {k: v for k, v in objection_data().items()
                        if k in ("requester_type", "name", "id_number", "address", "phone",
                                 "email", "reason", "description")}
    objection = models.Objection.register(
        **objection_fields, agency="ppid-utama", submission_token="valid-k",
        request_number="2026/PPID/09998", unknown_request=True, late=True)
    objection = objection[0] if isinstance(objection, tuple) else objection
    ppid, atasan = officer("petugas-valid"), officer("atasan-valid", role=models.ATASAN)
    citizen = Client()
    answers = {
        "beranda": citizen.get("/e-ppid/"),
        "permohonan-kosong": citizen.get("/e-ppid/permohonan/"),
        "permohonan-galat": citizen.post("/e-ppid/permohonan/", {}),
        "keberatan-kosong": citizen.get("/e-ppid/keberatan/"),
        "keberatan-galat": citizen.post("/e-ppid/keberatan/", {}),
        "cek-status-kosong": citizen.get("/e-ppid/cek-status/"),
        "cek-status-tidak-ditemukan": citizen.post(
            "/e-ppid/cek-status/", {"number": "1999/PPID/00001", "code": "AAAA-AAAA-AAAA"}),
        "cek-status-ditemukan": citizen.post(
            "/e-ppid/cek-status/", {"number": entry.number, "code": code}),
        "privasi": citizen.get("/e-ppid/privasi/"),
        "masuk": citizen.get("/e-ppid/petugas/masuk/"),
    }
    staff = Client()
    staff.force_login(ppid)
    answers["petugas-daftar"] = staff.get("/e-ppid/petugas/")
    answers["petugas-permohonan"] = staff.get(f"/e-ppid/petugas/permohonan/{entry.pk}/")
    boss = Client()
    boss.force_login(atasan)
    answers["atasan-keberatan"] = boss.get(f"/e-ppid/petugas/keberatan/{objection.pk}/")
    for name, answer in answers.items():
        assert answer.status_code in (200, 400, 404), (name, answer.status_code)
        assert answer["Content-Type"].startswith("text/html"), name
        (tmp_path / f"{name}.html").write_bytes(answer.content)
    yield tmp_path
    models.Event.objects.all().delete()
    models.Objection.objects.all().delete()
    models.InformationRequest.objects.all().delete()
    get_user_model().objects.all().delete()
    models.RegisterCounter.objects.all().delete()


def test_every_page_state_is_valid_html(pages):
    result = check_site(pages)
    assert len(result.checked) == len(list(pages.glob("*.html")))
    assert [f"{e.page}:{e.line}: {e.message}" for e in result.errors] == []
