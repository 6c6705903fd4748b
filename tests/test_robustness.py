"""Robustness under any input: odd content ends in a clean build or clean errors,
never a Python traceback. Table-driven for the known troublemakers, property-based for the rest."""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta import ROOT
from warta.commands.build import BuildError, build, load_settings
from warta.content.lint import RULES, lint_file

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"
# A clean error is one finding per line: `path:line: rule-id: message (fix)` with a known rule.
CLEAN_ERROR = re.compile(r"^(?P<path>\S.*?):(?P<line>\d+): (?P<rule>[a-z0-9-]+): \S.* \(.+\)$")

HEADER = (
    "Title: Pasar murah di Kecamatan Sukamaju\nDate: 2024-05-02 10:00\nCategory: Diskominfo\n"
    "Slug: pasar-murah-sukamaju\nSummary: Pemkot Contoh membuka pasar murah.\n"
)


def article(header=HEADER, body="Warga dapat membeli beras dengan harga terjangkau.\n", **fields):
    for key, value in fields.items():
        header = re.sub(rf"^{key}: .*\n", "", header, flags=re.MULTILINE) + f"{key}: {value}\n"
    return header + "\n" + body


def assert_clean(content, output, expect_rule=None):
    """Build ``content``: success, or a BuildError whose every line is a clean finding."""
    try:
        build(output, content=content)
    except BuildError as error:
        lines = str(error).splitlines()
        assert lines[0].startswith("Build gagal; output lama tidak diubah.")
        for line in lines[1:]:
            match = CLEAN_ERROR.match(line.strip())
            assert match and match["rule"] in RULES, f"not a clean error: {line!r}"
        rules = {CLEAN_ERROR.match(line.strip())["rule"] for line in lines[1:]}
        assert expect_rule is None or expect_rule in rules, rules
        return rules
    assert expect_rule is None, f"expected {expect_rule}, but the build succeeded"
    return set()


TABLE = {
    # name: ({relative path: text or bytes}, rule expected, or None for a clean build)
    "latin-1": ({"berita/a.md": article().replace("murah", "muráh").encode("latin-1")}, "berkas-teks"),
    "utf-16": ({"berita/a.md": article().encode("utf-16")}, "berkas-teks"),
    "utf-8 with BOM": ({"berita/a.md": b"\xef\xbb\xbf" + article().encode()}, None),
    "windows line endings": ({"berita/a.md": article().replace("\n", "\r\n").encode()}, None),
    "empty": ({"berita/a.md": b""}, "berkas-teks"),
    "only whitespace": ({"berita/a.md": b" \n\t\n"}, "berkas-teks"),
    "png named .md": ({"berita/a.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "berkas-teks"),
    "control characters": ({"berita/a.md": article(body="Teks\x0bdari Word.\n")}, "berkas-teks"),
    "a photo among the articles": ({"berita/foto.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF"}, None),
    "a pdf among the pages": ({"halaman/laporan.pdf": b"%PDF-1.4\n%%EOF"}, None),
    "html article": ({"berita/a.html": "<html><body>Isi</body></html>"}, "berkas-jenis"),
    "rst page": ({"halaman/a.rst": "Judul\n=====\n\nIsi.\n"}, "berkas-jenis"),
    "header only, no body": ({"berita/a.md": HEADER}, None),
    "body only, no header": ({"berita/a.md": "Hanya isi tanpa metadata.\n"}, "metadata-wajib"),
    "yaml front matter": ({"berita/a.md": "---\n" + HEADER + "---\n\nIsi.\n"}, None),
    "date as a boolean": ({"berita/a.md": article(Date="true")}, "metadata-tanggal"),
    "date with a time zone": ({"berita/a.md": article(Date="2024-05-02T10:00:00+07:00")}, "metadata-tanggal"),
    "year 9999": ({"berita/a.md": article(Date="9999-12-31 23:59")}, "metadata-tanggal"),
    "title as a list": ({"berita/a.md": article(Title="[1, 2, {'a': None}]")}, None),
    "title twice": ({"berita/a.md": article(header=HEADER + "Title: Judul kedua\n")}, "metadata-nilai"),
    "title continued on the next line": (
        {"berita/a.md": article(header=HEADER.replace("Sukamaju\n", "Sukamaju\n    lanjutan judul\n", 1))},
        "metadata-nilai"),
    "numeric tags": ({"berita/a.md": article(Tags="1, 2, 3.5")}, None),
    "status is a number": ({"berita/a.md": article(Status="42")}, "metadata-nilai"),
    "slug escapes the site": ({"berita/a.md": article(Slug="../../../etc")}, "metadata-nilai"),
    "save_as escapes the site": ({"berita/a.md": article(Save_as="../../x.html")}, "metadata-nilai"),
    "url is javascript": ({"berita/a.md": article(Url="javascript:alert(1)")}, "metadata-nilai"),
    "template from elsewhere": ({"berita/a.md": article(Template="../../../etc/passwd")}, "metadata-nilai"),
    "english article": ({"berita/a.md": article(Lang="en")}, "metadata-nilai"),
    "empty category": ({"berita/a.md": article(Category="")}, "metadata-wajib"),
    "cover outside content": ({"berita/a.md": article(Cover="../../../etc/passwd", Cover_alt="Lambang")}, "gambar-berkas"),
    "cover alt breaking the attribute": (
        {"berita/a.md": article(Cover="images/logo-kota-contoh.svg", Cover_alt='Lambang" onerror="alert(1)')}, None),
    "script in the summary": ({"berita/a.md": article(Summary="Pasar <script>alert(1)</script>")}, "html-script"),
    "very long title": ({"berita/a.md": article(Title="Pasar murah " * 1000)}, "judul-panjang"),
    "emoji and right-to-left title": (
        {"berita/a.md": article(Title="🎉 Pasar murah Ramadan رمضان كريم 🕌", Tags="ramadan, 🎉")}, None),
    "right-to-left body, marked": (
        {"berita/a.md": article(body='<p lang="ar" dir="rtl">رمضان كريم</p>\n\nSelamat berpuasa 🌙.\n')}, None),
    "thousands of tags": ({"berita/a.md": article(Tags=", ".join(f"topik {n}" for n in range(5000)))},
                          "metadata-tag-banyak"),
    "deeply nested quotes": ({"berita/a.md": article(body="> " * 300 + "kutipan\n")}, None),
    "deeply nested lists": ({"berita/a.md": article(body="".join("  " * n + "- butir\n" for n in range(200)))}, None),
    "a very long line": ({"berita/a.md": article(body="kata " * 100_000 + "\n")}, None),
}


@pytest.mark.build
@pytest.mark.parametrize("name", list(TABLE))
def test_odd_content_builds_cleanly_or_fails_cleanly(name, content_dir, tmp_path):
    files, expect_rule = TABLE[name]
    for relative, data in files.items():
        path = content_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    assert_clean(content_dir, tmp_path / "output", expect_rule)


@pytest.mark.build
def test_odd_content_on_the_command_line_shows_no_traceback(content_dir, tmp_path):
    (content_dir / "berita" / "a.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (content_dir / "berita" / "b.md").write_text(article(Status="42", Slug="../x"), encoding="utf-8")
    for command in (["build", "--output", str(tmp_path / "out")], ["periksa"]):
        run = subprocess.run([sys.executable, "-m", "warta", *command, "--content", str(content_dir)],
                             cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert run.returncode == 1
        assert "Traceback" not in run.stdout + run.stderr
        assert "a.md:1: berkas-teks:" in run.stderr and "b.md:" in run.stderr


# --- Property-based: any header, any body ----------------------------------------------------------

KEYS = ["Title", "Date", "Category", "Tags", "Slug", "Summary", "Status", "Author", "Lang",
        "Template", "Save_as", "Url", "Cover", "Cover_alt", "Modified", "Kategori", "Nomor"]
# Any Unicode a text editor can save (surrogates cannot be encoded), with a bias to the odd.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
ODD_TEXT = st.one_of(
    ANY_TEXT,
    st.sampled_from(["", " ", "true", "null", "[1, 2]", "{a: b}", "2024-02-30", "2024-05-02 10:00",
                     "Diskominfo", "draft", "../..", "<script>x</script>", "🎉" * 40, "رمضان كريم",
                     "a, b;c,,", "x" * 500, "[[isi]]", "\u202eterbalik", "images/logo-kota-contoh.svg"]),
)
SNIPPETS = st.sampled_from([
    "# H1", "## H2", "#### H4", "##", "![](/images/x.png)", "![foto](a.jpg){: .dekoratif }",
    "[di sini](http://a.example)", "[](x)", "<https://a.example>", "[Unduh](/a.pdf)",
    "| a | b |\n|---|---|\n| 1 | 2 |", "| | |\n|-|-|\n|1|2|", "<table><tr><td>1</td></tr></table>",
    "<script>alert(1)</script>", "<iframe src=x></iframe>", '<b onclick="x">t</b>',
    '<span style="color:red">m</span>', "*kata*{: lang=xx }", "{: lang=en }", "```\n# kode\n```",
    "> kutipan", "- butir\n    - anak", "1. satu", "    kode", "<!-- komentar -->", "<div>", "</div>",
    "[[templat]]", "&amp; &#0; &#xD800;", "\\", "`", "***", "---", "===", "{:", "[a][b]\n\n[b]: <>",
    "[t]({filename}/../../etc/passwd)", "![a]({static}/tidak-ada.png)", "<img>", "<a href='javascript:x'>j</a>",
    "The city and the people of the town are in the market for the week.", "بسم الله",
])
BODY = st.lists(st.one_of(SNIPPETS, ANY_TEXT), max_size=12).map("\n\n".join)
HEADERS = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)),
                          ODD_TEXT, max_size=10)


def render(header, body):
    return "".join(f"{key}: {value}\n" for key, value in header.items()) + "\n" + body


@pytest.fixture(scope="module")
def scratch():
    """One copy of the small test content for the property tests (hypothesis reruns the body)."""
    folder = Path(tempfile.mkdtemp(prefix="warta-robust-"))
    shutil.copytree(TEST_CONTENT, folder / "content")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=300, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(header=HEADERS, body=BODY, raw=st.one_of(st.none(), st.binary(max_size=200)))
def test_the_checks_never_crash_on_any_file(scratch, header, body, raw):
    path = scratch / "content" / "berita" / "acak.md"
    data = raw if raw is not None else render(header, body).encode("utf-8")
    path.write_bytes(data)
    conf = load_settings(PATH=str(scratch / "content"))
    lines = data.count(b"\n") + 1
    for finding in lint_file(path, conf):
        assert finding.rule in RULES
        assert 1 <= finding.line <= lines + 1, str(finding)
        assert finding.message and finding.fix


@pytest.mark.build
@settings(max_examples=25, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(header=HEADERS, body=BODY)
def test_any_article_builds_cleanly_or_fails_cleanly(scratch, header, body):
    path = scratch / "content" / "berita" / "acak.md"
    path.write_bytes(render(header, body).encode("utf-8"))
    assert_clean(scratch / "content", scratch / "output")
