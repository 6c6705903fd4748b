"""One slug rule: what `warta baru` and the importer make, the lint accepts."""

from warta.content.slugs import SLUG_MAX, SLUG_PATTERN, slug_from
from warta.settings import fill_defaults

SETTINGS = fill_defaults({"SLUG_REGEX_SUBSTITUTIONS": [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""),
                                                       (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]})


def test_a_long_title_gives_a_slug_the_lint_accepts_cut_between_words():
    title = "Pemerintah Kota Menyalurkan Bantuan Sosial " * 6
    slug = slug_from(title, SETTINGS)
    assert len(slug) <= SLUG_MAX and SLUG_PATTERN.match(slug)
    assert title.lower().replace(" ", "-").startswith(slug + "-")


def test_a_title_of_punctuation_only_gives_an_empty_slug_for_the_caller_to_replace():
    assert slug_from("!!! ???", SETTINGS) == ""
