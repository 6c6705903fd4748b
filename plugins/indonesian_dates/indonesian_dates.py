"""indonesian_dates: the Jinja filters `tanggal`, `tanggal_pendek`, `tanggal_waktu` and
`tanggal_iso`, from warta.content.dates."""

from pelican import signals

from warta.content.dates import filters


def add_filters(generator):
    generator.env.filters.update(filters(generator.settings["WARTA_LOCALE"]))


def register():
    # generator_init fires once per generator, after its Jinja environment exists and before
    # any template renders.
    signals.generator_init.connect(add_filters)
