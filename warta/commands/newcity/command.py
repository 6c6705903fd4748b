"""`bin/warta kota-baru`: a new portal for a city, regency or province, in one command."""

import sys
from pathlib import Path

import click

from warta import ROOT
from warta.commands.newcity.city import (
    KINDS,
    ZONES,
    NewCityError,
    agencies_from_csv,
    agencies_from_flags,
    make_city,
    refuse_controls,
)
from warta.commands.newcity.portal import markers, plan, refusal, render, write
from warta.commands.words import IndonesianCommand
from warta.content.errors import display_path

NEXT_STEPS = [
    "Putuskan setiap tanda ((tinjau: ...)) di atas; `make periksa` menunjukkan yang tersisa.",
    "Lihat hasilnya dengan `make devserver`, lalu tulis berita pertama dengan `make berita`.",
    "Pindahkan berita lama dari WordPress dengan `bin/warta impor wordpress …` "
    "(docs/adopsi.md).",
    "Arahkan DNS domain ke server, pasang sertifikat TLS, dan sesuaikan server_name di "
    "deploy/nginx.conf (docs/publishing.md).",
    "Salin deploy/ci/gitlab-ci.yml atau deploy/ci/github-actions.yml ke repositori portal: "
    "setiap perubahan melewati `make gerbang`, lalu terbit dengan `make rsync_upload`.",
]


def _interactive():
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(value, text, **kwargs):
    """``value``, or the answer to a prompt when it is missing and someone is at a terminal."""
    if value is None and _interactive():
        return click.prompt(text, **kwargs)
    return value


def _ask_agencies():
    found = []
    while _interactive():
        answer = click.prompt("Perangkat daerah (Singkatan=Nama lengkap; kosongkan untuk selesai)",
                              default="", show_default=False)
        if not answer.strip():
            break
        found.append(answer)
    return found


def gather(nama, jenis, zona, opd, berkas_opd, domain, surel, telepon, alamat, opd_ppid):
    """The checked City from the flags, asking for what is missing at a terminal."""
    nama = _ask(nama, "Nama pemerintah daerah (tanpa kata Pemerintah), misalnya Kabupaten Banjar")
    if nama is None:
        raise NewCityError('Nama pemerintah daerah belum ditulis: --nama "Kabupaten Banjar".')
    first = nama.split()[0].lower() if nama.split() else ""
    if jenis is None and first not in KINDS:
        jenis = _ask(jenis, "Jenis (kota, kabupaten atau provinsi)")
    zona = _ask(zona, f"Zona waktu ({', '.join(ZONES)})")
    if zona is None:
        raise NewCityError("Zona waktu belum ditulis: --zona WIB, --zona WITA atau --zona WIT.")
    if berkas_opd:
        if opd:
            raise NewCityError("Pakai --opd atau --berkas-opd, tidak keduanya sekaligus.")
        found = agencies_from_csv(berkas_opd)
    else:
        found = agencies_from_flags(list(opd) or _ask_agencies())
    if _interactive():
        domain = _ask(domain, "Domain portal (kosongkan bila belum ada)", default="", show_default=False)
        surel = _ask(surel, "Surel kantor (kosongkan bila belum ada)", default="", show_default=False)
        telepon = _ask(telepon, "Telepon kantor (kosongkan bila belum ada)", default="", show_default=False)
        alamat = _ask(alamat, "Alamat kantor (kosongkan bila belum ada)", default="", show_default=False)
    return make_city(nama, jenis, zona, found, domain or "", surel or "", telepon or "",
                     alamat or "", opd_ppid)


def make_portal(target, city, force=False, echo=click.echo):
    """Write the portal; return (Plan, [Marker]). Raises NewCityError when refused."""
    files = render(city)
    result = plan(target, files)
    problem = refusal(result)
    if problem and not force:
        raise NewCityError(problem)
    backup = write(result)
    if result.replaced:
        echo(f"Diganti (versi lamanya disimpan di {display_path(backup)}):")
        for path in result.replaced:
            echo(f"  {path}")
    if result.others:
        echo("Tidak diubah, bukan tulisan kota-baru (hapus sendiri bila milik portal lain):")
        for path in result.others:
            echo(f"  {path}")
    return result, markers(files)


@click.command("kota-baru", cls=IndonesianCommand, options_metavar="[PILIHAN]")
@click.option("--nama", default=None, help='Nama pemerintah daerah tanpa "Pemerintah", misalnya "Kabupaten Banjar".')
@click.option("--jenis", default=None, metavar="kota|kabupaten|provinsi",
              help="kota, kabupaten atau provinsi (bawaan: dari kata pertama --nama).")
@click.option("--zona", default=None, metavar="WIB|WITA|WIT", help="Zona waktu: WIB, WITA atau WIT.")
@click.option("--opd", multiple=True, metavar='"SINGKATAN=NAMA"',
              help='Perangkat daerah, boleh berulang: --opd "Diskominfo=Dinas Komunikasi dan Informatika".')
@click.option("--berkas-opd", default=None, metavar="BERKAS.csv",
              help="CSV perangkat daerah: kolom singkatan,nama[,kelompok,alamat,telepon,surel].")
@click.option("--opd-ppid", default=None,
              help="Singkatan perangkat daerah PPID Utama (bawaan: Diskominfo/Kominfo, atau yang pertama).")
@click.option("--domain", default=None, help="Domain portal, misalnya portal.banjarkab.go.id.")
@click.option("--surel", default=None, help="Surel kantor pengelola portal.")
@click.option("--telepon", default=None, help="Telepon kantor pengelola portal.")
@click.option("--alamat", default=None, help="Alamat kantor pengelola portal.")
@click.option("--tujuan", default=None, metavar="FOLDER",
              help="Folder proyek portal  [bawaan: folder Warta]")
@click.option("--paksa", is_flag=True,
              help="Ganti pelicanconf.py dan konten yang ada (versi lamanya disimpan di .cache/kota-baru/).")
def kota_baru(nama, jenis, zona, opd, berkas_opd, opd_ppid, domain, surel, telepon, alamat,
              tujuan, paksa):
    """Buat portal baru: pelicanconf.py, perangkat daerah, halaman standar, dan halaman PPID.

    Yang belum ditulis ditanyakan bila dijalankan di terminal. Bagian yang harus diputuskan
    orang (nama kepala dinas, nomor keputusan PPID, jam layanan) ditandai ((tinjau: ...)) dan
    dilaporkan sebagai peringatan perlu-ditinjau oleh build dan `make periksa`.

    Contoh: bin/warta kota-baru --nama "Kabupaten Banjar" --zona WITA
    --opd "Diskominfo=Dinas Komunikasi dan Informatika" --opd "Dinkes=Dinas Kesehatan"
    """
    try:
        # Paths are printed back and never written into a file, but a line break or an escape
        # sequence in one would forge what the terminal shows.
        refuse_controls(tujuan, "--tujuan")
        refuse_controls(berkas_opd, "--berkas-opd")
        target = Path(tujuan) if tujuan else ROOT
        if target.exists() and not target.is_dir():
            raise NewCityError(f"--tujuan {target} adalah berkas, bukan folder: pilih folder proyek.")
        city = gather(nama, jenis, zona, opd, berkas_opd, domain, surel, telepon, alamat, opd_ppid)
        result, found = make_portal(target, city, force=paksa)
    except NewCityError as exc:
        click.echo(f"kota-baru: {exc}", err=True)
        click.echo("Tidak ada berkas yang ditulis.", err=True)
        sys.exit(1)
    written = len(result.new) + len(result.replaced)
    click.echo(f"Portal {city.government} ditulis di {display_path(target)}: {written} berkas "
               f"({len(city.agencies)} perangkat daerah; PPID Utama: {city.ppid.short}; "
               f"zona {city.zone}, {city.timezone}).")
    click.echo(f"\nDaftar tinjauan: {len(found)} tanda ((tinjau: ...)) yang harus diputuskan orang:")
    for marker in found:
        click.echo(f"  {display_path(target / marker.path)}:{marker.line}: {marker.text}")
    click.echo("\nLangkah berikutnya:")
    for number, step in enumerate(NEXT_STEPS, start=1):
        click.echo(f"  {number}. {step}")
