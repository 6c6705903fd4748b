"""Digital magazines and newspapers: editions with a checked, tagged PDF, an HTML table of
contents that links the news it printed, and every editor's mistake refused."""

import re
import shutil
from pathlib import Path

import pytest
from helpers import header_of, refused, soup_of, write_content
from pypdf import PdfReader

from warta import EXAMPLE, ROOT
from warta.commands.build import load_settings

CONTENT = EXAMPLE / "content"
MAGAZINE_FILES = CONTENT / "majalah" / "berkas"
EDITION = {
    "Title": "Edisi uji",
    "Publication": "Majalah Warta Kota Contoh",
    "Edition": "99",
    "Date": "2025-09-01",
    "Cover": "majalah/berkas/sampul.webp",
    "Cover_alt": "Sampul edisi uji.",
    "PDF": "majalah/berkas/uji.pdf",
    "Contents": "3 | Sambutan Wali Kota",
}


def words(element):
    return " ".join(element.get_text(" ").split())


def magazine_files(content_dir):
    """The PDF and the cover one test edition needs, in ``content_dir``."""
    files = content_dir / "majalah" / "berkas"
    files.mkdir(parents=True)
    shutil.copy(MAGAZINE_FILES / "warta-kota-contoh-07.pdf", files / "uji.pdf")
    shutil.copy(MAGAZINE_FILES / "warta-kota-contoh-07-sampul.webp", files / "sampul.webp")


@pytest.fixture
def magazine_dir(content_dir):
    """The small test content plus the files one edition needs."""
    magazine_files(content_dir)
    return content_dir


def sample_editions():
    return sorted((CONTENT / "majalah").glob("*.md"))


def test_each_publication_lists_its_editions_newest_first(site):
    settings = load_settings()
    for publication in settings["MAGAZINE_PUBLICATIONS"]:
        editions = [p for p in sample_editions() if header_of(p)["publication"] == [publication["name"]]]
        soup = soup_of(site, f"majalah/{publication['slug']}/index.html")
        links = [a["href"] for a in soup.select("main .w-media-list a.w-card__link")]
        expected = sorted(editions, key=lambda p: header_of(p)["date"][0], reverse=True)
        assert links == [f"/majalah/{publication['slug']}/edisi-{header_of(p)['edition'][0]}/"
                         for p in expected]
    assert len(sample_editions()) >= 3


def test_edition_page_has_cover_contents_download_and_its_news(site):
    soup = soup_of(site, "majalah/warta-kota-contoh/edisi-7/index.html")
    main = soup.find("main")
    assert words(main.h1).startswith("Majalah Warta Kota Contoh Edisi 7")
    cover = main.select_one("figure img")
    assert cover["src"].endswith("warta-kota-contoh-07-sampul.webp") and "Edisi 7" in cover["alt"]
    entries = [words(li) for li in main.select("ol.w-toc li")]
    assert entries[0] == "Sambutan Wali Kota halaman 3"
    assert len(entries) == 4
    link = main.select_one(".w-downloads__link")
    assert re.fullmatch(r"Unduh Majalah Warta Kota Contoh Edisi 7 \(PDF, [\d,]+ KB, 6 halaman\)",
                        words(link)), words(link)
    assert (Path(site) / link["href"].lstrip("/")).is_file()
    news = [a["href"] for a in main.select("#berita-edisi ~ ul a, section[aria-labelledby='berita-edisi'] h3 a")]
    assert "/berita/2025/serah-terima-rutilahu-2025/" in news
    assert "/berita/2025/alat-bantu-lansia-2025/" in news


def test_contents_entries_link_to_the_news_they_printed(site):
    main = soup_of(site, "majalah/warta-kota-contoh/edisi-7/index.html").find("main")
    links = {words(a): a["href"] for a in main.select("ol.w-toc a")}
    assert links == {
        "Laporan utama: 150 rumah direhabilitasi": "/berita/2025/serah-terima-rutilahu-2025/",
        "Alat bantu diantar ke rumah warga": "/berita/2025/alat-bantu-lansia-2025/",
    }
    # An entry that printed no news stays text, not a link to nowhere.
    assert main.select("ol.w-toc li")[0].a is None


def test_sample_edition_contents_point_at_the_pages_where_they_start():
    for path in sample_editions():
        fields = header_of(path)
        reader = PdfReader(CONTENT / fields["pdf"][0])
        for entry in fields["contents"]:
            page, title = (part.strip() for part in entry.split("|")[:2])
            text = " ".join(reader.pages[int(page) - 1].extract_text().split())
            assert title in text, (path.name, page, title)


def test_sample_magazine_pdfs_pass_the_shared_pdf_check():
    from warta.content.pdf import check_pdf

    for path in sample_editions():
        check = check_pdf(CONTENT / header_of(path)["pdf"][0])
        assert check.passed and check.tagged and check.lang == "id", path.name


def test_edition_whose_pdf_is_missing_fails_the_build(magazine_dir, build_site):
    write_content(magazine_dir, "majalah", "uji.md", EDITION, "", PDF="majalah/berkas/hilang.pdf")
    error = refused(build_site, magazine_dir)
    assert "content/majalah/uji.md:7: majalah-pdf: Berkas PDF 'majalah/berkas/hilang.pdf' tidak ditemukan" in error
    assert "pastikan berkasnya ikut diunggah" in error


def test_edition_with_an_inaccessible_pdf_fails_the_build(magazine_dir, build_site):
    scanned = ROOT / "tests" / "fixtures" / "pdf" / "pindaian.pdf"  # a picture of text only
    shutil.copy(scanned, magazine_dir / "majalah" / "berkas" / "uji.pdf")
    write_content(magazine_dir, "majalah", "uji.md", EDITION, "", Contents="1 | Sampul")
    error = refused(build_site, magazine_dir)
    assert ("content/majalah/uji.md:7: pdf-aksesibel: PDF 'majalah/berkas/uji.pdf' tidak aksesibel: tidak ada "
            "lapisan teks") in error, error


def test_contents_pointing_past_the_last_page_fails_the_build(magazine_dir, build_site):
    write_content(magazine_dir, "majalah", "uji.md", EDITION, "", Contents="9 | Halaman yang tidak ada")
    error = refused(build_site, magazine_dir)
    assert "content/majalah/uji.md:8: majalah-daftar-isi: Daftar isi menunjuk halaman 9, padahal PDF-nya 6 halaman" in error


def test_edition_naming_news_that_does_not_exist_fails_the_build(magazine_dir, build_site):
    write_content(magazine_dir, "majalah", "uji.md", EDITION, "", Articles="berita-yang-tidak-ada")
    error = refused(build_site, magazine_dir)
    assert "content/majalah/uji.md:9: majalah-berita: Berita 'berita-yang-tidak-ada' tidak ditemukan" in error


def test_contents_entry_naming_news_that_does_not_exist_fails_the_build(magazine_dir, build_site):
    write_content(magazine_dir, "majalah", "uji.md", EDITION, "",
                Contents="3 | Sambutan Wali Kota | berita-yang-tidak-ada")
    error = refused(build_site, magazine_dir)
    assert ("content/majalah/uji.md:8: majalah-berita: Berita 'berita-yang-tidak-ada' di daftar "
            "isi tidak ditemukan") in error
