"""The gate: axe on every built page, axe on one page per template under every display variant
(both through the one parallel engine, its workers and its cache), the browser checks on those
pages, and the HTML validity check of every page. It writes the audit record itself.

Fail closed: the pages audited are the pages built, every template has its page or fails, and
a stage that could not run fails the gate.
"""

import datetime
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from warta import ROOT
from warta.commands.audit import (
    AuditEngine,
    AuditOptions,
    AuditRun,
    Job,
    PageResult,
    find_pages,
    stop_browsers_on_signals,
    write_audit_record,
)
from warta.commands.audit.progress import QuietStages
from warta.commands.gate.checks import CHECKS
from warta.commands.gate.reuse import browser_checks, check_validity
from warta.commands.gate.validity import ValidityError
from warta.commands.gate.variants import (
    TEMPLATES,
    VARIANTS,
    engine_variant,
    find_page_for,
    missing_page,
)
from warta.content.review import allowance_files, published_markers
from warta.content.source_maps import source_map_path

# The stages run_gate announces (warta.commands.audit.progress.Stages): the axe audits, the browser checks,
# the HTML check.
STAGES = 3


@dataclass
class GateResult:
    """Everything one run of the gate found. Look results up by page, template and variant, or
    check, never by a test's name."""

    site: str
    built: list  # every HTML page of the site
    run: AuditRun  # the engine's run: the pages as served and the variant audits
    template_pages: dict  # template -> its representative page, or None when none was built
    checks: list  # CheckResult, one per (check, template, case)
    validity: object = None  # ValidityResult, or None when the check could not run
    validity_error: str = ""
    record: dict = None  # the record written, if any
    record_file: Path = None  # where it was written
    # Templates the gate requires a page for: all of them (Warta's own sample), or, in a city's
    # gate, those the portal uses; the others are listed in `unused`.
    required: list = None
    unused: list = field(default_factory=list)
    started: datetime.datetime = None
    # perlu-ditinjau errors: ((tinjau: ...)) a citizen would read, or left in the settings.
    review: list = field(default_factory=list)
    # The content files that skip editorial rules (Lint_diizinkan), named so none is forgotten.
    allowances: list = field(default_factory=list)
    # What the browser checks and the HTML check took from their caches ("checks",
    # "validity" -> Reuse), and the corrupt cache files they threw away.
    reuse: dict = field(default_factory=dict)
    _variants: dict = field(default=None, repr=False)
    _checks: dict = field(default=None, repr=False)

    @property
    def pages(self):
        """The page audits alone, as the reports and the console summary take them."""
        return self.run.of_variant("")

    @property
    def templates(self):
        return TEMPLATES if self.required is None else self.required

    @property
    def complete(self):
        """Every required template had a page, so the gate judged the whole portal."""
        return all(self.template_pages.get(name) is not None for name in self.templates)

    def page_result(self, page):
        return self.run.result_for(page)

    def variant_result(self, template, variant):
        if self._variants is None:
            self._variants = {}
            for name in self.templates:
                page = self.template_pages.get(name)
                for var in VARIANTS:
                    self._variants[(name, var)] = (
                        self.run.result_for(page, var) if page is not None
                        else PageResult("", "", "", [], error=missing_page(name), variant=var)
                    )
        return self._variants[(template, variant)]

    def variant_results(self):
        return [self.variant_result(t, v) for t in self.templates for v in VARIANTS]

    def check(self, name, template, case=""):
        if self._checks is None:
            self._checks = {result.key: result for result in self.checks}
        return self._checks[(name, template, case)]

    @property
    def validity_passed(self):
        return self.validity is not None and self.validity.passed

    @property
    def cache_problems(self):
        """Every corrupt cache file the gate threw away: each fails it, as a page cache does."""
        found = [self.run.cache_notice] + [r.corrupt for r in self.reuse.values()]
        return [notice for notice in found if notice]

    @property
    def passed(self):
        pages = self.pages
        return bool(self.complete and pages.passed and self.built and not self.cache_problems
                and [r.page for r in pages.results] == self.built
                and all(r.passed for r in self.variant_results())
                and all(c.passed for c in self.checks) and self.validity_passed
                and not self.review)

    def counts(self):
        """The numbers of the audit record."""
        pages, variants = self.pages.results, self.variant_results()
        return dict(
            pages=len(pages), pages_failed=sum(not r.passed for r in pages),
            variant_audits=len(variants), variant_audits_failed=sum(not r.passed for r in variants),
            checks=len(self.checks), checks_failed=sum(not c.passed for c in self.checks),
            templates=len(self.templates), variants=[spec["label"] for spec in VARIANTS.values()],
            unused_templates=list(self.unused),
            axe_version=next((r.axe_version for r in pages + variants if r.axe_version), ""),
            validity={"pages": len(self.validity.checked) + len(self.validity.reused)
                      if self.validity else 0,
                      "errors": len(self.validity.errors) if self.validity else 0,
                      "ran": self.validity is not None},
            review_markers=len(self.review),
            reused=self.reused(),
        )

    def reused(self):
        """How many results of each kind were reused from the caches, not judged in this run:
        the record counts what was really judged."""
        variants = [r for r in self.variant_results() if r.reused]
        return {"pages": self.pages.reused, "variant_audits": len(variants),
                "checks": sum(c.reused for c in self.checks),
                "validity": len(self.validity.reused) if self.validity else 0}


def commit_of(root=ROOT):
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=root,
                              capture_output=True, text=True, check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def record_path(settings=None):
    """Where the record goes: WARTA_AUDIT_RECORD of the settings, relative to the project."""
    if settings is None:
        from warta.commands.build import load_settings  # noqa: PLC0415 - Pelican only when asked

        settings = load_settings()
    setting = settings.get("WARTA_AUDIT_RECORD")
    if not setting:
        return None
    path = Path(setting)
    return path if path.is_absolute() else ROOT / path


def _city_settings():
    from warta.commands.build import quiet_settings  # noqa: PLC0415 - Pelican only when asked

    return quiet_settings()


def gate_jobs(built, template_pages):
    """The engine's jobs: every built page as served, then each template's page per variant."""
    jobs = [Job(page) for page in built]
    pages = dict.fromkeys(page for page in template_pages.values() if page is not None)
    for name in VARIANTS:
        variant = engine_variant(name)
        jobs += [Job(page, variant) for page in pages]
    return jobs


def run_gate(site, options=None, progress=None, record=None, used_templates_only=False,
             stages=None, settings=None):
    """Run the whole gate on the built ``site``; write the record to ``record`` when the gate
    judged the whole portal (every template had its page). Raises AuditError when the page
    audit cannot run at all.

    Every built page is audited either way. ``used_templates_only`` is a city's gate: a
    template the portal has no page for yet (an empty section, no news yet) has nothing a
    citizen can reach, so it is listed as unused instead of failing; Warta's own sample keeps
    the strict default, which proves every template's page exists and passes.

    ``settings`` (the city's, by default) say where its content and settings file are: a review
    marker a citizen would read fails the gate at the line that holds it.

    ``stages`` (a warta.commands.audit.progress.Stages of STAGES) announces each stage and shows its progress;
    without it only the page audit reports, to ``progress``, and nothing is printed.
    """
    stages = stages or QuietStages(progress)
    options = options or AuditOptions()
    site = Path(site)
    started = datetime.datetime.now(datetime.timezone.utc)
    built = find_pages(site)
    template_pages = {template: find_page_for(site, template) for template in TEMPLATES}
    unused = [t for t, page in template_pages.items() if page is None] if used_templates_only \
        else []
    required = [t for t in TEMPLATES if t not in unused]
    jobs = gate_jobs(built, template_pages)
    # The variant audits share the page audit's workers and queue: one stage, never two, so
    # no browser waits idle between them.
    shown = (len(jobs) - len(built)) // len(VARIANTS)
    title = (f"audit axe: {len(built)} halaman, lalu {len(jobs) - len(built)} audit tampilan "
             f"({shown} templat × {len(VARIANTS)} varian)")
    with stop_browsers_on_signals():
        engine = AuditEngine(site, options)
        with stages.stage(title, len(jobs), "halaman") as progress:
            run = engine.run(jobs=jobs, progress=progress)
        checks, reuse = browser_checks(site, {t: template_pages[t] for t in required},
                                       engine.workers, options, stages)
    gate = GateResult(site=str(site), built=built, run=run, template_pages=template_pages,
                      checks=checks, started=started, required=required, unused=unused,
                      reuse={"checks": reuse})
    settings = settings if settings is not None else _city_settings()
    gate.review = published_markers(site, settings["PATH"], settings.get("WARTA_SETTINGS_FILE"),
                                    source_map_path(site.resolve()), shown_as=site.name)
    gate.allowances = allowance_files(settings["PATH"])
    title = (f"validitas HTML: pemeriksa vnu atas {len(built)} halaman (yang berubah dalam "
             f"satu proses Java, yang tidak berubah sejak hasil bersihnya dipakai ulang)")
    try:
        with stages.stage(title, len(built), "halaman") as progress:
            gate.validity, gate.reuse["validity"] = check_validity(site, built, options,
                                                                   progress=progress)
    except ValidityError as exc:
        gate.validity_error = str(exc)
    if record is not None and gate.complete:
        gate.record = write_audit_record(record, commit=commit_of(), **gate.counts())
        gate.record_file = Path(record)
    return gate


def summary_lines(gate):
    """The gate beyond the page audit, for the console: variants, checks, validity, record."""
    lines = []
    variants = gate.variant_results()
    failed = [r for r in variants if not r.passed]
    reused = gate.reused()
    lines.append(f"Audit tampilan: {len(variants)} audit ({len(gate.templates)} templat × "
                 f"{len(VARIANTS)} varian): {_split(len(variants), reused['variant_audits'])}, "
                 f"{len(failed)} gagal.")
    if gate.unused:
        lines.append(f"Templat yang belum dipakai portal ini (belum ada halamannya, jadi tidak "
                     f"diaudit per tampilan): {', '.join(gate.unused)}.")
    for template in gate.templates:
        for name in VARIANTS:
            result = gate.variant_result(template, name)
            if not result.passed:
                lines.append(f"[{template} · {name}] " + result.format())
    bad = [c for c in gate.checks if not c.passed]
    lines.append(f"Pemeriksaan browser: {len(gate.checks)} pemeriksaan ({len(CHECKS)} jenis): "
                 f"{_split(len(gate.checks), reused['checks'])}, {len(bad)} gagal.")
    lines += [c.format() for c in bad]
    if gate.validity is not None:
        lines.append(gate.validity.format())
    else:
        lines.append(f"Validitas HTML tidak dapat diperiksa: {gate.validity_error}")
    for notice in [r.corrupt for r in gate.reuse.values() if r.corrupt]:
        lines.append(f"Cache gerbang rusak dan dibuang ({notice}); hasilnya dinilai ulang. "
                     "Gerbang ini dinyatakan gagal agar kerusakan cache tidak lewat tanpa "
                     "diketahui; jalankan lagi untuk memakai cache yang baru ditulis.")
    if gate.review:
        lines.append(f"Tanda ((tinjau: ...)) yang masih tampil bagi warga atau tersisa di "
                     f"pengaturan: {len(gate.review)}. Gerbang gagal sampai semuanya diputuskan:")
        lines += [f"  {finding}" for finding in gate.review]
    if gate.allowances:
        lines.append(f"{len(gate.allowances)} berkas memakai Lint_diizinkan (aturan redaksional "
                     f"dilewati): {', '.join(gate.allowances[:5])}"
                     + (" …" if len(gate.allowances) > 5 else ""))
    if gate.record is not None:
        lines.append("Catatan audit ditulis: "
                     + ("lolos." if gate.record["passed"] else "belum lolos."))
    elif not gate.complete:
        lines.append("Catatan audit tidak ditulis: tidak setiap templat punya halaman, jadi "
                     "gerbang ini tidak menilai seluruh portal.")
    return lines


def variant_grid(gate):
    """The templates × variants table: lolos, GAGAL, or - for a template without a page."""
    names = list(VARIANTS)
    width = max(len(t) for t in TEMPLATES) + 2
    lines = ["  " + "templat".ljust(width) + " ".join(n.ljust(9) for n in names)]
    for template in TEMPLATES:
        cells = []
        for name in names:
            result = gate.variant_result(template, name)
            missing = gate.template_pages.get(template) is None
            cells.append(("-" if missing else "lolos" if result.passed else "GAGAL").ljust(9))
        lines.append("  " + template.ljust(width) + " ".join(cells))
    return lines


def _split(total, reused):
    return f"{total - reused} dijalankan, {reused} dipakai ulang dari cache"
