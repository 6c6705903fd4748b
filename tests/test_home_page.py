"""What the home page holds (warta.content.sections.home), decided without a build: the template only renders."""

from types import SimpleNamespace

from warta.content.sections import context as ctx
from warta.content.sections.home import home
from warta.settings import fill_defaults


def agency(name):
    return SimpleNamespace(full_name=name, letter=name[0].upper())


def settings(**values):
    return fill_defaults(values)


def test_the_newest_article_leads_picture_or_not():
    newest, older = SimpleNamespace(cover=None), SimpleNamespace(cover="images/a.webp")
    assert home({"articles": [newest, older]}, settings()).lead is newest
    assert home({}, settings()).lead is None


def test_services_follow_the_citys_order_and_skip_unknown_slugs():
    context = {ctx.SECTION_SIZES: {"services": 2},
               ctx.SERVICES_BY_SLUG: {"ktp": "KTP", "akta": "Akta"}}
    page = home(context, settings(WARTA_HOME_SERVICES=["akta", "hilang", "ktp"]))
    assert page.services == ["Akta", "KTP"]


def test_a_section_switched_off_or_empty_is_left_out():
    context = {ctx.SECTION_SIZES: {"services": 0},
               ctx.SERVICES_BY_SLUG: {"ktp": "KTP"}, ctx.ANNOUNCEMENTS_CURRENT: ["a"]}
    page = home(context, settings(WARTA_HOME_SERVICES=["ktp"]))
    assert page.services == [] and page.announcements is None and page.agenda is None


def test_a_section_with_nothing_current_says_so_instead_of_vanishing():
    context = {ctx.SECTION_SIZES: {"announcements": 4, "agenda": 2}}
    page = home(context, settings())
    assert page.announcements == [] and page.agenda == []


def test_announcements_are_capped_at_the_citys_number():
    context = {ctx.SECTION_SIZES: {"announcements": 5}, ctx.ANNOUNCEMENTS_CURRENT: list("abcde")}
    assert home(context, settings(WARTA_HOME_ANNOUNCEMENTS=2)).announcements == ["a", "b"]


def test_many_agencies_become_a_letter_index_few_are_listed_by_name():
    names = ["dinas sosial", "Bappeda", "Dinas Kesehatan", "#Satpol"]
    few = home({ctx.AGENCIES: [agency(n) for n in names]}, settings())
    assert [a.full_name for a in few.agencies] == ["#Satpol", "Bappeda", "Dinas Kesehatan",
                                                   "dinas sosial"]
    assert few.agency_letters is None
    many = home({ctx.AGENCIES: [agency(n) for n in names]},
                settings(WARTA_HOME_AGENCIES_LISTED=3))
    assert many.agency_letters == ["#", "B", "D"]
