"""The settings registry: a city's settings are checked against one description of every
setting, and each mistake is one Indonesian line naming its place in pelicanconf.py."""

import ast
import re
import subprocess
import sys
import tokenize
import warnings

import pytest
from test_newcity import BANJAR, run

from warta import EXAMPLE, ROOT, settings
from warta.commands import cli
from warta.commands.build import BuildError, build, load_settings
from warta.settings import registry as settings_registry

HEADER = "from warta.settings import *\n"


def findings_for(tmp_path, text):
    """The registry's findings for a settings file holding ``text`` below the star import."""
    (tmp_path / "content").mkdir(exist_ok=True)
    path = tmp_path / "pelicanconf.py"
    path.write_text(HEADER + text, encoding="utf-8")
    try:
        load_settings(path)
    except BuildError as exc:
        return exc.findings
    return []


def run_warta(*args):
    return subprocess.run([sys.executable, "-m", "warta", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.build
def test_an_emergency_contact_with_two_parts_is_named_at_its_line_by_the_build(tmp_path):
    (tmp_path / "content").mkdir()
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text(HEADER + (
        'WARTA_EMERGENCY_CONTACTS = [\n'
        '    ("Darurat", "112", "tel:112"),\n'
        '    ("Pusat panggilan", "tel:+62210001500"),\n'
        ']\n'), encoding="utf-8")
    result = run_warta("build", "--settings", str(settings_file), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{settings_file}:4: pengaturan-bentuk: WARTA_EMERGENCY_CONTACTS butir ke-2 berisi 2 " \
           "bagian, seharusnya 3" in result.stderr
    assert "Traceback" not in result.stderr and "ValueError" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_comma_is_pengaturan_rusak_without_pythons_english_warning(tmp_path):
    (tmp_path / "content").mkdir()
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text(HEADER + (
        'WARTA_EMERGENCY_CONTACTS = [\n'
        '    ("Darurat", "112", "tel:112")\n'
        '    ("Pusat panggilan", "(021) 000-1500", "tel:+62210001500"),\n'
        ']\n'), encoding="utf-8")
    # Recorded rather than printed: the test sees every warning Python would have shown.
    with warnings.catch_warnings(record=True) as shown, pytest.raises(BuildError) as failed:
        warnings.simplefilter("always")
        load_settings(settings_file)
    assert f"{settings_file}:3: pengaturan-rusak: " in str(failed.value)
    assert [w for w in shown if issubclass(w.category, SyntaxWarning)] == []


@pytest.mark.parametrize(("text", "line", "rule", "words"), [
    ('WARTA_OFFICE_HOURS = "Senin–Jumat 08.00–16.00"\n', 2, "pengaturan-bentuk",
     "WARTA_OFFICE_HOURS harus daftar"),
    ('SITENAME = "Kota Uji"\nWARTA_BRAND_COLOR = "biru"\n', 3, "pengaturan-nilai",
     "WARTA_BRAND_COLOR 'biru' bukan warna"),
    ('WARTA_SECTIONS = [\n    "services",\n    "berita",\n]\n', 4, "pengaturan-nilai",
     "WARTA_SECTIONS butir ke-2 teks 'berita' tidak dikenal"),
    ('TIMEZONE = "WITA"\n', 2, "pengaturan-nilai", "'Asia/Makassar' (WITA)"),
    ('WARTA_HOME_ANNOUNCEMENTS = -1\n', 2, "pengaturan-nilai", "paling sedikit 0"),
    ('PPID_PER_PAGE = "25"\n', 2, "pengaturan-bentuk", "bilangan bulat tanpa tanda kutip"),
    ('MAGAZINE_PUBLICATIONS = [\n    {"name": "Majalah Uji", "kind": "Majalah"},\n]\n', 3,
     "pengaturan-bentuk", "tidak punya kunci 'slug'"),
    ('MAGAZINE_PUBLICATIONS = [{\n    "name": "Majalah Uji",\n    "slug": "uji",\n'
     '    "kind": "Buletin",\n}]\n', 5, "pengaturan-nilai", "'Buletin' tidak dikenal"),
    ('WARTA_HOME_SERVICES = ["ktp-el", "Akta Kelahiran"]\n', 2, "pengaturan-nilai",
     "bukan nama berkas"),
    ('WARTA_MENU = [("Beranda",)]\n', 2, "pengaturan-bentuk", "berisi 1 bagian, seharusnya 2"),
    ('WARTA_TODAY = "1 Desember 2026"\n', 2, "pengaturan-nilai", "bukan tanggal"),
    ('VIDEO_FORMATS = {\n    "mp4": "MP4",\n}\n', 3, "pengaturan-bentuk", "harus kelompok"),
])
def test_a_wrong_setting_is_named_at_its_line(tmp_path, text, line, rule, words):
    (finding,) = findings_for(tmp_path, text)
    assert (finding.line, finding.rule) == (line, rule), str(finding)
    assert words in finding.message and finding.fix.startswith("contoh: ")


def test_a_computed_value_is_named_at_its_assignment_line(tmp_path):
    (finding,) = findings_for(tmp_path, 'KONTAK = [("Telepon", "112")]\n\n'
                                        "WARTA_CONTACTS = KONTAK + []\n")
    assert finding.line == 4 and "butir ke-1 berisi 2 bagian" in finding.message


def test_every_mistake_in_the_file_is_reported_at_once(tmp_path):
    found = findings_for(tmp_path, 'TIMEZONE = "Asia/Jakart"\nWARTA_SOCIAL = "@kota"\n')
    assert [(f.line, f.rule) for f in found] == [(2, "pengaturan-nilai"), (3, "pengaturan-bentuk")]


def test_periksa_of_one_file_reports_a_settings_finding_in_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "content").mkdir()
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text(HEADER + "WARTA_SECTIONS = \"video\"\n", encoding="utf-8")
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["warta", "periksa", "content/halaman/tentang.md",
                                      "--settings", str(settings_file)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 1 and "Traceback" not in err
    assert f"{settings_file}:2: pengaturan-bentuk: WARTA_SECTIONS harus daftar" in err


def test_the_sample_city_settings_have_no_findings():
    loaded = load_settings(EXAMPLE / "pelicanconf.py")
    assert settings_registry.findings(loaded, EXAMPLE / "pelicanconf.py") == []


@pytest.fixture(scope="module")
def new_settings(tmp_path_factory):
    """A pelicanconf.py as `kota-baru` writes it, without building the portal."""
    target = tmp_path_factory.mktemp("kota-baru") / "kabupaten-banjar"
    result = run(target, *BANJAR)
    assert result.exit_code == 0, result.output
    return target / "pelicanconf.py"


def test_a_new_city_settings_file_has_no_findings(new_settings):
    assert settings_registry.findings(load_settings(new_settings), new_settings) == []


# Words that only an English sentence has; none is an Indonesian word.
ENGLISH = re.compile(r"\b(the|and|is|are|of|to|for|with|its|this|when|until|from|by|or)\b",
                     re.IGNORECASE)


def test_the_new_settings_are_commented_in_indonesian(new_settings):
    with new_settings.open(encoding="utf-8") as source:
        comments = [token.string for token in tokenize.generate_tokens(source.readline)
                    if token.type == tokenize.COMMENT]
    assert comments and [comment for comment in comments if ENGLISH.search(comment)] == []


def test_the_new_settings_comment_out_no_assignment(new_settings):
    commented = [line for line in new_settings.read_text(encoding="utf-8").splitlines()
                 if re.match(r"\s*#\s*[A-Z][A-Z0-9_]+\s*=", line)]
    assert commented == []


def test_every_default_a_city_may_set_is_in_the_registry():
    # A new default must say what a city may write in it, or that it is Warta's own wiring.
    undescribed = set(settings.DEFAULTS) - set(settings_registry.REGISTRY) - settings_registry.WIRING
    assert undescribed == set()
    assert settings_registry.WIRING <= set(settings.DEFAULTS)


@pytest.mark.parametrize("name", sorted(set(settings.DEFAULTS) & set(settings_registry.REGISTRY)))
def test_every_default_fits_its_own_shape(name):
    shape = settings_registry.REGISTRY[name].shape
    assert list(shape.problems(settings.DEFAULTS[name], None, 1, name)) == []
    assert settings_registry.default(name) is settings.DEFAULTS[name]


@pytest.mark.parametrize("name", sorted(name for name, setting in settings_registry.REGISTRY.items()
                                        if setting.example))
def test_every_example_fits_its_own_shape(name):
    setting = settings_registry.REGISTRY[name]
    value = ast.literal_eval(setting.example)
    assert list(setting.shape.problems(value, None, 1, name)) == []


@pytest.mark.build
def test_a_city_that_has_not_said_who_it_is_is_told_what_to_add(tmp_path, content_dir):
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text("from warta.settings import *\nSITENAME = 'Portal Kota Uji'\n",
                             encoding="utf-8")
    with pytest.raises(BuildError) as failed:
        build(tmp_path / "output", settings_file=settings_file, content=content_dir)
    assert [line.split(": ")[1] for line in failed.value.errors] == ["pengaturan-wajib"] * 5
    assert failed.value.errors[0] == (
        f"{settings_file}:1: pengaturan-wajib: WARTA_GOVERNMENT_NAME belum diisi: nama pemerintah "
        "daerah (tambahkan baris WARTA_GOVERNMENT_NAME = \"Pemerintah Kota X\")")
    assert not (tmp_path / "output").exists()
