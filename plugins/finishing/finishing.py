"""finishing: the steps run on the written site, in a fixed order, before it is swapped in."""

import logging
from pathlib import Path

from pelican import signals

from . import assets, compress, markup, search

log = logging.getLogger(__name__)

# Directives a <meta> policy cannot carry (browsers ignore them there, with a warning).
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "sandbox")

__all__ = ["csp_for_meta", "finish", "register"]


def csp_for_meta(policy):
    """The Content-Security-Policy for a <meta> element: the header's, less header-only parts."""
    kept = [
        part.strip() for part in policy.split(";")
        if part.strip() and part.split()[0] not in HEADER_ONLY_DIRECTIVES
    ]
    return "; ".join(kept)


def add_filters(generator):
    generator.env.filters["csp_for_meta"] = csp_for_meta


def finish(pelican):
    """Run every finishing step on ``pelican.output_path``; any failure stops the build."""
    settings = pelican.settings
    output = Path(pelican.output_path)
    # Order matters: the stylesheet is joined first, so it is minified, hashed and compressed
    # like every theme file; links and images change the HTML; hashing renames theme files and
    # rewrites their references; minifying works on the final HTML; Pagefind indexes what
    # citizens will read; compression comes last so every copy matches its file.
    assets.join_stylesheet(output, settings)
    markup.process_site(output, settings)
    if settings["PUBLISH_MINIFY"]:
        assets.minify_theme(output, settings)
    if settings["PUBLISH_HASH_ASSETS"]:
        assets.hash_theme_assets(output, settings)
    if settings["PUBLISH_MINIFY"]:
        assets.minify_html_pages(output)
    if settings["SEARCH_INDEX"]:
        search.index_site(output, settings)
    if settings["PUBLISH_PRECOMPRESS"]:
        compress.precompress_site(output)


def register():
    # generator_init: every generator's Jinja environment gets the filter before it renders.
    signals.generator_init.connect(add_filters)
    # finalized fires once, after every generator has written its files and while the build
    # still targets the staging folder, so a failure here never reaches the live output/.
    signals.finalized.connect(finish)
