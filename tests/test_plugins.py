"""Unit tests for our Pelican plugins, on small content built for real."""

import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from figures.figures import transform
from indonesian_dates.indonesian_dates import date_time, iso_datetime, long_date, short_date

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


def test_image_alone_in_a_paragraph_becomes_a_captioned_figure():
    html = transform('<p><img alt="Petugas memeriksa cabai" src="/a.webp" title="Uji pangan"></p>')
    soup = BeautifulSoup(html, "html.parser")
    assert soup.figure.img["alt"] == "Petugas memeriksa cabai"
    assert soup.figure.figcaption.text == "Uji pangan"
    assert "title" not in soup.img.attrs
    assert soup.p is None


def test_image_inside_text_stays_inline():
    html = '<p>Lihat <img alt="ikon" src="/i.svg"> di sini.</p>'
    assert "<figure" not in transform(html)


def test_tables_get_a_focusable_labelled_scroll_region_and_header_scope():
    soup = BeautifulSoup(
        transform("<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"),
        "html.parser",
    )
    wrap = soup.find("div", class_="w-table-wrap")
    assert wrap["tabindex"] == "0" and wrap["role"] == "region" and wrap["aria-label"]
    assert soup.th["scope"] == "col"


TABLE = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"


def test_each_of_several_tables_gets_its_own_region_name():
    # Same-named regions fail axe landmark-unique; both the fast path and the BeautifulSoup
    # path (taken for raw HTML such as a nested table) must number them.
    for html in (TABLE + "<p>x</p>" + TABLE, TABLE + TABLE.replace("<table>", '<table class="lebar">') + TABLE):
        labels = [div["aria-label"] for div in
                  BeautifulSoup(transform(html), "html.parser").select(".w-table-wrap")]
        assert len(labels) == html.count("<table")
        assert len(set(labels)) == len(labels)
        assert labels[0].startswith(f"Tabel 1 dari {len(labels)} ")


def test_year_archives_are_paginated(content_dir, build_site):
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
    assert nav.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == "Halaman 1"
    archive = BeautifulSoup((output / "arsip/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.text for a in archive.select(".w-year-list__link")] == ["2024", "2023", "2022"]
