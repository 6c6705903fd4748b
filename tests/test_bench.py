"""The benchmark's command line and its arithmetic, without running the benchmark itself.

`make bench` takes minutes; these tests check that its flags reach the run, that the step it
runs in a child process works, and that the figures it derives are computed as documented.
"""

from pathlib import Path

from click.testing import CliRunner

from warta import bench

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"


def test_help_documents_the_flags_the_makefile_passes():
    result = CliRunner().invoke(bench.bench, ["--help"], prog_name=bench.PROG)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Pemakaian: {bench.PROG} [PILIHAN]")
    for option in ("--articles", "--json", "--workers", "--axe-pages", "--keep", "--builds-only"):
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
    assert calls == [(200, 2, True, "hasil.json", 200, True)]


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
