"""`bin/warta impor wordpress|feed`: the command line over warta.commands.importer."""

import sys

import click

from warta.commands.build import quiet_settings
from warta.commands.importer.main import import_feed, import_wordpress
from warta.commands.importer.report import summary_line
from warta.commands.words import SETTINGS_HELP, IndonesianGroup
from warta.content.errors import ContentError, display_path

COMMON = [
    click.option("--content", default=None, metavar="FOLDER", help="Folder konten (bawaan: PATH di pengaturan)."),
    click.option("--settings", default=None, metavar="BERKAS", help=SETTINGS_HELP),
    click.option("--peta-opd", "peta_opd", default=None, metavar="BERKAS", type=click.Path(dir_okay=False),
                 help="CSV kategori_wordpress,singkatan_opd: kategori lama → perangkat daerah."),
    click.option("--paksa", is_flag=True,
                 help="Timpa juga berkas yang sudah disunting editor sejak impor sebelumnya."),
    click.option("--laporan", default=None, metavar="BERKAS", help="Berkas laporan  [bawaan: impor-laporan.md]"),
    click.option("--alih", default=None, metavar="BERKAS",
                 help="Berkas peta pengalihan nginx  [bawaan: deploy/redirects/<jenis>.map]"),
]


def common(command):
    for option in reversed(COMMON):
        command = option(command)
    return command


@click.group(cls=IndonesianGroup, options_metavar="[PILIHAN]",
             subcommand_metavar="PERINTAH [ARGUMEN]...")
def impor():
    """Impor situs lama: ekspor WordPress atau feed RSS/Atom yang sudah disimpan."""


def _done(action):
    try:
        done = action()
    except ContentError as exc:
        click.echo("Impor gagal; folder konten tidak diubah.", err=True)
        for line in exc.lines():
            click.echo(f"  {line}", err=True)
        sys.exit(1)
    if isinstance(done, int):
        return done
    click.echo(summary_line(done.numbers))
    if done.redirects:
        click.echo(f"Pengalihan: {display_path(done.redirects)}")
    click.echo(f"Laporan: {display_path(done.report)} (yang perlu ditangani editor di atas)")
    return done


@impor.command("wordpress", options_metavar="[PILIHAN]")
@click.argument("ekspor", type=click.Path(dir_okay=False))
@click.option("--unggahan", default=None, metavar="FOLDER", type=click.Path(file_okay=False),
              help="Folder wp-content/uploads situs lama, untuk menyalin gambarnya.")
@click.option("--tulis-peta", "tulis_peta", default=None, metavar="BERKAS", type=click.Path(dir_okay=False),
              help="Tulis awal berkas peta: setiap kategori dengan jumlah posnya, lalu berhenti.")
@common
def wordpress(ekspor, unggahan, tulis_peta, content, settings, peta_opd, paksa, laporan, alih):
    """Impor EKSPOR (WordPress: Alat → Ekspor → Semua konten) ke content/berita dan content/halaman.

    Pos yang akan gagal di gerbang (gambar tanpa teks alternatif, HTML yang tidak diizinkan)
    menjadi draf dan dicatat di laporan. Impor ulang hanya menulis yang berubah, dan tidak
    pernah menimpa berkas yang sudah disunting editor tanpa --paksa.
    """
    conf = quiet_settings(settings, content)
    done = _done(lambda: import_wordpress(ekspor, conf, content=content, uploads=unggahan,
                                          map_path=peta_opd, write_map=tulis_peta, force=paksa,
                                          report=laporan, redirects_path=alih))
    if isinstance(done, int):
        click.echo(f"Peta {tulis_peta}: {done} kategori. Isi kolom singkatan_opd yang masih "
                   "kosong, lalu impor dengan --peta-opd.")


@impor.command("feed", options_metavar="[PILIHAN]")
@click.argument("berkas")
@click.option("--host", default=None, metavar="NAMA",
              help="Nama host situs lama bila berbeda dari yang ditulis feed (untuk pengalihan).")
@common
def feed(berkas, host, content, settings, peta_opd, paksa, laporan, alih):
    """Impor BERKAS feed RSS 2.0 atau Atom yang sudah disimpan (tidak mengunduh dari alamat web)."""
    conf = quiet_settings(settings, content)
    _done(lambda: import_feed(berkas, conf, content=content, map_path=peta_opd, force=paksa,
                              report=laporan, redirects_path=alih, host=host))
