"""The gate's share of `make bench`: the whole gate run as a city's CI runs it, and what it
really judged rather than took from its caches.

A city's CI keeps the gate's caches between commits, so what it pays for one commit is the
gate with its caches warm: the figures here come from the gate's own audit record ("reused"
per kind) and its report (which pages it audited), not from timing alone.
"""

import json
import sys
from pathlib import Path

import click

from tools.bench.usage import measure
from warta import EXAMPLE, ROOT

AXE_CLI = ROOT / "node_modules" / "@axe-core" / "cli" / "dist" / "src" / "bin" / "cli.js"


class GateBench:
    """Runs the whole gate over one built site, with one set of caches kept between runs, in
    ``caches`` (kept between benchmark runs too, like a city's CI keeps .cache/audit), or in the
    run's own folder."""

    def __init__(self, work, output, workers, steps, name="gate", caches=None):
        self.work, self.output, self.steps = Path(work), Path(output), steps
        self.name = name
        self.cache = Path(caches or self.work) / f"{name}-cache"
        self.command = [
            sys.executable, "-m", "warta", "audit", "--output", self.output,
            "--workers", workers, "--cache-dir", self.cache, "--progress", "lines",
            # A city's gate: a template the synthetic portal has no page for is named, not failed.
            "--templat-terpakai",
        ]

    def run(self, step, changed_pages=None):
        """Run the whole gate once as ``step``; return its figures."""
        reports = self.work / f"reports-{step}"
        record = self.work / f"record-{step}.json"
        figure = measure(step, [*self.command, "--reports", reports, "--record", record],
                         self.steps)[0]
        figure.update(gate_figures(record, reports / "audit-report.json", changed_pages))
        return figure

    def pages_only(self, step):
        """axe on every page from scratch, nothing else: the cold figure the gate is held to.
        It fills the page cache the gate shares, so the gate's first run adds only the rest."""
        reports = self.work / f"reports-{step}"
        command = [c for c in self.command if c != "--templat-terpakai"]
        figure = measure(step, [*command, "--pages-only", "--all", "--reports", reports],
                         self.steps)[0]
        report = read_json(reports / "audit-report.json") or {"pages": []}
        figure["pages"] = len(report["pages"])
        return figure


def read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def gate_figures(record_file, report_file, changed_pages=None):
    """What one gate run judged and what it reused, per kind, from its record and report.

    ``changed_pages`` (the pages whose bytes the last build changed) are checked against the
    pages the gate audited: reuse is only right when every changed page was judged again.
    """
    record, report = read_json(record_file), read_json(report_file)
    if record is None:
        # No record: the gate could not judge the whole portal, so there is nothing to count.
        return {"record": False}
    reused = record.get("reused", {})
    validity = record.get("validity") or {}
    figures = {
        "record": True,
        "passed": record["passed"],
        "pages": record["pages"],
        "pages_judged": record["pages"] - reused.get("pages", 0),
        "variant_audits": record["variant_audits"],
        "variant_audits_judged": record["variant_audits"] - reused.get("variant_audits", 0),
        "checks": record["checks"],
        "checks_judged": record["checks"] - reused.get("checks", 0),
        "validity_pages": validity.get("pages", 0),
        "validity_judged": validity.get("pages", 0) - reused.get("validity", 0),
    }
    figures["browser_work"] = (figures["pages_judged"] + figures["variant_audits_judged"]
                               + figures["checks_judged"])
    if changed_pages is not None and report is not None:
        audited = {page["page"] for page in report["pages"] if not page.get("reused")}
        figures["pages_whose_bytes_changed"] = len(changed_pages)
        figures["audited_every_changed_page"] = set(changed_pages) <= audited
    return figures


def sample_gate(work, workers, steps, caches=None):
    """The whole gate on the sample portal with nothing changed, against a cold axe audit of
    all its pages: the fixed cost a city's CI pays on every commit, whatever changed."""
    output = Path(work) / "sample-output"
    measure("sample_build", [sys.executable, "-m", "tools.bench", "build",
                             EXAMPLE / "content", output, Path(work) / "sample-build-cache"], steps)
    gate = GateBench(work, output, workers, steps, name="sample", caches=caches)
    cold = gate.pages_only("sample_pages_only_cold")
    gate.run("sample_gate_first")  # judges the variants, checks and validity: the caches fill
    unchanged = gate.run("sample_gate_unchanged")
    return {
        "sample_unchanged_gate_over_cold_pages_only": round(
            unchanged["seconds"] / max(cold["seconds"], 1e-9), 3),
        "cpu_sample_unchanged_gate_over_cold_pages_only": round(
            unchanged["cpu_seconds"] / max(cold["cpu_seconds"], 1e-9), 3),
    }


def axe_cli(work, output, sample, steps):
    """Time @axe-core/cli on the sample pages, with our axe-core, tags and Debian's driver."""
    from warta.commands.audit import AXE_SCRIPT, AXE_TAGS, CHROMEDRIVER, CHROMIUM, page_url  # noqa: PLC0415 - Selenium loads only to audit
    from warta.commands.server import serve  # noqa: PLC0415 - only the audits serve the site

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
    results = read_json(work / "axe-cli" / "axe-cli.json") or []
    figure["pages_audited"] = len(results)
    figure["axe_versions"] = sorted({r.get("testEngine", {}).get("version", "?") for r in results})
    if figure["pages_audited"] != len(sample):
        click.echo(f"   @axe-core/cli mengaudit {figure['pages_audited']} dari {len(sample)} "
                   "halaman; perbandingan tidak sah")
        figure["exit_code"] = figure["exit_code"] or 1
    return figure
