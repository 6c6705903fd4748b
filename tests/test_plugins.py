"""Unit tests for our Pelican plugins, on small content built for real."""

import datetime
from zoneinfo import ZoneInfo

import markdown
from bs4 import BeautifulSoup

from warta.content.dates import date_time, iso_datetime, long_date, short_date
from warta.content.sanitize import Sanitizer

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_long_date_is_indonesian_with_weekday():
    assert long_date(datetime.date(2024, 4, 29)) == "Senin, 29 April 2024"
    assert long_date(datetime.date(2023, 8, 17)) == "Kamis, 17 Agustus 2023"


def test_short_date_has_no_weekday():
    assert short_date(datetime.date(2025, 1, 5)) == "5 Januari 2025"


def test_date_time_uses_a_dot_and_the_indonesian_zone_name():
    value = datetime.datetime(2024, 4, 29, 9, 30, tzinfo=JAKARTA)
    assert date_time(value) == "Senin, 29 April 2024, 09.30 WIB"
    assert iso_datetime(value) == "2024-04-29T09:30:00+07:00"


def test_remembered_dates_keep_each_zone_apart():
    # 09.30 WIB and 10.30 WITA are the same instant and equal in Python; the memo of formatted
    # dates must still write each in its own zone.
    jakarta = datetime.datetime(2024, 4, 29, 9, 30, tzinfo=JAKARTA)
    makassar = jakarta.astimezone(ZoneInfo("Asia/Makassar"))
    assert jakarta == makassar
    assert date_time(jakarta) == "Senin, 29 April 2024, 09.30 WIB"
    assert date_time(makassar) == "Senin, 29 April 2024, 10.30 WITA"


def render(text):
    """``text`` as Pelican's Markdown reader renders it with Warta's settings."""
    return markdown.markdown(text, output_format="html5", extensions=[
        "markdown.extensions.extra", "markdown.extensions.toc", "warta.content.rewrite"])


def test_image_alone_in_a_paragraph_becomes_a_captioned_figure():
    soup = BeautifulSoup(render('![Petugas memeriksa cabai](/a.svg "Uji pangan")'), "html.parser")
    assert soup.figure.img["alt"] == "Petugas memeriksa cabai"
    assert soup.figure.figcaption.text == "Uji pangan"
    assert "title" not in soup.img.attrs
    assert soup.img["loading"] == "lazy" and soup.img["decoding"] == "async"
    assert soup.p is None


def test_image_inside_text_stays_inline():
    assert "<figure" not in render("Lihat ![ikon](/i.svg) di sini.")


TABLE = "| A | B |\n| --- | ---: |\n| 1 | 2 |\n"
RAW_TABLE = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"


def test_tables_get_a_focusable_labelled_scroll_region_and_header_scope():
    for text in (TABLE, RAW_TABLE):
        soup = BeautifulSoup(render(text), "html.parser")
        wrap = soup.find("div", class_="w-table-wrap")
        assert wrap["tabindex"] == "0" and wrap["role"] == "region" and wrap["aria-label"]
        assert wrap.table["class"] == ["w-table"]
        assert all(th["scope"] == "col" for th in soup.select("thead th")), text


def test_aligned_markdown_columns_get_theme_classes_the_sanitizer_keeps():
    # Python-Markdown aligns with an inline style, which content may not carry.
    html = render("| Kecamatan | Warga |\n| :-: | --: |\n| Sukamaju | 1.200 |\n")
    soup = BeautifulSoup(html, "html.parser")
    assert [cell["class"] for cell in soup.select("tr > *")] == [
        ["w-table__cell--center"], ["w-table__cell--right"]] * 2
    assert not soup.select("[style]")
    assert Sanitizer().check(html)[1] == []


def test_each_of_several_tables_gets_its_own_region_name():
    # Same-named regions fail axe landmark-unique: Markdown tables and raw HTML ones (a
    # nested table inside one region stays inside it) are numbered together, in order.
    nested = "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>"
    wrapped = f'<div class="w-table-wrap">{RAW_TABLE}</div>'
    for parts in ((TABLE, "x", TABLE), (TABLE, RAW_TABLE, nested, TABLE), (wrapped, TABLE, TABLE)):
        soup = BeautifulSoup(render("\n\n".join(parts)), "html.parser")
        labels = [div.get("aria-label") for div in soup.select(".w-table-wrap")]
        assert len(labels) == len([p for p in parts if "table" in p.lower() or "|" in p])
        named = [label for label in labels if label]
        assert len(set(named)) == len(named) and named[0].startswith(f"Tabel 1 dari {len(named)} ")
        assert not soup.select(".w-table-wrap .w-table-wrap")


def test_links_opening_a_new_tab_elsewhere_get_noopener_noreferrer():
    text = ('[luar](https://contoh.example/a){: target="_blank" }, '
            '<a href="https://contoh.example/b" target="_blank" rel="nofollow">mentah</a>, '
            '[dalam](/tentang/){: target="_blank" } dan [biasa](https://contoh.example/c).')
    links = {a.get_text(): a for a in BeautifulSoup(render(text), "html.parser").find_all("a")}
    assert links["luar"]["rel"] == ["noopener", "noreferrer"]
    assert links["mentah"]["rel"] == ["nofollow", "noopener", "noreferrer"]
    assert "rel" not in links["dalam"].attrs and "rel" not in links["biasa"].attrs


def test_raw_html_is_kept_as_written_where_no_rule_applies():
    raw = '<p class="catatan">Lihat&nbsp;<a href="/x" title=\'a "b"\'>ini</a> <!-- c --></p>'
    assert render(raw) == raw


def test_year_archives_are_paginated_from_the_oldest(content_dir, build_site):
    for number in range(25):
        (content_dir / "berita" / f"2022-03-{number + 1:02d}-n{number}.md").write_text(
            f"Title: Berita nomor {number}\nDate: 2022-03-{number + 1:02d}\n"
            f"Category: Diskominfo\nSlug: berita-{number}\nSummary: Ringkasan.\n\nIsi.\n",
            encoding="utf-8",
        )
    output = build_site(content_dir, DEFAULT_PAGINATION=10)
    year = output / "arsip" / "2022"
    pages = [year / "index.html", year / "halaman/2/index.html", year / "halaman/3/index.html"]
    assert all(p.is_file() for p in pages)
    assert not (year / "halaman/4/index.html").exists()
    first = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    assert len(first.select(".w-card")) == 10
    nav = first.find("nav", class_="w-pagination")
    assert nav["aria-label"] == "Halaman arsip 2022"
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == "Halaman terbaru"
    # Numbered pages are fixed slices from the oldest; the newest five are on the front page only.
    oldest = BeautifulSoup(pages[1].read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text(strip=True) for h in oldest.select(".w-card__title")] == [
        f"Berita nomor {number}" for number in range(9, -1, -1)]
    assert "dari" not in oldest.find("nav", class_="w-pagination").get_text()
    archive = BeautifulSoup((output / "arsip/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.text for a in archive.select(".w-year-list__link")] == ["2024", "2023", "2022"]
