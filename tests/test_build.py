"""Building: editors' mistakes stop the build with a plain message, and output/ is never half-written."""

import subprocess
import sys

import pytest

from warta import ROOT
from warta.commands.build import BuildError


def write_article(content_dir, name, header, body="Isi berita.\n"):
    path = content_dir / "berita" / name
    path.write_text(header.strip() + "\n\n" + body, encoding="utf-8")
    return path


GOOD_HEADER = """
Title: Berita percobaan
Date: 2024-05-02 10:00
Category: Diskominfo
Slug: berita-percobaan
Summary: Ringkasan.
"""


def test_unparseable_date_fails_the_build_naming_file_line_and_fix(content_dir, build_site):
    write_article(content_dir, "rusak.md", GOOD_HEADER.replace("2024-05-02 10:00", "kemarin sore"))
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    message = str(error.value)
    assert "berita/rusak.md:2: metadata-tanggal: Tanggal 'kemarin sore' tidak dapat dibaca" in message
    assert "2024-04-29 09:30" in message  # how to fix it
    assert "Traceback" not in message


def test_ambiguous_date_is_refused_rather_than_guessed(content_dir, build_site):
    write_article(content_dir, "rusak.md", GOOD_HEADER.replace("2024-05-02 10:00", "04/05/2024"))
    with pytest.raises(BuildError, match=r"rusak.md:2: metadata-tanggal: Tanggal '04/05/2024'"):
        build_site(content_dir)


def test_date_not_on_the_calendar_fails_the_build(content_dir, build_site):
    write_article(content_dir, "rusak.md", GOOD_HEADER.replace("2024-05-02", "2024-02-30"))
    with pytest.raises(BuildError, match="tidak ada di kalender"):
        build_site(content_dir)


def test_missing_title_fails_the_build(content_dir, build_site):
    write_article(content_dir, "tanpa-judul.md", GOOD_HEADER.replace("Title: Berita percobaan\n", ""))
    with pytest.raises(BuildError, match=r"tanpa-judul.md:1: metadata-wajib: Judul \(Title\) tidak ada"):
        build_site(content_dir)


def test_unknown_agency_fails_the_build_listing_the_valid_ones(content_dir, build_site):
    write_article(content_dir, "opd.md", GOOD_HEADER.replace("Diskominfo", "Dinas Pariwisata"))
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    assert "opd.md:3: metadata-opd: Perangkat daerah 'Dinas Pariwisata' tidak terdaftar" in str(error.value)
    assert "Dinkes" in str(error.value)


def test_cover_without_alt_text_fails_the_build(content_dir, build_site):
    header = GOOD_HEADER + "Cover: images/logo-kota-contoh.svg\n"
    write_article(content_dir, "sampul.md", header)
    with pytest.raises(BuildError, match=r"sampul.md:6: gambar-alt: Gambar sampul tidak punya teks alternatif"):
        build_site(content_dir)


def test_every_broken_file_is_reported_in_one_build(content_dir, build_site):
    write_article(content_dir, "satu.md", GOOD_HEADER.replace("2024-05-02 10:00", "besok"))
    write_article(content_dir, "dua.md", GOOD_HEADER.replace("Title: Berita percobaan\n", ""))
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    assert "satu.md" in str(error.value) and "dua.md" in str(error.value)


def test_failed_build_leaves_the_previous_output_untouched(content_dir, build_site, tmp_path):
    output = build_site(content_dir)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    write_article(content_dir, "rusak.md", GOOD_HEADER.replace("2024-05-02 10:00", "kemarin"))
    with pytest.raises(BuildError):
        build_site(content_dir, output=output)
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_successful_build_replaces_the_output(content_dir, build_site):
    output = build_site(content_dir)
    (output / "sisa-lama.html").write_text("lama")
    write_article(content_dir, "baru.md", GOOD_HEADER)
    build_site(content_dir, output=output)
    assert not (output / "sisa-lama.html").exists()
    assert (output / "berita" / "2024" / "berita-percobaan" / "index.html").is_file()


@pytest.mark.build
def test_command_line_build_error_is_plain_text_with_nonzero_exit(content_dir, tmp_path):
    write_article(content_dir, "rusak.md", GOOD_HEADER.replace("2024-05-02 10:00", "kemarin"))
    run = subprocess.run(
        [sys.executable, "-m", "warta", "build", "--content", str(content_dir),
         "--output", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 1
    assert "rusak.md:2: metadata-tanggal: Tanggal 'kemarin' tidak dapat dibaca" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / "out").exists()
