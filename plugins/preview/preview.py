"""preview: in the editors' live preview only, show drafts and scheduled articles, labelled.

With WARTA_PREVIEW off (every normal and production build) this plugin does nothing: Pelican
keeps drafts (`Status: draft`) and, with WITH_FUTURE_DATES = False, future-dated articles out of
every list and feed, and DRAFT_SAVE_AS = "" keeps them from being written at all.
"""

import datetime
import logging
from html import escape
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.utils import order_content

from warta.content.dates import date_time
from warta.content.review import label_notes

log = logging.getLogger(__name__)

DRAFT = "Draf"
SCHEDULED = "Terjadwal"


def label_for(content, now):
    """'Draf' for an explicit `Status: draft`, 'Terjadwal' for an article dated in the future."""
    if str(content.metadata.get("status", "")).lower() == "draft":
        return DRAFT
    date = getattr(content, "date", None)
    if date is not None and date.tzinfo is not None and date > now:
        return SCHEDULED
    return DRAFT


def notice(label, content):
    """A note at the top of a previewed page saying it is not published, and why."""
    if label == SCHEDULED:
        text = (f"<strong>Pratinjau — terjadwal.</strong> Berita ini terbit pada build pertama "
                f"setelah {escape(date_time(content.date))}.")
    else:
        text = ("<strong>Pratinjau — draf.</strong> Halaman ini belum terbit. Hapus baris "
                "<code>Status: draft</code> bila sudah siap diterbitkan.")
    return f'<p class="w-preview-notice">{text}</p>\n'


def mark(content, label):
    content.status = "published"
    content.warta_preview = label
    # A title is escaped text (Markup, see warta.content.sanitize): keep it so, the label escaped too.
    content.title = Markup("[{}] {}").format(label, content.title)
    content._content = notice(label, content) + (content._content or "")


def show_draft_articles(generator):
    if not generator.settings.get("WARTA_PREVIEW"):
        return
    now = datetime.datetime.now(datetime.UTC)
    shown = generator.drafts + generator.drafts_translations
    for article in shown:
        mark(article, label_for(article, now))
    generator.articles[:] = order_content(
        generator.articles + generator.drafts, generator.settings["ARTICLE_ORDER_BY"]
    )
    generator.translations.extend(generator.drafts_translations)
    generator.drafts.clear()
    generator.drafts_translations.clear()
    if shown:
        log.info("preview: %d draf dan berita terjadwal ikut tampil", len(shown))


def show_draft_pages(generator):
    if not generator.settings.get("WARTA_PREVIEW"):
        return
    for page in generator.draft_pages + generator.draft_translations:
        mark(page, DRAFT)
    generator.pages.extend(generator.draft_pages)
    generator.translations.extend(generator.draft_translations)
    generator.draft_pages.clear()
    generator.draft_translations.clear()


def show_review_notes(pelican):
    """Every ((tinjau: ...)) on a previewed page shown as an editor's note, labelled in words,
    so what is still undecided is seen where it will appear."""
    if not pelican.settings.get("WARTA_PREVIEW"):
        return
    for page in Path(pelican.output_path).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "((tinjau:" in text:
            page.write_text(label_notes(text), encoding="utf-8")


def register():
    # article_generator_pretaxonomy fires after drafts are set aside and before categories, tags
    # and archives are built, so previewed drafts appear in every list like published ones.
    signals.article_generator_pretaxonomy.connect(show_draft_articles)
    # page_generator_finalized fires once pages are sorted into published and draft.
    signals.page_generator_finalized.connect(show_draft_pages)
    # finalized: every page is written; this plugin registers before `finishing`, so the search
    # index and minified pages of the preview see the notes too.
    signals.finalized.connect(show_review_notes)
