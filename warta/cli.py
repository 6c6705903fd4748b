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
def audit(output):
    """Audit setiap halaman HTML di OUTPUT dengan axe-core di Chromium headless."""
    from warta.audit import AuditError, Auditor, find_pages, start_browser
    from warta.server import serve

    pages = find_pages(output)
    if not pages:
        click.echo(f"Tidak ada halaman HTML di {output}/: tidak ada yang bisa diaudit.", err=True)
        sys.exit(1)
    failed = []
    try:
        driver = start_browser()
    except AuditError as exc:
        click.echo(f"Audit tidak dapat berjalan: {exc}", err=True)
        sys.exit(1)
    try:
        with serve(output) as base_url:
            auditor = Auditor(driver, base_url)
            for number, page in enumerate(pages, 1):
                result = auditor.audit(page)
                click.echo(f"[{number}/{len(pages)}] {result.format()}")
                if not result.passed:
                    failed.append(page)
    except AuditError as exc:
        click.echo(f"Audit tidak dapat berjalan: {exc}", err=True)
        sys.exit(1)
    finally:
        driver.quit()
    click.echo(f"{len(pages)} halaman diaudit, {len(failed)} gagal.")
    sys.exit(1 if failed else 0)


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
