"""Review markers, ((tinjau: ...)): warnings while a portal is completed, never published.

`make html` and `make periksa` warn; `make publish` (publishconf.py) and the gate refuse a
marker a citizen would read, at the line that holds it; the preview shows each as an editor's
note on the page.
"""

import json

import pytest

from warta import EXAMPLE
from warta.commands.audit.record import write_audit_record
from warta.commands.build import BuildError, build
from warta.content.review import allowance_files, label_notes, published_markers
from warta.content.source_maps import source_map_path

AGENCY_HEAD = "tulis nama kepala Dinas Kesehatan"


@pytest.fixture
def marked(content_dir):
    """The test content with a marker in an agency's text, as kota-baru writes it."""
    agency = content_dir / "opd" / "dinas-kesehatan.md"
    text = agency.read_text(encoding="utf-8").rstrip("\n")
    agency.write_text(f"{text}\n\nKepala dinas: (({'tinjau'}: {AGENCY_HEAD})).\n",
                      encoding="utf-8")
    line = len(agency.read_text(encoding="utf-8").splitlines())
    return content_dir, agency, line


def test_an_ordinary_build_only_warns_about_a_marker(marked, build_site):
    content, agency, line = marked
    built = build(content.parent / "output", content=content, SEARCH_INDEX=False)
    review = [f for f in built.findings if f.rule == "perlu-ditinjau"]
    assert [(f.path, f.line, f.is_error) for f in review] == [(str(agency), line, False)]


def test_publishing_refuses_a_marker_a_citizen_would_read_at_its_line(marked, build_site):
    content, agency, line = marked
    with pytest.raises(BuildError) as failed:
        build_site(content, WARTA_REVIEW_BLOCKS=True)
    review = [text for text in failed.value.errors if "perlu-ditinjau" in text]
    assert len(review) == 1, failed.value.errors
    assert review[0].startswith(f"{agency}:{line}: perlu-ditinjau: Masih perlu ditinjau: "
                                f"{AGENCY_HEAD}; tampil bagi warga di /opd/dinas-kesehatan/")
    # One line for one marker: the warning it replaces is not printed as well.
    assert not [w for w in failed.value.warnings if "perlu-ditinjau" in w]
    assert not (content.parent / "output").exists()


def test_a_marker_in_a_draft_blocks_nothing(content_dir, build_site):
    (content_dir / "berita" / "2024-05-01-draf.md").write_text(
        "Title: Draf jadwal posyandu\nDate: 2024-05-01 08:00\nCategory: Dinkes\nStatus: draft\n"
        "Summary: Jadwal posyandu yang belum pasti.\n\nJadwal: ((tinjau: isi jadwal)).\n",
        encoding="utf-8")
    output = build_site(content_dir, WARTA_REVIEW_BLOCKS=True)
    assert (output / "index.html").is_file()


def test_a_marker_left_in_the_settings_blocks_publishing(content_dir, tmp_path, build_site):
    settings = tmp_path / "pelicanconf.py"
    city = (EXAMPLE / "pelicanconf.py").read_text(encoding="utf-8")
    settings.write_text(f"{city}\nWARTA_OFFICE_HOURS = [('Senin–Jumat', '08.00–16.00')]  "
                        "# ((tinjau: jam layanan))\n", encoding="utf-8")
    line = len(settings.read_text(encoding="utf-8").splitlines())
    with pytest.raises(BuildError) as failed:
        build_site(content_dir, settings_file=settings, WARTA_REVIEW_BLOCKS=True)
    assert [text for text in failed.value.errors if "perlu-ditinjau" in text] == [
        f"{settings}:{line}: perlu-ditinjau: Masih perlu ditinjau: jam layanan; nilai di baris "
        "ini tampil bagi warga (putuskan isinya, tulis di tempat tanda itu, lalu hapus tanda "
        "((tinjau: ...)))"]


def test_the_preview_shows_a_marker_as_an_editors_note(marked, build_site):
    content, _, _ = marked
    output = build_site(content, WARTA_PREVIEW=True)
    page = (output / "opd" / "dinas-kesehatan" / "index.html").read_text(encoding="utf-8")
    assert ('<mark class="w-review-note"><strong>Catatan editor, perlu ditinjau:</strong> '
            f"{AGENCY_HEAD}</mark>") in page
    assert "((tinjau:" not in page


def test_a_note_is_never_written_into_a_tag_or_the_title():
    page = ('<title>((tinjau: judul))</title><img alt="((tinjau: alt))">'
            "<p>((tinjau: isi))</p><script>x='((tinjau: s))'</script>")
    labelled = label_notes(page)
    assert labelled.count("<mark") == 1
    assert '<img alt="((tinjau: alt))">' in labelled and "<title>((tinjau: judul))" in labelled


def test_the_gate_names_markers_in_attributes_and_in_text(marked, build_site):
    content, agency, line = marked
    output = build_site(content)
    page = output / "tentang" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "<body", '<body data-uji="((tinjau: tanpa sumber))"', 1), encoding="utf-8")
    found = published_markers(output, content, None, source_map_path(output.resolve()))
    assert [(f.path, f.line, f.is_error) for f in found] == [
        (str(agency), line, True), ("output/tentang/index.html", None, True)]


def test_an_audit_record_with_markers_left_is_not_a_pass(tmp_path):
    record = write_audit_record(
        tmp_path / "last-audit.json", pages=1, pages_failed=0, variant_audits=0,
        variant_audits_failed=0, checks=0, checks_failed=0, templates=1, variants=[],
        axe_version="4", review_markers=2)
    assert record["passed"] is False
    assert json.loads((tmp_path / "last-audit.json").read_text())["review_markers"] == 2


def test_the_gate_counts_files_that_skip_editorial_rules(content_dir):
    article = content_dir / "berita" / "2024-04-29-uji-pertama.md"
    article.write_text("Lint_diizinkan: judul-panjang\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    assert allowance_files(content_dir) == [str(article)]
