"""`make bench` (issue 6): Warta's build and audit on a synthetic portal, against the alternatives.

Generates N articles and N/10 PPID-like documents with a fixed seed in a temporary folder, then
times, each in its own process with its peak memory (the whole process tree, browsers
included):

1. vanilla Pelican on the same Markdown (default theme, no plugins, TYPOGRIFY = True);
2. Warta's full (cold) build, and a warm rebuild after one article changes;
3. Warta's full audit with 2 workers, and the incremental audit after that one change;
4. the same 200 pages through @axe-core/cli and through Warta, for a side-by-side ratio.

Figures are printed and saved as JSON. Nothing here asserts a time: it measures.
"""

import argparse
import datetime
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from warta import ROOT
from warta.downloads import human_size

SEED = 20240429
AXE_CLI = ROOT / "node_modules" / "@axe-core" / "cli" / "dist" / "src" / "bin" / "cli.js"

# Word stock for Indonesian-like text: real words, shuffled into plausible sentences.
SUBJECTS = [
    "Pemerintah Kota Contoh", "Wali Kota", "Dinas Kesehatan", "Dinas Sosial", "Diskominfo",
    "warga Kecamatan Sukamaju", "petugas puskesmas", "para kader posyandu", "Dinas Pendidikan",
    "tim gabungan", "Sekretaris Daerah", "pelaku usaha mikro", "siswa sekolah dasar",
    "Dinas Ketahanan Pangan", "penyandang disabilitas", "lurah dan camat", "relawan kota",
]
VERBS = [
    "meresmikan", "menyalurkan", "memeriksa", "meninjau", "membuka", "menggelar",
    "memperbaiki", "membagikan", "mendata", "mengajak", "melatih", "menerima", "mengumumkan",
    "menyiapkan", "membangun", "mengevaluasi",
]
OBJECTS = [
    "bantuan sosial", "jaringan internet publik", "layanan kesehatan keliling",
    "rumah tidak layak huni", "saluran drainase", "pasar murah", "imunisasi anak",
    "penerimaan murid baru", "kursi roda", "program beasiswa", "taman kota",
    "pelatihan kerja", "bahan pangan pokok", "data kependudukan", "layanan pengaduan warga",
    "jalan lingkungan", "air bersih", "lampu penerangan jalan",
]
PLACES = [
    "di Kecamatan Sukamaju", "di Balai Kota", "di Kelurahan Mekarsari", "di Pasar Induk",
    "di Gedung Serbaguna", "di Puskesmas Cempaka", "di Lapangan Merdeka", "di Kantor Kelurahan",
    "di sejumlah sekolah", "di seluruh kecamatan",
]
CLAUSES = [
    "agar pelayanan lebih dekat dengan warga", "sesuai rencana kerja tahun ini",
    "dengan anggaran dari APBD", "bersama perangkat daerah terkait",
    "untuk menjangkau keluarga yang membutuhkan", "setelah menerima usulan warga",
    "dan akan dilanjutkan bulan depan", "tanpa dipungut biaya",
]
HEADINGS = [
    "Latar belakang", "Sasaran program", "Jadwal pelaksanaan", "Cara mendaftar",
    "Tanggapan warga", "Langkah berikutnya", "Anggaran", "Lokasi kegiatan",
]
TAGS = [
    "bansos", "kesehatan", "pendidikan", "infrastruktur", "drainase", "pangan", "pasar",
    "disabilitas", "lansia", "anak", "imunisasi", "posyandu", "internet", "layanan publik",
    "inovasi", "penghargaan", "beasiswa", "umkm", "pelatihan", "lingkungan", "air bersih",
    "jalan", "taman", "rutilahu", "ppdb", "guru", "puskesmas", "kebersihan", "banjir",
    "olahraga", "budaya", "pariwisata", "perizinan", "kependudukan", "pajak daerah",
    "transportasi", "keamanan", "bencana", "gizi", "stunting",
]
AUTHORS = [f"Humas {name}" for name in (
    "Diskominfo", "Dinas Kesehatan", "Dinas Sosial", "Dinas Perkimtan", "Dinas Pendidikan",
    "Dinas Ketahanan Pangan",
)] + ["Tim Diskominfo", "Redaksi Portal"]
PPID_KINDS = [
    ("Laporan Keuangan", "berkala"), ("Rencana Strategis", "berkala"),
    ("Daftar Informasi Publik", "berkala"), ("Standar Operasional Prosedur", "setiap saat"),
    ("Laporan Kinerja Instansi", "berkala"), ("Prosedur Tanggap Darurat", "serta merta"),
]


def sentence(rng):
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(PLACES)} {rng.choice(CLAUSES)}."
    ).capitalize()


def paragraph(rng, sentences=(3, 6)):
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def make_images(folder, count=8):
    """Small flat pictures (no text in them) for covers and figures."""
    from PIL import Image, ImageDraw  # noqa: PLC0415 - only the benchmark draws

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    names = []
    for number in range(count):
        image = Image.new("RGB", (480, 270), (rng.randint(150, 240), rng.randint(150, 240), 230))
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x, y = rng.randint(0, 440), rng.randint(0, 230)
            draw.ellipse((x, y, x + 60, y + 40), fill=(rng.randint(0, 200), 120, 90))
        name = f"sintetis-{number + 1}.webp"
        image.save(folder / name, "WEBP", quality=60)
        names.append(name)
    return names


def generate_portal(content, articles, opds, seed=SEED):
    """Write ``articles`` news articles and articles/10 PPID documents under ``content``."""
    rng = random.Random(seed)
    (content / "berita").mkdir(parents=True)
    (content / "halaman" / "ppid").mkdir(parents=True)
    (content / "attachments" / "ppid").mkdir(parents=True)
    images = make_images(content / "images" / "berita")
    shutil.copy(ROOT / "content" / "images" / "logo-kota-contoh.svg", content / "images")
    start = datetime.datetime(2015, 1, 1, 8, 0)
    span = (datetime.datetime(2024, 12, 31) - start).total_seconds()
    paths = []
    for number in range(1, articles + 1):
        date = start + datetime.timedelta(seconds=span * number / (articles + 1))
        title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        title = title[0].upper() + title[1:]
        slug = f"berita-{number:05d}"
        cover = rng.choice(images)
        body = []
        for section in range(rng.randint(2, 4)):
            body.append(f"## {rng.choice(HEADINGS)} {section + 1}")
            for _ in range(rng.randint(1, 3)):
                body.append(paragraph(rng))
            roll = rng.random()
            if roll < 0.15:
                picture = rng.choice(images)
                body.append(
                    f'![Suasana kegiatan {rng.choice(OBJECTS)} {rng.choice(PLACES)}]'
                    f'({{static}}/images/berita/{picture} "Kegiatan {rng.choice(OBJECTS)}. '
                    f'Foto: {rng.choice(AUTHORS)}.")'
                )
            elif roll < 0.3:
                body.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))))
            elif roll < 0.38 and "| Lokasi |" not in "".join(body):
                rows = [f"| {rng.choice(PLACES)[3:]} | {rng.randint(10, 900)} |"
                        for _ in range(rng.randint(2, 6))]
                body.append("| Lokasi | Jumlah penerima |\n| --- | ---: |\n" + "\n".join(rows))
        text = "\n".join([
            f"Title: {title}",
            f"Date: {date:%Y-%m-%d %H:%M}",
            f"Category: {rng.choice(opds)}",
            f"Tags: {', '.join(rng.sample(TAGS, rng.randint(1, 3)))}",
            f"Author: {rng.choice(AUTHORS)}",
            f"Slug: {slug}",
            f"Summary: {sentence(rng)}",
            f"Cover: images/berita/{cover}",
            f"Cover_alt: Ilustrasi {rng.choice(OBJECTS)} {rng.choice(PLACES)}.",
            f"Cover_caption: Foto: {rng.choice(AUTHORS)}.",
            "",
            "\n\n".join(body),
            "",
        ])
        path = content / "berita" / f"{date:%Y-%m-%d}-{slug}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    for number in range(1, articles // 10 + 1):
        kind, period = rng.choice(PPID_KINDS)
        year = rng.randint(2015, 2024)
        attachment = f"ppid-{number:05d}.pdf"
        (content / "attachments" / "ppid" / attachment).write_bytes(pdf)
        text = "\n".join([
            f"Title: {kind} {rng.choice(opds)} Tahun {year}",
            f"Slug: ppid-dokumen-{number:05d}",  # a slug is one path segment (warta.lint)
            f"Summary: {kind} tahun {year}, informasi publik {period}.",
            "",
            paragraph(rng, (2, 4)),
            "",
            "| Keterangan | Isi |\n| --- | --- |",
            f"| Jenis informasi | {period} |",
            f"| Tahun | {year} |",
            f"| Penanggung jawab | {rng.choice(opds)} |",
            "",
            # A download link names its format and size (warta.lint, tautan-berkas).
            f"[Unduh dokumen (PDF, {human_size(len(pdf))})]({{static}}/attachments/ppid/{attachment})",
            "",
        ])
        (content / "halaman" / "ppid" / f"dokumen-{number:05d}.md").write_text(
            text, encoding="utf-8"
        )
    return paths


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


def tree_usage(root_pid):
    """(memory in bytes, CPU seconds) of a process and all its descendants (Linux /proc).

    Memory is the proportional set size (PSS), so the libraries Chromium's processes share are
    counted once, not once per process as summing RSS would. CPU time includes children that
    already exited and were waited for; on a shared machine it says what the work cost, where
    wall time also says how busy the machine was.
    """
    children = {}
    ticks = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            ticks[int(entry)] = sum(int(value) for value in fields[11:15])
        except (OSError, ValueError, IndexError):
            continue
    memory, cpu, todo = 0, 0, [root_pid]
    while todo:
        pid = todo.pop()
        cpu += ticks.get(pid, 0)
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        memory += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
        todo.extend(children.get(pid, []))
    return memory, cpu / os.sysconf("SC_CLK_TCK")


def tree_memory(root_pid):
    """Memory (PSS, bytes) of a process and all its descendants."""
    return tree_usage(root_pid)[0]


def measure(name, command, results, env=None, cwd=ROOT):
    """Run ``command``; record its wall time and the peak memory of its process tree."""
    print(f"\n== {name}: {' '.join(str(c) for c in command)[:160]}", flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(c) for c in command], cwd=cwd, env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    peak = [0, 0.0]

    def sample():
        while process.poll() is None:
            memory, cpu = tree_usage(process.pid)
            peak[0], peak[1] = max(peak[0], memory), max(peak[1], cpu)
            # Reading every process's memory costs CPU of its own (15 % of a core at 0.2 s,
            # taken from the audit being measured); once a second finds the same peaks.
            time.sleep(1.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read()
    process.wait()
    seconds = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Exact CPU time of every process in the tree that was waited for (the browsers are, by
    # ChromeDriver, which is by Selenium); the sampled figure is the fallback.
    waited_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    tail = output.strip().splitlines()[-4:]
    for line in tail:
        print(f"   {line}")
    figure = {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(max(waited_cpu, peak[1]), 1),
        "peak_memory_mb": round(peak[0] / 2**20, 1),
        "exit_code": process.returncode,
        "load_average_after": round(os.getloadavg()[0], 1),
    }
    print(f"   -> {figure}", flush=True)
    results[name] = figure
    return figure, output


def page_hashes(output):
    from warta.audit import file_sha256, find_pages  # noqa: PLC0415

    return {page: file_sha256(Path(output) / page) for page in find_pages(output)}


def change_one_article(paths, work):
    """Append a sentence to the article in the middle of the portal; return its name."""
    changed = paths[len(paths) // 2]
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\nTambahan: jadwal pelayanan diperpanjang hingga pukul 16.00 WIB.\n",
        encoding="utf-8",
    )
    return str(changed.relative_to(work))


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


def run(articles, workers, keep, json_path, axe_pages, builds_only=False):
    from warta.build import load_settings  # noqa: PLC0415

    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    figures = {"articles": articles, "ppid_documents": articles // 10, "seed": SEED,
               "workers": workers, "cpu_count": os.cpu_count(), "folder": str(work)}
    steps = {}
    try:
        opds = [opd["name"] for opd in load_settings()["WARTA_OPD"]]
        content = work / "content"
        started = time.perf_counter()
        paths = generate_portal(content, articles, opds)
        figures["generate_seconds"] = round(time.perf_counter() - started, 2)
        print(f"Portal sintetis: {articles} berita, {articles // 10} dokumen PPID di {content}")

        conf = work / "vanillaconf.py"
        conf.write_text(VANILLA_SETTINGS.format(content=str(content), ppid=articles // 10))
        pelican = Path(python).with_name("pelican")
        vanilla, _ = measure(
            "vanilla_build", [pelican, "-s", conf, "-o", work / "vanilla", "-q"], steps
        )
        figures["vanilla_pages"] = sum(1 for _ in (work / "vanilla").rglob("*.html"))

        output = work / "output"
        warta_env = {}
        build_cmd = [python, "-m", "warta.bench", "build", content, output, work / "cache"]
        cold, _ = measure("warta_cold_build", build_cmd, steps, env=warta_env)
        figures["warta_pages"] = sum(1 for _ in output.rglob("*.html"))
        if builds_only:
            figures["changed_article"] = change_one_article(paths, work)
            warm, _ = measure("warta_warm_rebuild", build_cmd, steps, env=warta_env)
            figures["steps"] = steps
            figures["ratios"] = build_ratios(vanilla, cold, warm)
            figures["targets"] = {
                "build_at_most_1_2x_vanilla": figures["ratios"]["warta_cold_over_vanilla"] <= 1.2,
                "warm_at_most_25_percent": figures["ratios"]["warm_over_cold"] <= 0.25,
            }
            return figures

        audit_cmd = [
            python, "-m", "warta", "audit", "--output", output, "--workers", workers,
            "--cache-dir", work / "audit-cache", "--reports", work / "reports",
            "--progress", "lines",
        ]
        full, _ = measure("warta_full_audit", audit_cmd + ["--all"], steps)
        full_report = json.loads((work / "reports" / "audit-report.json").read_text())
        steps["warta_full_audit"]["pages"] = full_report["meta"]["halaman"]
        steps["warta_full_audit"]["audited"] = full_report["meta"]["diaudit"]
        steps["warta_full_audit"]["failed"] = full_report["meta"]["gagal"]
        steps["warta_full_audit"]["pages_per_second"] = round(
            full_report["meta"]["diaudit"] / full["seconds"], 2
        )
        # What the same work would take on two cores of its own: CPU time spread over both.
        steps["warta_full_audit"]["pages_per_second_if_2_cores_were_free"] = round(
            full_report["meta"]["diaudit"] / max(full["cpu_seconds"] / 2, 1e-9), 2
        )
        # The list-page target is about axe's own time on a page; loading it is counted apart.
        slowest = max(full_report["pages"], key=lambda p: p.get("axe_seconds") or 0)
        steps["warta_full_audit"]["slowest_page"] = slowest["page"]
        steps["warta_full_audit"]["slowest_page_axe_seconds"] = slowest.get("axe_seconds")
        steps["warta_full_audit"]["slowest_page_seconds"] = slowest.get("seconds")
        steps["warta_full_audit"]["axe_seconds_by_template"] = axe_times_by_template(full_report)

        before = page_hashes(output)
        figures["changed_article"] = change_one_article(paths, work)
        warm, _ = measure("warta_warm_rebuild", build_cmd, steps, env=warta_env)
        after = page_hashes(output)
        changed_pages = sorted(p for p in after if before.get(p) != after[p])

        incremental, _ = measure("warta_incremental_audit", audit_cmd, steps)
        inc_report = json.loads((work / "reports" / "audit-report.json").read_text())
        audited = sorted(p["page"] for p in inc_report["pages"] if not p["reused"])
        steps["warta_incremental_audit"].update(
            audited=len(audited),
            reused=inc_report["meta"]["dipakai_ulang"],
            pages_whose_bytes_changed=len(changed_pages),
            audited_every_changed_page=set(changed_pages) <= set(audited),
        )

        # The same pages through @axe-core/cli and through Warta.
        sample = sorted(after)[:: max(1, len(after) // axe_pages)][:axe_pages]
        (work / "sample.txt").write_text("\n".join(sample))
        axe_fig = axe_cli(work, output, sample, steps)
        warta_sample, _ = measure(
            "warta_sample_audit",
            [python, "-m", "warta.bench", "audit-pages", output, work / "sample.txt", workers],
            steps,
        )
        if axe_fig and axe_fig["exit_code"] == 0:
            steps["axe_cli_sample"]["pages_per_second"] = round(len(sample) / axe_fig["seconds"], 2)
        steps["warta_sample_audit"]["pages"] = len(sample)
        steps["warta_sample_audit"]["pages_per_second"] = round(
            len(sample) / warta_sample["seconds"], 2
        )

        figures["steps"] = steps
        figures["ratios"] = {
            **build_ratios(vanilla, cold, warm),
            "full_audit_pages_per_second": steps["warta_full_audit"]["pages_per_second"],
            "warta_over_axe_cli_speed": (
                round(axe_fig["seconds"] / warta_sample["seconds"], 2)
                if axe_fig and axe_fig["exit_code"] == 0 else None
            ),
            "incremental_audit_seconds": incremental["seconds"],
            "cpu_axe_cli_over_warta_sample": (
                round(axe_fig["cpu_seconds"] / max(warta_sample["cpu_seconds"], 1e-9), 2)
                if axe_fig and axe_fig["exit_code"] == 0 else None
            ),
        }
        figures["targets"] = {
            "build_at_most_1_2x_vanilla": figures["ratios"]["warta_cold_over_vanilla"] <= 1.2,
            "warm_at_most_25_percent": figures["ratios"]["warm_over_cold"] <= 0.25,
            "audit_at_least_8_pages_per_second": (
                figures["ratios"]["full_audit_pages_per_second"] >= 8
            ),
            "audit_at_least_2x_axe_cli": (figures["ratios"]["warta_over_axe_cli_speed"] or 0) >= 2,
            "incremental_audit_within_60_s": incremental["seconds"] <= 60,
            "incremental_audit_covers_changed_pages": steps["warta_incremental_audit"][
                "audited_every_changed_page"
            ],
            "no_page_over_2_s_in_axe": (slowest.get("axe_seconds") or 0) <= 2,
        }
    finally:
        Path(json_path).write_text(json.dumps(figures, indent=2, ensure_ascii=False))
        print(json.dumps({k: figures.get(k) for k in ("ratios", "targets")}, indent=2))
        print(f"\nHasil disimpan di {json_path}")
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return figures


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
    from warta.audit import AXE_SCRIPT, AXE_TAGS, CHROMEDRIVER, CHROMIUM, page_url  # noqa: PLC0415
    from warta.server import serve  # noqa: PLC0415

    if not AXE_CLI.is_file():
        print("@axe-core/cli tidak terpasang (make node); perbandingan dilewati")
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
        print(f"   @axe-core/cli mengaudit {figure['pages_audited']} dari {len(sample)} halaman; "
              "perbandingan tidak sah")
        figure["exit_code"] = figure["exit_code"] or 1
    return figure


def build_step(content, output, cache):
    """One Warta build (cold or warm) with the bench's own Pelican cache folder."""
    from warta.build import build  # noqa: PLC0415

    build(Path(output), content=content, CACHE_PATH=str(cache))
    print(f"{sum(1 for _ in Path(output).rglob('*.html'))} halaman")


def audit_pages_step(output, sample_file, workers):
    from warta.audit import audit_site  # noqa: PLC0415

    pages = Path(sample_file).read_text().split()
    result = audit_site(output, pages=pages, workers=int(workers), use_cache=False)
    print(f"{len(result.results)} halaman, {len(result.failed)} gagal, {result.duration:.1f} dtk")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "build":
        return build_step(*argv[1:])
    if argv and argv[0] == "audit-pages":
        return audit_pages_step(*argv[1:])
    parser = argparse.ArgumentParser(prog="python -m warta.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000, help="jumlah berita (bawaan 10000)")
    parser.add_argument("--workers", type=int, default=2, help="pekerja audit (bawaan 2)")
    parser.add_argument("--axe-pages", type=int, default=200, help="halaman untuk @axe-core/cli")
    parser.add_argument("--json", default="bench-results.json", help="berkas hasil JSON")
    parser.add_argument("--keep", action="store_true", help="simpan folder sementara")
    parser.add_argument(
        "--builds-only", action="store_true", help="hanya build (tanpa audit), untuk N besar"
    )
    args = parser.parse_args(argv)
    run(args.articles, args.workers, args.keep, args.json, args.axe_pages, args.builds_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
