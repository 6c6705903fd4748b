"""A realistic WordPress export (WXR 1.2) of a fictional regency, Kabupaten Sukadana, for the
import tests: 44 posts over 2018–2024, pages, attachments, categories, tags, two authors, and
every case the import must handle (missing alt text, shortcodes, drafts, a duplicate slug, a
script, a deleted picture, …), with tiny Pillow images in an uploads folder."""

import datetime
import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"
SITE = "https://sukadanakab.example"
AUTHORS = [("humas", "Humas Sukadana"), ("rina", "Rina Wulandari")]
# WordPress category → agency: two by the map file, two by name (short and full), one more by map.
CATEGORIES = {"kesehatan": "Kesehatan", "dinas-pendidikan": "Dinas Pendidikan",
              "infrastruktur": "Infrastruktur", "diskominfo": "Diskominfo",
              "pengumuman": "Pengumuman"}
MAP = "kategori_wordpress,singkatan_opd\nKesehatan,Dinkes\nInfrastruktur,DPUPR\nPengumuman,Diskominfo\n"
TAGS = ["posyandu", "imunisasi", "jalan desa", "sekolah", "beasiswa", "banjir", "pasar",
        "stunting", "internet desa", "UMKM"]
TOPICS = [
    ("Posyandu Desa Sukamulya layani imunisasi balita", "kesehatan"),
    ("Pemkab Sukadana perbaiki jalan desa di Kecamatan Lembah Hijau", "infrastruktur"),
    ("Beasiswa pelajar berprestasi dibuka hingga akhir bulan", "dinas-pendidikan"),
    ("Internet gratis hadir di balai desa", "diskominfo"),
    ("Jadwal pelayanan KTP elektronik keliling", "pengumuman"),
    ("Pencegahan stunting lewat kelas ibu hamil", "kesehatan"),
    ("Jembatan gantung Sungai Kapuas Kecil selesai dibangun", "infrastruktur"),
]
EXTRA_AGENCIES = {
    "dinas-pendidikan": "Title: Dinas Pendidikan\nSingkatan: Disdik\nTugas: Mengelola sekolah dasar dan menengah pertama.\n\nProfil dinas.\n",
    "dinas-pupr": "Title: Dinas Pekerjaan Umum dan Penataan Ruang\nSingkatan: DPUPR\nTugas: Membangun dan merawat jalan, jembatan, dan saluran air.\n\nProfil dinas.\n",
}


@dataclass
class Export:
    xml: Path
    uploads: Path
    content: Path
    map: Path
    posts: list  # (id, slug, date, status, kind)


def picture(path, colour, size=(8, 6)):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, quality=70)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


class Writer:
    def __init__(self, folder):
        self.folder = folder
        self.uploads = folder / "uploads"
        self.items, self.posts, self.next_id = [], [], 1000

    def attachment(self, when, name, alt, parent, parent_slug, exists=True):
        self.next_id += 1
        ident = self.next_id
        relative = f"{when:%Y/%m}/{name}"
        if exists:
            picture(self.uploads / relative, ((ident * 37) % 255, (ident * 91) % 255, 120))
        meta = f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{cdata(relative)}</wp:meta_value></wp:postmeta>"
        if alt:
            meta += f"<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{cdata(alt)}</wp:meta_value></wp:postmeta>"
        self.items.append(f"""
  <item>
    <title>{escape(name)}</title>
    <link>{SITE}/{when:%Y/%m/%d}/{parent_slug}/{name.rsplit('.', 1)[0]}/</link>
    <dc:creator>{cdata('humas')}</dc:creator>
    <content:encoded>{cdata('')}</content:encoded>
    <excerpt:encoded>{cdata('')}</excerpt:encoded>
    <wp:post_id>{ident}</wp:post_id>
    <wp:post_date>{cdata(f'{when:%Y-%m-%d %H:%M:%S}')}</wp:post_date>
    <wp:post_date_gmt>{cdata(f'{when - datetime.timedelta(hours=7):%Y-%m-%d %H:%M:%S}')}</wp:post_date_gmt>
    <wp:post_name>{cdata(name.rsplit('.', 1)[0])}</wp:post_name>
    <wp:status>{cdata('inherit')}</wp:status>
    <wp:post_parent>{parent}</wp:post_parent>
    <wp:post_type>{cdata('attachment')}</wp:post_type>
    <wp:attachment_url>{cdata(f'{SITE}/wp-content/uploads/{relative}')}</wp:attachment_url>
    {meta}
  </item>""")
        return ident, f"{SITE}/wp-content/uploads/{relative}"

    def item(self, ident, kind, title, slug, when, body, status="publish", author="humas",
             category=None, tags=(), excerpt="", thumbnail=None, gmt=None, parent=0):
        terms = ""
        if category:
            terms += f'<category domain="category" nicename="{category}">{cdata(CATEGORIES[category])}</category>'
        for tag in tags:
            terms += f'<category domain="post_tag" nicename="{tag.replace(" ", "-").lower()}">{cdata(tag)}</category>'
        meta = (f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{thumbnail}</wp:meta_value></wp:postmeta>"
                if thumbnail else "")
        link = f"{SITE}/{when:%Y/%m/%d}/{slug}/" if kind == "post" else f"{SITE}/{slug}/"
        if status != "publish":
            link = f"{SITE}/?p={ident}"
        gmt = gmt if gmt is not None else f"{when - datetime.timedelta(hours=7):%Y-%m-%d %H:%M:%S}"
        self.items.append(f"""
  <item>
    <title>{escape(title)}</title>
    <link>{link}</link>
    <pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
    <dc:creator>{cdata(author)}</dc:creator>
    <guid isPermaLink="false">{SITE}/?p={ident}</guid>
    <content:encoded>{cdata(body)}</content:encoded>
    <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
    <wp:post_id>{ident}</wp:post_id>
    <wp:post_date>{cdata(f'{when:%Y-%m-%d %H:%M:%S}')}</wp:post_date>
    <wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>
    <wp:post_name>{cdata(slug)}</wp:post_name>
    <wp:status>{cdata(status)}</wp:status>
    <wp:post_parent>{parent}</wp:post_parent>
    <wp:post_type>{cdata(kind)}</wp:post_type>
    {terms}{meta}
  </item>""")
        self.posts.append((ident, slug, when, status, kind))

    def xml(self):
        authors = "".join(f"""
  <wp:author><wp:author_id>{n}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>
    <wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>"""
                          for n, (login, name) in enumerate(AUTHORS, start=1))
        categories = "".join(f"""
  <wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename>{cdata(slug)}</wp:category_nicename>
    <wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"""
                             for n, (slug, name) in enumerate(CATEGORIES.items(), start=1))
        tags = "".join(f"""
  <wp:tag><wp:term_id>{n}</wp:term_id><wp:tag_slug>{cdata(t.replace(' ', '-').lower())}</wp:tag_slug>
    <wp:tag_name>{cdata(t)}</wp:tag_name></wp:tag>""" for n, t in enumerate(TAGS, start=20))
        return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Portal Resmi Kabupaten Sukadana</title>
  <link>{SITE}</link>
  <description>Berita Pemerintah Kabupaten Sukadana</description>
  <language>id-ID</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>{SITE}</wp:base_site_url>
  <wp:base_blog_url>{SITE}</wp:base_blog_url>
  {authors}{categories}{tags}
  {''.join(self.items)}
</channel>
</rss>
"""


def paragraph(n, title):
    return (f"<p>Pemerintah Kabupaten Sukadana menyampaikan kabar tentang {title.lower()}. "
            f"Kegiatan ke-{n} ini melibatkan warga dari beberapa kecamatan.</p>\n"
            "<p>Warga dapat menanyakan keterangan lebih lanjut ke kantor kecamatan terdekat "
            "pada jam kerja.</p>")


def build_export(folder):
    """Write the export, its uploads, a content folder with the agencies and the category map."""
    folder = Path(folder)
    w = Writer(folder)
    start = datetime.datetime(2018, 1, 15, 9, 30)
    for n in range(44):
        ident = 100 + n
        title, category = TOPICS[n % len(TOPICS)]
        title = f"{title} ({n + 1})"
        slug = f"berita-{n + 1}-" + "-".join(title.lower().split()[:3])
        when = start + datetime.timedelta(days=n * 53, hours=n % 5)
        body = paragraph(n, title)
        kw = {"category": category, "tags": [TAGS[n % 10], TAGS[(n * 3) % 10]],
              "author": AUTHORS[n % 2][0]}
        if n % 7 == 0:
            kw["thumbnail"] = w.attachment(when, f"sampul-{n}.jpg", f"Kegiatan warga Sukadana nomor {n + 1}", ident, slug)[0]
        if n == 3:
            kw["thumbnail"] = w.attachment(when, "sampul-tanpa-alt.jpg", "", ident, slug)[0]
        if n == 5:
            _, url = w.attachment(when, "foto-tanpa-alt.jpg", "", ident, slug)
            body += f'\n<p><img class="aligncenter" src="{url}" alt="" width="8" height="6" /></p>'
        if n == 6:
            aid, url = w.attachment(when, "posyandu.jpg", "Kader posyandu menimbang balita", ident, slug)
            body += f'\n<p><a href="{url}"><img class="alignnone size-full wp-image-{aid}" src="{url}" alt="" /></a></p>'
        if n == 8:
            aid, url = w.attachment(when, "jembatan.jpg", "", ident, slug)
            body += (f'\n[caption id="attachment_{aid}" align="aligncenter" width="300"]<img class="wp-image-{aid}" '
                     f'src="{url}" alt="Jembatan gantung baru di atas sungai" width="300" /> Jembatan gantung yang baru selesai. Foto: Humas[/caption]')
        if n == 9:
            ids = [w.attachment(when, f"galeri-{k}.jpg", f"Suasana pasar murah, foto {k}", ident, slug)[0] for k in (1, 2, 3)]
            body += f'\n[gallery columns="3" ids="{",".join(map(str, ids))}"]'
        if n == 10:
            body += '\n[contact-form-7 id="55" title="Formulir Pengaduan"]'
        if n == 11:
            body = "<h1>Latar belakang</h1>\n" + body + "\n<h2>Jadwal</h2>\n<p>Setiap Senin pagi.</p>\n<h4>Catatan</h4><p>Bawa KTP.</p>"
        if n == 12:
            body += "\n<script>document.write('iklan')</script>"
        if n == 13:
            body += '\n<iframe src="https://www.youtube.com/embed/abc" width="560"></iframe>'
        if n in (14, 15, 16):
            kw["status"] = {14: "draft", 15: "pending", 16: "private"}[n]
        if n == 14:
            kw["gmt"] = "0000-00-00 00:00:00"  # WordPress leaves drafts without a GMT date
        if n in (17, 18):
            slug = "rapat-koordinasi-camat"
            when = datetime.datetime(2020, 3, 2 + n, 10, 0)
        if n == 19:
            title = ("Pemerintah Kabupaten Sukadana bersama seluruh perangkat daerah dan para camat "
                     "menggelar rapat koordinasi penanganan banjir musiman di wilayah hilir sungai")
        if n == 20:
            _, url = w.attachment(when, "foto-hilang.jpg", "Foto yang sudah dihapus", ident, slug, exists=False)
            body += f'\n<p><img src="{url}" alt="Foto yang sudah dihapus" /></p>'
        if n == 21:
            body += '\n<p>Formulir pendaftaran: <a href="https://sukadanakab.example/formulir/">klik di sini</a>.</p>'
        if n == 22:
            body += ("\n<table><tr><td>Kecamatan</td><td>Peserta</td></tr>"
                     "<tr><td>Lembah Hijau</td><td>120</td></tr></table>")
        if n == 23:
            title = ""
        if n == 24:
            aid, url = w.attachment(when, "balai-desa.jpg", "Balai desa dengan antena internet", ident, slug)
            small = url.replace(".jpg", "-300x200.jpg")
            body += f'\n<p><img class="wp-image-{aid}" src="{small}" alt="Balai desa dengan antena internet" /></p>'
        if n == 25:
            kw["excerpt"] = "Ringkasan resmi dari kutipan WordPress."
        w.item(ident, "post", title, slug, when, body, **kw)
    w.item(900, "page", "Profil Kabupaten Sukadana", "profil", start, paragraph(0, "profil kabupaten"))
    w.item(901, "page", "Visi dan Misi", "visi-misi", start, "<h2>Visi</h2>" + paragraph(1, "visi"))
    w.item(902, "page", "Kontak Humas", "kontak-humas", start, paragraph(2, "kontak humas"), status="draft")
    xml = folder / "sukadana.WordPress.2024-06-01.xml"
    xml.write_text(w.xml(), encoding="utf-8")
    content = folder / "content"
    shutil.copytree(TEST_CONTENT, content)
    for name, text in EXTRA_AGENCIES.items():
        (content / "opd" / f"{name}.md").write_text(text, encoding="utf-8")
    mapping = folder / "peta-opd.csv"
    mapping.write_text(MAP, encoding="utf-8")
    return Export(xml, w.uploads, content, mapping, w.posts)
