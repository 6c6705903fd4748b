"""`make bench`: Warta's build and audit on a synthetic portal, against the alternatives.

Generates N articles and N/10 PPID-like documents with a fixed seed in a temporary folder, then
times, each in its own process with its peak memory (the whole process tree, browsers
included):

1. vanilla Pelican on the same Markdown (default theme, no plugins, TYPOGRIFY = True);
2. Warta's full (cold) build, and a warm rebuild after one article changes;
3. Warta's full audit with 2 workers, and the incremental audit after that one change;
4. the same 200 pages through @axe-core/cli and through Warta, for a side-by-side ratio.

Figures are printed and saved as JSON. Nothing here asserts a time: it measures. The portal
comes from warta.synthetic, the process measurements from warta.bench_usage.
"""

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from warta import ROOT
from warta.agencies import agencies
from warta.bench_usage import measure
from warta.cli_words import IndonesianGroup, run
from warta.synthetic import SEED, change_one_article, generate_portal

AXE_CLI = ROOT / "node_modules" / "@axe-core" / "cli" / "dist" / "src" / "bin" / "cli.js"
PROG = "python -m warta.bench"

VANILLA_SETTINGS = '''
# Vanilla Pelican for the benchmark: default theme, no plugins, typogrify on. Two settings
# match Warta's so both write the same number of pages: 10 articles per list page (the
# default writes every article on one page) and no link to each of the {ppid} PPID
# documents in every page's menu.
AUTHOR = "Bench"
SITENAME = "Vanilla"
PATH = {content!r}
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["images", "attachments"]
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
TYPOGRIFY = True
DEFAULT_PAGINATION = 10
DISPLAY_PAGES_ON_MENU = False
PLUGINS = []
DELETE_OUTPUT_DIRECTORY = True
'''


class Bench:
    """One benchmark run in its own temporary folder; every step adds its figures."""

    def __init__(self, articles, workers, axe_pages):
        self.articles, self.workers, self.axe_pages = articles, workers, axe_pages
        self.work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
        self.content = self.work / "content"
        self.output = self.work / "output"
        self.reports = self.work / "reports"
        self.paths = []
        self.steps = {}
        self.figures = {"articles": articles, "ppid_documents": articles // 10, "seed": SEED,
                        "workers": workers, "cpu_count": os.cpu_count(), "folder": str(self.work)}
        python = sys.executable
        # Each build runs in a process of its own, so its time and memory are the build's alone.
        self.build_cmd = [python, "-m", "warta.bench", "build", self.content, self.output,
                          self.work / "cache"]
        # The page audit only: the whole gate would also write its audit record into the
        # project, where the accessibility statement would show the synthetic portal's result.
        self.audit_cmd = [
            python, "-m", "warta", "audit", "--pages-only", "--output", self.output,
            "--workers", workers, "--cache-dir", self.work / "audit-cache",
            "--reports", self.reports, "--progress", "lines",
        ]

    def measure(self, name, command, **options):
        figure, _ = measure(name, command, self.steps, **options)
        return figure

    def generate(self):
        from warta.build import load_settings  # noqa: PLC0415 - Pelican loads only to measure

        opds = [agency.name for agency in agencies(load_settings())]
        started = time.perf_counter()
        self.paths = generate_portal(self.content, self.articles, opds)
        self.figures["generate_seconds"] = round(time.perf_counter() - started, 2)
        click.echo(f"Portal sintetis: {self.articles} berita, {self.articles // 10} dokumen PPID "
                   f"di {self.content}")

    def vanilla_build(self):
        conf = self.work / "vanillaconf.py"
        conf.write_text(VANILLA_SETTINGS.format(content=str(self.content), ppid=self.articles // 10))
        pelican = Path(sys.executable).with_name("pelican")
        vanilla = self.work / "vanilla"
        figure = self.measure("vanilla_build", [pelican, "-s", conf, "-o", vanilla, "-q"])
        self.figures["vanilla_pages"] = sum(1 for _ in vanilla.rglob("*.html"))
        return figure

    def cold_build(self):
        figure = self.measure("warta_cold_build", self.build_cmd)
        self.figures["warta_pages"] = sum(1 for _ in self.output.rglob("*.html"))
        return figure

    def warm_rebuild(self):
        """Change one article, then build again with the caches of the cold build."""
        self.figures["changed_article"] = change_one_article(self.paths, self.work)
        return self.measure("warta_warm_rebuild", self.build_cmd)

    def audit_report(self):
        report = self.reports / "audit-report.json"
        if not report.is_file():
            # The audit could not run at all (it said why, above): no figure to derive.
            raise click.ClickException("audit tidak menulis laporan; benchmark berhenti di sini")
        return json.loads(report.read_text())

    def full_audit(self):
        """Audit every page; return the page on which axe took longest."""
        full = self.measure("warta_full_audit", [*self.audit_cmd, "--all"])
        report = self.audit_report()
        meta = report["meta"]
        step = self.steps["warta_full_audit"]
        step.update(pages=meta["halaman"], audited=meta["diaudit"], failed=meta["gagal"])
        step["pages_per_second"] = round(meta["diaudit"] / full["seconds"], 2)
        # What the same work would take on two cores of its own: CPU time spread over both.
        step["pages_per_second_if_2_cores_were_free"] = round(
            meta["diaudit"] / max(full["cpu_seconds"] / 2, 1e-9), 2
        )
        # The list-page target is about axe's own time on a page; loading it is counted apart.
        slowest = max(report["pages"], key=lambda p: p.get("axe_seconds") or 0)
        step["slowest_page"] = slowest["page"]
        step["slowest_page_axe_seconds"] = slowest.get("axe_seconds")
        step["slowest_page_seconds"] = slowest.get("seconds")
        step["axe_seconds_by_template"] = axe_times_by_template(report)
        return slowest

    def incremental_audit(self, changed_pages):
        """Audit again with the cache: only the pages whose bytes changed should be audited."""
        figure = self.measure("warta_incremental_audit", self.audit_cmd)
        report = self.audit_report()
        audited = sorted(p["page"] for p in report["pages"] if not p["reused"])
        self.steps["warta_incremental_audit"].update(
            audited=len(audited),
            reused=report["meta"]["dipakai_ulang"],
            pages_whose_bytes_changed=len(changed_pages),
            audited_every_changed_page=set(changed_pages) <= set(audited),
        )
        return figure

    def sample_audits(self, pages):
        """The same pages through @axe-core/cli and through Warta: (axe figure, Warta figure)."""
        sample = pages[:: max(1, len(pages) // self.axe_pages)][: self.axe_pages]
        sample_file = self.work / "sample.txt"
        sample_file.write_text("\n".join(sample))
        axe_fig = axe_cli(self.work, self.output, sample, self.steps)
        warta_fig = self.measure(
            "warta_sample_audit",
            [sys.executable, "-m", "warta.bench", "audit-pages", self.output, sample_file,
             self.workers],
        )
        if axe_fig and axe_fig["exit_code"] == 0:
            self.steps["axe_cli_sample"]["pages_per_second"] = round(
                len(sample) / axe_fig["seconds"], 2
            )
        self.steps["warta_sample_audit"]["pages"] = len(sample)
        self.steps["warta_sample_audit"]["pages_per_second"] = round(
            len(sample) / warta_fig["seconds"], 2
        )
        return axe_fig, warta_fig

    def save(self, json_path):
        Path(json_path).write_text(json.dumps(self.figures, indent=2, ensure_ascii=False))
        click.echo(json.dumps({k: self.figures.get(k) for k in ("ratios", "targets")}, indent=2))
        click.echo(f"\nHasil disimpan di {json_path}")


def run_bench(articles, workers, keep, json_path, axe_pages, builds_only=False):
    """Every step of the benchmark; the figures are saved even when a step fails."""
    bench = Bench(articles, workers, axe_pages)
    try:
        bench.generate()
        vanilla = bench.vanilla_build()
        cold = bench.cold_build()
        if builds_only:
            warm = bench.warm_rebuild()
            ratios = build_ratios(vanilla, cold, warm)
            bench.figures.update(steps=bench.steps, ratios=ratios, targets=build_targets(ratios))
        else:
            measure_audits(bench, vanilla, cold)
    finally:
        bench.save(json_path)
        if not keep:
            shutil.rmtree(bench.work, ignore_errors=True)
    return bench.figures


def measure_audits(bench, vanilla, cold):
    """The full audit, the warm rebuild and incremental audit after it, and the sample."""
    slowest = bench.full_audit()
    before = page_hashes(bench.output)
    warm = bench.warm_rebuild()
    after = page_hashes(bench.output)
    changed_pages = sorted(p for p in after if before.get(p) != after[p])
    incremental = bench.incremental_audit(changed_pages)
    axe_fig, warta_sample = bench.sample_audits(sorted(after))
    axe_ok = bool(axe_fig) and axe_fig["exit_code"] == 0
    steps = bench.steps
    ratios = {
        **build_ratios(vanilla, cold, warm),
        "full_audit_pages_per_second": steps["warta_full_audit"]["pages_per_second"],
        "warta_over_axe_cli_speed": (
            round(axe_fig["seconds"] / warta_sample["seconds"], 2) if axe_ok else None
        ),
        "incremental_audit_seconds": incremental["seconds"],
        "cpu_axe_cli_over_warta_sample": (
            round(axe_fig["cpu_seconds"] / max(warta_sample["cpu_seconds"], 1e-9), 2)
            if axe_ok else None
        ),
    }
    targets = {
        **build_targets(ratios),
        "audit_at_least_8_pages_per_second": ratios["full_audit_pages_per_second"] >= 8,
        "audit_at_least_2x_axe_cli": (ratios["warta_over_axe_cli_speed"] or 0) >= 2,
        "incremental_audit_within_60_s": incremental["seconds"] <= 60,
        "incremental_audit_covers_changed_pages": (
            steps["warta_incremental_audit"]["audited_every_changed_page"]
        ),
        "no_page_over_2_s_in_axe": (slowest.get("axe_seconds") or 0) <= 2,
    }
    bench.figures.update(steps=steps, ratios=ratios, targets=targets)


def page_hashes(output):
    from warta.audit import file_sha256, find_pages  # noqa: PLC0415 - Selenium loads only to audit

    return {page: file_sha256(Path(output) / page) for page in find_pages(output)}


def build_ratios(vanilla, cold, warm):
    return {
        "warta_cold_over_vanilla": round(cold["seconds"] / vanilla["seconds"], 3),
        "warm_over_cold": round(warm["seconds"] / cold["seconds"], 3),
        # The same ratios in CPU time, less sensitive to other work on a shared machine.
        "cpu_warta_cold_over_vanilla": round(
            cold["cpu_seconds"] / max(vanilla["cpu_seconds"], 1e-9), 3
        ),
        "cpu_warm_over_cold": round(warm["cpu_seconds"] / max(cold["cpu_seconds"], 1e-9), 3),
    }


def build_targets(ratios):
    return {
        "build_at_most_1_2x_vanilla": ratios["warta_cold_over_vanilla"] <= 1.2,
        "warm_at_most_25_percent": ratios["warm_over_cold"] <= 0.25,
    }


def axe_times_by_template(report):
    """{template: {pages, median, p95, max}} of axe's time per page, slowest template first."""
    times = {}
    for page in report["pages"]:
        if not page.get("reused"):
            times.setdefault(page.get("template") or "?", []).append(page.get("axe_seconds") or 0)
    table = {}
    for template, values in times.items():
        values.sort()
        table[template] = {
            "pages": len(values),
            "median": round(values[len(values) // 2], 3),
            "p95": round(values[min(len(values) - 1, int(len(values) * 0.95))], 3),
            "max": round(values[-1], 3),
        }
    return dict(sorted(table.items(), key=lambda item: -item[1]["max"]))


def axe_cli(work, output, sample, steps):
    """Time @axe-core/cli on the sample pages, with our axe-core, tags and Debian's driver."""
    from warta.audit import AXE_SCRIPT, AXE_TAGS, CHROMEDRIVER, CHROMIUM, page_url  # noqa: PLC0415 - Selenium loads only to audit
    from warta.server import serve  # noqa: PLC0415 - only the audits serve the site

    if not AXE_CLI.is_file():
        click.echo("@axe-core/cli tidak terpasang (make node); perbandingan dilewati")
        return None
    with serve(output) as base_url:
        urls = [page_url(base_url, page) for page in sample]
        figure, _ = measure(
            "axe_cli_sample",
            [
                "node", AXE_CLI, *urls,
                "--tags", ",".join(AXE_TAGS),
                "--axe-source", AXE_SCRIPT,
                "--chromedriver-path", CHROMEDRIVER,
                "--chrome-path", CHROMIUM,
                "--chrome-options", "headless=new,no-sandbox,disable-gpu,disable-dev-shm-usage",
                "--no-reporter", "--save", "axe-cli.json", "--dir", work / "axe-cli",
            ],
            steps,
        )
    figure["pages"] = len(sample)
    # @axe-core/cli exits 0 even when it stops early; count what it really audited, with
    # which axe-core, so the ratio compares the same work.
    saved = work / "axe-cli" / "axe-cli.json"
    try:
        results = json.loads(saved.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        results = []
    figure["pages_audited"] = len(results)
    figure["axe_versions"] = sorted({r.get("testEngine", {}).get("version", "?") for r in results})
    if figure["pages_audited"] != len(sample):
        click.echo(f"   @axe-core/cli mengaudit {figure['pages_audited']} dari {len(sample)} "
                   "halaman; perbandingan tidak sah")
        figure["exit_code"] = figure["exit_code"] or 1
    return figure


@click.group(cls=IndonesianGroup, invoke_without_command=True, options_metavar="[PILIHAN]",
             subcommand_metavar="")
@click.option("--articles", type=click.IntRange(min=1), default=10000, show_default=True,
              help="Jumlah berita di portal sintetis (dokumen PPID: sepersepuluhnya).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Jumlah pekerja audit (sesi Chromium paralel).")
@click.option("--axe-pages", type=click.IntRange(min=1), default=200, show_default=True,
              help="Jumlah halaman yang diaudit @axe-core/cli dan Warta untuk perbandingan.")
@click.option("--json", "json_path", default="bench-results.json", show_default=True,
              help="Berkas hasil JSON.")
@click.option("--keep", is_flag=True, help="Simpan folder sementara setelah selesai.")
@click.option("--builds-only", is_flag=True,
              help="Hanya build (tanpa audit), untuk jumlah berita yang besar.")
@click.pass_context
def bench(ctx, articles, workers, axe_pages, json_path, keep, builds_only):
    """Ukur build dan audit Warta pada portal sintetis, dibanding Pelican polos dan @axe-core/cli.

    Setiap langkah berjalan di prosesnya sendiri; waktu, waktu CPU, dan memori puncak (seluruh
    pohon proses, browser termasuk) dicetak dan disimpan ke berkas JSON. Benchmark tidak
    dinyatakan gagal karena angkanya: bagian "targets" hanya mencatat sasaran mana yang tercapai.
    """
    if ctx.invoked_subcommand is None:
        run_bench(articles, workers, keep, json_path, axe_pages, builds_only)


# The steps below are what the benchmark runs in child processes, to measure each on its own;
# they are hidden because nobody needs them at the command line.


@bench.command("build", hidden=True)
@click.argument("content", type=click.Path(path_type=Path))
@click.argument("output", type=click.Path(path_type=Path))
@click.argument("cache", type=click.Path(path_type=Path))
def build_step(content, output, cache):
    """Satu build Warta (dingin atau hangat) dengan folder cache Pelican milik benchmark."""
    from warta.build import build  # noqa: PLC0415 - Pelican loads only in this step

    build(output, content=content, CACHE_PATH=str(cache))
    click.echo(f"{sum(1 for _ in output.rglob('*.html'))} halaman")


@bench.command("audit-pages", hidden=True)
@click.argument("output", type=click.Path(path_type=Path))
@click.argument("sample_file", type=click.Path(path_type=Path))
@click.argument("workers", type=click.IntRange(min=1))
def audit_pages_step(output, sample_file, workers):
    """Audit halaman yang tercantum di SAMPLE_FILE, tanpa cache."""
    from warta.audit import audit_site  # noqa: PLC0415 - Selenium loads only in this step

    pages = sample_file.read_text().split()
    result = audit_site(output, pages=pages, workers=workers, use_cache=False)
    click.echo(f"{len(result.results)} halaman, {len(result.failed)} gagal, "
               f"{result.duration:.1f} dtk")


def main():
    run(bench, prog_name=PROG)


if __name__ == "__main__":
    main()
