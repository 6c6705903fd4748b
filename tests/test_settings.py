"""A city's settings on one page: pelicanconf.py holds what a city edits, warta/settings.py the
wiring every city shares, and a settings file that does not run is one plain line."""

import ast
import sys

import pytest

from warta import EXAMPLE, ROOT, cli, settings
from warta.build import load_settings


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
    # A name set to the value warta/settings.py already gives it is wiring copied by hand: it
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


def test_no_plugin_keeps_defaults_of_its_own():
    holders = [path.relative_to(ROOT).as_posix() for path in (ROOT / "plugins").rglob("*.py")
               if "DEFAULTS" in assigned_names(path)]
    assert holders == []


def test_a_settings_file_without_the_wiring_still_gets_every_default(tmp_path):
    bare = tmp_path / "polos.py"
    bare.write_text('SITENAME = "Kabupaten Uji"\n', encoding="utf-8")
    loaded = load_settings(bare)
    assert loaded["PPID_URL"] == "ppid/" and loaded["IMAGE_WIDTHS"] == [480, 800, 1200]
    assert loaded["WARTA_AUDIT_RECORD"] == settings.WARTA_AUDIT_RECORD
    loaded["IMAGE_WIDTHS"].append(1)
    assert settings.IMAGE_WIDTHS == [480, 800, 1200]  # each build gets its own copy


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
    from warta import sections
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text('WARTA_MENU = [\n    ("Beranda", ""),\n    ("Video", "video/"),\n]\n')
    settings = {"WARTA_SECTIONS": ["services"], "VIDEO_URL": "video/",
                "WARTA_MENU": [("Beranda", ""), ("Video", "video/")],
                "WARTA_SETTINGS_FILE": str(settings_file)}
    (problem,) = sections.menu_problems(settings)
    assert problem.line == 3 and problem.rule == "menu-seksi"
    assert "WARTA_SECTIONS" in str(problem)


def test_menu_leaves_out_a_section_with_nothing_in_it_yet():
    from warta import sections
    settings = {"WARTA_SECTIONS": ["video", "magazines"], "VIDEO_URL": "video/",
                "MAGAZINE_URL": "majalah/",
                "WARTA_MENU": [("Beranda", ""), ("Video", "video/"), ("Majalah", "majalah/")]}
    assert sections.visible_menu(settings, {"video": 2, "magazines": 0}) == [
        ("Beranda", ""), ("Video", "video/")]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x",
                                  "data:text/html,<script>x</script>", "//contoh.invalid/",
                                  "vbscript:x", "https:\\\\contoh.invalid"])
def test_a_settings_link_that_is_not_a_web_mail_or_phone_address_names_its_line(tmp_path, link):
    from warta import sections
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text(f'WARTA_SOCIAL = [\n    ("Instagram", "@kota", {link!r}),\n]\n')
    settings = {"WARTA_SOCIAL": [("Instagram", "@kota", link)],
                "WARTA_SETTINGS_FILE": str(settings_file)}
    (problem,) = sections.link_problems(settings)
    assert problem.line == 2 and problem.rule == "pengaturan-tautan"


def test_web_mail_phone_and_portal_links_in_settings_pass():
    from warta import sections
    settings = {"WARTA_CONTACTS": [("Surel", "a@b.example", "mailto:a@b.example"),
                                   ("Telepon", "112", "tel:112")],
                "WARTA_SOCIAL": [("YouTube", "TV", "https://www.youtube.com/@kota")],
                "WARTA_MENU": [("Beranda", ""), ("Berita", "arsip/"), ("Kontak", "/kontak/")]}
    assert sections.link_problems(settings) == []
