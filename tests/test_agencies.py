"""Agencies (OPD) as content: one file each in content/opd/, a page for every one of them."""

from pathlib import Path

import pytest
from helpers import soup_of

from warta.commands.build import BuildError, load_settings
from warta.content.sections.agencies import agencies, read_agencies, tel_link

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kota-contoh" / "content" / "opd"


def text(element):
    return " ".join(element.get_text().split())


def write_agency(content_dir, name, **fields):
    lines = {"Title": "Dinas Perhubungan", "Singkatan": "Dishub",
             "Tugas": "Mengatur lalu lintas dan angkutan umum kota.", **fields}
    header = "\n".join(f"{key}: {value}" for key, value in lines.items() if value is not None)
    path = content_dir / "opd" / name
    path.write_text(header + "\n\nProfil singkat.\n", encoding="utf-8")
    return path


def test_every_agency_file_has_its_page_even_without_news(site):
    for path in sorted(SAMPLE.glob("*.md")):
        assert (Path(site) / "opd" / path.stem / "index.html").is_file(), path.name
    soup = soup_of(site, "opd/bpbd/index.html")
    assert text(soup.h1) == "Badan Penanggulangan Bencana Daerah"
    assert "Belum ada berita dari perangkat daerah ini." in text(soup.main)
    assert soup.select_one('a[href="tel:+62210000808"]') is not None


def test_agencies_page_lists_every_agency_by_letter_with_a_letter_index(site):
    soup = soup_of(site, "opd/index.html")
    names = [text(a) for a in soup.select(".w-agency-list__title a")]
    assert len(names) == len(list(SAMPLE.glob("*.md")))
    assert names == sorted(names, key=str.casefold)
    letters = [text(a) for a in soup.select(".w-letter-index a")]
    assert letters == sorted({name[0].upper() for name in names})
    for link in soup.select(".w-letter-index a"):
        assert soup.find(id=link["href"].lstrip("#")) is not None


def test_news_name_their_agency_in_full_and_link_to_its_page(site):
    soup = soup_of(site, "berita/2024/jadwal-ppdb-2024/index.html")
    link = soup.select_one(".w-article__meta a[href^='/opd/']")
    assert link["href"] == "/opd/dinas-pendidikan/" and text(link) == "Dinas Pendidikan"
    agency = soup_of(site, "opd/dinas-pendidikan/index.html")
    assert "/berita/2024/jadwal-ppdb-2024/" in {a["href"] for a in agency.select("a")}
    assert (Path(site) / "opd/dinas-pendidikan/berita/index.html").is_file()


def test_agency_page_lists_its_ppid_documents_and_videos(site):
    soup = soup_of(site, "opd/dinas-kesehatan/index.html")
    assert soup.select("#ppid-opd ~ ul a[href^='/ppid/dokumen/']")
    assert soup.select("#video-opd ~ ul a[href^='/video/']")


def test_agency_without_singkatan_fails_the_build_at_its_line(content_dir, build_site):
    write_agency(content_dir, "dishub.md", Singkatan=None)
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    assert ("opd/dishub.md:1: opd-kolom: Singkatan yang ditulis editor sebagai `Category:` "
            "(Singkatan) tidak ada") in str(error.value)


def test_two_agencies_with_the_same_singkatan_fail_naming_the_first(content_dir, build_site):
    write_agency(content_dir, "dishub.md", Singkatan="Dinkes")
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    assert ("opd/dishub.md:2: opd-kolom: Singkatan 'Dinkes' sudah dipakai oleh "
            "dinas-kesehatan.md") in str(error.value)


@pytest.mark.parametrize("website", ["javascript:alert(1)", "data:text/html,x", "dinkes.example"])
def test_agency_website_must_be_a_web_address(content_dir, build_site, website):
    write_agency(content_dir, "dishub.md", Situs=website)
    with pytest.raises(BuildError, match=r"opd/dishub.md:4: opd-kolom: Alamat situs"):
        build_site(content_dir)


def test_file_name_that_cannot_be_an_address_is_refused(content_dir, build_site):
    write_agency(content_dir, "Dinas Perhubungan.md")
    with pytest.raises(BuildError, match=r"Dinas Perhubungan.md:1: opd-nama-berkas"):
        build_site(content_dir)


def test_category_that_names_no_agency_file_lists_the_singkatan(content_dir, build_site):
    (content_dir / "berita" / "2024-05-02-dishub.md").write_text(
        "Title: Jalur sepeda baru\nDate: 2024-05-02 10:00\nCategory: Dishub\n"
        "Summary: Ringkasan.\n\nIsi.\n", encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    message = str(error.value)
    assert "2024-05-02-dishub.md:3: metadata-opd: Perangkat daerah 'Dishub' tidak terdaftar" in message
    assert "Dinkes, Diskominfo" in message and "content/opd/" in message


def test_an_agency_added_as_a_file_is_a_valid_category(content_dir, build_site):
    write_agency(content_dir, "dinas-perhubungan.md")
    (content_dir / "berita" / "2024-05-02-dishub.md").write_text(
        "Title: Jalur sepeda baru\nDate: 2024-05-02 10:00\nCategory: Dishub\n"
        "Summary: Ringkasan.\n\nIsi.\n", encoding="utf-8")
    output = build_site(content_dir)
    soup = soup_of(output, "opd/dinas-perhubungan/index.html")
    assert text(soup.h1) == "Dinas Perhubungan"
    assert [text(a) for a in soup.select("#berita-opd ~ ul .w-card__link")] == ["Jalur sepeda baru"]


def test_the_sample_agencies_read_without_problems():
    found, problems = read_agencies(load_settings())
    assert problems == []
    assert {agency.slug for agency in found} == {p.stem for p in SAMPLE.glob("*.md")}
    assert len({agency.name for agency in agencies(load_settings())}) == len(found)


@pytest.mark.parametrize("written, link", [
    ("(021) 000-0101", "tel:+62210000101"), ("0812-3456-7890", "tel:+6281234567890"),
    ("+62 21 555 1234", "tel:+62215551234"), ("112", "tel:112"), ("", ""), ("lihat situs", ""),
])
def test_phone_numbers_become_tel_links(written, link):
    assert tel_link(written) == link


def test_agency_profile_is_checked_like_any_other_content(content_dir, build_site):
    path = write_agency(content_dir, "dishub.md")
    path.write_text(path.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", "utf-8")
    with pytest.raises(BuildError, match=r"opd/dishub.md:\d+: html-script"):
        build_site(content_dir)


def test_removing_an_agency_file_is_seen_by_a_warm_rebuild(content_dir, build_site, tmp_path):
    # The remembered check results of unchanged news depend on the agency files too.
    cache = str(tmp_path / "cache")
    build_site(content_dir, CACHE_PATH=cache)
    (content_dir / "opd" / "dinas-kesehatan.md").unlink()
    with pytest.raises(BuildError, match=r"metadata-opd: Perangkat daerah 'Dinkes' tidak terdaftar"):
        build_site(content_dir, CACHE_PATH=cache)
