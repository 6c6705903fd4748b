"""Public services (content/layanan/): a page per service with its standar pelayanan, the
services page grouped by topic, each agency's services, and every editor's mistake refused."""

import gzip
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import header_of, refused, soup_of
from pelican import signals

from warta import EXAMPLE, ROOT
from warta.commands.build import load_settings
from warta.content.sections.services import home_problems, is_free

SAMPLE = EXAMPLE / "content" / "layanan"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def words(element):
    return " ".join(element.get_text().split())


def sample_services():
    return sorted(SAMPLE.glob("*.md"))


# --- The sample portal -------------------------------------------------------------------------

def test_every_sample_service_has_its_page_at_its_file_name(site):
    assert len(sample_services()) >= 8
    for path in sample_services():
        soup = soup_of(site, f"layanan/{path.stem}/index.html")
        assert len(soup.find_all("h1")) == 1
        assert words(soup.h1) == header_of(path)["title"][0]


def test_services_page_has_one_heading_per_topic_that_has_services_in_settings_order(site):
    settings = load_settings()
    used = {header_of(path)["topik"][0] for path in sample_services()}
    expected = [name for slug, name in settings["SERVICES_TOPICS"].items() if slug in used]
    soup = soup_of(site, "layanan/index.html")
    assert [words(h) for h in soup.main.find_all("h2")] == expected
    for section in soup.main.select("section[aria-labelledby]"):
        assert section.select("h3 a.w-card__link")
    links = {a["href"] for a in soup.main.select("h3 a.w-card__link")}
    assert links == {f"/layanan/{path.stem}/" for path in sample_services()}
    # The topic index at the top leads to each heading.
    for link in soup.select("nav[aria-label='Topik layanan'] a"):
        assert soup.find(id=link["href"].lstrip("#")).name == "h2"


def test_service_page_shows_requirements_numbered_procedure_and_fields_as_a_description_list(site):
    path = SAMPLE / "akta-kelahiran.md"
    fields = header_of(path)
    soup = soup_of(site, "layanan/akta-kelahiran/index.html")
    requirements = soup.find(id="persyaratan").find_next_sibling("ul")
    assert [words(li) for li in requirements.find_all("li")] == fields["persyaratan"]
    steps = soup.find(id="prosedur").find_next_sibling()
    assert steps.name == "ol"
    assert [words(li) for li in steps.find_all("li")] == fields["prosedur"]
    rows = {words(row.dt): words(row.dd) for row in soup.select("main dl .w-ppid-meta__row")}
    assert rows["Jangka waktu penyelesaian"] == fields["jangka_waktu"][0]
    assert rows["Biaya atau tarif"] == "Gratis, tidak dipungut biaya"
    assert rows["Produk layanan"] == fields["produk"][0]
    assert rows["Pengaduan, saran, dan masukan"] == fields["pengaduan"][0]
    assert rows["Lokasi"] and rows["Jam layanan"]


def test_service_page_names_its_agency_linking_to_the_agency_page(site):
    soup = soup_of(site, "layanan/imunisasi-dasar/index.html")
    (row,) = [r for r in soup.select("main dl .w-ppid-meta__row") if words(r.dt) == "Perangkat daerah"]
    assert row.dd.a["href"] == "/opd/dinas-kesehatan/" and words(row.dd.a) == "Dinas Kesehatan"


def test_service_without_place_or_hours_takes_its_agencys_address_and_office_hours(site):
    assert "lokasi" not in header_of(SAMPLE / "kartu-keluarga.md")
    soup = soup_of(site, "layanan/kartu-keluarga/index.html")
    rows = {words(row.dt): words(row.dd) for row in soup.select("main dl .w-ppid-meta__row")}
    agency = header_of(EXAMPLE / "content" / "opd" / "dinas-kependudukan.md")
    assert rows["Lokasi"] == agency["alamat"][0]
    assert rows["Jam layanan"] == agency["jam_layanan"][0]


def test_paid_service_shows_its_tariff_as_written(site):
    soup = soup_of(site, "layanan/surat-keterangan-sehat/index.html")
    rows = {words(row.dt): words(row.dd) for row in soup.select("main dl .w-ppid-meta__row")}
    assert rows["Biaya atau tarif"].startswith("Rp25.000")


def test_online_service_links_to_its_https_application(site):
    soup = soup_of(site, "layanan/ktp-el/index.html")
    link = soup.select_one("main a.w-button-link")
    assert link["href"] == header_of(SAMPLE / "ktp-el.md")["daring"][0]
    assert link["href"].startswith("https://") and words(link) == "Ajukan layanan ini secara daring"


def test_service_form_is_published_with_its_format_size_and_pages(site):
    soup = soup_of(site, "layanan/akta-kelahiran/index.html")
    link = soup.select_one("#formulir-layanan ~ ul a.w-downloads__link")
    assert link["href"] == "/layanan/formulir/formulir-pelaporan-kelahiran.pdf"
    assert (Path(site) / link["href"].lstrip("/")).is_file()
    assert words(link).startswith("Unduh Formulir pelaporan kelahiran (F-2.01) (PDF, ")
    assert words(link).endswith("1 halaman)")
    assert soup.select_one(".w-downloads__warning") is None  # the form passed the PDF check


def test_agency_page_lists_its_services(site):
    soup = soup_of(site, "opd/dinas-kependudukan/index.html")
    links = [a["href"] for a in soup.select("#layanan-opd ~ ul a")]
    expected = [f"/layanan/{p.stem}/" for p in sample_services()
                if header_of(p)["opd"] == ["Disdukcapil"]]
    assert sorted(links) == sorted(expected) and len(links) >= 3
    # An agency without services has no empty section.
    assert soup_of(site, "opd/bpbd/index.html").find(id="layanan-opd") is None


def test_layanan_follows_beranda_in_the_menu(site):
    soup = soup_of(site, "index.html")
    labels = [words(a) for a in soup.select("nav[aria-label='Menu utama'] a")]
    assert labels[:2] == ["Beranda", "Layanan"]
    current = soup_of(site, "layanan/index.html").select_one("nav a[aria-current='page']")
    assert words(current) == "Layanan"


def test_service_pages_are_in_the_sitemap(site):
    tree = ET.parse(Path(site) / "sitemap.xml")
    urls = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    for path in sample_services():
        assert any(url.endswith(f"/layanan/{path.stem}/") for url in urls), path.stem
    assert any(url.endswith("/layanan/") for url in urls)


def test_service_pages_are_in_site_search_and_the_services_page_is_not(site):
    fragments = [gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd")
                 for p in (Path(site) / "pagefind" / "fragment").glob("*.pf_fragment")]
    indexed = {json.loads(fragment)["url"] for fragment in fragments}
    for path in sample_services():
        assert f"/layanan/{path.stem}/" in indexed, path.stem
    assert "/layanan/" not in indexed


def test_sample_services_cover_four_topics_free_paid_online_and_a_form():
    headers = [header_of(path) for path in sample_services()]
    assert len({h["topik"][0] for h in headers}) >= 4
    assert any(is_free(h["biaya"][0]) for h in headers)
    assert any(not is_free(h["biaya"][0]) for h in headers)
    assert any(h.get("daring") for h in headers)
    assert any(h.get("lampiran", [""])[0].split("|")[0].strip().endswith(".pdf") for h in headers)


def test_sample_home_services_name_sample_services():
    settings = load_settings()
    assert 4 <= len(settings["WARTA_HOME_SERVICES"]) <= 6
    assert set(settings["WARTA_HOME_SERVICES"]) <= {path.stem for path in sample_services()}


# --- Editors' mistakes -------------------------------------------------------------------------

SERVICE = [
    ("Title", "Pemeriksaan kesehatan calon pengantin"),          # 1
    ("Summary", "Pemeriksaan kesehatan sebelum menikah."),      # 2
    ("OPD", "Dinkes"),                                          # 3
    ("Topik", "kesehatan"),                                     # 4
    ("Persyaratan", "KTP-el kedua calon pengantin"),            # 5
    ("Persyaratan", "Surat pengantar dari kelurahan"),          # 6
    ("Prosedur", "Daftar di loket puskesmas"),                  # 7
    ("Prosedur", "Jalani pemeriksaan dan imunisasi"),           # 8
    ("Jangka_waktu", "1 hari kerja"),                           # 9
    ("Biaya", "Gratis"),                                        # 10
    ("Produk", "Surat keterangan kesehatan calon pengantin"),   # 11
    ("Lokasi", "Semua puskesmas"),                              # 12
    ("Jam_layanan", "Senin–Jumat, 08.00–12.00 WIB"),            # 13
    ("Pengaduan", "LAPOR! Kota Contoh"),                        # 14
]
BODY = "Datang bersama calon pasangan.\n"


def write_service(content_dir, fields=SERVICE, body=BODY, name="uji.md", drop=(), **changes):
    """A service file: ``fields`` less the keys in ``drop``, with ``changes`` replacing or
    adding single fields."""
    lines = [(key, changes.pop(key, value)) for key, value in fields if key not in drop]
    lines += list(changes.items())
    path = content_dir / "layanan" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(f"{key}: {value}" for key, value in lines) + "\n\n" + body,
                    encoding="utf-8")
    return path


@pytest.fixture
def build_services(build_site):
    """build_services for test content with services of its own: the sample settings feature the
    sample services on the home page (WARTA_HOME_SERVICES), which this content does not have."""

    def _build(content, **overrides):
        return build_site(content, **{"WARTA_HOME_SERVICES": [], **overrides})

    return _build


def test_valid_service_builds_its_page_and_the_services_page(content_dir, build_services):
    write_service(content_dir)
    output = build_services(content_dir)
    soup = soup_of(output, "layanan/uji/index.html")
    assert words(soup.h1) == "Pemeriksaan kesehatan calon pengantin"
    assert words(soup.select_one("main .w-prose")) == BODY.strip()
    assert (output / "layanan" / "index.html").is_file()


def test_service_without_requirements_fails_the_build(content_dir, build_services):
    write_service(content_dir, drop={"Persyaratan"})
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:1: layanan-kolom: Persyaratan (Persyaratan) tidak ada" in error, error
    assert "tulis satu baris `Persyaratan: …` untuk setiap butir" in error


def test_service_without_procedure_fails_the_build(content_dir, build_services):
    write_service(content_dir, drop={"Prosedur"})
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:1: layanan-kolom: Prosedur (Prosedur) tidak ada" in error, error


def test_service_of_an_unknown_agency_fails_the_build_listing_the_agencies(content_dir, build_services):
    write_service(content_dir, OPD="Dishub")
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:3: metadata-opd: Perangkat daerah 'Dishub' tidak terdaftar" in error, error
    assert "Dinkes, Diskominfo" in error


def test_service_with_an_unknown_topic_fails_the_build_listing_the_topics(content_dir, build_services):
    write_service(content_dir, Topik="kesenian")
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:4: layanan-topik: Topik 'kesenian' tidak dikenal" in error, error
    assert "pilih salah satu dari: kependudukan, kesehatan, pendidikan" in error


def test_topic_is_matched_by_its_name_in_any_case(content_dir, build_services):
    write_service(content_dir, Topik="KESEHATAN")
    output = build_services(content_dir)
    assert words(soup_of(output, "layanan/index.html").main.h2) == "Kesehatan"


def test_service_linking_a_missing_attachment_fails_the_build(content_dir, build_services):
    write_service(content_dir, Lampiran="layanan/formulir/hilang.pdf | Formulir")
    error = refused(build_services, content_dir)
    assert ("content/layanan/uji.md:15: layanan-lampiran: Lampiran 'layanan/formulir/hilang.pdf' "
            "tidak ditemukan") in error, error


def test_service_attachment_that_fails_the_pdf_check_fails_the_build(content_dir, build_services):
    forms = content_dir / "layanan" / "formulir"
    forms.mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "pdf" / "pindaian.pdf", forms / "pindaian.pdf")
    write_service(content_dir, Lampiran="layanan/formulir/pindaian.pdf | Formulir")
    error = refused(build_services, content_dir)
    assert ("content/layanan/uji.md:15: pdf-aksesibel: Lampiran 'layanan/formulir/pindaian.pdf' "
            "tidak aksesibel: tidak ada lapisan teks") in error, error


@pytest.mark.parametrize("link", ["http://layanan.kotacontoh.example/ktp",
                                  "javascript:alert(1)", "layanan.kotacontoh.example"])
def test_online_link_that_is_not_https_fails_the_build(content_dir, build_services, link):
    write_service(content_dir, Daring=link)
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:15: layanan-tautan: Alamat layanan daring" in error, error
    assert "diawali https://" in error


def test_every_problem_of_a_service_is_reported_in_one_build(content_dir, build_services, tmp_path):
    write_service(content_dir, drop={"Prosedur", "Biaya"}, Topik="kesenian",
                  Daring="http://contoh.example/")
    output = tmp_path / "output"
    error = refused(build_services, content_dir)
    for expected in ("uji.md:1: layanan-kolom: Prosedur", "uji.md:1: layanan-kolom: Biaya",
                     "uji.md:4: layanan-topik:", "uji.md:12: layanan-tautan:"):
        assert expected in error, (expected, error)
    assert "Traceback" not in error
    assert not output.exists()  # a failed build writes nothing


def test_long_requirement_continued_on_an_indented_line_stays_one_item(content_dir, build_services):
    fields = [(k, v) for k, v in SERVICE if k != "Persyaratan"]
    fields.insert(4, ("Persyaratan", "Surat pengantar dari kelurahan\n    tempat calon pengantin perempuan tinggal"))
    write_service(content_dir, fields)
    output = build_services(content_dir)
    soup = soup_of(output, "layanan/uji/index.html")
    items = [words(li) for li in soup.find(id="persyaratan").find_next_sibling("ul").find_all("li")]
    assert items == ["Surat pengantar dari kelurahan tempat calon pengantin perempuan tinggal"]


def test_service_file_name_that_cannot_be_an_address_is_refused(content_dir, build_services):
    write_service(content_dir, name="Calon Pengantin.md")
    error = refused(build_services, content_dir)
    assert "content/layanan/Calon Pengantin.md:1: layanan-kolom: Nama berkas" in error, error


def test_script_in_a_service_body_fails_the_build(content_dir, build_services):
    write_service(content_dir, body="Datang pagi.\n\n<script>alert(1)</script>\n")
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:18: html-script:" in error, error


def test_markup_in_service_fields_is_printed_as_text(content_dir, build_services):
    write_service(content_dir, Produk="&lt;img src=x onerror=alert(1)&gt;",
                  Persyaratan="&lt;script&gt;alert(1)&lt;/script&gt;")
    output = build_services(content_dir)
    soup = soup_of(output, "layanan/uji/index.html")
    assert soup.find("img", src="x") is None
    assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
    assert "<img src=x onerror=alert(1)>" in words(soup.main)


def test_switched_off_services_write_nothing(content_dir, build_services):
    write_service(content_dir)
    output = build_services(content_dir, WARTA_SECTIONS=["video", "magazines"],
                        WARTA_MENU=[("Beranda", "")])
    assert not (output / "layanan").exists()
    assert (output / "index.html").is_file()


def test_context_holds_services_sorted_by_title_and_by_slug(content_dir, build_services):
    write_service(content_dir, name="b-calon-pengantin.md")
    write_service(content_dir, name="a-imunisasi.md", Title="Imunisasi anak sekolah")
    seen = {}

    def look(generators):
        context = generators[0].context
        seen["titles"] = [s.plain_title for s in context["services"]]
        seen["slugs"] = sorted(context["services_by_slug"])

    signals.all_generators_finalized.connect(look)
    try:
        build_services(content_dir)
    finally:
        signals.all_generators_finalized.disconnect(look)
    assert seen["titles"] == ["Imunisasi anak sekolah", "Pemeriksaan kesehatan calon pengantin"]
    assert seen["slugs"] == ["a-imunisasi", "b-calon-pengantin"]


def test_home_service_that_names_no_service_fails_at_its_settings_line(content_dir, build_services):
    write_service(content_dir)
    error = refused(build_services, content_dir, WARTA_HOME_SERVICES=["uji", "ktp-el"])
    assert "pelicanconf.py:" in error and ": layanan-utama: WARTA_HOME_SERVICES menyebut " \
        "layanan 'ktp-el' yang tidak ada" in error, error
    assert "'uji' yang tidak ada" not in error


def test_home_service_problem_points_at_the_line_naming_it(tmp_path):
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text('WARTA_HOME_SERVICES = [\n    "ktp-el",\n    "akta-lahir",\n]\n')
    settings = {"WARTA_HOME_SERVICES": ["ktp-el", "akta-lahir"],
                "WARTA_SETTINGS_FILE": str(settings_file)}
    (problem,) = home_problems(settings, {"ktp-el": object(), "kartu-keluarga": object()})
    assert problem.line == 3 and problem.rule == "layanan-utama"
    assert "pilih dari: kartu-keluarga, ktp-el" in str(problem)


def test_cost_written_as_free_reads_the_same_way():
    for cost in ("Gratis", "gratis.", "Rp0", "Rp 0", "Tidak dipungut biaya"):
        assert is_free(cost), cost
    assert not is_free("Rp25.000")


def test_service_body_goes_through_the_sanitizer_like_every_other_content(content_dir,
                                                                          build_services):
    # A form collecting NIK for another site, which the Markdown checks let through: only the
    # sanitizer, which runs on every content object Pelican's readers make, finds it.
    write_service(content_dir, body='<form action="https://contoh.invalid/"><input name="nik"></form>\n')
    error = refused(build_services, content_dir)
    assert "content/layanan/uji.md:16: html-tidak-diizinkan:" in error, error
