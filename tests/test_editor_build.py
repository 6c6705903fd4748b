"""The content checks in real builds and in `bin/warta periksa`: what editors see."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import run_warta

from warta import ROOT
from warta.commands.build import BuildError, build
from warta.content.lint import GUIDE, RULES

FINDING_LINE = re.compile(r"^\s*(?P<path>\S.*?):(?P<line>\d+): (?P<rule>[a-z0-9-]+): .+\(.+\)$")

GOOD = """Title: Pasar murah di Kecamatan Sukamaju
Date: 2024-05-02 10:00
Category: Diskominfo
Tags: pasar murah
Slug: pasar-murah-sukamaju
Summary: Pemkot Contoh membuka pasar murah di Kecamatan Sukamaju selama tiga hari.

Warga dapat membeli beras dan minyak goreng dengan harga terjangkau.
"""


def write(content_dir, name, text=GOOD, folder="berita"):
    path = content_dir / folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_html_content_file_is_refused(content_dir, build_site):
    write(content_dir, "pasar.html", "<html><head><title>Pasar</title></head><body>Isi</body></html>")
    with pytest.raises(BuildError, match=r"pasar.html:1: berkas-jenis: Warta hanya membaca tulisan dalam Markdown"):
        build_site(content_dir)


def test_markdown_content_file_is_read(content_dir, build_site):
    write(content_dir, "pasar.md")
    output = build_site(content_dir)
    assert (output / "berita/2024/pasar-murah-sukamaju/index.html").is_file()


def test_two_articles_with_the_same_url_fail_naming_both_files(content_dir, build_site):
    write(content_dir, "2024-05-02-pasar.md")
    write(content_dir, "2024-06-01-pasar-salinan.md", GOOD.replace("2024-05-02", "2024-06-01"))
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    line = next(entry for entry in str(error.value).splitlines() if "url-ganda" in entry)
    assert "2024-06-01-pasar-salinan.md:5: url-ganda:" in line
    assert "2024-05-02-pasar.md" in line
    assert "berita/2024/pasar-murah-sukamaju/index.html" in line


@pytest.mark.build
def test_same_slug_in_different_years_is_two_urls(content_dir, tmp_path):
    write(content_dir, "2024-05-02-pasar.md")
    write(content_dir, "2025-05-02-pasar.md", GOOD.replace("2024-05-02", "2025-05-02"))
    output = tmp_path / "output"
    warnings = build(output, content=content_dir).warnings
    assert warnings == []  # not Pelican's "There are 2 items with slug …" either
    assert (output / "berita/2024/pasar-murah-sukamaju/index.html").is_file()
    assert (output / "berita/2025/pasar-murah-sukamaju/index.html").is_file()


def test_two_pages_with_the_same_slug_fail(content_dir, build_site):
    page = "Title: Kontak\nSlug: kontak\nSummary: Cara menghubungi kami.\n\nIsi.\n"
    write(content_dir, "kontak.md", page, folder="halaman")
    write(content_dir, "kontak-lama.md", page, folder="halaman")
    with pytest.raises(BuildError, match=r"kontak.md:2: url-ganda: Berkas ini dan .*kontak-lama.md"):
        build_site(content_dir)


def test_duplicate_url_failure_leaves_the_previous_output_untouched(content_dir, build_site):
    output = build_site(content_dir)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    write(content_dir, "2024-05-02-pasar.md")
    write(content_dir, "2024-06-01-pasar-salinan.md", GOOD.replace("2024-05-02", "2024-06-01"))
    with pytest.raises(BuildError, match="url-ganda"):
        build_site(content_dir, output=output)
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before


def test_every_error_in_a_file_is_reported_at_its_line(content_dir, build_site):
    body = "# Judul\n\n![](/images/logo-kota-contoh.svg)\n\nInfo [klik di sini](https://a.example).\n"
    write(content_dir, "rusak.md", GOOD.split("\n\n")[0] + "\n\n" + body)
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    found = [(m["rule"], int(m["line"])) for m in map(FINDING_LINE.match, str(error.value).splitlines()) if m]
    assert found == [("subjudul-h1", 8), ("gambar-alt", 10), ("tautan-umum", 12)]


def test_warnings_are_reported_and_the_build_goes_on(content_dir, build_site, tmp_path):
    write(content_dir, "pasar.md", GOOD.replace("Tags: pasar murah", "Tags: pasar  murah"))
    findings = build(tmp_path / "out", content=content_dir).findings
    assert [(f.rule, f.line, f.severity) for f in findings] == [("metadata-tag", 4, "peringatan")]


def test_tags_differing_in_case_and_spacing_are_one_topic(content_dir, build_site):
    write(content_dir, "satu.md", GOOD.replace("Tags: pasar murah", "Tags: Pemkot  Contoh"))
    write(content_dir, "dua.md", GOOD.replace("Tags: pasar murah", "Tags: pemkot contoh")
          .replace("pasar-murah-sukamaju", "pasar-murah-kedua"))
    output = build_site(content_dir)
    topics = BeautifulSoup((output / "topik/index.html").read_text(encoding="utf-8"), "html.parser")
    names = [a.get_text(" ", strip=True) for a in topics.select("main a[href*='/topik/']")]
    assert sum("pemkot contoh" in n.lower() for n in names) == 1, names
    page = (output / "topik/pemkot-contoh/index.html").read_text(encoding="utf-8")
    assert "pasar-murah-sukamaju" in page and "pasar-murah-kedua" in page


@pytest.mark.build
def test_topic_shows_the_spelling_most_files_use_and_warns_the_odd_one(content_dir, tmp_path):
    for number, spelling in enumerate(["Pemkab Banjar", "Pemkab Banjar", "pemkab banjar"]):
        write(content_dir, f"berita-{number}.md",
              GOOD.replace("Tags: pasar murah", f"Tags: pasar murah, {spelling}")
              .replace("pasar-murah-sukamaju", f"pasar-murah-{number}"))
    result = build(tmp_path / "out", content=content_dir)
    found = [(Path(f.path).name, f.line, f.rule, f.message) for f in result.findings]
    assert found == [("berita-2.md", 4, "metadata-tag",
                      "Topik 'pemkab banjar' ditulis 'Pemkab Banjar' di berkas lain")]
    # The warm rebuild reads the same files from Pelican's cache and still sees the odd one.
    again = build(tmp_path / "out", content=content_dir)
    assert [(Path(f.path).name, f.line) for f in again.findings] == [("berita-2.md", 4)]
    page = BeautifulSoup((tmp_path / "out/topik/pemkab-banjar/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.h1.get_text(" ", strip=True) == "Topik: Pemkab Banjar"
    assert len(page.select("main article")) == 3
    # A capitalised name alone in one file is kept as written, with no warning.
    assert (tmp_path / "out/topik/pasar-murah/index.html").is_file()


@pytest.mark.build
def test_periksa_lists_findings_and_guide_links_and_fails(content_dir):
    write(content_dir, "rusak.md", GOOD.replace("Warga dapat", "Info [di sini](https://a.example). Warga dapat")
          .replace("Tags: pasar murah", "Tags: pasar  murah"))
    # A whole process: what an editor's terminal shows, a traceback included if there were one.
    run = subprocess.run([sys.executable, "-m", "warta", "periksa", "--content", str(content_dir)],
                         cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert run.returncode == 1
    assert re.search(r"rusak.md:8: tautan-umum: Teks tautan 'di sini' tidak menjelaskan tujuannya \(.+\)", run.stderr)
    assert re.search(r"rusak.md:4: metadata-tag: ", run.stderr)
    assert f"tautan-umum: {GUIDE}#tautan-umum" in run.stderr
    assert "1 kesalahan, 1 peringatan" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_periksa_passes_clean_content(content_dir):
    run = run_warta("periksa", "--content", str(content_dir))
    assert run.returncode == 0, run.stderr
    assert "0 kesalahan, 0 peringatan" in run.stdout


def test_periksa_checks_single_files_quickly(content_dir):
    path = write(content_dir, "rusak.md", GOOD.replace("Date: 2024-05-02 10:00", "Date: besok"))
    run = run_warta("periksa", "--content", str(content_dir), str(path))
    assert run.returncode == 1
    assert "rusak.md:2: metadata-tanggal: Tanggal 'besok' tidak dapat dibaca" in run.stderr


def test_periksa_help_lists_every_rule_and_where_the_guide_explains_it():
    run = run_warta("periksa", "--help")
    assert run.returncode == 0
    for rule in RULES:
        assert re.search(rf"^\s+[EP] {re.escape(rule)}\s", run.stdout, re.MULTILINE), rule
    assert f"{GUIDE}#" in run.stdout


@pytest.mark.build
def test_the_sample_portal_builds_with_no_warning_about_its_own_content(tmp_path):
    # A newcomer's first build is the sample: it shows good practice, so it passes every check
    # without a "Peringatan" section. The bad PDFs the checks report live in tests/fixtures/pdf/.
    # The search index can only warn about a portal with no news, which the sample is not.
    built = build(tmp_path / "output", SEARCH_INDEX=False)
    assert built.warnings == []
    assert [str(f) for f in built.findings] == []


@pytest.mark.build
def test_a_broken_article_stops_the_test_suite_with_the_editors_message(tmp_path):
    # The project as CI checks it out, with one mistake an editor might commit.
    copy = tmp_path / "warta"
    for name in ("examples", "theme", "plugins", "warta", "tests", "docs"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, copy / name,
                            ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    for name in ("publishconf.py", "pytest.ini"):
        shutil.copy(ROOT / name, copy / name)
    sample = copy / "examples" / "kota-contoh" / "content"
    write(sample, "2024-05-02-rusak.md",
          GOOD.replace("Warga dapat", "![](/images/logo-kota-contoh.svg)\n\nWarga dapat"))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_site.py::test_every_article_and_page_is_built"],
        cwd=copy, capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**{k: v for k, v in os.environ.items() if k != "WARTA_CITY_SETTINGS"},
             "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert run.returncode != 0
    assert "content/berita/2024-05-02-rusak.md:8: gambar-alt: Gambar tidak punya teks alternatif" in run.stdout + run.stderr


def test_an_article_taking_another_articles_url_fails_at_its_url_line(content_dir, build_site):
    write(content_dir, "2024-05-02-pasar.md")
    taker = GOOD.replace("Slug: pasar-murah-sukamaju", "Slug: pasar-lain\nUrl: berita/2024/pasar-murah-sukamaju/")
    write(content_dir, "2024-06-01-pengambil.md", taker)
    own = GOOD.replace("Slug: pasar-murah-sukamaju", "Slug: pasar-sendiri\nUrl: berita/2024/pasar-sendiri/"
                       "\nSave_as: berita/2024/pasar-sendiri/index.html")
    write(content_dir, "2024-06-02-alamat-sendiri.md", own)
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    lines = [entry for entry in str(error.value).splitlines() if "url-ganda" in entry]
    assert len(lines) == 1 and "2024-06-01-pengambil.md:6: url-ganda:" in lines[0], lines
