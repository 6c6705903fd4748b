"""The benchmark's command line and its arithmetic, without running the benchmark itself.

`make bench` takes minutes; these tests check that its flags reach the run, that the step it
runs in a child process works, and that the figures it derives are computed as documented.
"""

import json
from pathlib import Path

from click.testing import CliRunner

from tools.bench import gate as bench_gate
from tools.bench import run as bench

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"


def test_help_documents_the_flags_the_makefile_passes():
    result = CliRunner().invoke(bench.bench, ["--help"], prog_name=bench.PROG)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Pemakaian: {bench.PROG} [PILIHAN]")
    for option in ("--articles", "--json", "--workers", "--axe-pages", "--keep", "--builds-only",
                   "--cold"):
        assert option in result.output
    # The steps run in child processes are not commands anyone types.
    assert "audit-pages" not in result.output and "Perintah" not in result.output


def test_flags_reach_the_run(monkeypatch):
    calls = []
    monkeypatch.setattr(bench, "run_bench", lambda *args: calls.append(args))
    result = CliRunner().invoke(
        bench.bench, ["--articles", "200", "--json", "hasil.json", "--builds-only", "--keep"]
    )
    assert result.exit_code == 0, result.output
    assert calls == [(200, 2, True, "hasil.json", 0, True, False)]


def test_the_default_portal_is_the_size_the_targets_are_set_for(monkeypatch):
    calls = []
    monkeypatch.setattr(bench, "run_bench", lambda *args: calls.append(args))
    assert CliRunner().invoke(bench.bench, []).exit_code == 0
    assert calls[0][0] == 2000


def test_a_portal_without_articles_is_refused(monkeypatch):
    monkeypatch.setattr(bench, "run_bench", lambda *args: None)
    result = CliRunner().invoke(bench.bench, ["--articles", "0"])
    assert result.exit_code == 2 and "--articles" in result.output


def test_build_step_builds_the_content_with_its_own_cache(tmp_path):
    result = CliRunner().invoke(
        bench.bench, ["build", str(TEST_CONTENT), str(tmp_path / "out"), str(tmp_path / "cache")]
    )
    assert result.exit_code == 0, result.output
    pages = sum(1 for _ in (tmp_path / "out").rglob("*.html"))
    assert result.output.strip().endswith(f"{pages} halaman") and pages > 0
    assert any((tmp_path / "cache").iterdir())


def test_axe_times_by_template_leave_reused_pages_out_and_put_the_slowest_first():
    report = {"pages": [
        {"template": "index", "axe_seconds": 0.2},
        {"template": "article", "axe_seconds": 0.5},
        {"template": "article", "axe_seconds": 0.1},
        {"template": "article", "axe_seconds": 0.3},
        {"template": "index", "axe_seconds": 9.0, "reused": True},
        {"template": None, "axe_seconds": None},
    ]}
    table = bench.axe_times_by_template(report)
    assert list(table) == ["article", "index", "?"]
    assert table["article"] == {"pages": 3, "median": 0.3, "p95": 0.5, "max": 0.5}
    assert table["index"]["pages"] == 1 and table["?"]["max"] == 0


def test_build_ratios_and_targets():
    vanilla = {"seconds": 10.0, "cpu_seconds": 8.0}
    cold = {"seconds": 11.0, "cpu_seconds": 10.0}
    warm = {"seconds": 2.0, "cpu_seconds": 0.0}
    ratios = bench.build_ratios(vanilla, cold, warm)
    assert ratios == {"warta_cold_over_vanilla": 1.1, "warm_over_cold": 0.182,
                      "cpu_warta_cold_over_vanilla": 1.25, "cpu_warm_over_cold": 0.0}
    assert bench.build_targets(ratios) == {"build_at_most_1_2x_vanilla": True,
                                           "warm_at_most_25_percent": True}


def record(tmp_path, **reused):
    path = tmp_path / "record.json"
    path.write_text(json.dumps({
        "passed": True, "pages": 100, "variant_audits": 40, "checks": 30,
        "validity": {"pages": 100, "errors": 0, "ran": True}, "reused": reused}))
    return path


def test_gate_figures_count_what_the_gate_judged_not_what_it_reused(tmp_path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"pages": [
        {"page": "index.html", "reused": False}, {"page": "a.html", "reused": True}]}))
    figures = bench_gate.gate_figures(
        record(tmp_path, pages=99, variant_audits=35, checks=30, validity=99), report,
        changed_pages=["index.html"])
    assert figures["pages_judged"] == 1 and figures["variant_audits_judged"] == 5
    assert figures["checks_judged"] == 0 and figures["validity_judged"] == 1
    assert figures["browser_work"] == 6
    assert figures["audited_every_changed_page"] is True


def test_a_changed_page_the_gate_took_from_its_cache_is_reported(tmp_path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"pages": [{"page": "index.html", "reused": True}]}))
    figures = bench_gate.gate_figures(record(tmp_path, pages=100), report,
                                      changed_pages=["index.html"])
    assert figures["audited_every_changed_page"] is False


def test_a_gate_without_a_record_gives_no_counts(tmp_path):
    assert bench_gate.gate_figures(tmp_path / "none.json", tmp_path / "none.json") == {
        "record": False}


def test_targets_say_met_missed_or_not_reached():
    figures = {
        "total_seconds": 1200, "complete": True,
        "steps": {"warta_warm_new_article": {"pages_changed": 14},
                  "gate_after_new_article": {"seconds": 70.0,
                                             "audited_every_changed_page": True}},
        "ratios": {},
    }
    found = bench.targets(figures)
    assert found["HTML pages changed by one new article"]["met"] is True
    assert found["whole gate after one new article, caches warm (s)"]["met"] is False
    assert found["the whole benchmark (min)"] == {"value": 20.0, "target": "<= 15", "met": False}
    assert found["HTML pages changed by one text edit"]["met"] is None
    assert found["the gate audited every page the new article changed"]["met"] is True
    lines = bench.table_lines({**figures, "targets": found, "steps": {}})
    assert any("TIDAK" in line and "after one new article" in line for line in lines)


def test_a_builds_only_run_is_not_held_to_the_default_runs_time_target():
    figures = {"total_seconds": 600, "builds_only": True, "steps": {}, "ratios": {}}
    assert bench.targets(figures)["the whole benchmark (min)"]["met"] is None


def test_a_stopped_run_is_not_held_to_the_run_time_target():
    figures = {"total_seconds": 30, "steps": {}, "ratios": {}}
    assert bench.targets(figures)["the whole benchmark (min)"]["met"] is None
