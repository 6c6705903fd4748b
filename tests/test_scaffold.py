"""Scaffolding: `make berita` and `make dokumen` write a file that is complete but cannot be
published until the editor has replaced every placeholder."""

import datetime
import re
import subprocess
from zoneinfo import ZoneInfo

import pytest
from helpers import run_warta

from warta import ROOT
from warta.commands.build import BuildError, load_settings
from warta.commands.scaffold import PPID_CATEGORIES, PPID_EXEMPT_FIELDS, PPID_FIELDS
from warta.content.lint import Source, lint_file

JAKARTA = ZoneInfo("Asia/Jakarta")


def run(*args, cwd=ROOT):
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def new(content_dir, *args):
    return run_warta("baru", *args, "--content", content_dir)


def created(content_dir, result):
    assert result.returncode == 0, result.stderr
    relative = re.search(r"Berkas baru: (\S+)", result.stdout).group(1)
    matches = list(content_dir.rglob(relative.rsplit("/", 1)[-1]))
    assert len(matches) == 1
    return matches[0]


@pytest.mark.build
def test_make_berita_names_the_file_by_todays_jakarta_date_and_slug(content_dir):
    before = datetime.datetime.now(JAKARTA).date()
    title = "Pemkot Contoh buka \"pasar murah\" di Sukamaju, warga antusias"
    result = run("make", "--no-print-directory", "berita", f"JUDUL={title}", f"CONTENT={content_dir}")
    after = datetime.datetime.now(JAKARTA).date()
    path = created(content_dir, result)
    day = path.name[:10]
    assert day in (before.isoformat(), after.isoformat())  # Jakarta's date, not the machine's
    assert path.name == f"{day}-pemkot-contoh-buka-pasar-murah-di-sukamaju-warga-antusias.md"
    assert path.parent == content_dir / "berita"
    source = Source(path.read_text(encoding="utf-8"))
    assert source.value("title") == title
    assert source.value("slug") == path.name[11:-3]
    assert source.value("date").startswith(day)
    for field in ("title", "date", "category", "tags", "author", "slug", "summary", "cover", "cover_alt"):
        assert field in source.fields, field


def test_a_new_article_cannot_be_published_until_filled_in(content_dir, build_site):
    path = created(content_dir, new(content_dir, "berita", "Pasar murah di Sukamaju"))
    settings = load_settings(PATH=str(content_dir))
    rules = {f.rule for f in lint_file(path, settings)}
    assert rules == {"metadata-wajib", "isi-templat"}  # Category is empty, placeholders remain
    with pytest.raises(BuildError, match="isi-templat"):
        build_site(content_dir)


def test_a_filled_in_article_builds(content_dir, build_site):
    path = created(content_dir, new(content_dir, "berita", "Pasar murah di Sukamaju", "--opd", "Dinkes"))
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\[\[([^\]]*)\]\]", lambda m: m.group(1).rstrip(".") + " ditulis editor.", text)
    path.write_text(text, encoding="utf-8")
    output = build_site(content_dir)
    slug = Source(text).value("slug")
    year = path.name[:4]
    assert (output / "berita" / year / slug / "index.html").is_file()


def test_a_second_article_with_the_same_title_gets_its_own_slug(content_dir):
    first = created(content_dir, new(content_dir, "berita", "Pasar murah", "--tanggal", "2024-05-02"))
    second = created(content_dir, new(content_dir, "berita", "Pasar murah", "--tanggal", "2024-05-02"))
    assert first.name == "2024-05-02-pasar-murah.md"
    assert second.name == "2024-05-02-pasar-murah-2.md"
    assert Source(second.read_text(encoding="utf-8")).value("slug") == "pasar-murah-2"


@pytest.mark.build
@pytest.mark.parametrize("category", sorted(PPID_CATEGORIES))
def test_make_dokumen_writes_every_dip_field(content_dir, category):
    result = run("make", "--no-print-directory", "dokumen", "JUDUL=Laporan Keuangan 2024",
                 f"KATEGORI={category}", f"CONTENT={content_dir}")
    path = created(content_dir, result)
    assert path == content_dir / "ppid" / "dokumen" / "laporan-keuangan-2024.md"  # where plugins/ppid reads
    source = Source(path.read_text(encoding="utf-8"))
    for key, _ in PPID_FIELDS:
        assert key.lower() in source.fields, key
    assert source.value("kategori") == PPID_CATEGORIES[category]
    assert source.value("tahun") == source.value("date")[:4]
    exempt = [key.lower() for key, _ in PPID_EXEMPT_FIELDS]
    if category == "dikecualikan":
        assert all(key in source.fields for key in exempt) and "lampiran" not in source.fields
    else:
        assert not any(key in source.fields for key in exempt) and "lampiran" in source.fields


def test_unknown_document_category_is_refused_in_indonesian(content_dir):
    result = new(content_dir, "dokumen", "Laporan", "--kategori", "rahasia")
    assert result.returncode == 1
    assert "Kategori 'rahasia' tidak dikenal. Pilih salah satu dari: berkala" in result.stderr
    assert not (content_dir / "ppid").exists() or not any((content_dir / "ppid").iterdir())


@pytest.mark.build
def test_empty_title_is_refused(content_dir):
    result = run("make", "--no-print-directory", "berita", f"CONTENT={content_dir}")
    assert result.returncode != 0
    assert "Judul kosong" in result.stderr


def test_unknown_agency_is_refused_listing_the_valid_ones(content_dir):
    result = new(content_dir, "berita", "Pasar murah", "--opd", "Dinas Pariwisata")
    assert result.returncode == 1
    assert "Perangkat daerah 'Dinas Pariwisata' tidak terdaftar" in result.stderr
    assert "Dinkes" in result.stderr


@pytest.mark.parametrize("command", [["baru", "--help"], ["baru", "berita", "--help"], ["baru", "dokumen", "--help"]])
def test_scaffold_commands_explain_themselves(command):
    result = run_warta(*command)
    assert result.returncode == 0
    assert re.search(r"berita|dokumen", result.stdout)
    assert "Buat" in result.stdout and "Pilihan:" in result.stdout  # Click's own words too


def test_a_filled_in_document_is_published_by_the_ppid_plugin(content_dir, build_site):
    path = created(content_dir, new(content_dir, "dokumen", "Laporan Kinerja Diskominfo 2025",
                                    "--kategori", "berkala", "--opd", "Diskominfo"))
    answers = {"nomor": "B-901", "ringkasan": "Capaian kinerja Diskominfo tahun 2025.",
               "dikuasai_oleh": "Sekretariat Diskominfo", "penanggung_jawab": "Kepala Diskominfo",
               "tempat": "Kota Contoh", "bentuk": "Softcopy", "retensi": "5 tahun"}
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split(":", 1)[0].lower()
        if key in answers:
            line = f"{line.split(':', 1)[0]}: {answers[key]}"
        lines.append(line.replace("[[", "").replace("]]", ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = build_site(content_dir)
    assert (output / "ppid/dokumen/laporan-kinerja-diskominfo-2025/index.html").is_file()
    assert "B-901" in (output / "ppid/dip/index.html").read_text(encoding="utf-8")
