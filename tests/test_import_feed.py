"""`bin/warta impor feed`: a saved RSS 2.0 or Atom feed of a portal that was not WordPress."""

import shutil

import pytest
from click.testing import CliRunner
from wordpress_export import TEST_CONTENT

from warta.commands.build import build, quiet_settings
from warta.commands.cli import cli
from warta.commands.importer import import_feed
from warta.content.errors import ContentError
from warta.content.lint import Source

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Berita Kabupaten Sukadana</title>
  <link>https://sukadanakab.example/</link>
  <description>Berita terbaru</description>
  <item>
    <title>Vaksinasi anak sekolah dimulai pekan depan</title>
    <link>https://sukadanakab.example/berita/vaksinasi-anak-sekolah.html</link>
    <guid>https://sukadanakab.example/berita/vaksinasi-anak-sekolah.html</guid>
    <pubDate>Mon, 06 May 2024 02:00:00 +0000</pubDate>
    <dc:creator>Humas Sukadana</dc:creator>
    <category>Dinkes</category>
    <category>imunisasi</category>
    <description>Vaksinasi anak sekolah dimulai pekan depan di seluruh kecamatan.</description>
    <content:encoded><![CDATA[<p>Dinas Kesehatan Kabupaten Sukadana memulai vaksinasi anak sekolah.</p><h1>Jadwal</h1><p>Setiap Selasa.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lomba foto desa wisata</title>
    <link>https://media-lain.example/lomba-foto</link>
    <guid>lomba-foto-2024</guid>
    <pubDate>Tue, 07 May 2024 03:00:00 +0000</pubDate>
    <category>Diskominfo</category>
    <description><![CDATA[<p>Lomba foto desa wisata dibuka.</p><p><img src="https://media-lain.example/foto.jpg" alt="Desa wisata"></p>]]></description>
  </item>
</channel>
</rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Berita Kabupaten Sukadana</title>
  <link href="https://sukadanakab.example/" rel="alternate"/>
  <id>tag:sukadanakab.example,2024:berita</id>
  <updated>2024-05-08T09:00:00+07:00</updated>
  <entry>
    <title>Pelatihan UMKM digital</title>
    <link href="https://sukadanakab.example/berita/2024/pelatihan-umkm/" rel="alternate"/>
    <id>tag:sukadanakab.example,2024:pelatihan-umkm</id>
    <published>2024-05-08T09:00:00+07:00</published>
    <updated>2024-05-08T09:00:00+07:00</updated>
    <author><name>Rina Wulandari</name></author>
    <category term="Diskominfo"/>
    <summary>Pelatihan pemasaran digital untuk pelaku UMKM.</summary>
    <content type="html">&lt;p&gt;Diskominfo melatih 50 pelaku UMKM memasarkan produk secara daring.&lt;/p&gt;</content>
  </entry>
</feed>
"""


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    return tmp_path, content


def run(site, text, name="feed.xml", **options):
    folder, content = site
    path = folder / name
    path.write_text(text, encoding="utf-8")
    settings = quiet_settings(content=str(content))
    return import_feed(path, settings, content=content, report=folder / "laporan.md",
                       redirects_path=folder / "alih" / "feed.map", **options)


def files(content):
    return {p.name: Source(p.read_text(encoding="utf-8")) for p in (content / "berita").glob("*.md")
            if "Impor: feed" in p.read_text(encoding="utf-8")}


def test_rss_items_become_articles_in_the_portal_time_zone(site):
    done = run(site, RSS)
    found = files(site[1])
    source = found["2024-05-06-vaksinasi-anak-sekolah.md"]
    assert source.value("date") == "2024-05-06 09:00"
    assert source.value("category") == "Dinkes" and source.value("tags") == "imunisasi"
    assert source.value("summary") == "Vaksinasi anak sekolah dimulai pekan depan di seluruh kecamatan."
    assert done.numbers["pos"] == 2


def test_atom_entries_become_articles(site):
    run(site, ATOM)
    (source,) = files(site[1]).values()
    assert source.value("title") == "Pelatihan UMKM digital"
    assert source.value("author") == "Rina Wulandari" and source.value("slug") == "pelatihan-umkm"


def test_feed_headings_start_at_two(site):
    run(site, RSS)
    text = next((site[1] / "berita").glob("*vaksinasi*")).read_text(encoding="utf-8")
    assert "## Jadwal" in text and "\n# " not in text


def test_an_image_from_another_site_makes_a_draft(site):
    done = run(site, RSS)
    (entry,) = [e for e in done.outcome.entries if "Lomba" in e.item.title]
    assert not entry.published and "gambar dari situs lain" in entry.draft_reasons
    assert files(site[1])["2024-05-07-lomba-foto.md"].value("status") == "draft"


def test_links_on_the_feeds_own_host_become_redirects_and_others_do_not(site):
    done = run(site, RSS)
    text = done.redirects.read_text(encoding="utf-8")
    assert '"/berita/vaksinasi-anak-sekolah.html?p=&page_id=&attachment_id=" /berita/2024/vaksinasi-anak-sekolah/;' in text
    assert "lomba-foto" not in text


def test_a_feed_with_no_link_on_its_own_host_writes_no_redirects(site):
    done = run(site, RSS.replace("https://sukadanakab.example/berita/", "https://lain.example/"))
    assert done.redirects is None and not (site[0] / "alih" / "feed.map").exists()


def test_the_imported_feed_builds(site, tmp_path):
    run(site, RSS)
    run(site, ATOM, name="atom.xml")
    build(tmp_path / "output", content=str(site[1]))
    assert (tmp_path / "output/berita/2024/vaksinasi-anak-sekolah/index.html").is_file()
    assert (tmp_path / "output/berita/2024/pelatihan-umkm/index.html").is_file()
    assert not (tmp_path / "output/berita/2024/lomba-foto/index.html").exists()


def test_a_url_is_refused_with_the_advice_to_save_the_file_first(site):
    result = CliRunner().invoke(cli, ["impor", "feed", "https://sukadanakab.example/feed/",
                                      "--content", str(site[1])])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "impor-alamat: Impor tidak mengunduh apa pun dari internet" in result.output
    assert "simpan feed-nya lebih dulu" in result.output


def test_a_file_that_is_not_a_feed_is_refused(site):
    with pytest.raises(ContentError) as caught:
        run(site, '<?xml version="1.0"?>\n<html><body>bukan feed</body></html>\n')
    assert caught.value.rule == "impor-bukan-ekspor" and caught.value.line == 2


def test_a_date_without_a_zone_is_refused(site):
    before = sorted(p.name for p in site[1].rglob("*"))
    with pytest.raises(ContentError) as caught:
        run(site, RSS.replace("Mon, 06 May 2024 02:00:00 +0000", "06/05/2024"))
    assert caught.value.rule == "impor-tanggal" and "'06/05/2024'" in caught.value.message
    assert sorted(p.name for p in site[1].rglob("*")) == before


def test_an_unknown_feed_category_is_refused_naming_it(site):
    with pytest.raises(ContentError) as caught:
        run(site, RSS.replace("<category>Dinkes</category>", "<category>Kesehatan</category>"))
    assert caught.value.rule == "impor-kategori" and "Kesehatan (1 pos)" in caught.value.message


def test_a_rerun_of_the_same_feed_writes_nothing(site):
    run(site, RSS)
    done = run(site, RSS)
    assert done.numbers["ditulis"] == 0 and done.numbers["tidak_berubah"] == 2
