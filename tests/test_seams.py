"""Trust at the seams: content HTML is made safe at the last step, and every path an editor
writes stays inside content/.

One resolver (warta.content.paths) decides every local path; one last step (warta.content.links) writes
Pelican's intrasite links escaped and sanitizes again. Each hostile table has a benign twin, so
a harness that refuses everything cannot pass.
"""

import hashlib
import shutil
from pathlib import Path

import markdown
import pytest

from warta.commands.build import BuildError, build, load_settings
from warta.content import links, paths, rewrite
from warta.content.errors import ContentError
from warta.content.sanitize import Sanitizer

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"


# --- One resolver -------------------------------------------------------------------------------
@pytest.fixture
def tree(tmp_path):
    """content/ beside a decoy folder, with a symbolic link inside content/ that leads out."""
    root = tmp_path / "portal"
    content = root / "content"
    (content / "berita").mkdir(parents=True)
    (content / "images").mkdir()
    (content / "images" / "peta kota.png").write_bytes(b"png")
    (content / "berita" / "a.md").write_text("Title: a\n", encoding="utf-8")
    (root / "rahasia").mkdir()
    (root / "rahasia" / "kunci.txt").write_text("rahasia", encoding="utf-8")
    (content / "images" / "pintas").symlink_to(root / "rahasia", target_is_directory=True)
    return content


LEAVING = [
    "{static}/../rahasia/kunci.txt",
    "{attach}../../rahasia/kunci.txt",
    "{static}%2E%2E/%2e%2e/rahasia/kunci.txt",
    "{filename}/images/..%2f..%2frahasia%2fkunci.txt",
    "{static}/images/%252e%252e/%252e%252e/rahasia/kunci.txt",
    "{static}/images\\..\\..\\rahasia\\kunci.txt",
    "/images/../../rahasia/kunci.txt",
    "{static}/images/pintas/kunci.txt",
    "{static}/images/peta\x00.png",
    "{static}/images/peta\u202e.png",
    "{Static}/images/peta kota.png",
    "{static}https://contoh.invalid/x.png",
]
STAYING = [
    ("{static}/images/peta kota.png", "images/peta kota.png"),
    ("{static}/images/peta%20kota.png?v=2#atas", "images/peta kota.png"),
    ("{static}../images/peta kota.png", "images/peta kota.png"),
    ("{filename}a.md", "berita/a.md"),
    ("|static|/images/x/../peta kota.png", "images/peta kota.png"),
    ("/images/peta kota.png", "images/peta kota.png"),
]
NOT_FILES = ["https://contoh.invalid/../../x", "mailto:humas@pemda.example", "#bagian-2",
             "../halaman-lain/", "{tag}pasar murah", "{ppid}dip/", "//cdn.contoh.invalid/x.js"]


@pytest.mark.parametrize("value", LEAVING)
def test_a_path_that_leaves_content_is_refused_however_it_is_written(value, tree):
    with pytest.raises(paths.Refused) as refused:
        paths.resolve(value, tree / "berita" / "a.md", tree)
    assert refused.value.rule in ("jalur-keluar", "tautan-rusak")
    assert refused.value.fix


@pytest.mark.parametrize("value, expected", STAYING)
def test_a_path_inside_content_resolves_to_its_file(value, expected, tree):
    assert paths.resolve(value, tree / "berita" / "a.md", tree).path == expected


@pytest.mark.parametrize("value", NOT_FILES)
def test_addresses_that_name_no_file_of_ours_are_left_to_the_browser(value, tree):
    assert paths.resolve(value, tree / "berita" / "a.md", tree) is None


def test_a_malformed_srcset_is_refused_and_a_written_one_is_read():
    assert paths.srcset_candidates("/a-480w.webp 480w, /a.webp 800w") == [
        ("/a-480w.webp", "480w"), ("/a.webp", "800w")]
    for bad in ("/a.webp", "/a.webp lebar", "/a.webp 99999999w", "/a.webp 2x", "/a.webp 0w"):
        with pytest.raises(paths.Refused):
            paths.srcset_candidates(bad)


# --- The wall behind the content check: Markdown as Pelican reads it ----------------------------
def _read(body, content):
    settings = load_settings(PATH=str(content))
    config = settings["MARKDOWN"]
    source = content / "berita" / "a.md"
    source.write_text("Title: a\n\n" + body, encoding="utf-8")

    def read(path):
        return markdown.Markdown(extensions=list(config["extension_configs"]),
                                 extension_configs=config["extension_configs"],
                                 output_format="html5").convert(body)

    return rewrite.reading(read, settings)(str(source))


WALL_CASES = [
    ('<a href="{static}/../rahasia/kunci.txt">Kunci</a>\n', "jalur-keluar"),
    ('<p>Lihat <img src="/images/%2e%2e/%2e%2e/rahasia/x.png" alt="Peta"> di sini.</p>\n',
     "jalur-keluar"),
    ('![Peta](/images/peta.png){: srcset="/x/NAMA.webp 40w" }\n', "gambar-srcset"),
    ('<img src="/images/peta.png" sizes="10vw" alt="Peta">\n', "gambar-srcset"),
    ('[Kunci]({attach}../../rahasia/kunci.txt)\n', "jalur-keluar"),
    ('<video poster="{static}/../../rahasia/x.png"></video>\n', "jalur-keluar"),
]


@pytest.mark.parametrize("body, rule", WALL_CASES, ids=[r for _, r in WALL_CASES])
def test_the_reader_refuses_what_the_content_check_would_have_explained(body, rule, tree):
    with pytest.raises(ContentError) as error:
        _read(body, tree)
    assert f": {rule}: " in str(error.value)
    assert "berita/a.md:" in str(error.value)


def test_the_reader_passes_the_same_shapes_inside_content(tree):
    html = _read('<a href="{static}/images/peta kota.png">Peta (PNG, 3 bita)</a>\n\n'
                 '![Peta](/images/peta%20kota.png)\n', tree)
    assert "{static}/images/peta kota.png" in html


# --- Links written escaped, then the sanitizer, last --------------------------------------------
class _Linked:
    def __init__(self, url):
        self.url = url


class _Content:
    """The parts of a Pelican content object the link step reads."""

    def __init__(self, content, files):
        self.settings = {"PATH": str(content), "RELATIVE_URLS": False, "INDEX_SAVE_AS": "index.html"}
        self.source_path = str(content / "berita" / "a.md")
        self._context = {"static_content": {name: _Linked(name) for name in files},
                         "generated_content": {}}


FILE_NAMES = ['images/a&b.png', 'images/c"d.png', "images/e<f>.png", "images/g'h#i?.png"]


@pytest.mark.parametrize("name", FILE_NAMES)
def test_a_linked_file_name_stays_a_name_in_the_written_html(name, tree):
    sanitizer = Sanitizer()
    written = (tree / name)
    written.write_bytes(b"png")
    from html import escape

    written_name = name.replace("#", "%23").replace("?", "%3F")
    payload = escape(f'{{static}}/{written_name}?v="><meta http-equiv="refresh" content="0;url=/x/">',
                     quote=True)
    html = sanitizer.clean(f'<p><a href="{payload}">Peta</a></p>')
    out = links.Replacer(_Content(tree, [name]), "").run(html)
    final = links.final(_Content(tree, [name]), sanitizer, out)
    assert final == out
    tags = [(tag, dict(attributes)) for _, tag, attributes in links.start_tags(final)]
    assert [tag for tag, _ in tags] == ["p", "a"]
    href = tags[1][1]["href"]
    assert href.startswith("/images/") and href.endswith('?v="><meta http-equiv="refresh" content="0;url=/x/">')
    assert all(c not in href.split("?")[0] for c in "\"<>#")


def test_the_last_step_stops_the_build_rather_than_drop_what_a_step_wrote(tree):
    content = _Content(tree, [])
    with pytest.raises(ContentError) as error:
        links.final(content, Sanitizer(), '<p>x</p><meta http-equiv="refresh" content="0">')
    assert ": html-tidak-diizinkan: " in str(error.value)
    assert links.final(content, Sanitizer(), "<p>x</p>") == "<p>x</p>"


def test_static_links_refuse_a_path_out_of_content(tree):
    content = _Content(tree, [])
    assert links.static_links(content, '<img src="{static}/images/peta kota.png" alt="">') \
        == {"images/peta kota.png"}
    with pytest.raises(ContentError):
        links.static_links(content, '<a href="{static}/../rahasia/kunci.txt">x</a>')


# --- A whole build: nothing read from, or written to, outside its folders -----------------------
def _digest(folder):
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


ESCAPING_BODIES = [
    '<p><a href="{static}/../../umpan/rahasia.txt">Data warga (TXT, 1 KB)</a></p>\n',
    '<p><img src="/../../umpan/umpan.png" srcset="/umpan/NAMA.webp 40w" alt="Peta kota"></p>\n',
    '[Data warga (TXT, 1 KB)]({attach}%2e%2e/%2e%2e/%2e%2e/umpan/rahasia.txt)\n',
]


@pytest.fixture
def decoyed(tmp_path):
    """The test content under a folder whose parent holds decoy files."""
    content = tmp_path / "situs" / "content"
    shutil.copytree(TEST_CONTENT, content)
    decoys = tmp_path / "umpan"
    decoys.mkdir()
    (decoys / "rahasia.txt").write_text("RAHASIA-UMPAN", encoding="utf-8")
    shutil.copy(TEST_CONTENT / "images" / "logo-kota-contoh.svg", decoys / "umpan.svg")
    from PIL import Image

    Image.new("RGB", (64, 48), "teal").save(decoys / "umpan.png")
    return tmp_path, content


def _article(body):
    return ("Title: Data penerima bantuan\nDate: 2024-05-02 10:00\nCategory: Diskominfo\n"
            "Slug: data-penerima\nSummary: Data penerima bantuan tahun ini.\n\nParagraf.\n\n"
            + body)


@pytest.mark.build
def test_a_hostile_build_reads_and_writes_nothing_outside_its_folders(decoyed):
    root, content = decoyed
    output = root / "situs" / "output"
    before = _digest(root / "umpan")
    for number, body in enumerate(ESCAPING_BODIES):
        (content / "berita" / f"2024-05-0{number + 2}-data.md").write_text(
            _article(body).replace("data-penerima", f"data-penerima-{number}"), encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build(output, content=content, SEARCH_INDEX=False)
    message = str(error.value)
    assert message.count(": jalur-keluar: ") >= 3, message
    assert "Traceback" not in message
    assert not output.exists()
    assert _digest(root / "umpan") == before
    found = [p for p in root.rglob("*") if p.name in ("rahasia.txt", "NAMA.webp")
             or ("RAHASIA-UMPAN" in p.read_text(errors="ignore") if p.is_file() else False)]
    assert found == [root / "umpan" / "rahasia.txt"]


@pytest.mark.build
def test_the_benign_twin_builds_and_publishes_its_file(decoyed):
    root, content = decoyed
    (content / "attachments").mkdir()
    (content / "attachments" / "data warga.txt").write_text("data", encoding="utf-8")
    (content / "berita" / "2024-05-02-data.md").write_text(_article(
        '<p><a href="{static}/attachments/data warga.txt">Data warga (TXT, 4 bita)</a></p>\n'),
        encoding="utf-8")
    output = root / "situs" / "output"
    build(output, content=content, SEARCH_INDEX=False, WARTA_ALLOWED_FILES={"attachments": ("txt",)})
    assert (output / "attachments" / "data warga.txt").read_text() == "data"
    page = next(output.rglob("data-penerima/index.html")).read_text(encoding="utf-8")
    assert 'href="/attachments/data%20warga.txt"' in page


# --- The importer copies nothing from outside its uploads folder --------------------------------
@pytest.mark.parametrize("address", [
    "https://lama.example/wp-content/uploads/../../rahasia/kunci.png",
    "https://lama.example/wp-content/uploads/2020/%2e%2e/%2e%2e/%2e%2e/rahasia/kunci.png",
    "https://lama.example/wp-content/uploads/pintas/kunci.png",
    "https://lama.example/wp-content/uploads/2020\\..\\..\\rahasia\\kunci.png",
])
def test_an_imported_image_outside_the_uploads_folder_is_not_copied(address, tmp_path):
    from warta.commands.importer.convert import Converted, Images

    uploads, secret = tmp_path / "unggahan", tmp_path / "rahasia"
    (uploads / "2020").mkdir(parents=True)
    secret.mkdir()
    (secret / "kunci.png").write_bytes(b"png")
    (uploads / "pintas").symlink_to(secret, target_is_directory=True)
    result = Converted("")
    markdown_text = Images(None, uploads, result).place(address, "Peta lokasi kantor")
    assert result.copies == {} and result.uploads_used == {}
    assert "kunci.png" not in markdown_text or "tidak disalin" in " ".join(map(str, result.notes))


def test_an_imported_image_inside_the_uploads_folder_is_copied(tmp_path):
    from warta.commands.importer.convert import Converted, Images

    uploads = tmp_path / "unggahan"
    (uploads / "2020").mkdir(parents=True)
    (uploads / "2020" / "peta.png").write_bytes(b"png")
    result = Converted("")
    Images(None, uploads, result).place("https://lama.example/wp-content/uploads/2020/peta.png",
                                        "Peta lokasi kantor")
    assert list(result.copies.values()) == [(uploads / "2020" / "peta.png").resolve()]
