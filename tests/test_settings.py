"""A city's settings on one page: pelicanconf.py holds what a city edits, warta/settings/__init__.py the
wiring every city shares, and a settings file that does not run is one plain line."""

import ast
import sys

import pytest
from pelican import settings as pelican_settings

from warta import EXAMPLE, ROOT, settings
from warta.commands import cli
from warta.commands.build import load_settings
from warta.content.errors import BuildError


def assigned_names(path):
    """The upper-case names a settings file assigns, with the line of each."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            for name in ast.walk(target) if target is not None else ():
                if isinstance(name, ast.Name) and name.id.isupper():
                    names[name.id] = node.lineno
    return names


def test_the_city_settings_fit_on_one_page():
    assert (EXAMPLE / "pelicanconf.py").read_text(encoding="utf-8").count("\n") <= 150


def test_the_city_settings_restate_no_default():
    # A name set to the value warta/settings/__init__.py already gives it is wiring copied by hand: it
    # would silently stop following the shared default.
    city = load_settings(EXAMPLE / "pelicanconf.py")
    restated = [name for name in assigned_names(EXAMPLE / "pelicanconf.py")
                if name in settings.DEFAULTS and city[name] == settings.DEFAULTS[name]]
    assert restated == []


def test_production_settings_hold_only_what_production_changes():
    development, production = load_settings(EXAMPLE / "pelicanconf.py"), load_settings("publishconf.py")
    names = assigned_names(ROOT / "publishconf.py")
    # WARTA_SETTINGS_FILE is the one name set to stay the same: findings point at the city's file.
    assert names and [n for n in names if production[n] == development.get(n)] == [
        "WARTA_SETTINGS_FILE"]
    assert production["PUBLISH_MINIFY"] and not production["WARTA_PREVIEW"]


def code_files():
    """Every Python file of the library, plugins, commands and e-PPID, and publishconf.py."""
    for folder in ("warta", "plugins", "eppid"):
        yield from sorted(path for path in (ROOT / folder).rglob("*.py")
                          if not {"__pycache__", "tests", "migrations"} & set(path.parts))
    yield ROOT / "publishconf.py"


def calls(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            yield node


def called_name(node):
    return getattr(node.func, "attr", None) or getattr(node.func, "id", None)


def shown(path, node=None):
    return path.relative_to(ROOT).as_posix() + (f":{node.lineno}" if node else "")


def test_no_module_keeps_a_default_table_of_its_own():
    holders = [shown(path) for path in code_files()
               if "DEFAULTS" in assigned_names(path) and path != ROOT / "warta" / "settings" / "__init__.py"]
    assert holders == []


def test_defaults_are_filled_once_when_the_settings_are_read():
    fillers = [shown(path, node) for path in code_files() for node in calls(path)
               if called_name(node) == "fill_defaults"
               and path != ROOT / "warta" / "settings" / "loader.py"]
    assert fillers == []


def test_no_code_restates_a_default_as_a_fallback():
    # settings.get("WARTA_LOCALE", "id") would silently keep "id" if the default changed; every
    # setting warta.settings or Pelican gives a value is read as settings["WARTA_LOCALE"].
    defaulted = set(settings.DEFAULTS) | set(pelican_settings.DEFAULT_CONFIG)
    fallbacks = [
        shown(path, node) for path in code_files() for node in calls(path)
        if called_name(node) == "get" and len(node.args) == 2
        and isinstance(node.args[0], ast.Constant) and node.args[0].value in defaulted
        and not (isinstance(node.args[1], ast.Constant) and node.args[1].value is None)
    ]
    assert fallbacks == []


def test_one_reader_runs_settings_files():
    # The build, publishconf.py and the e-PPID all read a city's file through
    # warta.settings.loader, so they see the same values.
    runners = [shown(path, node) for path in code_files() for node in calls(path)
               if called_name(node) in {"exec", "run_path", "get_settings_from_file"}
               and path != ROOT / "warta" / "settings" / "loader.py"]
    assert runners == []


def test_the_e_ppid_and_the_build_read_the_same_values():
    from eppid.permohonan.portal import KEYS, read_portal  # noqa: PLC0415 - Django only here

    built = load_settings(EXAMPLE / "pelicanconf.py")
    assert read_portal(str(EXAMPLE / "pelicanconf.py")) == {key: built.get(key) for key in KEYS}


def test_a_settings_file_without_the_wiring_still_gets_every_default(tmp_path):
    bare = tmp_path / "polos.py"
    bare.write_text('SITENAME = "Kabupaten Uji"\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    loaded = load_settings(bare)
    assert loaded["PATH"] == str(tmp_path / "content")  # beside the file, as Pelican resolves
    assert loaded["PPID_URL"] == "ppid/" and loaded["IMAGE_WIDTHS"] == [480, 800, 1200]
    assert loaded["WARTA_AUDIT_RECORD"] == settings.WARTA_AUDIT_RECORD
    loaded["IMAGE_WIDTHS"].append(1)
    assert settings.IMAGE_WIDTHS == [480, 800, 1200]  # each build gets its own copy


def test_a_settings_file_without_its_content_folder_is_one_plain_line(tmp_path):
    bare = tmp_path / "polos.py"
    bare.write_text('SITENAME = "Kabupaten Uji"\nPATH = "isi"\n', encoding="utf-8")
    with pytest.raises(BuildError) as error:
        load_settings(bare)
    assert str(error.value).startswith(f"{bare}:1: pengaturan-nilai: folder konten ")
    assert "isi tidak ada" in str(error.value)


@pytest.mark.parametrize(("text", "line"), [
    ('SITENAME = "Kota Uji"\nTIMEZONE = ZONA\n', 2),
    ('SITENAME = "Kota Uji\n', 1),
])
@pytest.mark.parametrize("command", [["build", "--output", "keluaran"], ["periksa"],
                                     ["periksa", "content/halaman/tentang.md"]])
def test_a_settings_file_that_does_not_run_is_one_plain_line(
        tmp_path, monkeypatch, capsys, text, line, command):
    broken = tmp_path / "pengaturan.py"
    broken.write_text(text, encoding="utf-8")
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["warta", *command, "--settings", str(broken)])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 1
    assert f"{broken}:{line}: pengaturan-rusak: " in err and "Traceback" not in err
    assert not (ROOT / "keluaran").exists()


def test_menu_entry_for_a_switched_off_section_names_its_settings_line(tmp_path):
    from warta.content.sections import menu as sections
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text('WARTA_MENU = [\n    ("Beranda", ""),\n    ("Video", "video/"),\n]\n')
    settings = {"WARTA_SECTIONS": ["services"], "VIDEO_URL": "video/",
                "WARTA_MENU": [("Beranda", ""), ("Video", "video/")],
                "WARTA_SETTINGS_FILE": str(settings_file)}
    (problem,) = sections.menu_problems(settings)
    assert problem.line == 3 and problem.rule == "menu-seksi"
    assert "WARTA_SECTIONS" in str(problem)


def test_menu_leaves_out_a_section_with_nothing_in_it_yet():
    from warta.content.sections import menu as sections
    settings = {"WARTA_SECTIONS": ["video", "magazines"], "VIDEO_URL": "video/",
                "MAGAZINE_URL": "majalah/",
                "WARTA_MENU": [("Beranda", ""), ("Video", "video/"), ("Majalah", "majalah/")]}
    assert sections.visible_menu(settings, {"video": 2, "magazines": 0}) == [
        ("Beranda", ""), ("Video", "video/")]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
                                  "data:text/html,<script>x</script>", "//contoh.invalid/",
                                  "vbscript:x", "https:\\\\contoh.invalid"])
def test_a_settings_link_that_is_not_a_web_mail_or_phone_address_names_its_line(tmp_path, link):
    from warta.content.sections import menu as sections
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text(f'WARTA_SOCIAL = [\n    ("Instagram", "@kota", {link!r}),\n]\n')
    settings = {"WARTA_SOCIAL": [("Instagram", "@kota", link)],
                "WARTA_SETTINGS_FILE": str(settings_file)}
    (problem,) = sections.link_problems(settings)
    assert problem.line == 2 and problem.rule == "pengaturan-tautan"


def test_web_mail_phone_and_portal_links_in_settings_pass():
    from warta.content.sections import menu as sections
    settings = {"WARTA_CONTACTS": [("Surel", "a@b.example", "mailto:a@b.example"),
                                   ("Telepon", "112", "tel:112")],
                "WARTA_SOCIAL": [("YouTube", "TV", "https://www.youtube.com/@kota")],
                "WARTA_MENU": [("Beranda", ""), ("Berita", "arsip/"), ("Kontak", "/kontak/")]}
    assert sections.link_problems(settings) == []


def test_what_a_build_changes_in_its_settings_never_reaches_the_next_build():
    # The city's file star-imports warta.settings; Pelican and the plugins fill MARKDOWN in
    # place during a build. Each read gets its own copy, or the next build in this process
    # (the preview's rebuilds, the tests) would start from the last one's leftovers.
    first = load_settings()
    first["MARKDOWN"]["extension_configs"]["warta.content.rewrite"]["uji"] = 1
    first["MARKDOWN"].setdefault("extensions", []).append("uji")
    second = load_settings()
    assert "uji" not in second["MARKDOWN"]["extension_configs"]["warta.content.rewrite"]
    assert "uji" not in second["MARKDOWN"].get("extensions", [])
    assert "uji" not in settings.MARKDOWN["extension_configs"]["warta.content.rewrite"]
