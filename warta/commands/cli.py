"""Warta's command line: `bin/warta build|serve|audit|periksa|baru|pratinjau|kota-baru`."""

import sys
import tempfile
from pathlib import Path

import click

from warta import __version__, city_settings_file
from warta.commands.build import BuildError, quiet_settings
from warta.commands.build import build as build_site
from warta.commands.importer.commands import impor
from warta.commands.newcity.command import kota_baru
from warta.commands.preview_page import write_report
from warta.commands.scaffold import ScaffoldError, new_article, new_document
from warta.commands.words import SETTINGS_HELP, IndonesianGroup, run
from warta.content.errors import display_path
from warta.content.lint import RULES, guide_link, lint_file

# How every help text and usage line names the program (bin/warta, the script at the project
# root's bin/ that sets up .venv itself): what an editor can type, whatever Python they have.
PROG_NAME = "bin/warta"


@click.group(cls=IndonesianGroup, options_metavar="[PILIHAN]",
             subcommand_metavar="PERINTAH [ARGUMEN]...")
@click.version_option(package_name=None, version=__version__)
def cli():
    """Warta: bangun, sajikan, dan audit portal berita pemerintah yang aksesibel."""


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder hasil build.")
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--content", default=None, help="Folder konten (bawaan: PATH di pengaturan).")
@click.option("--debug", is_flag=True, help="Tampilkan traceback Python untuk pengembang.")
@click.option("--pratinjau", is_flag=True,
              help="Pratinjau: tampilkan juga draf dan berita terjadwal (jangan diterbitkan).")
# The preview's own channel: where the result goes as JSON, for its page in the browser.
@click.option("--laporan-json", "report_json", default=None, hidden=True)
def build(output, settings, content, debug, pratinjau, report_json):
    """Bangun situs ke OUTPUT. Build yang gagal tidak mengubah OUTPUT lama."""
    overrides = {"WARTA_PREVIEW": True} if pratinjau else {}
    try:
        built = build_site(Path(output), settings, content=content, debug=debug, **overrides)
    except BuildError as exc:
        if report_json:
            write_report(report_json, False, exc.errors or [str(exc)], exc.findings)
        click.echo(str(exc), err=True)
        echo_warnings(exc.warnings)
        echo_guide_links(exc.findings)
        sys.exit(1)
    if report_json:
        write_report(report_json, True, [], built.findings)
    echo_warnings(built.warnings)
    echo_guide_links(built.findings)
    echo_allowances(built.findings)
    pages = sum(1 for _ in Path(output).rglob("*.html"))
    click.echo(f"Build selesai: {pages} halaman HTML di {output}/")


def echo_warnings(warnings):
    if warnings:
        click.echo("Peringatan (build tetap berjalan):", err=True)
        for warning in warnings:
            click.echo(f"  {warning}", err=True)


def echo_guide_links(findings):
    """Where the editors' guide explains each rule that fired."""
    rules = sorted({f.rule for f in findings if f.rule in RULES})
    if rules:
        click.echo("Penjelasan dan contoh perbaikan di panduan editor:", err=True)
        for rule in rules:
            click.echo(f"  {rule}: {guide_link(rule)}", err=True)


def echo_allowances(findings):
    """How many files skip an editorial rule (Lint_diizinkan): never silent, so never forgotten."""
    files = {f.path for f in findings if f.rule == "lint-diizinkan"}
    if files:
        click.echo(f"{len(files)} berkas memakai Lint_diizinkan", err=True)


def _rules_help():
    lines = ["\b", "Aturan (E = kesalahan, build gagal; P = peringatan):"]
    for rule in RULES.values():
        mark = "E" if rule.severity == "kesalahan" else "P"
        lines.append(f"  {mark} {rule.id:<18} {rule.summary}")
    lines += ["", "\b", "Setiap aturan dijelaskan di docs/panduan-editor.md#<id-aturan>,",
              "misalnya docs/panduan-editor.md#gambar-alt."]
    return "\n".join(lines)


@cli.command(epilog=_rules_help(), options_metavar="[PILIHAN]")
@click.argument("berkas", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--content", default=None, help="Folder konten (bawaan: PATH di pengaturan).")
def periksa(berkas, settings, content):
    """Periksa konten tanpa menerbitkan apa pun.

    Tanpa BERKAS: periksa seluruh folder konten, persis seperti build (termasuk alamat ganda).
    Dengan BERKAS: periksa berkas Markdown itu saja, lebih cepat.

    Setiap temuan ditulis `berkas:baris: id-aturan: pesan (cara memperbaiki)`.
    Keluar dengan kode 1 bila ada kesalahan.
    """
    if berkas:
        conf = quiet_settings(settings, content)
        findings = [f for path in berkas for f in lint_file(Path(path), conf)]
        errors = [str(f) for f in findings if f.is_error]
        warnings = [str(f) for f in findings if not f.is_error]
    else:
        with tempfile.TemporaryDirectory(prefix="warta-periksa-") as scratch:
            try:
                built = build_site(Path(scratch) / "output", settings, content=content)
                errors, warnings, findings = [], built.warnings, built.findings
            except BuildError as exc:
                # A failed build is never "0 errors", even one that could not say which.
                errors, warnings, findings = exc.errors or [str(exc)], exc.warnings, exc.findings
    if errors:
        click.echo("Kesalahan (harus diperbaiki sebelum terbit):", err=True)
        for line in errors:
            click.echo(f"  {line}", err=True)
    echo_warnings(warnings)
    echo_guide_links(findings)
    echo_allowances(findings)
    click.echo(f"Pemeriksaan selesai: {len(errors)} kesalahan, {len(warnings)} peringatan.")
    sys.exit(1 if errors else 0)


@cli.group(options_metavar="[PILIHAN]", subcommand_metavar="PERINTAH [ARGUMEN]...")
def baru():
    """Buat berkas konten baru dari templat, siap diisi."""


def _scaffold(make, **kwargs):
    content = kwargs.pop("content")
    try:
        path = make(quiet_settings(content=content), **kwargs)
    except ScaffoldError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"Berkas baru: {display_path(path)}")
    click.echo("Ganti setiap teks [[...]] dan isi baris yang masih kosong, lalu lihat hasilnya "
               "dengan `make devserver`. `make periksa` menunjukkan apa yang masih kurang.")
    return path


@baru.command("berita", options_metavar="[PILIHAN]")
@click.argument("judul")
@click.option("--opd", default=None, help="Perangkat daerah (Category), singkatan salah satu berkas di content/opd/.")
@click.option("--penulis", default=None, help="Penulis (Author).")
@click.option("--tanggal", default=None, help="TTTT-BB-HH atau TTTT-BB-HH JJ:MM (bawaan: sekarang, WIB).")
@click.option("--content", default=None, help="Folder konten (bawaan: PATH di pengaturan).")
def baru_berita(judul, opd, penulis, tanggal, content):
    """Buat berita baru berjudul JUDUL di content/berita/.

    Nama berkas dan slug dibuat dari judul, tanggal dari hari ini (Asia/Jakarta).

    Contoh: bin/warta baru berita "Pasar murah dibuka di empat kecamatan" --opd "Dinsos"
    """
    _scaffold(new_article, title=judul, opd=opd, author=penulis, date=tanggal, content=content)


@baru.command("dokumen", options_metavar="[PILIHAN]")
@click.argument("judul")
@click.option("--kategori", default="",
              help="Kategori informasi publik: berkala, serta-merta, setiap-saat atau dikecualikan.")
@click.option("--opd", default=None, help="Perangkat daerah pemilik dokumen.")
@click.option("--tahun", default=None, type=int, help="Tahun dokumen (bawaan: tahun ini).")
@click.option("--tanggal", default=None, help="TTTT-BB-HH atau TTTT-BB-HH JJ:MM (bawaan: sekarang, WIB).")
@click.option("--content", default=None, help="Folder konten (bawaan: PATH di pengaturan).")
def baru_dokumen(judul, kategori, opd, tahun, tanggal, content):
    """Buat dokumen PPID baru berjudul JUDUL di content/ppid/dokumen/, dengan kolom DIP.

    Contoh: bin/warta baru dokumen "Laporan Keuangan 2024" --kategori berkala
    """
    _scaffold(new_document, title=judul, category=kategori, opd=opd, year=tahun, date=tanggal,
              content=content)


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder situs yang disajikan.")
@click.option("--port", default=8000, show_default=True, help="Port di localhost.")
def serve(output, port):
    """Sajikan folder OUTPUT di http://localhost:PORT (Ctrl+C untuk berhenti)."""
    from warta.commands.server import make_server  # noqa: PLC0415 - only this command serves

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
@click.option(
    "--pages-only",
    is_flag=True,
    help="Hanya audit axe per halaman: tanpa audit tampilan, pemeriksaan browser, validitas "
    "HTML, dan tanpa menulis catatan audit.",
)
@click.option(
    "--templat-terpakai",
    "used_templates_only",
    is_flag=True,
    help="Gerbang konten kota (make gerbang): templat yang belum punya halaman di portal ini "
    "(seksi kosong, belum ada berita) disebut, bukan gagal. Tanpa ini setiap templat wajib "
    "punya halaman, seperti pada contoh bawaan Warta.",
)
@click.option(
    "--record",
    metavar="BERKAS",
    default=None,
    help="Tulis catatan audit ke sini  [bawaan: WARTA_AUDIT_RECORD di pelicanconf.py]",
)
def audit(output, workers, timeout, audit_all, cache_dir, reports, remote, host, progress,
          pages_only, used_templates_only, record):
    """Jalankan gerbang aksesibilitas atas setiap halaman HTML di OUTPUT.

    axe-core di Chromium headless pada setiap halaman, lalu satu halaman per templat di setiap
    tampilan (tema, teks 200%, layar 320 piksel), pemeriksaan browser (reflow, jarak teks,
    keyboard, fokus, ukuran target), dan validitas HTML. Bila setiap templat punya halaman,
    hasilnya ditulis ke catatan audit yang ditampilkan pernyataan aksesibilitas.

    Halaman yang tidak berubah sejak audit bersih terakhir (HTML, CSS, JavaScript, dan fon
    yang dimuatnya sama persis, axe-core dan opsinya sama) dipakai ulang dari cache; --all
    mengaudit semuanya. Kode keluar: 0 semua lolos; 1 ada yang gagal, tidak dapat diaudit,
    atau cache rusak; 2 audit tidak dapat berjalan sama sekali.
    """
    from warta.commands.audit import AuditError, AuditOptions, Cache, find_pages  # noqa: PLC0415 - Selenium and Pelican load only for this command
    from warta.commands.audit.report import console_summary, load_sources, write_reports  # noqa: PLC0415 - Selenium and Pelican load only for this command

    if not Path(output).is_dir() or not find_pages(output):
        click.echo(
            f"Tidak ada halaman HTML di {output}/: tidak ada yang bisa diaudit. "
            "Bangun situsnya lebih dulu dengan `make html`.",
            err=True,
        )
        sys.exit(2)
    if remote and not pages_only:
        click.echo(
            "Audit tampilan dan pemeriksaan browser memerlukan Chromium lokal (perintah "
            "DevTools); dengan --remote pakai juga --pages-only.",
            err=True,
        )
        sys.exit(2)
    options = AuditOptions(workers=workers, timeout=timeout, remote=remote, host=host,
                           cache=Cache.REFRESH if audit_all else Cache.REUSE,
                           cache_dir=Path(cache_dir))
    try:
        run, gate = _run_audit(output, options, progress, pages_only, record,
                               used_templates_only)
    except AuditError as exc:
        click.echo(f"Audit tidak dapat berjalan: {exc}", err=True)
        sys.exit(2)
    sources = load_sources(output)
    for line in console_summary(run, sources):
        click.echo(line)
    passed = run.passed
    if gate is not None:
        from warta.commands.gate import summary_lines  # noqa: PLC0415 - Selenium and Pelican load only for this command

        for line in summary_lines(gate):
            click.echo(line)
        passed = gate.passed
    paths = write_reports(run, reports, output, sources)
    click.echo(f"Laporan: {paths['html']} · {paths['json']} · {paths['junit']}")
    sys.exit(0 if passed else 1)


def _run_audit(output, options, mode, pages_only, record, used_templates_only=False):
    """(the page audit's AuditRun, the GateResult or None with --pages-only). ``mode`` is
    --progress: the gate announces each of its stages and shows each one's progress."""
    from warta.commands.audit.progress import Stages, make_progress  # noqa: PLC0415 - Selenium and Pelican load only for this command

    if pages_only:
        from warta.commands.audit import AuditEngine  # noqa: PLC0415 - Selenium and Pelican load only for this command

        with make_progress(mode) as display:
            return AuditEngine(output, options).run(progress=display.update), None
    from warta.commands.gate import STAGES, record_path, run_gate  # noqa: PLC0415 - Selenium and Pelican load only for this command

    settings = quiet_settings()
    record = Path(record) if record else record_path(settings)
    gate = run_gate(output, options, record=record, used_templates_only=used_templates_only,
                    stages=Stages(STAGES, mode), settings=settings)
    return gate.pages, gate


@cli.command(options_metavar="[PILIHAN]")
@click.option("--output", default=".cache/pratinjau", show_default=True,
              help="Folder pratinjau (bukan output/: pratinjau memuat draf).")
@click.option("--port", default=8000, show_default=True, help="Port di localhost (0: pilih sendiri).")
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--content", default=None, help="Folder konten (bawaan: PATH di pengaturan).")
def pratinjau(output, port, settings, content):
    """Pratinjau langsung: bangun ulang setiap kali berkas disimpan, sajikan di localhost.

    Draf (`Status: draft`) dan berita bertanggal di masa depan ikut tampil, bertanda jelas.
    Pratinjau tidak pernah diterbitkan: `make publish` tidak memuat keduanya.
    """
    from warta.commands.preview import run_preview  # noqa: PLC0415 - watchfiles only for the preview

    sys.exit(run_preview(Path(output), port, settings or city_settings_file(), content))


@cli.command()
@click.option("--output", default="output", show_default=True, help="Folder situs yang diunggah.")
@click.option("--target", required=True, envvar="WARTA_DEPLOY_TARGET",
              help="Tujuan: pengguna@host:/srv/warta atau folder lokal.")
@click.option("--keep", default=5, show_default=True, help="Jumlah rilis lama yang disimpan.")
def deploy(output, target, keep):
    """Unggah OUTPUT sebagai rilis baru di TARGET, lalu alihkan symlink `current` ke rilis itu."""
    from warta.commands.deploy import DeployError  # noqa: PLC0415 - only this command deploys
    from warta.commands.deploy import deploy as deploy_site  # noqa: PLC0415

    try:
        release = deploy_site(Path(output), target, keep=keep)
    except DeployError as exc:
        click.echo(f"Unggah gagal: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Rilis {release} tayang di {target}/current")


# A new portal for a city, regency or province (warta/commands/newcity/).
cli.add_command(kota_baru)
# Importing an old site (warta/commands/importer/).
cli.add_command(impor)


def main():
    try:
        # The name the guides use: bin/warta, the wrapper that needs no activated .venv.
        run(cli, prog_name=PROG_NAME)
    except BuildError as exc:
        # Settings that do not run reach every command, not only build: one plain line each.
        click.echo(str(exc), err=True)
        sys.exit(1)
