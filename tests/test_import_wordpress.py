"""`bin/warta impor wordpress`: Kabupaten Sukadana's WordPress export (tests/wordpress_export.py)
imported, built with Warta, and its old addresses served as 301s by the real nginx."""

import contextlib
import datetime
import os
import shutil
import tempfile
from pathlib import Path

import published
import pytest
from click.testing import CliRunner
from test_nginx import fetch
from wordpress_export import SITE, Writer, build_export

from warta.commands.build import build, quiet_settings
from warta.commands.cli import cli
from warta.commands.importer import import_wordpress
from warta.content.errors import ContentError
from warta.content.lint import Source

INCLUDE = "    include /etc/nginx/warta/alih/*.map;\n"


def run_import(export, **changes):
    options = {"content": export.content, "uploads": export.uploads, "map_path": export.map,
               "report": export.xml.parent / "impor-laporan.md",
               "redirects_path": export.xml.parent / "alih" / "wordpress.map"}
    options.update(changes)
    settings = quiet_settings(content=str(options["content"]))
    return import_wordpress(export.xml, settings, **options)


@pytest.fixture(scope="module")
def imported():
    """The export, imported once, and the site built from it."""
    folder = Path(tempfile.mkdtemp(prefix="warta-impor-"))
    export = build_export(folder)
    done = run_import(export)
    output = folder / "output"
    built = build(output, content=str(export.content))
    yield export, done, output, built
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fresh(tmp_path):
    """An export of its own, for tests that change files."""
    return build_export(tmp_path)


def article(export, ident):
    for path in sorted(export.content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if f"Impor: wordpress {ident} " in text:
            return path, Source(text), text
    raise AssertionError(f"no file for WordPress post {ident}")


def entry(done, ident):
    return next(e for e in done.outcome.entries if e.item.ident == str(ident))


@pytest.mark.build
def test_posts_and_pages_become_one_markdown_file_each(imported):
    export, done, _, _ = imported
    assert done.numbers["pos"] == 44 and done.numbers["halaman"] == 3
    assert len(list((export.content / "berita").glob("*.md"))) - 2 + \
        len(list((export.content / "impor-tertahan" / "berita").glob("*.md"))) == 44
    assert (export.content / "halaman" / "profil.md").is_file()


@pytest.mark.build
def test_date_is_the_gmt_date_in_the_portal_time_zone(imported):
    _, source, _ = article(imported[0], 100)
    assert source.value("date") == "2018-01-15 09:30"  # 02:30 GMT is 09:30 WIB


@pytest.mark.build
def test_metadata_is_filled_from_the_post(imported):
    _, source, _ = article(imported[0], 100)
    assert source.value("slug") == "berita-1-posyandu-desa-sukamulya"
    assert source.value("category") == "Dinkes"
    assert source.value("tags") == "posyandu"  # WordPress listed it twice
    assert source.value("author") == "Humas Sukadana"
    assert source.value("summary").startswith("Pemerintah Kabupaten Sukadana menyampaikan")


@pytest.mark.build
def test_excerpt_becomes_the_summary(imported):
    _, source, _ = article(imported[0], 125)
    assert source.value("summary") == "Ringkasan resmi dari kutipan WordPress."


@pytest.mark.build
def test_category_named_like_an_agency_needs_no_map_line(imported):
    assert article(imported[0], 102)[1].value("category") == "Disdik"  # "Dinas Pendidikan"
    assert article(imported[0], 103)[1].value("category") == "Diskominfo"


@pytest.mark.build
def test_featured_image_becomes_the_cover_with_its_alt_text(imported):
    export = imported[0]
    _, source, _ = article(export, 107)
    assert source.value("cover") == "images/impor/2019/01/sampul-7.jpg"
    assert source.value("cover_alt") == "Kegiatan warga Sukadana nomor 8"
    assert (export.content / "images/impor/2019/01/sampul-7.jpg").is_file()


@pytest.mark.build
def test_cover_without_alt_text_makes_a_draft_never_a_placeholder(imported):
    _, source, text = article(imported[0], 103)
    assert source.value("status") == "draft"
    assert source.value("cover") is None and source.value("cover_alt") is None
    assert "Catatan impor" in text and "sampul-tanpa-alt.jpg" in text
    assert "gambar tanpa teks alternatif" in entry(imported[1], 103).draft_reasons


@pytest.mark.build
def test_inline_image_without_alt_text_makes_a_draft(imported):
    _, source, text = article(imported[0], 105)
    assert source.value("status") == "draft" and "![](" not in text.split("`")[0]


@pytest.mark.build
def test_inline_image_takes_the_attachments_alt_text_and_loses_its_old_link(imported):
    _, source, text = article(imported[0], 106)
    assert source.value("status") is None
    assert "![Kader posyandu menimbang balita]({static}/images/impor/2018/11/posyandu.jpg)" in text
    assert "sukadanakab.example" not in text


@pytest.mark.build
def test_caption_shortcode_becomes_a_captioned_figure(imported):
    _, _, output, _ = imported
    page = (output / "berita/2019/berita-9-pemkab-sukadana-perbaiki/index.html").read_text()
    assert "<figcaption" in page and "Jembatan gantung yang baru selesai. Foto: Humas" in page
    assert "[caption" not in page


@pytest.mark.build
def test_gallery_shortcode_becomes_its_images(imported):
    text = article(imported[0], 109)[2]
    assert [f"galeri-{n}.jpg" in text for n in (1, 2, 3)] == [True] * 3
    assert "[gallery" not in text


@pytest.mark.build
def test_unknown_shortcode_is_removed_and_reported(imported):
    text = article(imported[0], 110)[2]
    assert "contact-form-7" not in text
    assert any("[contact-form-7]" in note for note in entry(imported[1], 110).notes)


@pytest.mark.build
def test_headings_start_at_two_and_never_skip_a_level(imported):
    text = article(imported[0], 111)[2]
    assert "## Latar belakang" in text and "### Jadwal" in text and "#### Catatan" in text
    assert "\n# " not in text
    assert any("h1" in note for note in entry(imported[1], 111).notes)


@pytest.mark.build
@pytest.mark.parametrize("ident, element", [(112, "<script>"), (113, "<iframe>")])
def test_html_the_sanitizer_would_change_makes_a_draft_without_it(imported, ident, element):
    _, source, text = article(imported[0], ident)
    assert source.value("status") == "draft"
    assert element.strip("<>") not in text.split("Impor:")[1]
    assert any(element in reason for reason in entry(imported[1], ident).draft_reasons)


@pytest.mark.build
@pytest.mark.parametrize("ident, status", [(114, "draft"), (115, "pending"), (116, "private")])
def test_unpublished_wordpress_posts_become_drafts(imported, ident, status):
    assert article(imported[0], ident)[1].value("status") == "draft"
    assert f"berstatus {status} di situs lama" in entry(imported[1], ident).draft_reasons


@pytest.mark.build
def test_two_posts_with_one_slug_are_both_reported_and_the_second_gets_its_own(imported):
    export, done, _, _ = imported
    assert article(export, 117)[1].value("slug") == "rapat-koordinasi-camat"
    assert article(export, 118)[1].value("slug") == "rapat-koordinasi-camat-2"
    report = done.report.read_text(encoding="utf-8")
    section = report.split("## Slug ganda")[1].split("## Per tulisan")[0]
    assert "ID 117" in section and "ID 118" in section


@pytest.mark.build
def test_long_title_is_published_through_a_visible_lint_diizinkan(imported):
    _, source, _ = article(imported[0], 119)
    assert source.value("lint_diizinkan") == "judul-panjang" and source.value("status") is None
    assert any(f.rule == "lint-diizinkan" for f in imported[3].findings)


@pytest.mark.build
def test_a_missing_uploads_file_makes_a_draft_naming_it(imported):
    assert article(imported[0], 120)[1].value("status") == "draft"
    assert any("foto-hilang.jpg" in note and "terhapus" in note for note in entry(imported[1], 120).notes)


@pytest.mark.build
def test_a_post_failing_other_content_checks_waits_outside_the_build(imported):
    path, source, _ = article(imported[0], 121)
    assert path.parent == imported[0].content / "impor-tertahan" / "berita"
    assert source.value("status") == "draft"
    assert any("tautan-umum" in f for f in entry(imported[1], 121).held_findings)


@pytest.mark.build
def test_a_post_without_title_is_a_draft_with_a_stand_in_title(imported):
    _, source, _ = article(imported[0], 123)
    assert source.value("status") == "draft" and source.value("title").startswith("Tanpa judul: ")
    assert "judul kosong" in entry(imported[1], 123).draft_reasons


@pytest.mark.build
def test_a_resized_image_is_replaced_by_its_original(imported):
    text = article(imported[0], 124)[2]
    assert "{static}/images/impor/2021/07/balai-desa.jpg" in text


@pytest.mark.build
def test_the_imported_site_builds_and_published_posts_have_pages(imported):
    export, done, output, _ = imported
    for e in done.outcome.entries:
        where = output / (f"berita/{e.item.date:%Y}/{e.slug}" if e.item.kind == "post" else e.slug)
        assert (where / "index.html").is_file() == e.published, e.path
    assert sum(e.published for e in done.outcome.entries) == done.numbers["terbit"] == 36


@pytest.mark.build
def test_the_build_counts_the_files_using_lint_diizinkan(imported, tmp_path):
    result = CliRunner().invoke(cli, ["build", "--content", str(imported[0].content),
                                      "--output", str(tmp_path / "output")])
    assert result.exit_code == 0, result.output
    assert "1 berkas memakai Lint_diizinkan" in result.output


def test_a_rerun_leaves_unchanged_files_untouched(fresh):
    run_import(fresh)
    files = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in fresh.content.rglob("*") if p.is_file()}
    done = run_import(fresh)
    assert done.numbers["ditulis"] == 0 and done.numbers["tidak_berubah"] == 47
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == files


def test_a_post_changed_in_wordpress_is_updated(fresh):
    run_import(fresh)
    text = fresh.xml.read_text(encoding="utf-8")
    fresh.xml.write_text(text.replace("Posyandu Desa Sukamulya layani imunisasi balita (1)<",
                                      "Posyandu Desa Sukamulya buka pada hari Sabtu (1)<"), encoding="utf-8")
    done = run_import(fresh)
    assert entry(done, 100).action == "diperbarui"
    assert article(fresh, 100)[1].value("title") == "Posyandu Desa Sukamulya buka pada hari Sabtu (1)"


def test_a_file_an_editor_edited_is_kept_unless_forced(fresh):
    run_import(fresh)
    path, _, text = article(fresh, 101)
    edited = text.replace("Warga dapat", "Warga Sukadana dapat")
    path.write_text(edited, encoding="utf-8")
    fresh.xml.write_text(fresh.xml.read_text(encoding="utf-8").replace("pada jam kerja", "pada hari kerja"),
                         encoding="utf-8")
    done = run_import(fresh)
    assert entry(done, 101).action == "diubah editor, dibiarkan"
    assert path.read_text(encoding="utf-8") == edited
    assert "--paksa" not in done.report.read_text(encoding="utf-8")  # it would undo the edit
    run_import(fresh, force=True)
    assert "Warga Sukadana dapat" not in path.read_text(encoding="utf-8")


@pytest.mark.build
def test_the_report_puts_what_needs_an_editor_first(imported):
    report = imported[1].report.read_text(encoding="utf-8")
    assert report.startswith("# Laporan impor: sukadana.WordPress.2024-06-01.xml")
    order = [report.index(s) for s in ("**Tertahan**", "**Draf**", "Terbit,")]
    assert order == sorted(order)
    assert "gambar tanpa teks alternatif" in report and "Kode pendek [contact-form-7]" in report


def test_tulis_peta_lists_every_category_with_its_post_count(fresh, tmp_path):
    mapping = tmp_path / "peta-awal.csv"
    result = CliRunner().invoke(cli, ["impor", "wordpress", str(fresh.xml), "--content",
                                      str(fresh.content), "--tulis-peta", str(mapping)])
    assert result.exit_code == 0, result.output
    lines = mapping.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "kategori_wordpress,singkatan_opd,jumlah_pos"
    assert "Dinas Pendidikan,Disdik,6" in lines and "Kesehatan,,13" in lines
    assert not list((fresh.content / "berita").glob("*berita-1-*"))  # nothing imported


# --- Bad input: a clear Indonesian line, and content/ untouched ------------------------------

def refused(export, xml_text=None, **changes):
    if xml_text is not None:
        export.xml.write_text(xml_text, encoding="utf-8")
    before = {p: p.read_bytes() for p in export.content.rglob("*") if p.is_file()}
    with pytest.raises(ContentError) as caught:
        run_import(export, **changes)
    assert {p: p.read_bytes() for p in export.content.rglob("*") if p.is_file()} == before
    assert not (export.xml.parent / "alih" / "wordpress.map").exists()
    return caught.value


def small_export(export, **item):
    writer = Writer(export.xml.parent)
    values = {"ident": 7, "kind": "post", "title": "Pasar murah di Sukadana", "slug": "pasar-murah",
              "when": datetime.datetime(2022, 3, 1, 8, 0), "body": "<p>Pasar murah dibuka.</p>",
              "category": "kesehatan"}
    values.update(item)
    writer.item(**values)
    return writer.xml()


def test_a_file_that_is_not_a_wordpress_export_is_refused(fresh):
    error = refused(fresh, '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>\n')
    assert error.rule == "impor-bukan-ekspor" and "bukan ekspor WordPress" in str(error)


def test_a_truncated_export_is_refused_at_its_line(fresh):
    text = fresh.xml.read_text(encoding="utf-8")
    error = refused(fresh, text[: len(text) // 2])
    assert error.rule == "impor-rusak" and "terpotong" in error.message
    assert f"{fresh.xml.name}:{error.line}: impor-rusak: " in str(error) and error.line > 100


def test_a_date_in_another_format_is_refused(fresh):
    text = small_export(fresh, gmt="03/05/2019 09:30")
    error = refused(fresh, text)
    assert error.rule == "impor-tanggal" and "'03/05/2019 09:30'" in error.message and error.line


def test_a_category_missing_from_the_map_is_refused_naming_it(fresh):
    error = refused(fresh, None, map_path=None)
    assert error.rule == "impor-kategori"
    assert "Kesehatan (13 pos)" in error.message and "Infrastruktur" in error.message
    assert "--tulis-peta" in error.fix


def test_an_attachment_path_out_of_the_uploads_folder_is_refused(fresh):
    text = fresh.xml.read_text(encoding="utf-8").replace("<![CDATA[2018/01/sampul-0.jpg]]>",
                                                         "<![CDATA[../../etc/passwd.jpg]]>")
    error = refused(fresh, text)
    assert error.rule == "impor-jalur" and error.line


def test_a_huge_post_is_skipped_and_reported(fresh):
    fresh.xml.write_text(small_export(fresh, body="<p>" + "Warga Sukadana. " * 160_000 + "</p>"),
                         encoding="utf-8")
    done = run_import(fresh)
    (skipped,) = done.outcome.entries
    assert skipped.action == "dilewati" and "WARTA_MAX_MARKDOWN_BYTES" in skipped.draft_reasons[0]
    assert not list((fresh.content / "berita").glob("*pasar-murah*"))


def test_errors_reach_the_command_line_as_one_line_without_traceback(fresh):
    fresh.xml.write_text("bukan xml", encoding="utf-8")
    result = CliRunner().invoke(cli, ["impor", "wordpress", str(fresh.xml), "--content", str(fresh.content)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Impor gagal; folder konten tidak diubah." in result.output
    assert f"{fresh.xml.name}:1: impor-rusak: Berkas bukan XML yang sah" in result.output


# --- Every old address, through the real nginx -----------------------------------------------

def expected_redirects(export, done):
    """(old request, new path, whether the new page is published) for every old address."""
    cases = []
    for e in done.outcome.entries:
        item = e.item
        if item.status != "publish":
            continue
        new = f"/berita/{item.date:%Y}/{e.slug}/" if item.kind == "post" else f"/{e.slug}/"
        if item.kind == "post":
            cases += [(f"/{item.date:%Y/%m/%d}/{item.slug}/", new, e.published),
                      (f"/{item.date:%Y/%m}/{item.slug}/", new, e.published),
                      (f"/?p={item.ident}", new, e.published),
                      (f"/index.php?p={item.ident}&utm_source=wa", new, e.published)]
        else:
            cases += [(f"/{item.slug}/", new, e.published), (f"/?page_id={item.ident}", new, e.published)]
    # Two posts of one month with one slug shared /2020/03/<slug>/: the first keeps it.
    first = {}
    for old, new, live in cases:
        if old != new:
            first.setdefault(old, (new, live))
    cases = [(old, new, live) for old, (new, live) in first.items()]
    cases += [
        ("/2018/01/15/berita-1-posyandu-desa-sukamulya/sampul-0/", "/berita/2018/berita-1-posyandu-desa-sukamulya/", True),
        ("/?attachment_id=1001", "/berita/2018/berita-1-posyandu-desa-sukamulya/", True),
        ("/wp-content/uploads/2018/01/sampul-0.jpg", "/images/impor/2018/01/sampul-0.jpg", True),
        ("/wp-content/uploads/2021/07/balai-desa-300x200.jpg", "/images/impor/2021/07/balai-desa.jpg", True),
        ("/category/kesehatan/", "/opd/dinas-kesehatan/berita/", True),
        ("/category/dinas-pendidikan/", "/opd/dinas-pendidikan/berita/", True),
        ("/tag/posyandu/", "/topik/posyandu/", True),
        ("/tag/umkm/", "/topik/umkm/", True),
        ("/author/rina/", "/penulis/rina-wulandari/", True),
        ("/feed/", "/feed/berita.atom.xml", True),
    ]
    return cases


@pytest.fixture(scope="module")
def old_site(imported):
    """The built site behind deploy/nginx.conf, with the import's map in its include folder."""
    export, done, output, _ = imported
    work = Path(tempfile.mkdtemp(prefix="warta-alih-"))
    config = work / "nginx.conf"
    text = published.SITE_CONFIG.read_text(encoding="utf-8")
    assert text.count(INCLUDE) == 1
    config.write_text(text.replace(INCLUDE, f"    include {done.redirects.parent}/*.map;\n"))
    port = published.free_port()
    with pytest.MonkeyPatch.context() as patch, contextlib.ExitStack() as stack:
        patch.setattr(published, "SITE_CONFIG", config)
        stack.enter_context(published.nginx_serving(output, port, work))
        yield f"https://127.0.0.1:{port}", work / "srv" / "current"
    shutil.rmtree(work, ignore_errors=True)


@pytest.mark.build
@pytest.mark.server
def test_every_old_address_is_a_301_to_its_new_page(imported, old_site):
    origin, root = old_site
    cases = expected_redirects(imported[0], imported[1])
    assert len(cases) > 150
    wrong = []
    for old, new, live in cases:
        status, headers, _ = fetch(origin, old)
        if status != 301 or headers.get("location") != new:
            wrong.append(f"{old}: {status} {headers.get('location')} (seharusnya {new})")
        elif live and not (root / new.lstrip("/")).exists():
            wrong.append(f"{old} → {new}: tidak ada di situs")
    assert wrong == []


@pytest.mark.build
@pytest.mark.server
def test_new_addresses_and_unknown_old_ones_are_not_redirected(old_site):
    origin, _ = old_site
    assert fetch(origin, "/berita/2018/berita-1-posyandu-desa-sukamulya/")[0] == 200
    assert fetch(origin, "/2018/01/15/tidak-pernah-ada/")[0] == 404
    assert fetch(origin, "/?p=99999")[0] == 200  # the home page, as any unknown query


@pytest.mark.build
def test_the_redirect_map_is_written_atomically_beside_no_leftovers(imported):
    folder = imported[1].redirects.parent
    assert sorted(p.name for p in folder.iterdir()) == ["wordpress.map"]
    assert os.path.getsize(imported[1].redirects) > 0 and SITE in imported[0].xml.read_text()


def test_a_hostile_slug_cannot_leave_the_content_folder(fresh):
    fresh.xml.write_text(small_export(fresh, slug="..%2F..%2F..%2Fetc%2Fpasswd"), encoding="utf-8")
    done = run_import(fresh)
    (written,) = done.outcome.entries
    assert written.path == "berita/2022-03-01-etcpasswd.md"
    assert (fresh.content / written.path).is_file()


def test_lint_diizinkan_never_allows_alt_text(fresh):
    from warta.content.lint import lint_text  # noqa: PLC0415 - only this test lints by hand

    settings = quiet_settings(content=str(fresh.content))
    text = ("Title: Pasar murah\nDate: 2022-03-01 08:00\nCategory: Dinkes\nSummary: Pasar murah dibuka.\n"
            "Lint_diizinkan: gambar-alt, judul-panjang\n\n![](/images/logo-kota-contoh.svg)\n")
    rules = sorted(f.rule for f in lint_text(fresh.content / "berita" / "x.md", text, settings))
    assert rules == ["gambar-alt", "lint-diizinkan", "lint-diizinkan-salah"]


def test_a_post_no_conversion_foresaw_is_left_out_with_its_reason_not_a_traceback(fresh,
                                                                                 monkeypatch):
    from warta.commands.importer import run as import_run

    original = import_run.plan_item
    victim = {}

    def plan_item(item, *args, **kwargs):
        if item.kind == "post" and not victim:
            victim["ident"] = item.ident
            raise RecursionError("maximum recursion depth exceeded")
        return original(item, *args, **kwargs)

    monkeypatch.setattr(import_run, "plan_item", plan_item)
    done = run_import(fresh)
    left_out = entry(done, victim["ident"])
    assert left_out.action == "dilewati"
    assert "RecursionError" in left_out.draft_reasons[0]
    assert sum(e.action == "baru" for e in done.outcome.entries) > 10
    report = (fresh.xml.parent / "impor-laporan.md").read_text(encoding="utf-8")
    assert "RecursionError" in report and "Traceback" not in report
