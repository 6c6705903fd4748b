"""The gate's stages after the page audit are never silent: each says what it is when it starts,
shows done, rate and time left while it runs (plain lines every few percent in CI) and its time
when it ends. No browser here: the stages are fed by hand, and the browser checks fail to start
a browser on purpose."""

from dataclasses import dataclass

from warta.commands.audit import AuditError
from warta.commands.audit.progress import QuietStages, Stages
from warta.commands.gate import STAGES, check_keys, checks


@dataclass
class Done:
    page: str = "index.html"
    passed: bool = True
    reused: bool = False
    title: str = ""
    variant: str = ""


def test_a_stage_announces_itself_shows_progress_and_ends_with_its_time(capsys):
    stages = Stages(STAGES, mode="lines")
    with stages.stage("audit axe: 2 halaman", 2, "halaman") as progress:
        progress(1, 2, Done())
        progress(2, 2, Done(passed=False, variant="gelap"))
    with stages.stage("pemeriksaan browser: 100 pemeriksaan", 100, "pemeriksaan") as progress:
        for done in range(1, 101):
            failed = done == 7
            progress(done, 100, Done(passed=not failed, title="fokus terlihat (2.4.7) · beranda"))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Tahap 1/3: audit axe: 2 halaman"
    assert lines[2] == "GAGAL index.html [gelap]"  # one page, several variants: say which
    assert lines[4].startswith("Tahap 1/3 selesai: 2 halaman dalam ")
    assert lines[5] == "Tahap 2/3: pemeriksaan browser: 100 pemeriksaan"
    assert "GAGAL fokus terlihat (2.4.7) · beranda" in lines  # a failure as it happens, by name
    counted = [line for line in lines[6:] if line.startswith("[")]
    # A CI log gets a line every five percent, not one per check.
    assert 20 <= len(counted) <= 22, counted
    assert all("pemeriksaan/dtk" in line for line in counted)
    assert "sisa ~" in counted[2] and counted[-1].startswith("[100/100] 100%")
    assert lines[-1].startswith("Tahap 2/3 selesai: 100 pemeriksaan dalam ")


def test_without_stages_the_gate_prints_nothing_and_the_page_audit_keeps_its_progress(capsys):
    seen = []
    stages = QuietStages(lambda *args: seen.append(args))
    with stages.stage("audit axe", 1, "halaman") as progress:
        progress(1, 1, Done())
    with stages.stage("pemeriksaan browser", 5, "pemeriksaan") as progress:
        assert progress is None
    assert seen == [(1, 1, Done())]
    assert capsys.readouterr().out == ""


def test_the_browser_checks_report_each_result_even_when_no_browser_starts(monkeypatch):
    def no_browser(timeout):
        raise AuditError("Chromium tidak ditemukan")

    monkeypatch.setattr(checks, "start_browser", no_browser)
    seen = []
    pages = {"beranda": "index.html", "artikel": "berita/a/index.html"}
    results = checks.run_checks("http://127.0.0.1:1", pages, workers=2,
                                progress=lambda done, total, result: seen.append((done, total,
                                                                                  result)))
    total = len(check_keys(list(pages)))
    assert [(done, t) for done, t, _ in seen] == [(n, total) for n in range(1, total + 1)]
    assert all(not r.passed and "Chromium tidak ditemukan" in r.error for r in results)
    assert {result.title for _, _, result in seen} == {r.title for r in results}
