"""The built sample portal: structure every page shares, Indonesian dates, typogrify, no third parties."""

import re
from pathlib import Path

import pytest
from helpers import soup_of

from warta import EXAMPLE, ROOT
from warta.commands.audit import find_pages

FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"


def words(text):
    """Text with every run of white space (typogrify's no-break spaces too) as one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pages(site):
    return {page: soup_of(site, page) for page in find_pages(site)}


def test_every_page_is_indonesian_with_one_h1_and_all_landmarks(pages):
    for page, soup in pages.items():
        assert soup.html["lang"] == "id", page
        assert len(soup.find_all("h1")) == 1, page
        for landmark in ("header", "nav", "main", "footer"):
            assert soup.find(landmark) is not None, f"{page}: no <{landmark}>"
        assert soup.find("main")["id"] == "konten-utama", page


def test_every_footer_gives_emergency_complaint_contacts_and_office_hours(pages):
    from warta.commands.build import load_settings

    settings = load_settings()
    expected = [(label, link) for label, _, link in
                settings["WARTA_EMERGENCY_CONTACTS"] + settings["WARTA_COMPLAINT_CONTACTS"]]
    assert ("Darurat (polisi, ambulans, pemadam kebakaran)", "tel:112") in expected
    assert any("lapor.go.id" in link for _, link in expected)
    for page, soup in pages.items():
        help_ = soup.find("footer", class_="w-footer").find(attrs={"aria-labelledby": "kaki-darurat"})
        # WCAG 3.2.6 Consistent Help: the same contacts, in the same order, on every page.
        found = [(words(li.get_text(" ")).split(":")[0], li.a["href"]) for li in help_.find_all("li")]
        assert found == expected, page
        hours = soup.find("footer", class_="w-footer").find(attrs={"aria-labelledby": "kaki-jam"})
        assert [words(dt.get_text()) for dt in hours.find_all("dt")] == \
            [days for days, _ in settings["WARTA_OFFICE_HOURS"]], page


def test_skip_link_is_the_first_focusable_element_and_targets_main(pages):
    for page, soup in pages.items():
        first = soup.select(FOCUSABLE)[0]
        assert first.get("href") == "#konten-utama", page
        assert soup.find(id="konten-utama").name == "main"


def test_article_breadcrumbs_end_at_its_agency_not_its_title(pages):
    # The h1 right below names the article: repeating its title in the trail filled a phone's
    # first screen (WCAG 2.4.8 asks where the page sits, which the links above it say).
    articles = {p: s for p, s in pages.items() if p.startswith("berita/") and s.select_one("article h1")}
    assert articles
    for page, article in articles.items():
        crumbs = article.select(".w-breadcrumbs li")
        assert [words(c.get_text()) for c in crumbs[:2]] == ["Beranda", "Berita"], page
        assert all(c.a is not None for c in crumbs), page
        agency = article.select_one(".w-breadcrumbs li:last-child a")["href"]
        assert "/opd/" in agency, page
        assert words(article.h1.get_text()) not in words(article.select_one(".w-breadcrumbs").get_text())


def test_no_breadcrumb_repeats_the_current_page(pages):
    for page, soup in pages.items():
        trail = soup.select_one("nav.w-breadcrumbs")
        if trail is None:
            continue
        assert trail["aria-label"] == "Jejak navigasi", page
        # Only links to the pages above: nothing in the trail is the page itself, so nothing
        # needs aria-current, and nothing is hidden on one screen size and shown on another.
        assert all(li.a is not None for li in trail.select("li")), page
        assert trail.select("[aria-current]") == [], page
        assert not any(a["href"].endswith("/" + page.removesuffix("index.html"))
                       for a in trail.select("a") if page != "index.html"), page


def test_topics_read_as_editors_wrote_them(pages):
    import json

    # The sample writes "Kecamatan Sukamaju" with capitals and "pasar murah" without: the
    # topic's page, its title, its trail for search engines, the topic list and each article's
    # topic links show it as written, never lowered to the address's spelling.
    for slug, name in (("kecamatan-sukamaju", "Kecamatan Sukamaju"), ("pasar-murah", "pasar murah")):
        topic = pages[f"topik/{slug}/index.html"]
        assert words(topic.h1.get_text()) == f"Topik: {name}"
        assert topic.title.get_text().startswith(f"Topik: {name} · ")
        trail = next(d for d in (json.loads(s.string) for s in topic.select("script[type='application/ld+json']"))
                     if d.get("@type") == "BreadcrumbList")
        assert trail["itemListElement"][-1]["name"] == name
        listed = pages["topik/index.html"].select_one(f"main a[href$='/topik/{slug}/']")
        assert words(listed.find(string=True)) == name
        links = [a for p, s in pages.items() if p.startswith("berita/")
                 for a in s.select(f".w-tags a[href$='/topik/{slug}/']")]
        assert links and {words(a.get_text()) for a in links} == {name}


def test_main_navigation_marks_the_current_page(pages):
    current = pages["index.html"].select('.w-nav a[aria-current="page"]')
    assert [a.get_text() for a in current] == ["Beranda"]


def test_dates_are_written_in_indonesian_with_machine_readable_time(pages):
    months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    days = "Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu"
    times = pages["index.html"].find_all("time")
    assert times
    # A day ("Selasa, 1 Desember 2026", the build date, a whole-day event) is a date; a moment
    # (news, an event's start or its end "12.00 WIB" on the same day) has its UTC offset.
    for time in times:
        assert re.fullmatch(rf"(({days}), \d{{1,2}} ({months}) \d{{4}}(, )?)?(\d\d\.\d\d WIB)?",
                            time.get_text()) and time.get_text(), time
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+07:00)?", time["datetime"]), time


def test_typogrify_is_applied(pages):
    body = "".join(str(s.find("main")) for p, s in pages.items() if p.startswith("berita/"))
    assert "“" in body or "&#8220;" in body  # curly quotes
    # No widont: a heading whose last two words are glued breaks inside a word on a phone.
    headings = [s.find("h1").get_text() for p, s in pages.items() if p.startswith("berita/")]
    assert not any("\xa0" in heading for heading in headings)


def test_no_page_loads_anything_from_another_origin(pages):
    for page, soup in pages.items():
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"),
                               ("iframe", "src"), ("source", "srcset"), ("video", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and element.get("rel") == ["alternate"]:
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{page}: {tag} loads {value}"


def test_every_article_and_page_is_built(site):
    for source in (EXAMPLE / "content" / "berita").glob("*.md"):
        slug = re.search(r"^Slug:\s*(.+)$", source.read_text(encoding="utf-8"), re.M).group(1)
        assert list(Path(site).glob(f"berita/*/{slug}/index.html")), source.name
    for slug in ("tentang", "kontak", "pernyataan-aksesibilitas"):
        assert (Path(site) / slug / "index.html").is_file()


def test_images_in_articles_have_alt_text_and_captions(pages):
    figures = [f for p, s in pages.items() if p.startswith("berita/") for f in s.select("main figure")]
    assert len(figures) >= 5
    for figure in figures:
        assert figure.img.get("alt", "").strip()
        assert figure.figcaption and figure.figcaption.get_text(strip=True)


def test_templates_hold_nothing_specific_to_one_government():
    # Adopting Warta means editing pelicanconf.py and content/ only.
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for word in ("Kota Contoh", "Tangerang", "Diskominfo", "kotacontoh", "Dinas "):
            assert word not in text, f"{template.name} names {word!r}"
