"""The accessibility statement shows the last audit's date and result from the audit record,
filled in at build time; without a trustworthy record it says none exists. The gate writes
the record itself, from its own results."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from audit_record.audit_record import RecordError, read_record
from bs4 import BeautifulSoup

from warta.commands.audit import write_audit_record
from warta.commands.gate.checks import CHECKS
from warta.commands.gate.variants import TEMPLATES, VARIANTS

STATEMENT = """Title: Pernyataan Aksesibilitas
Slug: pernyataan-aksesibilitas
Summary: Komitmen kami.
Template: aksesibilitas

Isi pernyataan.
"""

COUNTS = dict(pages=40, variant_audits=70, checks=150, templates=14,
              variants=["terang", "gelap", "kontras", "teks-200", "lebar-320"], axe_version="4.14.1")


def statement(content_dir, build_site, record_path):
    (content_dir / "halaman" / "pernyataan-aksesibilitas.md").write_text(STATEMENT, encoding="utf-8")
    output = build_site(content_dir, WARTA_AUDIT_RECORD=str(record_path))
    html = (output / "pernyataan-aksesibilitas" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("section.w-audit-record")


def test_statement_shows_the_date_and_result_of_the_last_audit(content_dir, build_site, tmp_path):
    record = tmp_path / "last-audit.json"
    finished = datetime.datetime(2024, 4, 29, 2, 30, tzinfo=datetime.timezone.utc)
    write_audit_record(record, pages_failed=0, variant_audits_failed=0, checks_failed=0,
                       finished=finished, commit="abc1234", **COUNTS)
    section = statement(content_dir, build_site, record)
    text = section.get_text(" ", strip=True)
    assert "Senin, 29 April 2024, 09.30 WIB" in text  # 02.30 UTC in Jakarta time
    assert section.time["datetime"] == "2024-04-29T09:30:00+07:00"
    assert "Lolos: tidak ada pelanggaran yang ditemukan." in text
    assert "40 halaman dengan axe-core 4.14.1" in text
    assert "70 audit tambahan atas 14 templat" in text and "150 pemeriksaan" in text
    assert "abc1234" in text


def test_statement_reports_a_failed_audit_as_failed(content_dir, build_site, tmp_path):
    record = tmp_path / "last-audit.json"
    write_audit_record(record, pages_failed=2, variant_audits_failed=1, checks_failed=0, **COUNTS)
    text = statement(content_dir, build_site, record).get_text(" ", strip=True)
    assert "Belum lolos: 2 halaman, 1 audit tampilan, dan 0 pemeriksaan browser masih gagal." in text
    assert "Lolos:" not in text


def test_statement_says_so_when_no_audit_was_recorded(content_dir, build_site, tmp_path):
    text = statement(content_dir, build_site, tmp_path / "tidak-ada.json").get_text(" ", strip=True)
    assert "Belum ada hasil audit yang tercatat" in text
    assert "Lolos" not in text and "Tanggal" not in text


@pytest.mark.parametrize("content", [
    "{bukan json",
    "[]",
    json.dumps({"schema": 1, "finished": "2024-04-29T09:30:00+07:00", "passed": "ya"}),
    json.dumps({"schema": 2}),
])
def test_unreadable_record_is_shown_as_no_audit_with_a_warning(content, content_dir, build_site,
                                                               tmp_path, caplog):
    record = tmp_path / "last-audit.json"
    record.write_text(content, encoding="utf-8")
    text = statement(content_dir, build_site, record).get_text(" ", strip=True)
    assert "Belum ada hasil audit yang tercatat" in text
    assert any("audit_record:" in message and "tidak dapat dipakai" in message
               for message in caplog.messages)


def test_record_without_a_time_zone_is_refused(tmp_path):
    record = tmp_path / "last-audit.json"
    write_audit_record(record, pages_failed=0, variant_audits_failed=0, checks_failed=0, **COUNTS)
    data = json.loads(record.read_text(encoding="utf-8"))
    data["finished"] = "2024-04-29T09:30:00"
    record.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError, match="zona waktu"):
        read_record(record)


def test_written_record_reads_back_in_jakarta_time(tmp_path):
    record = tmp_path / "sub" / "last-audit.json"
    finished = datetime.datetime(2024, 12, 31, 20, 0, tzinfo=datetime.timezone.utc)
    write_audit_record(record, pages_failed=0, variant_audits_failed=0, checks_failed=1,
                       finished=finished, **COUNTS)
    data = read_record(record)
    assert data["passed"] is False and data["checks_failed"] == 1
    assert data["finished"] == finished and data["finished"].tzinfo == ZoneInfo("Asia/Jakarta")
    assert [p.name for p in record.parent.iterdir()] == ["last-audit.json"]  # no temp files left


def test_the_gate_writes_the_record_from_its_own_results(gate, site):
    # Whatever tests were selected or however they are named: the record is the gate's.
    assert gate.complete and gate.record is not None
    written = read_record(gate.record_file)
    assert written["finished"] >= gate.started
    assert written["pages"] == len(gate.built) > 0
    assert written["variant_audits"] == len(TEMPLATES) * len(VARIANTS)
    assert written["checks"] == len(TEMPLATES) * sum(len(c.cases) for c in CHECKS.values())
    assert written["validity"] == {"pages": len(gate.built), "errors": len(gate.validity.errors),
                                   "ran": True}
    assert written["passed"] is gate.passed
    failed = written["pages_failed"] + written["variant_audits_failed"] + written["checks_failed"]
    assert failed == (sum(not r.passed for r in gate.pages.results)
                      + sum(not r.passed for r in gate.variant_results())
                      + sum(not c.passed for c in gate.checks))


@pytest.mark.parametrize("validity", [{"pages": 40, "errors": 2, "ran": True},
                                      {"pages": 0, "errors": 0, "ran": False}])
def test_html_errors_or_a_check_that_did_not_run_keep_the_record_from_passing(tmp_path, validity):
    record = tmp_path / "last-audit.json"
    write_audit_record(record, pages_failed=0, variant_audits_failed=0, checks_failed=0,
                       validity=validity, **COUNTS)
    data = read_record(record)
    assert data["passed"] is False and data["validity"] == validity


def test_record_claiming_a_pass_despite_html_errors_is_refused(tmp_path):
    record = tmp_path / "last-audit.json"
    write_audit_record(record, pages_failed=0, variant_audits_failed=0, checks_failed=0,
                       validity={"pages": 40, "errors": 0, "ran": True}, **COUNTS)
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["passed"] is True
    data["validity"]["errors"] = 3
    record.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError, match="validitas HTML"):
        read_record(record)
