"""PPID (UU 14/2008, Perki 1/2021): documents, the Daftar Informasi Publik, its open data, and
editors' mistakes."""

import csv
import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import run_warta, soup_of

from warta import EXAMPLE, ROOT
from warta.commands.audit import find_pages
from warta.commands.build import BuildError, build
from warta.content.downloads import human_size
from warta.content.pdf import check_pdf
from warta.content.sections.ppid.open_data import FIELDS
from warta.content.sections.ppid.schema import CATEGORIES

SAMPLE_ATTACHMENTS = EXAMPLE / "content" / "ppid" / "lampiran"
# The bad PDFs live with the tests, not in the sample, which shows only good practice
# (tools/make_ppid_attachments.py writes both).
BAD_PDFS = ROOT / "tests" / "fixtures" / "pdf"
TAGGED_PDF = SAMPLE_ATTACHMENTS / "laporan-keuangan-diskominfo-2025.pdf"
UNTAGGED_PDF = BAD_PDFS / "tanpa-tag.pdf"
SCANNED_PDF = BAD_PDFS / "pindaian.pdf"
TODAY = "2026-11-22"  # freshness is measured against a fixed date, never the clock
STANDARD_PAGES = ["profil-ppid", "maklumat-pelayanan", "permohonan-informasi",
                  "pengajuan-keberatan", "standar-biaya", "laporan-layanan-informasi", "hubungi"]
CATEGORY_BY_TITLE = {c["title"]: c["name"] for c in CATEGORIES}


def text(element):
    return " ".join(element.get_text().split())


# --- A small PPID for the build tests ---------------------------------------------------------

def document_header(**fields):
    """A valid Berkala document's metadata; a field given as None is left out."""
    values = {
        "Title": "Laporan uji",
        "Slug": None,
        "Nomor": "B-001",
        "Kategori": "Berkala",
        "OPD": "Diskominfo",
        "Ringkasan": "Ringkasan uji.",
        "Dikuasai_oleh": "Sekretariat Diskominfo",
        "Penanggung_jawab": "Kepala Dinas Komunikasi dan Informatika",
        "Date": "2026-10-01",
        "Tempat": "Kota Contoh",
        "Bentuk": "Softcopy",
        "Retensi": "5 tahun",
    }
    values.update(fields)
    lines = []
    for key, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                lines.append(f"{key}: {item}")
    return "\n".join(lines)


def write_document(content_dir, name, body="Isi informasi uji.\n", **fields):
    fields.setdefault("Title", f"Informasi uji {Path(name).stem}")  # one address per file
    path = content_dir / "ppid" / "dokumen" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document_header(**fields) + "\n\n" + body, encoding="utf-8")
    return path


def add_attachment(content_dir, source):
    """Copy the PDF at ``source`` into the PPID attachments; returns its `Lampiran:` path."""
    target = content_dir / "ppid" / "lampiran" / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    return f"ppid/lampiran/{source.name}"


@pytest.fixture
def ppid_dir(content_dir):
    """The small test content plus one valid PPID document."""
    write_document(content_dir, "laporan-uji.md")
    return content_dir


def run_build(content_dir, tmp_path, *settings):
    """The build command as editors run it (`bin/warta build`), in this process (run_warta);
    returns the finished command."""
    override = tmp_path / "uji_pelicanconf.py"
    # Pelican resolves THEME and PLUGIN_PATHS from the settings file's folder: keep them ours.
    override.write_text(
        "import sys\nsys.path.insert(0, %r)\nfrom pelicanconf import *\n"
        "THEME = %r\nPLUGIN_PATHS = [%r]\n%s\n"
        % (str(EXAMPLE), str(ROOT / "theme"), str(ROOT / "plugins"), "\n".join(settings)),
        encoding="utf-8",
    )
    # The file puts the sample's folder first on the import path, for itself alone.
    path = list(sys.path)
    try:
        return run_warta("build", "--settings", override, "--content", content_dir,
                         "--output", tmp_path / "keluaran")
    finally:
        sys.path[:] = path
        sys.modules.pop("pelicanconf", None)


def assert_refused(run, *expected):
    """The build failed like an editor needs: exit 1, plain text naming file and field, no traceback."""
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "Traceback" not in output
    for fragment in expected:
        assert fragment in run.stderr, run.stderr


# --- Bad input: each fails the build naming the file and the field, with the fix -------------

@pytest.mark.build
def test_unknown_category_fails_the_build_listing_the_categories(ppid_dir, tmp_path):
    write_document(ppid_dir, "salah.md", Nomor="B-009", Kategori="Berkla")
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}"),
        "ppid/dokumen/salah.md:3: ppid-kolom: Kategori 'Berkla' tidak dikenal",
        "pilih salah satu dari: Berkala, Serta Merta, Tersedia Setiap Saat, Dikecualikan",
    )


@pytest.mark.build
def test_missing_dip_field_fails_the_build_naming_the_field_and_an_example(ppid_dir, tmp_path):
    write_document(ppid_dir, "kurang.md", Nomor="B-009", Penanggung_jawab=None)
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}"),
        "ppid/dokumen/kurang.md:1: ppid-kolom: Kolom DIP penanggung jawab pembuatan atau penerbitan "
        "(Penanggung_jawab) tidak ada",
        "tambahkan baris `Penanggung_jawab: …`",
    )


@pytest.mark.build
def test_attachment_that_does_not_exist_fails_the_build(ppid_dir, tmp_path):
    write_document(ppid_dir, "lampiran.md", Nomor="B-009",
                   Lampiran="ppid/lampiran/tidak-ada.pdf | Laporan yang hilang")
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}"),
        "ppid/dokumen/lampiran.md:12: ppid-lampiran: Lampiran 'ppid/lampiran/tidak-ada.pdf' tidak ditemukan",
        "jalurnya dihitung dari folder content/",
    )


@pytest.mark.build
def test_exempt_document_with_an_attachment_fails_the_build(ppid_dir, tmp_path):
    write_document(
        ppid_dir, "rahasia.md", Nomor="DK-001", Kategori="Dikecualikan",
        Dasar_hukum="UU 14/2008 Pasal 17 huruf h", Uji_konsekuensi="Penetapan 01/UK/2026",
        Lampiran=add_attachment(ppid_dir, TAGGED_PDF),
    )
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}"),
        "ppid/dokumen/rahasia.md:14: ppid-lampiran: Informasi Dikecualikan tidak boleh punya lampiran (Lampiran)",
        "hapus baris `Lampiran:`",
    )


@pytest.mark.build
def test_two_documents_with_the_same_number_fail_the_build_naming_both(ppid_dir, tmp_path):
    write_document(ppid_dir, "kembar.md", Title="Laporan kembar", Nomor="B-001")
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}"),
        "ppid/dokumen/laporan-uji.md:2: ppid-nomor-ganda: Nomor 'B-001' sudah dipakai oleh ",
        "ppid/dokumen/kembar.md (beri nomor lain",
    )


def test_exempt_document_without_legal_basis_fails_the_build(ppid_dir, build_site):
    write_document(ppid_dir, "rahasia.md", Nomor="DK-001", Kategori="Dikecualikan",
                   Uji_konsekuensi="Penetapan 01/UK/2026")
    with pytest.raises(BuildError, match=r"rahasia.md:1: ppid-kolom: Kolom DIP dasar hukum pengecualian "
                                         r"\(Dasar_hukum\) tidak ada"):
        build_site(ppid_dir, PPID_TODAY=TODAY)


def test_field_written_twice_fails_the_build(ppid_dir, build_site):
    write_document(ppid_dir, "ganda.md", Nomor="B-009", OPD=["Diskominfo", "Dinsos"])
    with pytest.raises(BuildError, match=r"ganda.md:5: ppid-kolom: Baris OPD ditulis lebih dari sekali"):
        build_site(ppid_dir, PPID_TODAY=TODAY)


def test_unreadable_retention_period_fails_the_build(ppid_dir, build_site):
    write_document(ppid_dir, "retensi.md", Nomor="B-009", Retensi="lama sekali")
    with pytest.raises(BuildError, match=r"retensi.md:11: ppid-kolom: Jangka waktu penyimpanan 'lama sekali'"):
        build_site(ppid_dir, PPID_TODAY=TODAY)


def test_damaged_pdf_fails_the_build_naming_the_attachment(ppid_dir, build_site):
    broken = ppid_dir / "ppid" / "lampiran" / "rusak.pdf"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"%PDF-1.4\nini bukan PDF yang utuh\n")
    write_document(ppid_dir, "rusak.md", Nomor="B-009", Lampiran="ppid/lampiran/rusak.pdf")
    # Refused where it lies, before any document that links it is read.
    with pytest.raises(BuildError, match=r"ppid/lampiran/rusak.pdf:1: pdf-rusak: "
                                         r"Berkas tidak dapat dibaca sebagai PDF"):
        build_site(ppid_dir, PPID_TODAY=TODAY)


# --- Freshness ----------------------------------------------------------------------------------

@pytest.mark.build
def test_berkala_older_than_six_months_is_a_warning_naming_file_and_date(ppid_dir, tmp_path):
    write_document(ppid_dir, "lama.md", Nomor="B-009", Date="2026-03-01")
    warnings = build(tmp_path / "keluaran", content=ppid_dir, PPID_TODAY=TODAY).warnings
    assert any(
        "lama.md:8: ppid-berkala-usang: Informasi Berkala 'B-009' terakhir diperbarui 1 Maret 2026, lebih dari "
        "6 bulan lalu" in w for w in warnings
    ), warnings
    assert not any("laporan-uji.md" in w for w in warnings)  # updated in October: fresh


@pytest.mark.build
def test_modified_date_keeps_a_berkala_document_fresh(ppid_dir, tmp_path):
    write_document(ppid_dir, "diperbarui.md", Nomor="B-009", Date="2025-01-01",
                   Modified="2026-09-01")
    warnings = build(tmp_path / "keluaran", content=ppid_dir, PPID_TODAY=TODAY).warnings
    assert not any("diperbarui.md" in w for w in warnings), warnings


@pytest.mark.build
def test_passed_retention_date_is_a_warning(ppid_dir, tmp_path):
    write_document(ppid_dir, "retensi.md", Nomor="SM-001", Kategori="Serta Merta",
                   Date="2024-02-10", Retensi="2 tahun")
    warnings = build(tmp_path / "keluaran", content=ppid_dir, PPID_TODAY=TODAY).warnings
    assert any("retensi.md:11: ppid-retensi-lewat: Masa retensi 'SM-001' (2 tahun) berakhir 10 Februari 2026" in w
               for w in warnings), warnings


@pytest.mark.build
def test_ppid_strict_turns_freshness_warnings_into_a_failed_build(ppid_dir, tmp_path):
    write_document(ppid_dir, "lama.md", Nomor="B-009", Date="2026-03-01")
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}", "PPID_STRICT = True"),
        "lama.md:8: ppid-berkala-usang: Informasi Berkala 'B-009' terakhir diperbarui 1 Maret 2026",
    )


# --- The attachment accessibility check -------------------------------------------------------

def test_tagged_sample_pdf_has_text_title_language_and_tags():
    check = check_pdf(TAGGED_PDF)
    assert check.passed and check.tagged
    assert check.lang == "id" and check.title.startswith("Laporan Keuangan")
    assert check.pages == 3


def test_untagged_pdf_passes_but_is_reported_untagged():
    check = check_pdf(UNTAGGED_PDF)
    assert check.passed and not check.tagged


def test_scanned_pdf_fails_for_text_layer_title_and_language():
    check = check_pdf(SCANNED_PDF)
    assert not check.passed and not check.has_text and not check.tagged
    assert len(check.problems) == 3, check.problems
    for problem, start in zip(check.problems, ("tidak ada lapisan teks", "tidak ada judul",
                                                "bahasa dokumen"), strict=True):
        assert problem.startswith(start), check.problems


@pytest.mark.build
def test_build_prints_the_pdf_summary_and_an_inaccessible_pdf_is_a_warning(ppid_dir, tmp_path):
    write_document(ppid_dir, "pindaian.md", Nomor="SS-001", Kategori="Tersedia Setiap Saat",
                   Lampiran=[add_attachment(ppid_dir, SCANNED_PDF),
                             add_attachment(ppid_dir, TAGGED_PDF)])
    run = run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}")
    assert run.returncode == 0, run.stderr
    assert "Peringatan (build tetap berjalan):" in run.stderr
    assert ("  Pemeriksaan aksesibilitas lampiran PDF PPID: 2 diperiksa, 1 lolos, "
            "1 gagal, 1 tanpa tag") in run.stderr
    assert (f"ppid/dokumen/pindaian.md:12: pdf-aksesibel: Lampiran 'ppid/lampiran/{SCANNED_PDF.name}' tidak "
            "aksesibel: tidak ada lapisan teks") in run.stderr
    assert "Build selesai" in run.stdout


@pytest.mark.build
def test_ppid_pdf_strict_turns_an_inaccessible_pdf_into_a_failed_build(ppid_dir, tmp_path):
    write_document(ppid_dir, "pindaian.md", Nomor="SS-001", Kategori="Tersedia Setiap Saat",
                   Lampiran=add_attachment(ppid_dir, SCANNED_PDF))
    assert_refused(
        run_build(ppid_dir, tmp_path, f"PPID_TODAY = {TODAY!r}", "PPID_PDF_STRICT = True"),
        f"Lampiran 'ppid/lampiran/{SCANNED_PDF.name}' tidak aksesibel",
    )


@pytest.mark.build
def test_inaccessible_attachment_is_flagged_on_its_page_with_a_way_to_ask_for_another(ppid_dir, tmp_path):
    write_document(ppid_dir, "pindaian.md", Slug="pindaian", Nomor="SS-001",
                   Kategori="Tersedia Setiap Saat", Lampiran=add_attachment(ppid_dir, SCANNED_PDF))
    write_document(ppid_dir, "bertag.md", Slug="bertag", Nomor="SS-002",
                   Kategori="Tersedia Setiap Saat", Lampiran=add_attachment(ppid_dir, TAGGED_PDF))
    output = tmp_path / "keluaran"
    build(output, content=ppid_dir, PPID_TODAY=TODAY)
    warning = soup_of(output, "ppid/dokumen/pindaian/index.html").select_one(".w-downloads__warning")
    assert "tidak ada lapisan teks" in text(warning)
    assert warning.a["href"] == "/ppid/hubungi/"
    tagged = soup_of(output, "ppid/dokumen/bertag/index.html")
    assert tagged.select_one(".w-downloads__warning") is None


def test_file_sizes_are_written_the_indonesian_way():
    assert human_size(812) == "812 bita"
    assert human_size(5032) == "4,9 KB"
    assert human_size(1258291) == "1,2 MB"


# --- The sample portal's PPID section ------------------------------------------------------------

@pytest.fixture(scope="module")
def dip_json_data(site):
    return json.loads((Path(site) / "ppid" / "dip.json").read_text(encoding="utf-8"))


def test_sample_portal_has_the_ppid_content_the_issue_asks_for(dip_json_data):
    rows = dip_json_data["informasi"]
    assert len(rows) >= 12
    assert {r["kategori"] for r in rows} == {c["name"] for c in CATEGORIES}
    assert len({r["opd"] for r in rows}) >= 3
    assert any(a["format"] == "PDF" for r in rows for a in r["lampiran"])


def test_ppid_section_has_a_home_dip_category_standard_and_document_pages(site, dip_json_data):
    expected = ["ppid/index.html", "ppid/dip/index.html"]
    expected += [f"ppid/{c['slug']}/index.html" for c in CATEGORIES]
    expected += [f"ppid/{slug}/index.html" for slug in STANDARD_PAGES]
    expected += [row["url"].lstrip("/") + "index.html" for row in dip_json_data["informasi"]]
    assert [p for p in expected if not (Path(site) / p).is_file()] == []


def test_every_ppid_page_has_one_h1_and_breadcrumbs_under_ppid(site):
    pages = [p for p in find_pages(site) if p.startswith("ppid/")]
    assert len(pages) >= 30
    for page in pages:
        soup = soup_of(site, page)
        assert len(soup.find_all("h1")) == 1, page
        crumbs = soup.select("nav.w-breadcrumbs li")
        # The PPID's own page sits under Beranda; every other PPID page under the PPID.
        above = ["Beranda"] if page == "ppid/index.html" else ["Beranda", "PPID"]
        assert [text(c) for c in crumbs[:2]] == above, page


def html_table_rows(soup):
    """The DIP table read back into DIP rows, keyed like dip.json."""
    rows = []
    for group in soup.select("table.w-dip tbody"):
        title = group.select_one(".w-dip__group-title").contents[0].strip()
        for tr in group.select("tr.w-dip__row"):
            cell = {td["data-label"]: td for td in tr.select("td")}
            information = tr.select_one(".w-dip__information")
            exemption = information.select_one(".w-dip__exemption")
            rows.append({
                "nomor": text(tr.select_one("th.w-dip__number")),
                "kategori": CATEGORY_BY_TITLE[title],
                "judul": text(information.select_one("a.w-dip__title")),
                "url": information.select_one("a.w-dip__title")["href"],
                "ringkasan": text(information.select_one(".w-dip__summary")),
                "opd": text(information.select_one(".w-dip__opd")),
                "tahun": int(text(information.select_one(".w-dip__year"))),
                "dasar_hukum": text(exemption.select_one(".w-dip__legal-basis")) if exemption else "",
                "uji_konsekuensi": (text(exemption.select_one(".w-dip__consequence-test"))
                                    if exemption else ""),
                "dikuasai_oleh": text(cell["Pejabat atau unit yang menguasai"]),
                "penanggung_jawab": text(cell["Penanggung jawab pembuatan atau penerbitan"]),
                "waktu_pembuatan": cell["Waktu dan tempat pembuatan"].time["datetime"],
                "tempat_pembuatan": text(cell["Waktu dan tempat pembuatan"].select_one(".w-dip__place")),
                "bentuk": text(cell["Bentuk informasi"]),
                "retensi": text(cell["Jangka waktu penyimpanan"]),
            })
    return rows


def test_dip_json_and_csv_match_the_html_table(site, dip_json_data):
    table = html_table_rows(soup_of(site, "ppid/dip/index.html"))
    keys = list(table[0])
    from_json = [{k: row[k] for k in keys} for row in dip_json_data["informasi"]]
    with open(Path(site) / "ppid" / "dip.csv", encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    from_csv = [{k: (int(row[k]) if k == "tahun" else row[k]) for k in keys} for row in csv_rows]
    assert len(table) == dip_json_data["jumlah"] == len(csv_rows) >= 12
    assert table == from_json
    assert table == from_csv
    # The attachments too: the CSV lists the same files as the JSON.
    assert [r["lampiran"] for r in csv_rows] == [
        " | ".join(a["url"] for a in row["lampiran"]) for row in dip_json_data["informasi"]
    ]


def test_open_data_carries_its_schema_and_every_field(dip_json_data, site):
    assert [c["nama"] for c in dip_json_data["kolom"]] == [name for name, _ in FIELDS]
    assert all(list(row) == [name for name, _ in FIELDS] for row in dip_json_data["informasi"])
    header = (Path(site) / "ppid" / "dip.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(name for name, _ in FIELDS)


def test_ppid_guide_documents_every_open_data_field():
    guide = (ROOT / "docs" / "ppid.md").read_text(encoding="utf-8")
    section = guide.split("## Open data", 1)[1]
    assert [name for name, _ in FIELDS if f"`{name}`" not in section] == []


def test_dip_table_has_a_caption_column_scopes_and_one_group_per_category(site):
    soup = soup_of(site, "ppid/dip/index.html")
    table = soup.select_one("table.w-dip")
    assert text(table.caption).startswith("Daftar Informasi Publik: 15 informasi")
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    assert len(table.thead.find_all("th")) == 7  # the seven DIP columns of Perki 1/2021
    groups = [g.select_one("th[scope=rowgroup]") for g in table.select("tbody")]
    assert [g.contents[0].strip() for g in groups] == [c["title"] for c in CATEGORIES]
    assert all(tr.th["scope"] == "row" for tr in table.select("tr.w-dip__row"))
    labels = [th.get_text() for th in table.thead.find_all("th")]
    for tr in table.select("tr.w-dip__row"):  # each cell names its column for narrow screens
        assert [c["data-label"] for c in tr.find_all(["th", "td"])] == labels


def test_year_filter_page_lists_only_that_year_and_marks_itself(site, dip_json_data):
    soup = soup_of(site, "ppid/dip/tahun/2025/index.html")
    rows = html_table_rows(soup)
    expected = [r["nomor"] for r in dip_json_data["informasi"] if r["tahun"] == 2025]
    assert [r["nomor"] for r in rows] == expected and expected
    current = soup.select('.w-dip-filter a[aria-current="page"]')
    assert [text(a) for a in current] == [f"2025 ({len(expected)})"]
    assert text(soup.h1) == "Daftar Informasi Publik Tahun 2025"


def test_agency_filter_page_lists_only_that_agency(site, dip_json_data):
    soup = soup_of(site, "ppid/dip/opd/dinas-kesehatan/index.html")
    expected = [r["nomor"] for r in dip_json_data["informasi"] if r["opd"] == "Dinkes"]
    assert [r["nomor"] for r in html_table_rows(soup)] == expected and expected
    assert all(link["href"].startswith("/ppid/dip/") for link in soup.select(".w-dip-filter a"))
    # Filtering needs no JavaScript: the only scripts are JSON-LD data blocks and the site-wide
    # display-preference and read-aloud scripts every page loads.
    site_wide = {"/theme/js/preferences-early.js", "/theme/js/listen.js"}
    assert all(s.get("type") == "application/ld+json" or s.get("src") in site_wide
               for s in soup.find_all("script"))


def test_document_page_shows_its_fields_as_a_description_list_and_its_body(site):
    soup = soup_of(site, "ppid/dokumen/laporan-keuangan-diskominfo-2025/index.html")
    terms = {text(dt): text(dd) for dt, dd in zip(soup.select(".w-ppid-meta dt"),
                                                  soup.select(".w-ppid-meta dd"), strict=True)}
    assert terms["Nomor"] == "B-001"
    assert terms["Kategori"] == "Informasi Berkala"
    assert terms["Waktu dan tempat pembuatan"] == "15 Juni 2026, Kota Contoh"
    assert terms["Jangka waktu penyimpanan"] == "10 tahun"
    assert {"Pejabat atau unit yang menguasai", "Penanggung jawab pembuatan atau penerbitan",
            "Bentuk informasi", "Perangkat daerah", "Tahun"} <= set(terms)
    assert soup.select_one(".w-prose table")  # the HTML version comes with the page


def test_download_link_states_format_size_and_pages_measured_at_build_time(site):
    soup = soup_of(site, "ppid/dokumen/laporan-keuangan-diskominfo-2025/index.html")
    link = soup.select_one("a.w-downloads__link")
    size = TAGGED_PDF.stat().st_size
    kilobytes = f"{size / 1024:.1f}".replace(".", ",").removesuffix(",0")
    assert text(link) == f"Unduh Laporan Keuangan Diskominfo 2025 (PDF, {kilobytes} KB, 3 halaman)"
    assert (Path(site) / link["href"].lstrip("/")).read_bytes() == TAGGED_PDF.read_bytes()


def test_exempt_document_shows_legal_basis_and_consequence_test_and_no_download(site):
    soup = soup_of(site, "ppid/dokumen/rekam-medis-pasien-puskesmas/index.html")
    terms = {text(dt): text(dd) for dt, dd in zip(soup.select(".w-ppid-meta dt"),
                                                  soup.select(".w-ppid-meta dd"), strict=True)}
    assert terms["Dasar hukum pengecualian"].startswith("UU 14/2008 Pasal 17")
    assert "Nomor 02/UK/PPID/2026" in terms["Uji konsekuensi"]
    assert soup.select(".w-downloads") == []
    assert text(soup.select_one(".w-ppid-exempt h2")) == "Informasi ini dikecualikan"


def test_category_pages_explain_the_category_and_list_its_documents(site, dip_json_data):
    for category in CATEGORIES:
        soup = soup_of(site, f"ppid/{category['slug']}/index.html")
        assert text(soup.h1) == category["title"]
        assert "Pasal" in text(soup.select_one(".w-prose"))  # the legal meaning, in plain words
        listed = [text(a) for a in soup.select(".w-card__title a")]
        expected = [r["judul"] for r in dip_json_data["informasi"] if r["kategori"] == category["name"]]
        assert listed == expected and listed


def test_keberatan_page_states_the_legal_deadlines(site):
    body = text(soup_of(site, "ppid/pengajuan-keberatan/index.html").main)
    for deadline in ("10 hari kerja", "7 hari kerja", "30 hari kerja", "14 hari kerja"):
        assert deadline in body


def test_ppid_links_in_markdown_point_into_the_ppid_section(site):
    soup = soup_of(site, "ppid/profil-ppid/index.html")
    assert soup.select_one('.w-prose a[href="/ppid/dip/"]')
    assert "{ppid}" not in str(soup) and "{filename}" not in str(soup)


def test_search_indexes_ppid_documents_and_pages_but_not_the_lists(site):
    indexed = {page for page in find_pages(site) if page.startswith("ppid/")
               and soup_of(site, page).select_one("main[data-pagefind-body]")}
    documents = {p for p in find_pages(site) if p.startswith("ppid/dokumen/")}
    standard = {f"ppid/{slug}/index.html" for slug in STANDARD_PAGES}
    assert indexed == documents | standard


def test_ppid_feed_lists_new_and_updated_information_newest_first(site, dip_json_data):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(Path(site) / "feed" / "ppid.atom.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    newest = sorted(dip_json_data["informasi"], key=lambda r: r["diperbarui"], reverse=True)
    assert entries and len(entries) == len(newest)
    assert " ".join(entries[0].find(f"{atom}title").text.split()) == newest[0]["judul"]
    assert entries[0].find(f"{atom}link").get("href").endswith(newest[0]["url"])
    assert soup_of(site, "ppid/dip/index.html").find(
        "link", rel="alternate", href=re.compile(r"ppid\.atom\.xml$"))


def test_ppid_is_in_the_main_navigation_and_on_the_home_page(site):
    home = soup_of(site, "index.html")
    assert [a["href"] for a in home.select(".w-nav a") if text(a) == "PPID"] == ["/ppid/"]
    assert home.select_one('.w-panel--ppid a[href="/ppid/"]')
    ppid_home = soup_of(site, "ppid/index.html")
    assert text(ppid_home.select_one('.w-nav a[aria-current="page"]')) == "PPID"


def test_hubungi_ppid_is_in_the_same_place_on_every_page(site):
    # WCAG 3.2.6 Consistent Help: the same link, in the same footer list, at the same position.
    positions = set()
    for page in find_pages(site):
        links = soup_of(site, page).select_one('footer [aria-labelledby="kaki-bantuan"]')("a")
        found = [i for i, a in enumerate(links) if text(a) == "Hubungi PPID"]
        assert found and links[found[0]]["href"] == "/ppid/hubungi/", page
        positions.add(found[0])
    assert len(positions) == 1
    contact = soup_of(site, "ppid/hubungi/index.html")
    assert contact.select_one('a[href^="mailto:"]') and contact.select_one('a[href^="tel:"]')


# --- The DIP at 320 CSS px, in real Chromium ---------------------------------------------------

@pytest.fixture
def narrow(browser):
    """Sets Chromium's viewport to 320 CSS px (WCAG 1.4.10), and back afterwards."""

    def apply(driver):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 320, "height": 800, "deviceScaleFactor": 1,
                                "mobile": False})

    yield apply
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_dip_at_320_px_stacks_rows_without_sideways_scrolling(auditor, browser, narrow):
    auditor.load("ppid/dip/index.html")
    narrow(browser)
    widths = browser.execute_script(
        "const wrap = document.querySelector('.w-dip-wrap');"
        "const row = document.querySelector('.w-dip__row');"
        "return {page: document.documentElement.scrollWidth, view: window.innerWidth,"
        " wrap: wrap.scrollWidth, wrapView: wrap.clientWidth, row: getComputedStyle(row).display};"
    )
    assert widths["view"] == 320
    assert widths["page"] <= 320, widths
    assert widths["wrap"] <= widths["wrapView"], widths
    assert widths["row"] == "block", widths


def test_dip_at_320_px_passes_axe(auditor, narrow):
    result = auditor.audit("ppid/dip/index.html", setup=narrow)
    assert result.passed, "\n" + result.format()


@pytest.mark.browser
@pytest.mark.build
def test_long_dip_and_category_lists_are_paginated_and_pass_axe(tmp_path):
    # A city's DIP runs to hundreds of rows: one page of 315 rows took axe over 5 s.
    output = tmp_path / "output"
    # The sample's content, from the content cache its session build filled; no search index.
    build(output, PPID_PER_PAGE=4, PPID_TODAY=TODAY, SEARCH_INDEX=False)
    dip = output / "ppid" / "dip"
    pages = [dip / "index.html"] + sorted(
        dip.glob("halaman/*/index.html"), key=lambda p: int(p.parent.name))
    assert len(pages) == 4  # 15 sample documents, 4 a page
    seen = []
    for number, page in enumerate(pages, start=1):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        seen += [link["href"] for link in soup.select("tbody td a[href*='/ppid/dokumen/']")]
        assert soup.caption.get_text(" ", strip=True).endswith(f"halaman {number} dari 4")
        nav = soup.find("nav", class_="w-pagination")
        assert nav["aria-label"] == "Halaman Daftar Informasi Publik"
        assert nav.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == f"Halaman {number}"
        if number > 1:
            assert f"halaman {number}" in soup.title.text
    rows = json.loads((output / "ppid" / "dip.json").read_text(encoding="utf-8"))["informasi"]
    assert len(seen) == len(set(seen)) == len(rows)  # every document once, over all pages
    berkala = output / "ppid" / "informasi-berkala"
    assert (berkala / "halaman" / "2" / "index.html").is_file()
    from warta.commands.audit import audit_site  # noqa: PLC0415

    run = audit_site(output, workers=1, use_cache=False, pages=[
        "ppid/dip/halaman/2/index.html", "ppid/informasi-berkala/halaman/2/index.html"])
    assert run.passed, "\n".join(r.format() for r in run.results)
