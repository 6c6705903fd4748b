"""`bin/warta kota-baru`: a new regency's portal from flags, built, with none of the
sample's identity in it; bad input refused in Indonesian with nothing written."""

import ast
import csv
import html
import io
import itertools
import json
import re
import subprocess
import tokenize
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from helpers import run_warta

from warta import EXAMPLE, ROOT, settings
from warta.commands.build import BuildError, build, load_settings
from warta.commands.newcity import command, portal
from warta.commands.newcity.command import kota_baru
from warta.content.lint.rules import REVIEW_MARKER

BANJAR = [
    "--nama", "Kabupaten Banjar", "--jenis", "kabupaten", "--zona", "WITA",
    "--opd", "Dinkes=Dinas Kesehatan",
    "--opd", "Diskominfo=Dinas Komunikasi dan Informatika",
    "--opd", "Disdik=Dinas Pendidikan",
    "--opd", "BPBD=Badan Penanggulangan Bencana Daerah",
    "--opd", "DPMPTSP=Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "--domain", "portal.banjarkab.go.id", "--surel", "diskominfo@banjarkab.go.id",
    "--telepon", "(0511) 472-1234", "--alamat", "Jl. Ahmad Yani Km 40, Martapura",
]
SAMPLE_IDENTITY = re.compile(rb"kota contoh|pemkot contoh|portal contoh|kotacontoh", re.IGNORECASE)
PAGES = ["index.html", "tentang/index.html", "kontak/index.html",
         "pernyataan-aksesibilitas/index.html", "opd/index.html", "ppid/index.html",
         *(f"ppid/{slug}/index.html" for slug in (
             "profil-ppid", "maklumat-pelayanan", "permohonan-informasi", "pengajuan-keberatan",
             "standar-biaya", "laporan-layanan-informasi", "hubungi"))]


def run(target, *args):
    return CliRunner().invoke(kota_baru, [*args, "--tujuan", str(target)])


def files_in(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def banjar(tmp_path_factory):
    """Kabupaten Banjar made by kota-baru, one news article added as an editor would, built."""
    root = tmp_path_factory.mktemp("banjar")
    target = root / "kabupaten-banjar"
    result = run(target, *BANJAR)
    assert result.exit_code == 0, result.output
    (target / "content" / "berita").mkdir()
    (target / "content" / "berita" / "2026-11-30-portal-diluncurkan.md").write_text(
        "Title: Portal berita resmi diluncurkan\nDate: 2026-11-30 09:30\nCategory: Diskominfo\n"
        "Summary: Warga kini dapat membaca berita dan informasi publik di satu portal.\n\n"
        "Portal ini memuat berita dari setiap perangkat daerah.\n", encoding="utf-8")
    output = root / "output"
    built = build(output, settings_file=target / "pelicanconf.py")
    return target, output, built, result.output


@pytest.mark.build
def test_the_new_regency_builds_with_review_markers_only_as_warnings(banjar):
    target, _, built, _ = banjar
    rules = {finding.rule for finding in built.findings}
    assert rules == {"perlu-ditinjau"}, [str(f) for f in built.findings if f.rule != "perlu-ditinjau"]
    # The settings file's own markers point at its lines too.
    conf = (target / "pelicanconf.py").read_text(encoding="utf-8").splitlines()
    for finding in built.findings:
        if finding.path.endswith("pelicanconf.py"):
            assert "((tinjau:" in conf[finding.line - 1]


@pytest.mark.build
def test_the_new_regency_is_not_published_until_every_marker_is_decided(banjar, tmp_path):
    target, _, _, _ = banjar
    with pytest.raises(BuildError) as failed:
        build(tmp_path / "terbit", settings_file=target / "pelicanconf.py",
              WARTA_REVIEW_BLOCKS=True, SEARCH_INDEX=False)
    review = [f for f in failed.value.findings if f.rule == "perlu-ditinjau"]
    assert review and all(f.is_error for f in review)
    # One line per marker, each at the line that holds it.
    assert len(failed.value.errors) == len(review) == len({(f.path, f.line) for f in review})
    for finding in review:
        written = Path(finding.path).read_text(encoding="utf-8").splitlines()[finding.line - 1]
        assert REVIEW_MARKER.search(written), str(finding)


@pytest.mark.build
def test_the_new_regency_has_its_pages(banjar):
    _, output, _, _ = banjar
    slugs = ["dinkes", "diskominfo", "disdik", "bpbd", "dpmptsp"]
    missing = [page for page in PAGES + [f"opd/{slug}/index.html" for slug in slugs]
               if not (output / page).is_file()]
    assert missing == []
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Kabupaten Banjar" in home
    statement = (output / "ppid/pengajuan-keberatan/index.html").read_text(encoding="utf-8")
    assert "Sekretaris Daerah Kabupaten Banjar" in statement
    for days in ("10 hari kerja", "7 hari kerja", "30 hari kerja", "14 hari kerja"):
        assert days in statement
    profile = (output / "ppid/profil-ppid/index.html").read_text(encoding="utf-8")
    assert "Keputusan Bupati Banjar" in profile and "Kepala Dinas Komunikasi dan Informatika" in profile


@pytest.mark.build
def test_the_new_regency_shows_dates_in_wita(banjar):
    _, output, _, _ = banjar
    page = (output / "berita/2026/portal-berita-resmi-diluncurkan/index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-11-30T09:30:00+08:00"' in page and "09.30 WITA" in page
    assert "WIB" not in page


@pytest.mark.build
def test_no_built_file_carries_the_samples_identity(banjar):
    _, output, _, _ = banjar
    paths = [p for p in output.rglob("*")]
    assert len(paths) > 50
    named = [p.relative_to(output).as_posix() for p in paths
             if SAMPLE_IDENTITY.search(p.relative_to(output).as_posix().encode())]
    holding = [p.relative_to(output).as_posix() for p in paths
               if p.is_file() and SAMPLE_IDENTITY.search(p.read_bytes())]
    assert named == [] and holding == []


@pytest.mark.build
def test_no_written_file_carries_the_samples_identity(banjar):
    target, _, _, _ = banjar
    holding = [path for path in files_in(target)
               if SAMPLE_IDENTITY.search((target / path).read_bytes())]
    assert holding == []


@pytest.mark.build
def test_the_checklist_names_every_marker_at_its_line(banjar):
    target, _, _, printed = banjar
    listed = re.findall(r"^  (\S+):(\d+): (.+)$", printed, re.MULTILINE)
    assert len(listed) > 10
    for path, line, text in listed:
        written = (ROOT / path).read_text(encoding="utf-8").splitlines()  # absolute stays absolute
        assert f"((tinjau: {text}))" in written[int(line) - 1]
    assert len(listed) == sum(text.count("((tinjau:") for text in
                              ((target / p).read_text(encoding="utf-8") for p in files_in(target)))
    assert "Langkah berikutnya" in printed and "impor wordpress" in printed


@pytest.mark.build
def test_the_communications_agency_is_the_ppid_utama_and_runs_the_portal(banjar):
    target, _, _, printed = banjar
    conf = load_settings(target / "pelicanconf.py")
    assert "PPID Utama: Diskominfo" in printed
    assert conf["WARTA_AGENCY_NAME"] == "Dinas Komunikasi dan Informatika Kabupaten Banjar"
    assert conf["TIMEZONE"] == "Asia/Makassar" and conf["WARTA_DEMO_NOTICE"] is None
    assert conf["WARTA_SITEURL"] == "https://portal.banjarkab.go.id"
    assert conf["WARTA_TODAY"] is None


@pytest.mark.build
def test_the_new_settings_fit_on_one_page_and_restate_no_default(banjar):
    target, _, _, _ = banjar
    path = target / "pelicanconf.py"
    assert path.read_text(encoding="utf-8").count("\n") <= 150
    city = load_settings(path)
    text = path.read_text(encoding="utf-8")
    assigned = {target.id: node.lineno for node in ast.parse(text).body
                if isinstance(node, ast.Assign) for target in node.targets
                if isinstance(target, ast.Name)}
    names = set(assigned)
    # Every setting is written out rather than commented out, so a default may appear where the
    # region fills it in: an empty placeholder, or a value under a review marker (the two brand
    # colours share one comment).
    lines = text.splitlines()

    def left_to_decide(name):
        above = itertools.dropwhile(lambda line: re.match(r"[A-Z_]+ = ", line),
                                    reversed(lines[:assigned[name] - 1]))
        comment = itertools.takewhile(lambda line: line.startswith("#"), above)
        return city[name] in ([], None, "") or any("((tinjau:" in line for line in comment)

    assert [n for n in names if n in settings.DEFAULTS and city[n] == settings.DEFAULTS[n]
            and not left_to_decide(n)] == []
    sample = {t.id for node in ast.parse((EXAMPLE / "pelicanconf.py").read_text(encoding="utf-8")).body
              if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
    # Every name the sample city sets, except its publications (a region adds its own).
    # WARTA_TODAY only fixes the demo's date: a real region's portal is built for today. PATH
    # places the sample's content beside its settings, where a region's is content/ by default.
    assert sample - names <= {"VIDEO_SECTION_NAME", "WARTA_TODAY", "PATH"}


@pytest.mark.parametrize(("args", "message"), [
    (["--nama", "  ", "--zona", "WITA", "--opd", "Dinkes=Dinas Kesehatan"],
     "Nama pemerintah daerah kosong"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITB", "--opd", "Dinkes=Dinas Kesehatan"],
     "Zona waktu 'WITB' tidak dikenal: pilih WIB, WITA atau WIT"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA", "--opd", "Dinkes=Dinas Kesehatan",
      "--opd", "DINKES=Dinas Kesehatan Hewan"], "Singkatan 'DINKES' ditulis dua kali"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA", "--opd", "!!!=Dinas Tanpa Nama"],
     "Singkatan '!!!' (--opd ke-1) tidak dapat menjadi nama berkas"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA"], "Belum ada perangkat daerah"),
    (["--zona", "WITA", "--opd", "A=B"], "Nama pemerintah daerah belum ditulis"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA", "--opd", "Dinas Kesehatan"],
     "tulis singkatan dan nama lengkapnya dengan tanda ="),
    (["--nama", "Kota Banjar", "--jenis", "kabupaten", "--zona", "WITA", "--opd", "A=B"],
     "berawal Kota, tetapi --jenis kabupaten"),
    (["--nama", "Banjar", "--zona", "WITA", "--opd", "A=B"], "tulis --jenis kota"),
    (["--nama", "Banjar", "--jenis", "desa", "--zona", "WITA", "--opd", "A=B"],
     "Jenis 'desa' tidak dikenal: pilih kota, kabupaten atau provinsi"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA", "--opd", "Dinkes="],
     "Nama lengkap perangkat daerah Dinkes (--opd ke-1) kosong"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA", "--berkas-opd", "tidak-ada.csv"],
     "Berkas OPD tidak-ada.csv tidak ada"),
    (["--nama", "Kabupaten <b>Banjar</b>", "--zona", "WITA", "--opd", "A=B"],
     "memuat tanda yang tidak dapat dipakai"),
    (["--nama", "Kabupaten Banjar", "--zona", "WITA", "--opd", "A=B", "--opd-ppid", "Kominfo"],
     "--opd-ppid 'Kominfo' bukan singkatan"),
])
def test_bad_input_is_refused_in_indonesian_with_nothing_written(tmp_path, args, message):
    target = tmp_path / "portal"
    result = run(target, *args)
    assert result.exit_code == 1
    assert message in result.output, result.output
    assert "Tidak ada berkas yang ditulis" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert not target.exists()


def test_a_csv_without_the_required_columns_is_refused(tmp_path):
    csv_file = tmp_path / "opd.csv"
    csv_file.write_text("kode,nama lengkap\nDinkes,Dinas Kesehatan\n", encoding="utf-8")
    result = run(tmp_path / "portal", "--nama", "Kabupaten Banjar", "--zona", "WITA",
                 "--berkas-opd", str(csv_file))
    assert result.exit_code == 1
    assert "tidak punya kolom singkatan, nama" in result.output
    assert not (tmp_path / "portal").exists()


def test_agencies_come_from_a_spreadsheets_csv_with_their_contacts(tmp_path):
    csv_file = tmp_path / "opd.csv"
    csv_file.write_text(
        "Singkatan;Nama;Kelompok;Alamat;Telepon;Surel\n"
        "Dinkes;Dinas Kesehatan;Dinas;Jl. Sehat No. 2, Martapura;(0511) 472-0001;dinkes@banjarkab.go.id\n"
        "\n"
        "Kominfo;Dinas Komunikasi, Informatika dan Persandian;;;;\n",
        encoding="utf-8-sig")
    target = tmp_path / "portal"
    result = run(target, "--nama", "Kabupaten Banjar", "--zona", "WITA", "--berkas-opd", str(csv_file))
    assert result.exit_code == 0, result.output
    dinkes = (target / "content/opd/dinkes.md").read_text(encoding="utf-8")
    assert "Alamat: Jl. Sehat No. 2, Martapura\n" in dinkes and "Kelompok: Dinas\n" in dinkes
    assert "Surel: dinkes@banjarkab.go.id\n" in dinkes
    assert "PPID Utama: Kominfo" in result.output  # by its short name, though it is second


@pytest.mark.parametrize(("args", "head", "zone", "ppid"), [
    (["--nama", "Kota Banjarmasin", "--zona", "wita", "--opd", "Dinkes=Dinas Kesehatan",
      "--opd", "Disdik=Dinas Pendidikan"], "Wali Kota Banjarmasin", "Asia/Makassar", "Dinkes"),
    (["--nama", "Provinsi Papua", "--zona", "WIT", "--opd", "Dinkes=Dinas Kesehatan",
      "--opd", "Disdik=Dinas Pendidikan", "--opd-ppid", "disdik"], "Gubernur Papua",
     "Asia/Jayapura", "Disdik"),
    (["--nama", "Pemerintah Kabupaten Bogor", "--zona", "WIB", "--opd", "Setda=Sekretariat Daerah"],
     "Bupati Bogor", "Asia/Jakarta", "Setda"),
])
def test_the_kind_of_government_names_its_head_and_the_zone_its_clock(tmp_path, args, head, zone, ppid):
    target = tmp_path / "portal"
    result = run(target, *args)
    assert result.exit_code == 0, result.output
    assert f"PPID Utama: {ppid}" in result.output
    assert load_settings(target / "pelicanconf.py")["TIMEZONE"] == zone
    profile = (target / "content/ppid/halaman/01-profil-ppid.md").read_text(encoding="utf-8")
    assert f"Keputusan {head} " in profile
    assert "Pemerintah Pemerintah" not in profile


def test_an_existing_portal_is_refused_without_paksa_and_nothing_changes(tmp_path):
    target = tmp_path / "portal"
    (target / "content/berita").mkdir(parents=True)
    (target / "pelicanconf.py").write_text('SITENAME = "Portal Lama"\n', encoding="utf-8")
    (target / "content/berita/2024-01-01-lama.md").write_text("Title: Lama\n", encoding="utf-8")
    before = {p: (target / p).read_bytes() for p in files_in(target)}
    result = run(target, *BANJAR)
    assert result.exit_code == 1
    assert "pelicanconf.py" in result.output and "content/berita/2024-01-01-lama.md" in result.output
    assert "--paksa" in result.output
    assert {p: (target / p).read_bytes() for p in files_in(target)} == before


def test_paksa_lists_what_it_replaced_keeps_the_old_version_and_deletes_nothing(tmp_path):
    target = tmp_path / "portal"
    (target / "content/berita").mkdir(parents=True)
    (target / "pelicanconf.py").write_text('SITENAME = "Portal Lama"\n', encoding="utf-8")
    (target / "content/berita/2024-01-01-lama.md").write_text("Title: Lama\n", encoding="utf-8")
    result = run(target, *BANJAR, "--paksa")
    assert result.exit_code == 0, result.output
    assert re.search(r"Diganti .*:\n  pelicanconf\.py\n", result.output)
    assert "content/berita/2024-01-01-lama.md" in result.output
    assert (target / "content/berita/2024-01-01-lama.md").is_file()
    (backup,) = (target / ".cache/kota-baru").iterdir()
    assert (backup / "pelicanconf.py").read_text(encoding="utf-8") == 'SITENAME = "Portal Lama"\n'
    assert "Kabupaten Banjar" in (target / "pelicanconf.py").read_text(encoding="utf-8")


def test_running_again_with_the_same_answers_needs_no_paksa(tmp_path):
    target = tmp_path / "portal"
    assert run(target, *BANJAR).exit_code == 0
    again = run(target, *BANJAR)
    assert again.exit_code == 0, again.output
    assert "0 berkas" in again.output


def test_a_failure_while_moving_into_place_leaves_the_target_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "portal"
    target.mkdir()
    (target / "pelicanconf.py").write_text('SITENAME = "Portal Lama"\n', encoding="utf-8")
    real, calls = portal.os.replace, []

    def failing(source, destination):
        calls.append(destination)
        if len(calls) == 6:
            raise OSError(28, "No space left on device")
        return real(source, destination)

    monkeypatch.setattr(portal.os, "replace", failing)
    result = run(target, *BANJAR, "--paksa")
    assert result.exit_code == 1 and "tidak ada yang diubah" in result.output
    monkeypatch.setattr(portal.os, "replace", real)
    assert files_in(target) == ["pelicanconf.py"]
    assert (target / "pelicanconf.py").read_text(encoding="utf-8") == 'SITENAME = "Portal Lama"\n'
    assert [p.name for p in target.iterdir()] == ["pelicanconf.py"]  # no staging, no folders


def test_a_failure_in_a_new_folder_leaves_no_folder_behind(tmp_path, monkeypatch):
    def failing(source, destination):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(portal.os, "replace", failing)
    result = run(tmp_path / "baru" / "portal", *BANJAR)
    assert result.exit_code == 1 and "tidak ada yang diubah" in result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_answers_are_asked_only_at_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(command, "_interactive", lambda: True)
    answers = "Kabupaten Banjar\nWITA\nDiskominfo=Dinas Komunikasi dan Informatika\n\n\n\n\n\n"
    result = CliRunner().invoke(kota_baru, ["--tujuan", str(tmp_path / "portal")], input=answers)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "portal/content/opd/diskominfo.md").is_file()


def test_make_help_lists_kota_baru():
    shown = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True,
                           text=True).stdout
    assert "make kota-baru" in shown


@pytest.mark.build
def test_the_new_portals_messages_and_scaffold_name_its_own_agency_and_region(banjar, tmp_path):
    from warta.commands.build import quiet_settings
    from warta.commands.scaffold import new_document
    from warta.content.fields import FieldCheck
    from warta.content.sections.ppid.schema import REQUIRED_FIELDS

    target, _, _, _ = banjar
    conf = quiet_settings(target / "pelicanconf.py")
    conf["PATH"] = str(tmp_path / "content")  # the scaffold writes here, not into the portal
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "opd").symlink_to(target / "content" / "opd")
    written = new_document(conf, "Laporan Keuangan 2025", "berkala").read_text(encoding="utf-8")
    assert "Tempat: [[tempat pembuatan, misalnya Kabupaten Banjar]]" in written
    document = tmp_path / "dokumen.md"
    document.write_text("Title: Tanpa kolom\n\nIsi.\n", encoding="utf-8")
    check = FieldCheck(document)
    check.required({}, REQUIRED_FIELDS, "ppid-kolom", settings=conf)
    fixes = " ".join(str(problem) for problem in check.problems)
    assert "`OPD: BPBD`" in fixes and "`Tempat: Kabupaten Banjar`" in fixes  # first by file name
    assert not SAMPLE_IDENTITY.search(fixes.encode()) and "Diskominfo`" not in fixes


def test_kota_baru_explains_itself_in_indonesian():
    result = run_warta("kota-baru", "--help")
    assert result.returncode == 0
    assert "Pemakaian:" in result.stdout and "Pilihan:" in result.stdout
    for flag in ("--nama", "--jenis", "--zona", "--opd", "--berkas-opd", "--opd-ppid", "--domain",
                 "--surel", "--telepon", "--alamat", "--paksa", "--tujuan"):
        assert flag in result.stdout


# --- Hostile values: the settings stay data, the Markdown stays text ------------------------------
# Each case puts a value into one argument where the benign twin run has TWIN. The hostile run
# must write what the twin wrote with TWIN replaced by the value, and nothing else: the same
# statements, docstring and comments in pelicanconf.py, the same header lines, markup and review
# markers in every Markdown file. No value holds the region's place name (Banjar): an agency
# whose name holds it is written without the region's name added.
TWIN = "Sentosa"
PAYLOADS = {
    "teks-biasa": "Sentosa Baru",  # benign: passes the same checks
    "kutip-ganda": 'Ta"la',
    "tiga-kutip-ganda": 'Tala """ + open("/etc/passwd").read() + """',
    "tiga-kutip-tunggal": "Tala ''' + x + '''",
    "garis-miring-terbalik": 'Tala \\ \\" \\n \\',
    "pagar": "Tala # komentar",
    "jinja": "Tala {{ city.name }} {% raw %}",
    "arab": "بنجر",
    "aksara-jawa": "ꦧꦚ꧀ꦗꦂ",
    "emoji": "Tala 🏛️",
    "markdown": "Title: P [a](https://x.invalid) ![g]({static}/x) `k` *m*{: #p } | ---",
}
# Whole values that start a line in Kontak and Hubungi PPID, each a Markdown block's start.
LINE_STARTS = {"garis-datar": "--- Title: Palsu", "judul": "# Judul", "daftar": "- butir",
               "daftar-angka": "1. butir", "definisi": ": definisi", "garis-bawah": "=== x",
               "pagar-kode": "~~~ x", "tambah": "+ butir"}
# How a value enters BANJAR: (BANJAR's value, the value with it, arguments added). The short
# name also names the PPID Utama with --opd-ppid; its file name stays diskominfo-….
ARGUMENTS = {
    "--nama": lambda v: ("Kabupaten Banjar", f"Kabupaten {v}", []),
    "--opd": lambda v: ("Diskominfo=Dinas Komunikasi dan Informatika",
                        f"Diskominfo=Dinas Komunikasi dan Informatika {v}", []),
    "--opd-ppid": lambda v: ("Diskominfo=Dinas Komunikasi dan Informatika",
                             f"Diskominfo {v} A=Dinas Komunikasi dan Informatika",
                             ["--opd-ppid", f"Diskominfo {v} A"]),
    "--telepon": lambda v: ("(0511) 472-1234", f"(0511) 472-1234 {v}", []),
    "--alamat": lambda v: ("Jl. Ahmad Yani Km 40, Martapura", v, []),
}
OPD_COLUMNS = ["singkatan", "nama", "kelompok", "alamat", "telepon", "surel"]


def opd_csv(folder, diskominfo):
    """A --berkas-opd file with Dinkes and Diskominfo, this one's cells ``diskominfo``."""
    text = io.StringIO()
    csv.writer(text).writerows([OPD_COLUMNS, ["Dinkes", "Dinas Kesehatan", "", "", "", ""],
                                diskominfo])
    path = folder / f"opd-{len(list(folder.iterdir()))}.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    return [*BANJAR[:6], "--berkas-opd", str(path), *BANJAR[16:]]


def written_with(tmp_path, case, value):
    """(pelicanconf.py, [every Markdown file in path order]) kota-baru writes with ``value`` in
    the argument ``case``."""
    if case == "--berkas-opd":
        args = opd_csv(tmp_path, ["Diskominfo", f"Dinas Komunikasi dan Informatika {value}",
                                  f"Dinas {value}", f"Jl. {value}", f"(0511) 472-1234 {value}",
                                  "diskominfo@banjarkab.go.id"])
    else:
        old, new, extra = ARGUMENTS[case](value)
        args = [new if arg == old else arg for arg in BANJAR] + extra
    target = tmp_path / f"portal-{len(list(tmp_path.iterdir()))}"
    result = run(target, *args)
    assert result.exit_code == 0, result.output
    pages = [(target / path).read_text(encoding="utf-8") for path in files_in(target)
             if path.endswith(".md")]
    return (target / "pelicanconf.py").read_text(encoding="utf-8"), pages


@pytest.fixture(scope="module")
def twin_of(tmp_path_factory):
    """written_with(…, case, TWIN), made once per argument: every hostile value of an argument
    is compared with the same twin, and kota-baru writes it the same way each time."""
    made = {}

    def _twin_of(case):
        if case not in made:
            made[case] = written_with(tmp_path_factory.mktemp("kembar"), case, TWIN)
        return made[case]

    return _twin_of


def settings_shape(text):
    """What a settings file does apart from its string values: the type and targets of each
    top-level statement, its docstring, and every token outside a string, comments included."""
    tree = ast.parse(text)
    statements = [(type(node).__name__, [ast.unparse(t) for t in getattr(node, "targets", [])])
                  for node in tree.body]
    tokens = [(token.type, token.string) for token in
              tokenize.generate_tokens(io.StringIO(text).readline) if token.type != tokenize.STRING]
    return statements, ast.get_docstring(tree), tokens


def settings_strings(text):
    return [node.value for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def page_shape(text):
    """A Markdown file as Pelican reads it: its header keys and values, the Summary and the body
    rendered with the portal's MARKDOWN settings (character references decoded: they are
    text), and its review markers."""
    config = settings.MARKDOWN
    md = markdown.Markdown(extensions=[*config["extension_configs"], "markdown.extensions.meta"],
                           extension_configs=config["extension_configs"],
                           output_format=config["output_format"])
    body = html.unescape(md.convert(text))
    headers = {key: "\n".join(value) for key, value in md.Meta.items()}
    if "summary" in headers:
        headers["summary"] = html.unescape(md.reset().convert(headers["summary"]))
    return list(headers), headers, body, REVIEW_MARKER.findall(text)


def hostile(payloads, cases=(*ARGUMENTS, "--berkas-opd")):
    return [pytest.param(case, value, id=f"{case}-{name}") for case in cases
            for name, value in payloads.items()]


@pytest.mark.parametrize(("case", "value"), hostile(PAYLOADS))
def test_a_hostile_value_is_only_a_string_in_the_settings(tmp_path, twin_of, case, value):
    (twin, _), (written, _) = twin_of(case), written_with(tmp_path, case, value)
    assert json.dumps(value, ensure_ascii=False)[1:-1] in written  # it is there, as a literal
    assert settings_shape(written) == settings_shape(twin)
    assert settings_strings(written) == [s.replace(TWIN, value) for s in settings_strings(twin)]


@pytest.mark.parametrize(("case", "value"), [*hostile(PAYLOADS),
                                             *hostile(LINE_STARTS, cases=["--alamat"])])
def test_a_hostile_value_is_only_text_in_the_markdown_files(tmp_path, twin_of, case, value):
    (_, twins), (_, pages) = twin_of(case), written_with(tmp_path, case, value)
    assert len(pages) == len(twins) > 10
    for page, twin in zip(pages, twins, strict=True):
        keys, headers, body, found = page_shape(page)
        twin_keys, twin_headers, twin_body, twin_found = page_shape(twin)
        assert keys == twin_keys and found == twin_found
        assert headers == {key: text.replace(TWIN, value) for key, text in twin_headers.items()}
        assert body == twin_body.replace(TWIN, value)


def test_the_settings_check_sees_a_value_in_the_docstring_or_a_comment(tmp_path):
    twin, _ = written_with(tmp_path, "--nama", TWIN)
    closed = twin.replace('"""Pengaturan', '"""Pengaturan """\nimport os\n"""', 1)
    commented = twin.replace("# Zona waktu tanggal", f"# {TWIN}: zona waktu tanggal", 1)
    assert settings_shape(closed) != settings_shape(twin)
    assert settings_shape(commented) != settings_shape(twin)


CONTROLS = ["\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029",
            "\u202a", "\u202e", "\u2066", "\u2069", "\udcff"]
FLAGS = {"--nama": "Kabupaten Banjar", "--jenis": "kabupaten", "--zona": "WITA",
         "--domain": "portal.banjarkab.go.id", "--surel": "diskominfo@banjarkab.go.id",
         "--telepon": "(0511) 472-1234", "--alamat": "Jl. Ahmad Yani Km 40, Martapura",
         "--opd ke-1": "Dinkes=Dinas Kesehatan"}


def with_control(tmp_path, case, char):
    """(arguments, the label the refusal names) with ``char`` in the argument ``case``."""
    if case in FLAGS:
        return [f"{arg}{char}" if arg == FLAGS[case] else arg for arg in BANJAR], case
    if case == "--opd ke-1 (singkatan)":
        return [f"Din{char}kes=Dinas Kesehatan" if arg == FLAGS["--opd ke-1"] else arg
                for arg in BANJAR], "--opd ke-1"
    if case == "--opd-ppid":
        return [*BANJAR, "--opd-ppid", f"Diskominfo{char}"], case
    if case == "--tujuan":  # the target, named by run() after these
        return BANJAR, case
    if case == "--berkas-opd":
        return [*BANJAR[:6], "--berkas-opd", str(tmp_path / f"opd{char}.csv")], case
    cells = ["Diskominfo", "Dinas Komunikasi dan Informatika", "Dinas", "Jl. Merdeka",
             "(0511) 472-1234", "diskominfo@banjarkab.go.id"]
    cells[OPD_COLUMNS.index(case.removeprefix("--berkas-opd "))] += char
    args = opd_csv(tmp_path, cells)
    return args, f"Berkas OPD {Path(args[7]).name} baris 3, sel"


@pytest.mark.parametrize(("case", "char"), [
    pytest.param(case, char, id=f"{case}-U+{ord(char):04X}")
    for case in [*FLAGS, "--opd ke-1 (singkatan)", "--opd-ppid", "--tujuan", "--berkas-opd",
                 *(f"--berkas-opd {column}" for column in OPD_COLUMNS)]
    for char in CONTROLS
    # A CSV file is read as strict UTF-8: no lone surrogate reaches its cells.
    if not (case.startswith("--berkas-opd ") and char == "\udcff")])
def test_a_control_character_in_any_argument_is_refused_with_nothing_written(tmp_path, case, char):
    target = tmp_path / (f"portal{char}" if case == "--tujuan" else "portal")
    args, label = with_control(tmp_path, case, char)
    before = sorted(tmp_path.iterdir())
    result = run(target, *args)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert f"kota-baru: {label} " in result.output, result.output
    assert f"(U+{ord(char):04X}): tulis teks biasa dalam satu baris" in result.output
    assert "Tidak ada berkas yang ditulis" in result.output and "Traceback" not in result.output
    assert char == "\n" or char not in result.output  # shown escaped, never raw
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("value", [v for k, v in PAYLOADS.items() if k != "teks-biasa"],
                         ids=[k for k in PAYLOADS if k != "teks-biasa"])
@pytest.mark.parametrize(("flag", "rule"), [("--domain", "tidak sah"), ("--surel", "tidak sah"),
                                            ("--zona", "tidak dikenal"), ("--jenis", "tidak dikenal")])
def test_a_hostile_value_in_a_checked_format_is_refused_by_its_rule(tmp_path, flag, rule, value):
    target = tmp_path / "portal"
    result = run(target, *[f"{arg}{value}" if arg == FLAGS[flag] else arg for arg in BANJAR])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert rule in result.output and "Tidak ada berkas yang ditulis" in result.output
    assert not target.exists()
