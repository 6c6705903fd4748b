"""The HTML audit report, from made-up audit runs: no browser needed to check what it shows.

The report of a real audit, and that it passes axe itself, are tested in test_audit_scale.py.
"""

from bs4 import BeautifulSoup

from warta.commands.audit import AuditRun, PageResult, Violation
from warta.commands.audit.report import write_reports

# An editor's headline is untrusted text: axe quotes it in its snippet of the failing element.
TITLE = 'Banjir <script>alert("x")</script> di Sukamaju'
PAGE = "berita/2024/banjir-di-sukamaju/index.html"
SOURCE = "berita/2024-05-02-banjir.md"


def failing_run():
    heading = Violation(
        rule="heading-order",
        impact="moderate",
        help="Heading levels should only increase by one",
        help_url="https://dequeuniversity.com/rules/axe/4.14/heading-order",
        nodes=[{"target": "h4", "html": f"<h4>{TITLE}</h4>"}],
    )
    results = [
        PageResult("index.html", "http://127.0.0.1/", "4.14.0", []),
        PageResult(PAGE, "http://127.0.0.1/berita/", "4.14.0", [heading]),
    ]
    return AuditRun(root="output", results=results, workers=2, duration=1.5, started=1.7e9)


def report_of(run, tmp_path, sources):
    paths = write_reports(run, tmp_path / "laporan", tmp_path / "output", sources)
    return paths["html"].read_text(encoding="utf-8")


def test_a_page_title_with_a_script_tag_is_shown_as_text(tmp_path):
    sources = {PAGE: {"source": SOURCE, "template": "article"}}
    text = report_of(failing_run(), tmp_path, sources)
    soup = BeautifulSoup(text, "html.parser")
    assert soup.find("script") is None and "<script" not in text
    snippets = [pre.get_text() for pre in soup.find_all("pre")]
    assert f"<h4>{TITLE}</h4>" in snippets  # shown whole, as axe quoted it
    assert "&lt;h4&gt;Banjir &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text


def test_report_is_an_indonesian_page_with_headings_and_table_headers(tmp_path):
    text = report_of(failing_run(), tmp_path, {})
    soup = BeautifulSoup(text, "html.parser")
    assert soup.html["lang"] == "id"
    assert soup.title.get_text() == "Laporan audit aksesibilitas (gagal)"
    assert [h.get_text() for h in soup.find_all("h1")] == ["Laporan audit aksesibilitas"]
    assert [h["id"] for h in soup.find_all("h2")] == ["aturan", "templat", "halaman"]
    for table in soup.find_all("table"):
        assert table.caption is not None
        assert all(th.get("scope") in ("row", "col") for th in table.find_all("th"))
    for section in soup.find_all("section"):
        assert soup.find(id=section["aria-labelledby"]).name == "h3"
    link = soup.find("a", string=PAGE)
    assert link["href"] == f"../output/{PAGE}"  # relative, so the report folder can move
    assert "Berkas sumber: tidak diketahui." in soup.get_text()  # no source map to name it


def test_report_of_a_clean_run_says_so(tmp_path):
    run = failing_run()
    run.results = run.results[:1]
    soup = BeautifulSoup(report_of(run, tmp_path, {}), "html.parser")
    verdict = soup.find(class_="w-report__verdict")
    assert verdict.get_text() == "Semua halaman lolos audit aksesibilitas."
    assert "w-report__verdict--lolos" in verdict["class"]
    assert soup.find(string="Tidak ada pelanggaran.") and soup.find(string="Tidak ada.")
