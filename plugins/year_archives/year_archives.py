"""year_archives: one archive page per year, paginated, so no page lists thousands of links.

Pelican's own period archives write a whole year on one page; a city publishing for ten years
would get pages too long to read or to audit. We write `arsip/2024/`, `arsip/2024/halaman/2/`, …
with Pelican's own paginator and the theme's `period_archives.html`.
"""

import logging
from itertools import groupby

from pelican import signals

from warta.content.sections import context as ctx

log = logging.getLogger(__name__)


def year_list(generator):
    """[{year, count, url, save_as, articles}] newest year first, for templates and the writer."""
    settings = generator.settings
    years = []
    ordered = sorted(generator.articles, key=lambda a: a.date, reverse=True)
    for year, articles in groupby(ordered, key=lambda a: a.date.year):
        articles = list(articles)
        years.append(
            {
                "year": year,
                "count": len(articles),
                "url": settings["WARTA_YEAR_ARCHIVE_URL"].format(year=year),
                "save_as": settings["WARTA_YEAR_ARCHIVE_SAVE_AS"].format(year=year),
                "articles": articles,
            }
        )
    return years


def add_years_to_context(generator):
    years = year_list(generator)
    generator.context[ctx.ARCHIVE_YEARS] = years
    # Paginate with DEFAULT_PAGINATION unless the settings say otherwise.
    generator.settings["PAGINATED_TEMPLATES"].setdefault("period_archives", None)


def write_year_archives(generator, writer):
    template = generator.get_template("period_archives")
    for entry in generator.context[ctx.ARCHIVE_YEARS]:
        writer.write_file(
            entry["save_as"],
            template,
            generator.context,
            paginated={"articles": entry["articles"], "dates": entry["articles"]},
            template_name="period_archives",
            url=entry["url"],
            period=(entry["year"],),
            archive_year=entry,
            relative_urls=generator.settings["RELATIVE_URLS"],
        )


def register():
    # article_generator_finalized: every article is read and sorted, templates not yet written,
    # so archive_years is in the context for every page (navigation, the archives index).
    signals.article_generator_finalized.connect(add_years_to_context)
    # article_writer_finalized: the writer exists; we write our pages next to Pelican's.
    signals.article_writer_finalized.connect(write_year_archives)
