"""The content tree before Pelican reads it, PDFs and section files: what an editor can commit
that must never be published, and the plain `path:line: rule-id: message (fix)` they get back.

Hostile files run through warta.content.files.check_content, one table; a handful of whole
builds check that the build uses it and that the sections' errors read like the linter's.
"""

import ast
import logging
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import warnings

import pytest
from helpers import HANG_GUARD
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from warta import EXAMPLE, ROOT
from warta.commands.build import BuildError, build
from warta.content.files import check_content
from warta.content.lint import RULES
from warta.content.pdf import UnreadablePdf, check_pdf, check_pdf_safety
from warta.settings import fill_defaults

CLEAN = re.compile(r"^(?P<path>\S.*?):(?P<line>\d+): (?P<rule>[a-z0-9-]+): \S.* \(.+\)$")
SAMPLE_PDF = EXAMPLE / "content/ppid/lampiran/laporan-keuangan-diskominfo-2025.pdf"
SAFE_SVG = (EXAMPLE / "content/images/logo-kota-contoh.svg").read_text(encoding="utf-8")


def svg(inside, root='<svg xmlns="http://www.w3.org/2000/svg" '
                     'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'):
    return f"{root}{inside}</svg>"


def pdf(change=None):
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    if change:
        change(writer)
    return writer


def open_action(action):
    def change(writer):
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(DictionaryObject(
            {NameObject(k): (NameObject(v) if v.startswith("/") else TextStringObject(v))
             for k, v in action.items()}))
    return change


def page_action(writer):
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): DictionaryObject({NameObject("/S"): NameObject("/GoTo")})})


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, PdfWriter):
        with open(path, "wb") as handle:
            data.write(handle)
    elif isinstance(data, int):
        with open(path, "wb") as handle:
            handle.truncate(data)  # sparse: instant, whatever the size
    elif isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def link(target):
    """A symbolic link to ``target`` ({tmp}: the test's folder outside content/)."""
    return ("link", target)


# name: (path under content/, what to put there, rule expected)
HOSTILE = {
    "link to /etc/passwd": ("images/passwd.txt", link("/etc/passwd"), "tautan-simbolik-luar"),
    "link to a folder outside": ("images/ssh", link("{tmp}/luar"), "tautan-simbolik-luar"),
    "linked article outside the repo": ("berita/bocor.md", link("{tmp}/luar/artikel.md"),
                                        "tautan-simbolik-luar"),
    "linked article inside content": ("berita/salinan.md", link("../halaman/asli.md"),
                                      "tautan-simbolik-tulisan"),
    "link to nothing": ("images/hilang.webp", link("{tmp}/tidak-ada.webp"), "tautan-simbolik-luar"),
    "link that loops": ("images/putar.webp", link("putar.webp"), "tautan-simbolik-luar"),
    "script among the images": ("images/app.js", "alert(1)", "berkas-tidak-diizinkan"),
    "page among the images": ("images/index.html", "<script>alert(1)</script>",
                              "berkas-tidak-diizinkan"),
    "style sheet among attachments": ("attachments/gaya.css", "body{}", "berkas-tidak-diizinkan"),
    "program among attachments": ("attachments/setup.exe", b"MZ", "berkas-tidak-diizinkan"),
    "markdown among the images": ("images/catatan.md", "Title: x\n", "berkas-tidak-diizinkan"),
    "no extension": ("attachments/README", "isi", "berkas-tidak-diizinkan"),
    "dotenv": (".env", "SECRET=1", "berkas-tidak-diizinkan"),
    "git folder": (".git/config", "[core]", "berkas-tidak-diizinkan"),
    "hidden file among images": ("images/.htaccess", "Options +Indexes", "berkas-tidak-diizinkan"),
    "editor backup ~": ("berita/pasar.md~", "Title: x\n", "berkas-tidak-diizinkan"),
    "vim swap": ("berita/pasar.md.swp", b"b0VIM", "berkas-tidak-diizinkan"),
    "bak copy": ("images/logo.svg.bak", SAFE_SVG, "berkas-tidak-diizinkan"),
    "merge leftover": ("halaman/tentang.md.orig", "Title: x\n", "berkas-tidak-diizinkan"),
    "emacs autosave": ("berita/#pasar.md#", "Title: x\n", "berkas-tidak-diizinkan"),
    "named pipe": ("images/pipa.webp", "fifo", "berkas-tidak-diizinkan"),
    "html article": ("berita/pasar.html", "<p>Isi</p>", "berkas-jenis"),
    "20 MB article": ("berita/besar.md", 20 * 1024**2, "berkas-terlalu-besar"),
    "200 MB PDF": ("attachments/besar.pdf", 200 * 1024**2, "berkas-terlalu-besar"),
    "svg script": ("images/a.svg", svg("<script>alert(1)</script>"), "svg-tidak-aman"),
    "svg onload": ("images/a.svg", svg('<rect onload="alert(1)"/>'), "svg-tidak-aman"),
    "svg foreignObject": ("images/a.svg", svg("<foreignObject><p>x</p></foreignObject>"),
                          "svg-tidak-aman"),
    "svg javascript link": ("images/a.svg", svg('<a href="javascript:alert(1)"><rect/></a>'),
                            "svg-tidak-aman"),
    "svg data image": ("images/a.svg", svg('<image xlink:href="data:image/svg+xml;base64,AA"/>'),
                       "svg-tidak-aman"),
    "svg external image": ("images/a.svg", svg('<image href="https://contoh.example/x.png"/>'),
                           "svg-tidak-aman"),
    "svg external use": ("images/a.svg", svg('<use href="lain.svg#ikon"/>'), "svg-tidak-aman"),
    "svg css import": ("images/a.svg", svg("<style>@import url(https://contoh.example/a.css);"
                                           "</style>"), "svg-tidak-aman"),
    "svg url in fill": ("images/a.svg", svg('<rect fill="url(https://contoh.example/#g)"/>'),
                        "svg-tidak-aman"),
    "svg animation": ("images/a.svg", svg('<a href="#x"><set attributeName="href" '
                                          'to="javascript:alert(1)"/></a>'), "svg-tidak-aman"),
    "svg entities": ("images/a.svg", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
                     + svg("<text>&a;</text>"), "svg-tidak-aman"),
    "svg style sheet": ("images/a.svg", '<?xml-stylesheet href="https://contoh.example/a.css"?>'
                        + svg("<rect/>"), "svg-tidak-aman"),
    "svg that is html": ("images/a.svg", '<html xmlns="http://www.w3.org/1999/xhtml"/>',
                         "svg-tidak-aman"),
    "svg that is not xml": ("images/a.svg", "<svg><rect></svg>", "svg-tidak-aman"),
    "pdf open action script": ("attachments/a.pdf",
                               pdf(open_action({"/S": "/JavaScript", "/JS": "app.alert(1)"})),
                               "pdf-javascript"),
    "pdf launch": ("attachments/a.pdf", pdf(open_action({"/S": "/Launch", "/F": "calc.exe"})),
                   "pdf-javascript"),
    "pdf page action": ("majalah/berkas/a.pdf", pdf(page_action), "pdf-javascript"),
    "pdf encrypted": ("ppid/lampiran/a.pdf", pdf(lambda w: w.encrypt("rahasia")),
                      "pdf-terenkripsi"),
    "pdf that is not one": ("attachments/a.pdf", b"%PDF-1.4\nbukan pdf", "pdf-rusak"),
}


def make(content, tmp, relative, data):
    path = content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, tuple):
        (tmp / "luar").mkdir(exist_ok=True)
        (tmp / "luar" / "artikel.md").write_text("Title: Rahasia\n\nIsi.\n", encoding="utf-8")
        (content / "halaman").mkdir(exist_ok=True)
        (content / "halaman" / "asli.md").write_text("Title: Asli\n\nIsi.\n", encoding="utf-8")
        os.symlink(data[1].format(tmp=tmp), path)
    elif data == "fifo":
        os.mkfifo(path)
    else:
        write(path, data)
    return path


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_files_are_refused_naming_the_file(name, tmp_path):
    relative, data, rule = HOSTILE[name]
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    started = time.monotonic()
    make(content, tmp_path, relative, data)
    findings = check_content(fill_defaults({"PATH": str(content)}))
    assert [f.rule for f in findings] == [rule], [str(f) for f in findings]
    text = str(findings[0])
    assert CLEAN.match(text) and findings[0].rule in RULES, text
    first = relative.split("/")[0] if relative.startswith(".git") else relative
    assert text.startswith(str(content / first) + ":1: "), text  # names the link, not its target
    assert "/etc/passwd:" not in text.split(": ")[0]
    assert time.monotonic() - started < 5, "sparse and hostile files are refused quickly"


def test_allowed_files_pass_and_links_inside_content_are_followed(tmp_path):
    content = tmp_path / "content"
    files = {
        "berita/a.md": "Title: a\n", "berita/foto.jpg": b"\xff\xd8\xff", "halaman/b.pdf": pdf(),
        "images/logo.svg": SAFE_SVG,
        "images/ikon.svg": svg('<defs><linearGradient id="g"/></defs>'
                               '<rect fill="url(#g)"/><use href="#g"/><title>Ikon</title>'),
        "images/berita/foto.webp": b"RIFF", "images/peta.png": b"\x89PNG",
        "attachments/data.csv": "a,b\n", "attachments/data.json": "{}",
        "attachments/laporan.pdf": SAMPLE_PDF.read_bytes(),
        "ppid/lampiran/tabel.xlsx": b"PK", "ppid/dokumen/d.md": "Title: d\n",
        "video/berkas/v.mp4": b"\0", "video/berkas/v.id.vtt": "WEBVTT\n", "video/v.md": "x",
        "majalah/berkas/e.pdf": pdf(), "majalah/berkas/e.webp": b"RIFF",
    }
    for relative, data in files.items():
        write(content / relative, data)
    os.symlink("../images/peta.png", content / "berita/peta.png")
    os.symlink("../images/berita", content / "halaman/foto")
    assert [str(f) for f in check_content(fill_defaults({"PATH": str(content)}))] == []


def test_allowlists_and_limits_come_from_settings(tmp_path):
    content = tmp_path / "content"
    write(content / "unduhan/panduan.txt", "isi")
    write(content / "ppid/lampiran/paparan.pptx", b"PK")
    write(content / "berita/a.md", "x" * 2000)
    settings = fill_defaults({"PATH": str(content)})
    assert sorted(f.rule for f in check_content(settings)) == ["berkas-tidak-diizinkan"] * 2
    settings.update(WARTA_ALLOWED_FILES={"unduhan": [".TXT"]}, WARTA_MAX_MARKDOWN_BYTES=1000,
                    PPID_ATTACHMENT_FORMATS={"pptx": "PPTX"})
    [finding] = check_content(settings)
    assert finding.rule == "berkas-terlalu-besar" and "WARTA_MAX_MARKDOWN_BYTES" in finding.fix


@pytest.mark.build
def test_a_refused_tree_fails_the_build_before_pelican_with_output_untouched(content_dir,
                                                                             tmp_path):
    output = tmp_path / "output"
    build(output, content=content_dir)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    make(content_dir, tmp_path, "images/passwd.txt", link("/etc/passwd"))
    make(content_dir, tmp_path, "berita/bocor.md", link("{tmp}/luar/artikel.md"))
    make(content_dir, tmp_path, "images/app.js", "alert(1)")
    with pytest.raises(BuildError) as error:
        build(output, content=content_dir)
    lines = [line.strip() for line in str(error.value).splitlines()[1:]]
    assert [CLEAN.match(line)["rule"] for line in lines] == [
        "tautan-simbolik-luar", "berkas-tidak-diizinkan", "tautan-simbolik-luar"], lines
    assert lines[0].startswith(f"{content_dir}/berita/bocor.md:1: tautan-simbolik-luar: ")
    assert "Title" not in str(error.value)  # the misleading message of a followed link
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_pdf_problems_are_one_finding_and_pypdf_stays_quiet(tmp_path, caplog, capfd):
    truncated = tmp_path / "terpotong.pdf"
    truncated.write_bytes(SAMPLE_PDF.read_bytes()[:-400])  # no xref: pypdf warns as it recovers
    garbage = tmp_path / "sampah.pdf"
    garbage.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ntrailer<<>>")
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for path in (truncated, garbage):
            try:
                check_pdf(path)
            except UnreadablePdf as exc:
                assert exc.rule == "pdf-rusak" and exc.fix
                assert "\n" not in str(exc) and len(str(exc)) < 200
    assert [r for r in caplog.records if r.name.startswith("pypdf")] == []
    assert caught == []
    out, err = capfd.readouterr()
    assert out == err == ""
    assert logging.getLogger("pypdf").propagate  # restored for everyone else
    with pytest.raises(UnreadablePdf) as again:
        check_pdf_safety(garbage)
    assert again.value.rule == "pdf-rusak"


# A plugin that stops in the middle of a build, once the staging folder is full, says so, and
# waits there for the signal however long the test takes to send it: a busy machine only delays
# the test, it cannot let the build finish first.
SLOW_PLUGIN = '''
import pathlib, time
from pelican import signals

def wait(pelican):
    pathlib.Path(pelican.settings["WARTA_TEST_MARKER"]).write_text("ok")
    while True:
        time.sleep(3600)

def register():
    signals.finalized.connect(wait)
'''


@pytest.mark.build
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_interrupted_build_removes_its_staging_folders(signum, content_dir, tmp_path):
    plugins = tmp_path / "plugins" / "berhenti"
    plugins.mkdir(parents=True)
    (plugins / "__init__.py").write_text("from .berhenti import register\n")
    (plugins / "berhenti.py").write_text(SLOW_PLUGIN)
    output = tmp_path / "output"
    output.mkdir()
    (output / "lama.html").write_text("situs lama")
    marker = tmp_path / "sedang-membangun"
    script = textwrap.dedent(f"""
        from warta.commands.build import build, load_settings
        settings = load_settings()
        build({str(output)!r}, content={str(content_dir)!r}, WARTA_TEST_MARKER={str(marker)!r},
              PLUGIN_PATHS=settings["PLUGIN_PATHS"] + [{str(plugins.parent)!r}],
              PLUGINS=settings["PLUGINS"] + ["berhenti"])
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The test waits for events (the marker file, the process's exit); HANG_GUARD only stops
        # a build that hangs from hanging the whole run.
        deadline = time.monotonic() + HANG_GUARD
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the build never reached the plugin"
            time.sleep(0.05)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output-baru-")]
        process.send_signal(signum)
        out, err = process.communicate(timeout=HANG_GUARD)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signum, err
    assert "Traceback" not in err and "Build dihentikan" in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in output.iterdir()] == ["lama.html"]


BROKEN_SECTIONS = {
    # path under content/: (text, rule, line)
    "ppid/dokumen/rusak.md": (
        "Title: Laporan keuangan\nNomor: B-900\nKategori: Bulanan\nOPD: Diskominfo\n"
        "Ringkasan: Laporan\nDikuasai_oleh: Sekretariat\nPenanggung_jawab: Kepala Dinas\n"
        "Date: 2025-06-30\nTempat: Kota Contoh\nBentuk: Softcopy\nRetensi: 5 tahun\n\nIsi.\n",
        "ppid-kolom", 3),
    "video/rusak.md": (
        "Title: Video rusak\nDate: 2025-08-12 10:00\nCategory: Diskominfo\n"
        "Summary: Video tanpa takarir.\nDuration: 0:20\nCover: images/logo-kota-contoh.svg\n"
        "Cover_alt: Lambang Kota Contoh\nYouTube: AbCdEfGhIjK\n\nNarator: halo.\n",
        "video-takarir", 1),
    "majalah/rusak.md": (
        "Title: Edisi rusak\nPublication: Majalah Warta Kota Contoh\nEdition: 99\n"
        "Date: 2025-09-29\nSummary: Edisi tanpa PDF.\nCover: images/logo-kota-contoh.svg\n"
        "Cover_alt: Lambang\nContents: 3 | Dari redaksi\n\nPengantar.\n",
        "majalah-pdf", 1),
}


@pytest.mark.build
def test_broken_ppid_document_video_and_edition_name_rule_and_line(content_dir, tmp_path):
    for relative, (text, _, _) in BROKEN_SECTIONS.items():
        write(content_dir / relative, text)
    with pytest.raises(BuildError) as error:
        build(tmp_path / "output", content=content_dir)
    lines = [line.strip() for line in str(error.value).splitlines()[1:]]
    for line in lines:
        match = CLEAN.match(line)
        assert match and match["rule"] in RULES, f"not a clean error: {line!r}"
    for relative, (_, rule, line) in BROKEN_SECTIONS.items():
        expected = f"{content_dir / relative}:{line}: {rule}: "
        assert any(found.startswith(expected) for found in lines), (expected, lines)
    assert all(f.rule in RULES for f in error.value.findings)


def test_every_section_error_is_given_a_rule():
    # The plugins build ContentError and FieldCheck problems by hand; a forgotten rule would be
    # the one message without an id and a guide section.
    for path in ("plugins/ppid/ppid.py", "plugins/video/video.py", "plugins/magazine/magazine.py",
                 "plugins/announcements/announcements.py", "plugins/agenda/agenda.py",
                 "warta/content/sections/base.py", "warta/content/sections/menu.py",
                 "warta/content/pdf.py", "warta/content/sections/services.py"):
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            keywords = {k.arg: k.value for k in call.keywords}
            if name in ("ContentError", "fail", "named_file"):
                assert "rule" in keywords, f"{path}:{call.lineno}: {name} without a rule"
                value = keywords["rule"]
                if isinstance(value, ast.Constant):
                    assert value.value in RULES, f"{path}:{call.lineno}: {value.value}"
            if name in ("written_once", "required") and len(call.args) >= 3:
                rule = call.args[2]
                assert not isinstance(rule, ast.Constant) or rule.value in RULES
