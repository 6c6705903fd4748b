"""The import report tells editors the truth: each finding once, covers by their
header field, removed embeds kept as links, an editor's fixes left alone on a re-import, pages
nothing links to, and a category example that names the category's own best guess."""

import datetime
import re

import pytest
from test_import_wordpress import article, entry, refused, run_import
from wordpress_export import SITE, Writer, build_export

from warta.commands.build import quiet_settings
from warta.commands.importer import import_wordpress

WHEN = datetime.datetime(2022, 3, 1, 8, 0)
BODY = "<p>Warga Sukadana menghadiri kegiatan di balai desa pada hari Sabtu pagi.</p>"


@pytest.fixture
def fresh(tmp_path):
    """The Sukadana content folder and map, for an export each test writes itself."""
    return build_export(tmp_path)


def export_with(export, fill):
    """``export`` with its WXR replaced by what ``fill(writer)`` writes."""
    writer = Writer(export.xml.parent)
    fill(writer)
    export.xml.write_text(writer.xml(), encoding="utf-8")
    return export


def post(writer, ident, slug, body=BODY, **item):
    values = {"ident": ident, "kind": "post", "title": f"Kegiatan warga nomor {ident}", "slug": slug,
              "when": WHEN + datetime.timedelta(days=ident), "body": body, "category": "kesehatan"}
    values.update(item)
    writer.item(**values)


def section(report, ident):
    """The lines the report writes for WordPress item ``ident``."""
    for block in report.split("\n### ")[1:]:
        if f" wordpress {ident}, " in block:
            return block
    raise AssertionError(f"no report section for {ident}")


def report_of(done):
    return done.report.read_text(encoding="utf-8")


# --- 1. One line per finding ------------------------------------------------------------------

def test_an_image_in_a_caption_without_alt_text_is_reported_once(fresh):
    def fill(w):
        aid, url = w.attachment(WHEN, "foto-rapat.jpg", "", 7, "rapat")
        post(w, 7, "rapat", BODY + f'[caption id="attachment_{aid}"]<img src="{url}" alt="" /> '
             "Rapat warga.[/caption]")

    done = run_import(export_with(fresh, fill))
    assert [n for n in entry(done, 7).notes if "foto-rapat.jpg" in n] == [entry(done, 7).notes[0]]
    assert section(report_of(done), 7).count("foto-rapat.jpg") == 1


def test_each_picture_of_a_gallery_is_named_once(fresh):
    def fill(w):
        ids = [w.attachment(WHEN, f"galeri-{k}.jpg", f"Pasar murah, foto {k}", 7, "pasar")[0] for k in (1, 2)]
        post(w, 7, "pasar", BODY + f'[gallery ids="{",".join(map(str, ids))}"]')

    done = run_import(export_with(fresh, fill))
    block = section(report_of(done), 7)
    assert block.count("galeri-1.jpg") == 1 and block.count("galeri-2.jpg") == 1


def test_each_post_names_its_own_cover_once(fresh):
    def fill(w):
        first, url = w.attachment(WHEN, "sampul-pertama.jpg", "Warga menanam pohon", 7, "pohon")
        second, _ = w.attachment(WHEN, "sampul-kedua.jpg", "Warga membersihkan sungai", 8, "sungai")
        # The first post also shows its cover in the body, as WordPress editors often did.
        post(w, 7, "pohon", BODY + f'<p><img src="{url}" alt="Warga menanam pohon" /></p>', thumbnail=first)
        post(w, 8, "sungai", thumbnail=second)

    report = report_of(run_import(export_with(fresh, fill)))
    assert section(report, 7).count("sampul images/impor/2022/03/sampul-pertama.jpg") == 1
    assert "sampul-kedua" not in section(report, 7)
    assert section(report, 8).count("sampul images/impor/2022/03/sampul-kedua.jpg") == 1


# --- 2. A cover's alt text belongs in Cover_alt ----------------------------------------------

def test_a_cover_without_alt_text_asks_for_cover_alt_in_the_header(fresh):
    def fill(w):
        cover, _ = w.attachment(WHEN, "sampul-polos.jpg", "", 7, "polos")
        post(w, 7, "polos", thumbnail=cover)

    done = run_import(export_with(fresh, fill))
    (note,) = [n for n in entry(done, 7).notes if "sampul-polos.jpg" in n]
    assert "`Cover: images/impor/2022/03/sampul-polos.jpg`" in note and "`Cover_alt:" in note
    assert "[ dan ]" not in note and "![](" not in note
    assert note in article(fresh, 7)[2]


# --- 3. A removed embed stays as a link --------------------------------------------------------

@pytest.mark.parametrize("html, link", [
    ('<iframe src="https://www.youtube.com/embed/abc123?feature=oembed" width="560"></iframe>',
     "[Tonton video di YouTube](https://www.youtube.com/watch?v=abc123)"),
    ('<iframe src="//www.youtube-nocookie.com/embed/xyz_9-A"></iframe>',
     "[Tonton video di YouTube](https://www.youtube.com/watch?v=xyz_9-A)"),
    ('<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
     "[Tonton video di Vimeo](https://vimeo.com/76979871)"),
    ('<object data="https://www.youtube.com/v/old42"><param name="movie" value="https://www.youtube.com/v/old42">'
     "</object>", "[Tonton video di YouTube](https://www.youtube.com/watch?v=old42)"),
    ('<embed src="https://peta.sukadanakab.example/embed?lokasi=balai (1)">',
     "[Buka konten sematan dari peta.sukadanakab.example](https://peta.sukadanakab.example/embed?lokasi=balai%20%281%29)"),
    ('<script src="https://gist.github.com/humas/abc.js"></script>',
     "[Buka konten sematan dari gist.github.com](https://gist.github.com/humas/abc.js)"),
])
def test_a_removed_embed_becomes_a_link_in_the_file_and_the_report(fresh, html, link):
    done = run_import(export_with(fresh, lambda w: post(w, 7, "video", BODY + html)))
    path, _, text = article(fresh, 7)
    assert link in text and "impor-tertahan" not in str(path)
    assert entry(done, 7).held_findings == []  # the link passes Warta's own link checks
    address = link.rsplit("(", 1)[1].rstrip(")")
    assert address in section(report_of(done), 7)


def test_a_widget_script_after_its_quote_adds_no_second_link(fresh):
    tweet = ('<blockquote class="twitter-tweet"><p>Jalan desa sudah diperbaiki.</p>'
             '<a href="https://twitter.com/humas/status/1">Kiriman Humas Sukadana, 1 Maret 2022</a></blockquote>'
             '<script async src="https://platform.twitter.com/widgets.js"></script>')
    run_import(export_with(fresh, lambda w: post(w, 7, "twit", BODY + tweet)))
    text = article(fresh, 7)[2]
    assert "https://twitter.com/humas/status/1" in text and "widgets.js" not in text


# --- 4. A re-import leaves an editor's fixes alone ------------------------------------------

@pytest.mark.build
def test_a_reimport_keeps_a_post_the_editor_fixed_and_published_without_suggesting_paksa(fresh):
    def fill(w):
        _, url = w.attachment(WHEN, "foto-warga.jpg", "", 7, "warga")
        post(w, 7, "warga", BODY + f'<p><img src="{url}" alt="" /></p>')

    run_import(export_with(fresh, fill))
    path, source, text = article(fresh, 7)
    assert source.value("status") == "draft"
    fixed = re.sub(r"> \*\*Catatan impor:\*\*.*\n", "![Warga di depan balai desa]"
                   "({static}/images/impor/2022/03/foto-warga.jpg)\n", text.replace("Status: draft\n", ""))
    path.write_text(fixed, encoding="utf-8")
    done = run_import(fresh)
    assert path.read_text(encoding="utf-8") == fixed
    assert entry(done, 7).action == "diubah editor, dibiarkan" and entry(done, 7).published
    block = section(report_of(done), 7)
    assert "--paksa" not in block and "Draf" not in block and "foto-warga" not in block
    assert done.numbers["draf"] == 0 and done.numbers["disunting_editor"] == 1


def test_a_reimport_reports_an_edited_file_still_held_as_held(fresh):
    body = BODY + f'<p>Formulir: <a href="{SITE}/formulir/">klik di sini</a>.</p>'
    run_import(export_with(fresh, lambda w: post(w, 7, "formulir", body)))
    path, _, text = article(fresh, 7)
    assert "impor-tertahan" in str(path)
    path.write_text(text.replace("klik di sini", "Formulir pendaftaran"), encoding="utf-8")
    done = run_import(fresh)
    assert entry(done, 7).action == "diubah editor, dibiarkan"
    assert "**Tertahan**" in section(report_of(done), 7) and done.numbers["tertahan"] == 1


# --- 5. Pages nothing links to ----------------------------------------------------------------

def test_a_page_nothing_links_to_is_listed_with_where_to_link_it(fresh):
    def fill(w):
        page = {"kind": "page", "when": WHEN, "category": None}
        w.item(ident=900, title="Profil Kabupaten", slug="profil", body=BODY, **page)
        w.item(ident=901, title="Sejarah Kabupaten", slug="sejarah", body=BODY, parent=900, **page)
        w.item(ident=902, title="Lambang Daerah", slug="lambang", body=BODY, **page)
        w.item(ident=903, title="Tentang Sukadana", slug="tentang-sukadana", body=BODY, **page)
        post(w, 7, "profil-baru", BODY + f'<p>Baca <a href="{SITE}/profil/">profil kabupaten</a> '
             f'dan <a href="{SITE}/?page_id=903">tentang Sukadana</a>.</p>')

    report = report_of(run_import(export_with(fresh, fill)))
    orphans = report.split("## Halaman yang belum ditautkan")[1].split("\n## ")[0]
    listed = [line.split(",")[0] for line in orphans.splitlines() if line.startswith("- ")]
    assert listed == ["- Sejarah Kabupaten", "- Lambang Daerah"]  # linked by old address, by ?page_id=
    (sejarah,) = [line for line in orphans.splitlines() if "Sejarah Kabupaten" in line]
    assert "`content/halaman/sejarah.md`" in sejarah and "`content/halaman/profil.md`" in sejarah
    (lambang,) = [line for line in orphans.splitlines() if "Lambang Daerah" in line]
    assert "WARTA_MENU" in lambang and '("Lambang Daerah", "lambang/")' in lambang


def test_a_page_in_the_portal_menu_is_not_listed(fresh):
    export_with(fresh, lambda w: w.item(ident=902, kind="page", title="Lambang Daerah", slug="lambang",
                                        when=WHEN, body=BODY))
    settings = quiet_settings(content=str(fresh.content))
    settings["WARTA_MENU"] = [*settings["WARTA_MENU"], ("Lambang", "lambang/")]
    done = import_wordpress(fresh.xml, settings, content=fresh.content, map_path=fresh.map,
                            report=fresh.xml.parent / "impor-laporan.md",
                            redirects_path=fresh.xml.parent / "alih" / "wordpress.map")
    assert "## Halaman yang belum ditautkan" not in report_of(done)


# --- 6. The impor-kategori example ---------------------------------------------------------------

def test_the_category_example_uses_the_categorys_own_best_guess(fresh):
    error = refused(fresh, None, map_path=None)
    assert "`Kesehatan,Dinkes`" in error.fix


def test_the_category_example_names_no_agency_when_nothing_matches(fresh, tmp_path):
    mapping = tmp_path / "peta.csv"
    mapping.write_text("kategori_wordpress,singkatan_opd\nKesehatan,Dinkes\n", encoding="utf-8")
    error = refused(fresh, None, map_path=mapping)
    assert "Infrastruktur" in error.message
    assert not re.search(r"`(Infrastruktur|Pengumuman),\w", error.fix)
    assert "`Infrastruktur,`" in error.fix
