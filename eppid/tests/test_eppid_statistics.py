"""The statistics export (no personal data) and the static portal's tables built from it."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from jinja2 import Environment, FileSystemLoader

from eppid.permohonan import exports, models
from eppid.tests.helpers import PASSWORD, officer, request_data
from warta import ROOT
from warta.commands.build import build
from warta.content import dates


@pytest.fixture
def statistics_file(tmp_path, django_test_database):
    client = Client()
    for n in range(3):
        client.post("/e-ppid/permohonan/", request_data(submission_token=f"s{n}"))
    officer("statistik")
    staff = Client()
    staff.login(username="statistik", password=PASSWORD)
    first, second, _ = models.InformationRequest.objects.order_by("seq")
    staff.post(f"/e-ppid/petugas/permohonan/{first.pk}/", {"action": "dikabulkan_seluruhnya",
                                                          "answer": "Terlampir."})
    staff.post(f"/e-ppid/petugas/permohonan/{first.pk}/", {"action": "selesai"})
    staff.post(f"/e-ppid/petugas/permohonan/{second.pk}/", {"action": "tidak_dikuasai",
                                                           "referred_body": "BPN"})
    path = tmp_path / "statistik.json"
    yield path, exports.write_statistics(path)
    # Not a TestCase: nothing rolls back by itself.
    models.Event.objects.all().delete()
    models.InformationRequest.objects.all().delete()
    get_user_model().objects.all().delete()
    models.RegisterCounter.objects.all().delete()


def test_statistics_hold_counts_and_no_personal_data(statistics_file):
    path, data = statistics_file
    text = path.read_text(encoding="utf-8")
    for personal in ("Siti", "3201234567890123", "siti@contoh.example", "Melati", "skripsi"):
        assert personal not in text
    assert data["jumlah"]["permohonan"] == 3
    assert data["jumlah"]["dikabulkan_seluruhnya"] == 1  # still counted after "selesai"
    assert data["jumlah"]["tidak_dikuasai"] == 1
    assert data["jumlah"]["median_hari_kerja"] == 0
    assert json.loads(text)["bulanan"][0]["permohonan"] == 3


@pytest.mark.build
def test_the_static_build_shows_the_tables_and_links_to_the_forms(statistics_file, tmp_path):
    path, _ = statistics_file
    output = tmp_path / "output"
    build(output, SEARCH_INDEX=False, WARTA_EPPID_STATISTICS=str(path),
          WARTA_EPPID_URL="/e-ppid/")
    report = (output / "ppid" / "laporan-layanan-informasi" / "index.html").read_text()
    assert '<caption id="statistik-bulanan">Permohonan per bulan</caption>' in report
    assert '<th scope="row">Informasi tidak dikuasai</th><td class="w-table__cell--right">1</td>' \
        in report
    assert 'href="/e-ppid/permohonan/"' in report
    assert 'href="/e-ppid/keberatan/"' in (output / "ppid" / "index.html").read_text()


def test_without_an_address_the_ppid_pages_link_nowhere():
    environment = Environment(loader=FileSystemLoader(ROOT / "theme" / "templates"))
    environment.filters.update(dates.filters())
    macros = environment.get_template("components/eppid.html").make_module(
        {"WARTA_EPPID_URL": ""})
    assert macros.eppid_links().strip() == ""
