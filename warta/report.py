"""Audit reports people read (issue 6): the console summary, JSON, JUnit XML and an HTML page.

Every report is made from one AuditRun of the engine in warta/audit.py, plus the source map the
build writes beside the output folder, so each failing page names the content file to fix.
"""

import datetime
import html
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from warta.audit import AXE_TAGS, DISABLED_RULES
from warta.build import source_map_path

JSON_REPORT = "audit-report.json"
JUNIT_REPORT = "audit-junit.xml"
HTML_REPORT = "audit-report.html"

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
        "alat": "python -m warta audit",
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


# The report is one file, so its CSS is inside it. Colours meet WCAG 2.2 AA contrast (1.4.3),
# text reflows at 320 CSS px (1.4.10), and focus is always visible (2.4.7).
REPORT_CSS = """
:root { color-scheme: light; }
body { font: 1rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
.w-report { max-width: 70rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3 { line-height: 1.25; }
a { color: #0b4f8a; }
a:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
table { border-collapse: collapse; margin: 0 0 1.5rem; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0 0 .5rem; }
th, td { border: 1px solid #6b6b6b; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef5; }
td.w-report__number { text-align: right; font-variant-numeric: tabular-nums; }
.w-report__table-wrap { overflow-x: auto; }
.w-report__verdict { font-size: 1.25rem; font-weight: bold; padding: .75rem 1rem;
  border-left: .5rem solid; }
.w-report__verdict--lolos { border-color: #1d6b35; background: #eaf5ed; }
.w-report__verdict--gagal { border-color: #a4161a; background: #fbeaea; }
.w-report__bar { display: inline-block; height: .75rem; background: #a4161a;
  vertical-align: middle; margin-right: .25rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .5rem;
  border: 1px solid #c8c8c8; }
code { overflow-wrap: anywhere; }
.w-report__item { border-top: 1px solid #c8c8c8; padding-top: .5rem; }
""" + "".join(f".w-report__bar--{n} {{ width: {n / 2}rem; }}\n" for n in range(1, 9))


def _page_link(result, report_dir, output):
    target = os.path.relpath(Path(output).resolve() / result.page, Path(report_dir).resolve())
    return f'<a href="{html.escape(Path(target).as_posix())}">{html.escape(result.page)}</a>'


def _source_text(sources, page):
    source = source_of(sources, page)
    if source:
        return f"<code>{html.escape(source)}</code>"
    template = sources.get(page, {}).get("template")
    if template:
        return f"dibuat dari templat <code>{html.escape(template)}</code> (bukan satu berkas konten)"
    return UNKNOWN_SOURCE


def _nodes_html(violation):
    parts = ["<ul>"]
    for node in violation.nodes:
        parts.append(
            "<li>selektor: <code>"
            + html.escape(node["target"])
            + "</code><pre><code>"
            + html.escape(node["html"])
            + "</code></pre></li>"
        )
    parts.append("</ul>")
    return "".join(parts)


def render_html(run, sources, report_dir, output):
    """The self-contained HTML report, in Indonesian, accessible and passing axe itself."""
    esc = html.escape
    rules = by_rule(run)
    passed = run.passed
    verdict = (
        "Semua halaman lolos audit aksesibilitas."
        if passed
        else "Audit gagal: ada halaman yang perlu diperbaiki."
    )
    meta = metadata(run, output)
    out = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Laporan audit aksesibilitas"
        + (" (lolos)" if passed else " (gagal)")
        + "</title>",
        f"<style>{REPORT_CSS}</style>",
        "</head>",
        "<body>",
        '<main class="w-report">',
        "<h1>Laporan audit aksesibilitas</h1>",
        f'<p class="w-report__verdict w-report__verdict--{"lolos" if passed else "gagal"}">'
        f"{esc(verdict)}</p>",
        "<p>Setiap halaman diperiksa dengan axe-core "
        f"{esc(meta['axe_core'] or '')} di Chromium terhadap WCAG 2.2 tingkat A dan AA "
        f"(tag: {esc(', '.join(AXE_TAGS))}).</p>",
        '<div class="w-report__table-wrap"><table>',
        "<caption>Ringkasan</caption>",
        "<tbody>",
    ]
    summary = [
        ("Halaman", len(run.results)),
        ("Diaudit", run.audited),
        ("Dipakai ulang dari cache (tidak berubah sejak audit bersih terakhir)", run.reused),
        ("Gagal", len(run.failed)),
        ("Tidak dapat diaudit", len(run.errors)),
        ("Durasi (detik)", f"{run.duration:.1f}"),
        ("Pekerja paralel", run.workers),
    ]
    for label, value in summary:
        out.append(
            f'<tr><th scope="row">{esc(label)}</th>'
            f'<td class="w-report__number">{esc(str(value))}</td></tr>'
        )
    out.append("</tbody></table></div>")
    if run.cache_notice:
        out.append(
            f"<p>Cache audit rusak dan dibuang ({esc(run.cache_notice)}); "
            "semua halaman diaudit ulang.</p>"
        )

    out.append('<h2 id="aturan">Pelanggaran menurut aturan</h2>')
    if rules:
        most = max(len(rule["pages"]) for rule in rules)
        out += [
            '<div class="w-report__table-wrap"><table>',
            "<caption>Jumlah halaman dan elemen per aturan axe</caption>",
            '<thead><tr><th scope="col">Aturan</th><th scope="col">Dampak</th>'
            '<th scope="col">Halaman</th><th scope="col">Elemen</th>'
            '<th scope="col">Bantuan</th></tr></thead><tbody>',
        ]
        for rule in rules:
            width = max(1, round(8 * len(rule["pages"]) / most))
            out.append(
                f'<tr><th scope="row"><a href="#aturan-{esc(rule["rule"])}">'
                f'{esc(rule["rule"])}</a></th>'
                f'<td>{esc(IMPACTS.get(rule["impact"], rule["impact"]))}</td>'
                f'<td class="w-report__number"><span class="w-report__bar w-report__bar--{width}"'
                f' aria-hidden="true"></span>{len(rule["pages"])}</td>'
                f'<td class="w-report__number">{rule["elements"]}</td>'
                f'<td><a href="{esc(rule["help_url"])}">{esc(rule["help"])}</a></td></tr>'
            )
        out.append("</tbody></table></div>")
    else:
        out.append("<p>Tidak ada pelanggaran.</p>")

    templates = by_template(run, sources)
    out += [
        '<h2 id="templat">Pelanggaran menurut templat</h2>',
        '<div class="w-report__table-wrap"><table>',
        "<caption>Halaman, halaman gagal, dan pelanggaran per templat</caption>",
        '<thead><tr><th scope="col">Templat</th><th scope="col">Halaman</th>'
        '<th scope="col">Gagal</th><th scope="col">Pelanggaran</th></tr></thead><tbody>',
    ]
    for template, counts in templates.items():
        out.append(
            f'<tr><th scope="row"><code>{esc(template)}</code></th>'
            f'<td class="w-report__number">{counts["pages"]}</td>'
            f'<td class="w-report__number">{counts["failed"]}</td>'
            f'<td class="w-report__number">{counts["violations"]}</td></tr>'
        )
    out.append("</tbody></table></div>")

    for rule in rules:
        out.append(
            f'<section class="w-report__item" aria-labelledby="aturan-{esc(rule["rule"])}">'
            f'<h3 id="aturan-{esc(rule["rule"])}">{esc(rule["rule"])} '
            f'({esc(IMPACTS.get(rule["impact"], rule["impact"]))})</h3>'
            f'<p>{esc(rule["help"])}. <a href="{esc(rule["help_url"])}">'
            f'Cara memperbaiki {esc(rule["rule"])}</a></p><ul>'
        )
        for result, violation in rule["pages"]:
            out.append(
                f"<li>{_page_link(result, report_dir, output)}, sumber: "
                f"{_source_text(sources, result.page)}{_nodes_html(violation)}</li>"
            )
        out.append("</ul></section>")

    failing = [r for r in run.results if not r.passed]
    out.append('<h2 id="halaman">Halaman yang perlu diperbaiki</h2>')
    if not failing:
        out.append("<p>Tidak ada.</p>")
    for number, result in enumerate(failing, 1):
        out.append(
            f'<section class="w-report__item" aria-labelledby="halaman-{number}">'
            f'<h3 id="halaman-{number}">{esc(result.page)}</h3>'
            f"<p>Halaman: {_page_link(result, report_dir, output)}. "
            f"Berkas sumber: {_source_text(sources, result.page)}.</p>"
        )
        if result.error:
            out.append(f"<p>Tidak dapat diaudit: {esc(result.error)}</p>")
        for violation in result.violations:
            out.append(
                f"<h4>{esc(violation.rule)} "
                f"({esc(IMPACTS.get(violation.impact, violation.impact))})</h4>"
                f'<p>{esc(violation.help)}. <a href="{esc(violation.help_url)}">'
                f"Cara memperbaiki {esc(violation.rule)}</a></p>"
                + _nodes_html(violation)
            )
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


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
