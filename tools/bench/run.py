"""`make bench`: Warta's build and whole gate on a synthetic portal, against the alternatives.

Generates N articles (2,000 by default) and N/10 PPID-like documents with a fixed seed in a
temporary folder, then measures, each step in its own process, wall time next to the CPU time
and peak memory of its whole process tree (browsers included):

1. vanilla Pelican on the same Markdown (default theme, no plugins, TYPOGRIFY = True);
2. Warta's cold build, a warm build after a text edit and another after a new article, with the
   number of HTML pages whose bytes each changed (each is a page to index and to audit again);
3. the whole gate as a city's CI runs it, caches kept between runs: cold, with nothing changed,
   and after each warm build, with what it really judged (pages, display variants, browser
   checks, HTML validity) beside what it reused (tools.bench.gate);
4. the sample portal's unchanged gate against a cold axe audit of all its pages;
5. with --axe-pages, the same pages through @axe-core/cli and through Warta.

Figures are printed with their targets and saved as JSON. Nothing here asserts a time: it
measures. The portal comes from tools.bench.synthetic, the process measurements from
tools.bench.usage.
"""

import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import click

from tools.bench.gate import GateBench, axe_cli, read_json, sample_gate
from tools.bench.synthetic import SEED, add_article, change_one_article, generate_portal
from tools.bench.usage import measure
from warta import ROOT
from warta.commands.words import IndonesianGroup, run
from warta.content.sections.agencies import agencies

PROG = "python -m tools.bench"

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
        self.paths = []
        self.opds = []
        self.hashes = {}
        self.steps = {}
        self.figures = {"articles": articles, "ppid_documents": articles // 10, "seed": SEED,
                        "workers": workers, "cpu_count": os.cpu_count(), "folder": str(self.work)}
        # Each build runs in a process of its own, so its time and memory are the build's alone.
        self.build_cmd = [sys.executable, "-m", "tools.bench", "build", self.content, self.output,
                          self.work / "cache"]

    def measure(self, name, command, **options):
        figure, _ = measure(name, command, self.steps, **options)
        return figure

    def generate(self):
        from warta.commands.build import load_settings  # noqa: PLC0415 - Pelican loads only to measure

        self.opds = [agency.name for agency in agencies(load_settings())]
        started = time.perf_counter()
        self.paths = generate_portal(self.content, self.articles, self.opds)
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
        self.hashes = page_hashes(self.output)
        self.figures["warta_pages"] = len(self.hashes)
        return figure

    def warm_build(self, step, change):
        """Make one change, build again with the caches of the builds before, and count the HTML
        pages whose bytes changed: each of them is one more page to index and to audit."""
        what = change()
        figure = self.measure(step, self.build_cmd)
        before, self.hashes = self.hashes, page_hashes(self.output)
        changed = sorted(p for p in self.hashes if before.get(p) != self.hashes[p])
        figure.update(change=what, pages_changed=len(changed), changed_pages=changed[:60])
        return figure, changed

    def edit_article(self):
        return change_one_article(self.paths, self.work)

    def new_article(self):
        slug = add_article(self.content, 1, random.Random(SEED), self.opds)
        return f"berita baru {slug}"

    def sample_audits(self, pages):
        """The same pages through @axe-core/cli and through Warta: (axe figure, Warta figure)."""
        sample = pages[:: max(1, len(pages) // self.axe_pages)][: self.axe_pages]
        sample_file = self.work / "sample.txt"
        sample_file.write_text("\n".join(sample))
        axe_fig = axe_cli(self.work, self.output, sample, self.steps)
        warta_fig = self.measure(
            "warta_sample_audit",
            [sys.executable, "-m", "tools.bench", "audit-pages", self.output, sample_file,
             self.workers],
        )
        warta_fig.update(pages=len(sample),
                         pages_per_second=round(len(sample) / warta_fig["seconds"], 2))
        if not axe_fig or axe_fig["exit_code"] != 0:
            return {"warta_over_axe_cli_speed": None}
        axe_fig["pages_per_second"] = round(len(sample) / axe_fig["seconds"], 2)
        return {
            "warta_over_axe_cli_speed": round(axe_fig["seconds"] / warta_fig["seconds"], 2),
            "cpu_axe_cli_over_warta_sample": round(
                axe_fig["cpu_seconds"] / max(warta_fig["cpu_seconds"], 1e-9), 2),
        }

    def save(self, json_path):
        Path(json_path).write_text(json.dumps(self.figures, indent=2, ensure_ascii=False))
        for line in table_lines(self.figures):
            click.echo(line)
        click.echo(f"\nHasil disimpan di {json_path}")


def run_bench(articles, workers, keep, json_path, axe_pages, builds_only=False, cold=False):
    """Every step of the benchmark; the figures are saved even when a step fails.

    Without ``builds_only``, the whole gate runs as a city's CI runs it, its caches kept
    between runs: once cold (that fills them), once with nothing changed, and once after each
    warm build. Then the sample portal's unchanged gate against its cold page audit.

    The gate's caches are kept in .cache/bench/ between benchmark runs, as a city's CI keeps
    them between commits: the synthetic portal is the same byte for byte every run, so a run
    after one that changed nothing judges only what the code change changed. ``cold`` empties
    them first, for figures from scratch.
    """
    bench = Bench(articles, workers, axe_pages)
    bench.figures["builds_only"] = builds_only
    # A stop (a CI's timeout, kill) still saves the figures measured so far: the steps' own
    # processes are stopped by measure() as the SystemExit passes through it.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.perf_counter()
    ratios = {}
    try:
        bench.generate()
        vanilla = bench.vanilla_build()
        cold = bench.cold_build()
        caches = ROOT / ".cache" / "bench" / f"{articles}-articles"
        if cold:
            shutil.rmtree(caches, ignore_errors=True)
        bench.figures["gate_caches"] = str(caches)
        gate = None if builds_only else GateBench(bench.work, bench.output, workers, bench.steps,
                                                  caches=caches)
        if gate:
            first = gate.run("gate_first")
            first.update(axe_figures(bench.work / "reports-gate_first" / "audit-report.json"))
            gate.run("gate_unchanged", changed_pages=[])
        edit, edited = bench.warm_build("warta_warm_text_edit", bench.edit_article)
        if gate:
            gate.run("gate_after_text_edit", changed_pages=edited)
        bench.warm_build("warta_warm_new_article", bench.new_article)
        if gate:
            gate.run("gate_after_new_article", changed_pages=bench.steps[
                "warta_warm_new_article"]["changed_pages"])
        ratios.update(build_ratios(vanilla, cold, edit))
        if gate:
            ratios.update(sample_gate(bench.work, workers, bench.steps, caches))
        if axe_pages:
            ratios.update(bench.sample_audits(sorted(bench.hashes)))
        bench.figures["complete"] = True
    finally:
        bench.figures.update(steps=bench.steps, ratios=ratios,
                             total_seconds=round(time.perf_counter() - started, 1))
        bench.figures["targets"] = targets(bench.figures)
        bench.save(json_path)
        if not keep:
            shutil.rmtree(bench.work, ignore_errors=True)
    return bench.figures


def page_hashes(output):
    from warta.commands.audit import file_sha256, find_pages  # noqa: PLC0415 - Selenium loads only to audit

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


def axe_figures(report_file):
    """From a cold run's report: the page axe took longest on, and axe's time per template."""
    report = read_json(report_file)
    if not report or not report["pages"]:
        return {}
    slowest = max(report["pages"], key=lambda p: p.get("axe_seconds") or 0)
    return {"slowest_page": slowest["page"], "slowest_page_axe_seconds": slowest.get("axe_seconds"),
            "axe_seconds_by_template": axe_times_by_template(report)}


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


# Each figure's target: (name, where it is in the figures, the largest value that meets it).
TARGETS = [
    ("HTML pages changed by one new article", ("steps", "warta_warm_new_article", "pages_changed"), 25),
    ("HTML pages changed by one text edit", ("steps", "warta_warm_text_edit", "pages_changed"), 5),
    ("whole gate after one new article, caches warm (s)",
     ("steps", "gate_after_new_article", "seconds"), 60),
    ("browser work of the gate with nothing changed (audits + checks)",
     ("steps", "gate_unchanged", "browser_work"), 0),
    ("sample: unchanged whole gate / cold --pages-only audit",
     ("ratios", "sample_unchanged_gate_over_cold_pages_only"), 0.2),
    ("Warta cold build / vanilla Pelican", ("ratios", "warta_cold_over_vanilla"), 1.2),
    ("warm build after a text edit / cold build", ("ratios", "warm_over_cold"), 0.25),
    ("the whole benchmark (min)", ("total_minutes",), 15),
]


def targets(figures):
    """{figure: {value, target, met}}; a figure the run did not reach has met None."""
    # The run-time target is a whole default run's: not a --builds-only run's, not a stopped one's.
    total = (round(figures["total_seconds"] / 60, 1)
             if figures.get("complete") and not figures.get("builds_only") else None)
    figures = {**figures, "total_minutes": total}
    found = {}
    for name, where, most in TARGETS:
        value = figures
        for key in where:
            value = value.get(key) if isinstance(value, dict) else None
        found[name] = {"value": value, "target": f"<= {most}",
                       "met": None if value is None else value <= most}
    gate = figures.get("steps", {}).get("gate_after_new_article", {})
    if "audited_every_changed_page" in gate:
        found["the gate audited every page the new article changed"] = {
            "value": gate["audited_every_changed_page"], "target": "True",
            "met": gate["audited_every_changed_page"]}
    return found


def table_lines(figures):
    """The figures as a reader wants them: each step's wall time next to the CPU time of its
    whole process tree (wall alone misleads on a shared machine) and peak memory, then each
    target with its value."""
    lines = ["", f"{'langkah':34} {'detik':>8} {'CPU-dtk':>8} {'memori MB':>10}  keterangan"]
    for name, step in figures.get("steps", {}).items():
        extra = [f"{key}={step[key]}" for key in GATE_COLUMNS if key in step]
        lines.append(f"{name:34} {step['seconds']:>8} {step['cpu_seconds']:>8} "
                     f"{step['peak_memory_mb']:>10}  {' '.join(extra)}")
    lines += ["", f"{'sasaran':66} {'nilai':>8} {'target':>8}  tercapai"]
    for name, target in figures.get("targets", {}).items():
        met = {True: "ya", False: "TIDAK", None: "-"}[target["met"]]
        lines.append(f"{name:66} {target['value']!s:>8} {target['target']:>8}  {met}")
    return lines


GATE_COLUMNS = ("pages_changed", "pages", "pages_judged", "variant_audits_judged",
                "checks_judged", "validity_judged", "audited_every_changed_page", "passed")


@click.group(cls=IndonesianGroup, invoke_without_command=True, options_metavar="[PILIHAN]",
             subcommand_metavar="")
@click.option("--articles", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Jumlah berita di portal sintetis (dokumen PPID: sepersepuluhnya).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Jumlah pekerja audit (sesi Chromium paralel).")
@click.option("--axe-pages", type=click.IntRange(min=0), default=0, show_default=True,
              help="Jumlah halaman yang diaudit @axe-core/cli dan Warta untuk perbandingan "
              "(0: tanpa perbandingan).")
@click.option("--json", "json_path", default="bench-results.json", show_default=True,
              help="Berkas hasil JSON.")
@click.option("--keep", is_flag=True, help="Simpan folder sementara setelah selesai.")
@click.option("--builds-only", is_flag=True,
              help="Hanya build (tanpa audit), untuk jumlah berita yang besar.")
@click.option("--cold", is_flag=True,
              help="Kosongkan dulu cache gerbang yang disimpan di .cache/bench/ dari benchmark "
              "sebelumnya: semua angka dari awal.")
@click.pass_context
def bench(ctx, articles, workers, axe_pages, json_path, keep, builds_only, cold):
    """Ukur build dan audit Warta pada portal sintetis, dibanding Pelican polos dan @axe-core/cli.

    Setiap langkah berjalan di prosesnya sendiri; waktu, waktu CPU, dan memori puncak (seluruh
    pohon proses, browser termasuk) dicetak dan disimpan ke berkas JSON. Benchmark tidak
    dinyatakan gagal karena angkanya: bagian "targets" hanya mencatat sasaran mana yang tercapai.
    """
    if ctx.invoked_subcommand is None:
        run_bench(articles, workers, keep, json_path, axe_pages, builds_only, cold)


# The steps below are what the benchmark runs in child processes, to measure each on its own;
# they are hidden because nobody needs them at the command line.


@bench.command("build", hidden=True)
@click.argument("content", type=click.Path(path_type=Path))
@click.argument("output", type=click.Path(path_type=Path))
@click.argument("cache", type=click.Path(path_type=Path))
def build_step(content, output, cache):
    """Satu build Warta (dingin atau hangat) dengan folder cache Pelican milik benchmark."""
    from warta.commands.build import build  # noqa: PLC0415 - Pelican loads only in this step

    build(output, content=content, CACHE_PATH=str(cache))
    click.echo(f"{sum(1 for _ in output.rglob('*.html'))} halaman")


@bench.command("audit-pages", hidden=True)
@click.argument("output", type=click.Path(path_type=Path))
@click.argument("sample_file", type=click.Path(path_type=Path))
@click.argument("workers", type=click.IntRange(min=1))
def audit_pages_step(output, sample_file, workers):
    """Audit halaman yang tercantum di SAMPLE_FILE, tanpa cache."""
    from warta.commands.audit import audit_site  # noqa: PLC0415 - Selenium loads only in this step

    pages = sample_file.read_text().split()
    result = audit_site(output, pages=pages, workers=workers, use_cache=False)
    click.echo(f"{len(result.results)} halaman, {len(result.failed)} gagal, "
               f"{result.duration:.1f} dtk")


def main():
    run(bench, prog_name=PROG)

