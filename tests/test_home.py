"""The home page leads with what citizens come for, in the order a phone shows it: search,
services, current announcements, the lead story with its picture and news cards with
thumbnails, this week's agenda, the PPID and the agencies. What it holds is decided in
warta.content.sections.home, tested first without a build; the template only renders it."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from warta.commands.build import load_settings
from warta.content.sections import context as ctx
from warta.content.sections.home import home as home_context
from warta.settings import fill_defaults

ORDER = ["search", "layanan-utama", "pengumuman-terkini", "berita-terbaru", "agenda-pekan-ini",
         "layanan-ppid", "perangkat-daerah"]


@pytest.fixture(scope="module")
def home(site):
    return BeautifulSoup((Path(site) / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def settings():
    return load_settings()


def test_sections_come_in_the_order_citizens_need_them(home):
    main = home.find("main")
    found = []
    for element in main.find_all(["form", "section"]):
        key = "search" if element.name == "form" else element.get("aria-labelledby")
        if key in ORDER and key not in found:
            found.append(key)
    assert found == ORDER


def test_the_heading_says_what_the_page_is_for_not_the_site_name_again(home, settings):
    h1 = home.find("h1").get_text(" ", strip=True)
    assert h1 == settings["WARTA_HOME_HEADING"]
    assert settings["SITENAME"] not in h1


def test_search_field_is_labelled_and_goes_to_the_search_page(home, settings):
    form = home.find("main").find("form", role="search")
    assert form["action"].endswith("/" + settings["SEARCH_URL"]) and form["method"] == "get"
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)


def test_the_featured_services_are_those_the_settings_choose(home, settings):
    links = [a["href"] for a in home.select("#layanan-utama ~ ul a")]
    assert links == [f"/layanan/{slug}/" for slug in settings["WARTA_HOME_SERVICES"]]


def test_announcements_and_agenda_say_the_date_they_are_for(home):
    for section in ("pengumuman-terkini", "agenda-pekan-ini"):
        block = home.find("section", attrs={"aria-labelledby": section})
        stated = block.select_one(".w-home-as-of time")
        assert stated["datetime"] == "2026-12-01", section  # the sample's WARTA_TODAY
        assert block.select("li a"), section


def test_lead_story_has_its_picture_with_alt_text_and_responsive_sizes(home):
    lead = home.select_one(".w-lead-story")
    picture = lead.find("img")
    assert picture["alt"].strip() and "srcset" in picture.attrs and "sizes" in picture.attrs
    assert picture["width"] and picture["height"]  # no layout shift while it loads
    assert picture.get("loading") == "lazy"  # below the first screen of a phone


def test_the_newest_article_leads(home, site):
    newest = max((Path(site) / "berita").glob("*/*/index.html"), key=lambda page: BeautifulSoup(
        page.read_text(encoding="utf-8"), "html.parser").find("time")["datetime"])
    href = home.select_one(".w-lead-story h3 a")["href"]
    assert newest.relative_to(site).parent.as_posix() + "/" == href.lstrip("/")


def test_a_newest_article_without_a_picture_still_leads(content_dir, build_site):
    newest = content_dir / "berita" / "2024-05-02-banjir.md"
    newest.write_text(
        "Title: Peringatan dini banjir di bantaran sungai\nDate: 2024-05-02 06:00\n"
        "Category: Diskominfo\nSlug: peringatan-dini-banjir\n"
        "Summary: Warga di bantaran sungai diminta bersiap mengungsi.\n\nIsi peringatan.\n",
        encoding="utf-8")
    output = build_site(content_dir)
    page = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    lead = page.select_one(".w-lead-story")
    assert lead.find("h3").get_text(strip=True) == "Peringatan dini banjir di bantaran sungai"
    assert "w-lead-story--text" in lead["class"] and lead.find("img") is None


def test_news_cards_show_thumbnails_that_load_lazily(home):
    cards = home.select("section[aria-labelledby='berita-terbaru'] .w-card-list .w-card")
    pictures = [card.find("img") for card in cards if card.find("img")]
    assert len(cards) >= 6 and pictures
    for picture in pictures:
        assert picture["alt"].strip() and picture["loading"] == "lazy" and picture["sizes"]


def test_every_agency_is_reachable_from_the_home_page(home, site):
    agencies = len(list((Path(site) / "opd").glob("*/index.html")))
    links = home.select("section[aria-labelledby='perangkat-daerah'] a[href^='/opd/']")
    assert len(links) - 1 == agencies  # each agency, and the directory itself


# --- What the home page holds, decided without a build ----------------------------------------

def agency(name):
    return SimpleNamespace(full_name=name, letter=name[0].upper())


def filled(**values):
    return fill_defaults(values)


def test_the_newest_article_leads_picture_or_not():
    newest, older = SimpleNamespace(cover=None), SimpleNamespace(cover="images/a.webp")
    assert home_context({"articles": [newest, older]}, filled()).lead is newest
    assert home_context({}, filled()).lead is None


def test_services_follow_the_citys_order_and_skip_unknown_slugs():
    context = {ctx.SECTION_SIZES: {"services": 2},
               ctx.SERVICES_BY_SLUG: {"ktp": "KTP", "akta": "Akta"}}
    page = home_context(context, filled(WARTA_HOME_SERVICES=["akta", "hilang", "ktp"]))
    assert page.services == ["Akta", "KTP"]


def test_a_section_switched_off_or_empty_is_left_out():
    context = {ctx.SECTION_SIZES: {"services": 0},
               ctx.SERVICES_BY_SLUG: {"ktp": "KTP"}, ctx.ANNOUNCEMENTS_CURRENT: ["a"]}
    page = home_context(context, filled(WARTA_HOME_SERVICES=["ktp"]))
    assert page.services == [] and page.announcements is None and page.agenda is None


def test_a_section_with_nothing_current_says_so_instead_of_vanishing():
    context = {ctx.SECTION_SIZES: {"announcements": 4, "agenda": 2}}
    page = home_context(context, filled())
    assert page.announcements == [] and page.agenda == []


def test_announcements_are_capped_at_the_citys_number():
    context = {ctx.SECTION_SIZES: {"announcements": 5}, ctx.ANNOUNCEMENTS_CURRENT: list("abcde")}
    assert home_context(context, filled(WARTA_HOME_ANNOUNCEMENTS=2)).announcements == ["a", "b"]


def test_many_agencies_become_a_letter_index_few_are_listed_by_name():
    names = ["dinas sosial", "Bappeda", "Dinas Kesehatan", "#Satpol"]
    few = home_context({ctx.AGENCIES: [agency(n) for n in names]}, filled())
    assert [a.full_name for a in few.agencies] == ["#Satpol", "Bappeda", "Dinas Kesehatan",
                                                   "dinas sosial"]
    assert few.agency_letters is None
    many = home_context({ctx.AGENCIES: [agency(n) for n in names]},
                filled(WARTA_HOME_AGENCIES_LISTED=3))
    assert many.agency_letters == ["#", "B", "D"]
