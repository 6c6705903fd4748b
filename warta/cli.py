"""Warta's command line: `python -m warta build|serve|audit`."""

import sys
from pathlib import Path

import click

from warta.build import BuildError, build as build_site


@click.group()
@click.version_option(package_name=None, version=__import__("warta").__version__)
def cli():
    """Warta: bangun, sajikan, dan audit portal berita pemerintah yang aksesibel."""


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder hasil build.")
@click.option("--settings", default="pelicanconf.py", show_default=True, help="Berkas pengaturan.")
@click.option("--content", default=None, help="Folder konten (bawaan: PATH di pengaturan).")
@click.option("--debug", is_flag=True, help="Tampilkan traceback Python untuk pengembang.")
def build(output, settings, content, debug):
    """Bangun situs ke OUTPUT. Build yang gagal tidak mengubah OUTPUT lama."""
    try:
        warnings = build_site(Path(output), settings, content=content, debug=debug)
    except BuildError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    for warning in warnings:
        click.echo(f"peringatan: {warning}", err=True)
    pages = sum(1 for _ in Path(output).rglob("*.html"))
    click.echo(f"Build selesai: {pages} halaman HTML di {output}/")


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder situs yang disajikan.")
@click.option("--port", default=8000, show_default=True, help="Port di localhost.")
def serve(output, port):
    """Sajikan folder OUTPUT di http://localhost:PORT (Ctrl+C untuk berhenti)."""
    from warta.server import make_server

    if not (Path(output) / "index.html").is_file():
        click.echo(f"{output}/index.html tidak ada. Jalankan `make html` lebih dulu.", err=True)
        sys.exit(1)
    server = make_server(output, host="127.0.0.1", port=port)
    click.echo(f"Portal tersaji di http://localhost:{port}/ (Ctrl+C untuk berhenti)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Berhenti.")
    finally:
        server.server_close()


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder situs yang diaudit.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Jumlah sesi Chromium paralel  [bawaan: jumlah inti CPU]",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=60,
    show_default=True,
    help="Detik untuk memuat dan mengaudit satu halaman; lewat dari itu halaman gagal.",
)
@click.option("--all", "audit_all", is_flag=True, help="Abaikan cache: audit ulang semua halaman.")
@click.option(
    "--cache-dir",
    default=".cache/audit",
    show_default=True,
    help="Folder cache hasil audit yang bersih.",
)
@click.option(
    "--reports",
    default="audit-report",
    show_default=True,
    help="Folder laporan: audit-report.json, audit-junit.xml, audit-report.html.",
)
@click.option(
    "--remote",
    metavar="URL",
    default=None,
    help="Jalankan browser di Selenium Grid 4 ini (misalnya http://127.0.0.1:4444) "
    "alih-alih Chromium lokal.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Alamat tempat situs disajikan untuk browser. Dengan --remote di mesin lain, "
    "pakai alamat mesin ini yang dapat dijangkau node Grid.",
)
@click.option(
    "--progress",
    type=click.Choice(["auto", "bar", "lines"]),
    default="auto",
    show_default=True,
    help="Bilah kemajuan (terminal) atau baris biasa (CI, log).",
)
def audit(output, workers, timeout, audit_all, cache_dir, reports, remote, host, progress):
    """Audit setiap halaman HTML di OUTPUT dengan axe-core di Chromium headless.

    Halaman yang tidak berubah sejak audit bersih terakhir (HTML, CSS, JavaScript, dan fon
    yang dimuatnya sama persis, axe-core dan opsinya sama) dipakai ulang dari cache; --all
    mengaudit semuanya. Kode keluar: 0 semua lolos; 1 ada halaman gagal, tidak dapat
    diaudit, atau cache rusak; 2 audit tidak dapat berjalan sama sekali.
    """
    from warta.audit import AuditError, audit_site, default_workers, find_pages
    from warta.progress import make_progress
    from warta.report import console_summary, load_sources, write_reports

    if not Path(output).is_dir() or not find_pages(output):
        click.echo(
            f"Tidak ada halaman HTML di {output}/: tidak ada yang bisa diaudit. "
            "Bangun situsnya lebih dulu dengan `make html`.",
            err=True,
        )
        sys.exit(2)
    workers = workers or default_workers()
    display = make_progress(progress)
    try:
        with display:
            run = audit_site(
                output,
                workers=workers,
                timeout=timeout,
                remote=remote,
                cache_dir=cache_dir,
                read_cache=not audit_all,
                host=host,
                progress=display.update,
            )
    except AuditError as exc:
        click.echo(f"Audit tidak dapat berjalan: {exc}", err=True)
        sys.exit(2)
    sources = load_sources(output)
    for line in console_summary(run, sources):
        click.echo(line)
    paths = write_reports(run, reports, output, sources)
    click.echo(f"Laporan: {paths['html']} · {paths['json']} · {paths['junit']}")
    sys.exit(0 if run.passed else 1)


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder situs yang diunggah.")
@click.option("--target", required=True, envvar="WARTA_DEPLOY_TARGET",
              help="Tujuan: pengguna@host:/srv/warta atau folder lokal.")
@click.option("--keep", default=5, show_default=True, help="Jumlah rilis lama yang disimpan.")
def deploy(output, target, keep):
    """Unggah OUTPUT sebagai rilis baru di TARGET, lalu alihkan symlink `current` ke rilis itu."""
    from warta.deploy import DeployError, deploy as deploy_site

    try:
        release = deploy_site(Path(output), target, keep=keep)
    except DeployError as exc:
        click.echo(f"Unggah gagal: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Rilis {release} tayang di {target}/current")


def main():
    cli(prog_name="python -m warta")
