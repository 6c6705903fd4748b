"""Audit reports people read: the console summary, JSON, JUnit XML and an HTML page.

Every report is made from one AuditRun of the engine in warta.commands.audit, plus the source map the
build writes beside the output folder, so each failing page names the content file to fix.
"""

import datetime
import functools
import html
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jinja2
import markupsafe

from warta.commands.audit import AXE_TAGS, DISABLED_RULES
from warta.commands.build import source_map_path

JSON_REPORT = "audit-report.json"
JUNIT_REPORT = "audit-junit.xml"
HTML_REPORT = "audit-report.html"
TEMPLATES = Path(__file__).parents[1] / "templates"
HTML_TEMPLATE = "report.html"

# axe's impact levels, worst first, with the words an Indonesian reader sees.
IMPACTS = {"critical": "kritis", "serious": "serius", "moderate": "sedang", "minor": "ringan"}
IMPACT_ORDER = {impact: rank for rank, impact in enumerate(IMPACTS)}
UNKNOWN_SOURCE = "tidak diketahui"


def load_sources(output):
    """{page: {"source": path or None, "template": name}} from the build's source map."""
    path = source_map_path(Path(output).resolve())
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = data["pages"]
        if isinstance(pages, dict):
            return pages
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}


def by_rule(run):
    """Violations grouped by rule, worst impact first, then by the number of pages."""
    rules = {}
    for result in run.results:
        for violation in result.violations:
            entry = rules.setdefault(
                violation.rule,
                {
                    "rule": violation.rule,
                    "impact": violation.impact,
                    "help": violation.help,
                    "help_url": violation.help_url,
                    "pages": [],
                    "elements": 0,
                },
            )
            entry["pages"].append((result, violation))
            entry["elements"] += len(violation.nodes)
    return sorted(
        rules.values(),
        key=lambda e: (IMPACT_ORDER.get(e["impact"], 9), -len(e["pages"]), e["rule"]),
    )


def by_template(run, sources):
    """{template: {"pages": n, "failed": n, "violations": n}} for the summary table."""
    templates = {}
    for result in run.results:
        template = sources.get(result.page, {}).get("template") or UNKNOWN_SOURCE
        entry = templates.setdefault(template, {"pages": 0, "failed": 0, "violations": 0})
        entry["pages"] += 1
        if not result.passed:
            entry["failed"] += 1
        entry["violations"] += len(result.violations)
    return dict(sorted(templates.items(), key=lambda item: (-item[1]["violations"], item[0])))


def source_of(sources, page):
    return sources.get(page, {}).get("source") or ""


def console_summary(run, sources):
    """The lines printed at the end of a run: counts, then one block per failing rule."""
    lines = []
    failed = run.failed
    errors = run.errors
    lines.append(
        f"{len(run.results)} halaman: {run.audited} diaudit, {run.reused} dipakai ulang dari "
        f"cache, {len(failed)} gagal, {len(errors)} tidak dapat diaudit "
        f"({run.duration:.1f} detik, {run.workers} pekerja"
        + (f" di Selenium Grid {run.remote}" if run.remote else "")
        + ")."
    )
    if run.replaced_browsers:
        lines.append(f"Browser yang mati atau macet lalu diganti: {run.replaced_browsers}.")
    if run.cache_notice:
        lines.append(
            f"Cache audit rusak dan dibuang ({run.cache_notice}); semua halaman diaudit ulang. "
            "Audit ini dinyatakan gagal agar kerusakan cache tidak lewat tanpa diketahui; "
            "jalankan lagi untuk memakai cache yang baru ditulis."
        )
    rules = by_rule(run)
    if rules:
        lines.append("")
        lines.append("Pelanggaran menurut aturan:")
        for rule in rules:
            lines.append(
                f"- {rule['rule']} ({rule['impact']}): {len(rule['pages'])} halaman, "
                f"{rule['elements']} elemen. {rule['help']}"
            )
            lines.append(f"  bantuan: {rule['help_url']}")
            for result, _violation in rule["pages"][:3]:
                source = source_of(sources, result.page)
                lines.append(f"  {result.page}" + (f" (sumber: {source})" if source else ""))
            if len(rule["pages"]) > 3:
                lines.append(f"  … dan {len(rule['pages']) - 3} halaman lain (lihat laporan HTML)")
    if errors:
        lines.append("")
        lines.append("Halaman yang tidak dapat diaudit (dihitung gagal):")
        for result in errors:
            lines.append(f"- {result.page}: {result.error}")
    return lines


def metadata(run, output):
    return {
        "alat": "bin/warta audit",
        "mulai": datetime.datetime.fromtimestamp(run.started, datetime.timezone.utc).isoformat(),
        "durasi_detik": round(run.duration, 3),
        "folder_situs": str(output),
        "pekerja": run.workers,
        "selenium_grid": run.remote or None,
        "axe_core": next((r.axe_version for r in run.results if r.axe_version), None),
        "tag": AXE_TAGS,
        "aturan_dimatikan": DISABLED_RULES,
        "halaman": len(run.results),
        "diaudit": run.audited,
        "dipakai_ulang": run.reused,
        "gagal": len(run.failed),
        "tidak_dapat_diaudit": len(run.errors),
        "browser_diganti": run.replaced_browsers,
        "cache_rusak": run.cache_notice or None,
        "lolos": run.passed,
    }


def status(result):
    if result.error:
        return "galat"
    return "gagal" if result.violations else "lolos"


def write_json(run, path, sources, output):
    """audit-report.json: run metadata plus axe's raw violations for every page."""
    data = {
        "meta": metadata(run, output),
        "pages": [
            {
                "page": result.page,
                "url": result.url,
                "source": source_of(sources, result.page) or None,
                "template": sources.get(result.page, {}).get("template"),
                "status": status(result),
                "reused": result.reused,
                "error": result.error or None,
                "axe_version": result.axe_version,
                "seconds": round(result.seconds, 3),
                "axe_seconds": round(result.axe_seconds, 3),
                "violations": result.raw or [],
            }
            for result in run.results
        ],
    }
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_junit(run, path, sources):
    """JUnit XML: one test case per page, so any CI system lists failures by page."""
    suite = ET.Element(
        "testsuite",
        name="audit aksesibilitas axe-core",
        tests=str(len(run.results)),
        failures=str(len(run.failed)),
        errors=str(len(run.errors)),
        skipped="0",
        time=f"{run.duration:.3f}",
    )
    for result in run.results:
        template = sources.get(result.page, {}).get("template") or "halaman"
        case = ET.SubElement(suite, "testcase", classname=f"axe.{template}", name=result.page)
        source = source_of(sources, result.page)
        if result.error:
            ET.SubElement(case, "error", message=result.error, type="AuditError").text = (
                result.error
            )
        elif result.violations:
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(result.violations)} aturan axe gagal: "
                + ", ".join(v.rule for v in result.violations),
                type="axe",
            )
            failure.text = (f"sumber: {source}\n" if source else "") + result.format()
        if result.reused:
            ET.SubElement(case, "system-out").text = "hasil bersih dipakai ulang dari cache"
    tree = ET.ElementTree(ET.Element("testsuites"))
    tree.getroot().append(suite)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _escape(value):
    """Escape as html.escape does (``&quot;``, ``&#x27;``), where Jinja would write ``&#34;``:
    snippets read the same in the report's source as in axe's JSON and the console."""
    return value if hasattr(value, "__html__") else markupsafe.Markup(html.escape(str(value)))


@functools.cache
def _environment():
    """The Jinja environment of the HTML report, made on first use: most commands write none."""
    # Autoescape on for every value: page addresses, axe's snippets and help texts come from
    # the audited site and from axe, and none of them may become markup in the report.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_escape,
    )
    environment.filters["impact"] = lambda impact: IMPACTS.get(impact, impact)
    return environment


def _page_view(result, sources, report_dir, output):
    """What the report shows of one page: its link from the report folder and its source."""
    target = os.path.relpath(Path(output).resolve() / result.page, Path(report_dir).resolve())
    return {
        "page": result.page,
        "href": Path(target).as_posix(),
        "source": source_of(sources, result.page),
        "template": sources.get(result.page, {}).get("template"),
        "error": result.error,
        "violations": result.violations,
    }


def report_context(run, sources, report_dir, output):
    """The values the report template shows, worked out here so the template only lays out."""
    rules = by_rule(run)
    most = max((len(rule["pages"]) for rule in rules), default=1)
    for rule in rules:
        # The bar beside each page count, in eighths of the longest; every rule gets one.
        rule["width"] = max(1, round(8 * len(rule["pages"]) / most))
        rule["pages"] = [
            (_page_view(result, sources, report_dir, output), violation)
            for result, violation in rule["pages"]
        ]
    return {
        "passed": run.passed,
        "axe_core": metadata(run, output)["axe_core"] or "",
        "tags": AXE_TAGS,
        "summary": [
            ("Halaman", len(run.results)),
            ("Diaudit", run.audited),
            ("Dipakai ulang dari cache (tidak berubah sejak audit bersih terakhir)", run.reused),
            ("Gagal", len(run.failed)),
            ("Tidak dapat diaudit", len(run.errors)),
            ("Durasi (detik)", f"{run.duration:.1f}"),
            ("Pekerja paralel", run.workers),
        ],
        "cache_notice": run.cache_notice,
        "rules": rules,
        "templates": by_template(run, sources),
        "failing": [
            _page_view(result, sources, report_dir, output)
            for result in run.results if not result.passed
        ],
        "unknown_source": UNKNOWN_SOURCE,
    }


def render_html(run, sources, report_dir, output):
    """The self-contained HTML report, in Indonesian, accessible and passing axe itself."""
    template = _environment().get_template(HTML_TEMPLATE)
    return template.render(report_context(run, sources, report_dir, output))


def write_html(run, path, sources, output):
    Path(path).write_text(
        render_html(run, sources, Path(path).parent, output), encoding="utf-8"
    )


def write_reports(run, report_dir, output, sources=None):
    """Write all three report files into ``report_dir``; return their paths."""
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    sources = load_sources(output) if sources is None else sources
    paths = {
        "json": report_dir / JSON_REPORT,
        "junit": report_dir / JUNIT_REPORT,
        "html": report_dir / HTML_REPORT,
    }
    write_json(run, paths["json"], sources, output)
    write_junit(run, paths["junit"], sources)
    write_html(run, paths["html"], sources, output)
    return paths
