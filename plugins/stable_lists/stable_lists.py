"""stable_lists: article lists numbered from the oldest, and article cards of the nearest news.

Every list of articles Pelican paginates (home, each agency, topic, author and year) is written
by a Writer whose pages hold fixed slices counted from the oldest (warta.content.lists): one new article
changes a list's front page, not all of its pages. Other paginated lists (the DIP in category
order, the agenda by event date) are not chronological and keep Pelican's own paginator.
"""

import logging
from operator import attrgetter

from pelican import signals
from pelican.paginator import Page, Paginator
from pelican.writers import Writer

from warta.content import lists
from warta.content.sections import context as ctx

log = logging.getLogger(__name__)

# The paginated keys that hold articles: the lists whose order is the publication date.
ARTICLE_LISTS = {"articles", "dates"}
# "Berita lain dari {agency}" on an article page.
NEIGHBOURS_SHOWN = 3


class StablePage(Page):
    """One page of a stable list. Reading from the front page, "next" is older, as in Pelican."""

    is_front = property(lambda self: self.number == lists.FRONT)

    def _neighbours(self):
        return lists.neighbours(self.number, self.paginator.count, self.paginator.per_page)

    @property
    def newer(self):
        number = self._neighbours()[0]
        return None if number is None else self.paginator.page(number)

    @property
    def older(self):
        number = self._neighbours()[1]
        return None if number is None else self.paginator.page(number)

    def has_next(self):
        return self._neighbours()[1] is not None

    def has_previous(self):
        return self._neighbours()[0] is not None

    def next_page_number(self):
        return self._neighbours()[1]

    def previous_page_number(self):
        return self._neighbours()[0]

    def __repr__(self):
        return f"<StablePage {self.number}>"


class StablePaginator(Paginator):
    """Pelican's paginator with pages counted from the oldest (the templates ask ``stable``)."""

    stable = True

    def __init__(self, name, url, object_list, settings, per_page=None):
        # Newest first whatever order the list came in: the slices are fixed by date.
        newest_first = sorted(object_list, key=attrgetter("date"), reverse=True)
        super().__init__(name, url, newest_first, settings, per_page)
        self.orphans = 0

    def page(self, number):
        items = lists.page_items(self.object_list, number, self.per_page)
        return StablePage(self.name, self.url, items, number, self, self.settings)

    @property
    def page_range(self):
        return lists.page_numbers(self.count, self.per_page)

    @property
    def num_pages(self):
        return len(self.page_range)

    @property
    def oldest(self):
        """The page of the oldest articles, or None while the front page holds them all."""
        numbers = self.page_range
        return self.page(numbers[1]) if len(numbers) > 1 else None


class StableListWriter(Writer):
    """Pelican's Writer, except that article lists are written with StablePaginator."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        found = paginated if paginated is not None else {
            key: value for key, value in kwargs.items() if key in ARTICLE_LISTS}
        templates = self.settings["PAGINATED_TEMPLATES"]
        if not name or not found or template_name not in templates or "articles" not in found:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        per_page = templates[template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {key: StablePaginator(name, url, items, self.settings, per_page)
                      for key, items in found.items()}
        for number in paginators["articles"].page_range:
            page_kwargs = dict(kwargs)
            for key, paginator in paginators.items():
                page = paginator.page(number)
                page_kwargs.update({
                    f"{key}_paginator": paginator, f"{key}_page": page,
                    f"{key}_previous_page": page.newer, f"{key}_next_page": page.older,
                })
            # paginated={} (not None): write this one page, Pelican paginates nothing more.
            super().write_file(page.save_as, template, context, relative_urls, {},
                               template_name, override_output, url, **page_kwargs)
        return None


def use_stable_writer(pelican):
    return StableListWriter


def add_agency_neighbours(generator):
    """{article source path: the nearest articles of its agency} for article.html's cards."""
    found = {}
    for _category, articles in generator.categories:
        newest_first = sorted(articles, key=attrgetter("date"), reverse=True)
        nearest = lists.nearest_of_group(newest_first, NEIGHBOURS_SHOWN)
        for article, others in zip(newest_first, nearest, strict=True):
            found[article.source_path] = others
    generator.context[ctx.AGENCY_NEIGHBOURS] = found


def register():
    # get_writer: Pelican asks once per run which Writer writes every page; ours differs from
    # its own only where an article list is paginated.
    signals.get_writer.connect(use_stable_writer)
    # article_generator_finalized: every article is read and grouped by agency, nothing is
    # written yet, so each article page finds its neighbours in the context.
    signals.article_generator_finalized.connect(add_agency_neighbours)
