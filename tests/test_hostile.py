"""Content is untrusted input: what an attacker or a careless editor writes never runs in a
citizen's browser, never replaces what the build generates, and always gets a clear error.

The hostile cases are tables, so the next attacker's idea is one more row. Most rows run through
the library (Markdown as Pelican renders it, then the sanitizer); a handful run whole builds, and
one build is loaded page by page in Chromium, the parser that matters.
"""

import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import markdown
import pytest

from warta import EXAMPLE, ROOT
from warta.commands.build import BuildError, build, load_settings
from warta.content.addresses import Reserved, reserved_findings
from warta.content.sanitize import TAGS, URL_SCHEMES, Sanitizer, _parse_everything
from warta.content.sections.ppid.open_data import dip_csv

# Raw HTML in a body, each of which once built with exit 0 and ran (or could run) script, sent
# the citizen elsewhere, or loaded something from another origin. (name, Markdown body, needle
# expected on the reported line or None when the payload is obfuscated beyond recognition).
HOSTILE_BODIES = [
    ("xmp-title", '<xmp><p title="</xmp><script>alert(1)</script>"></xmp>\n', "<script"),
    ("noscript-title", '<noscript><p title="</noscript><script>alert(1)</script>"></noscript>\n',
     "<script"),
    ("bogus-comment", "<!--><script>alert(1)</script>-->\n", "<script"),
    ("fence-in-blockquote", "> ~~~\n> <script>alert(1)</script>\n> ~~~\n", "<script"),
    ("script", "<script>alert(1)</script>\n", "<script"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://contoh.invalid/">\n',
     "<meta"),
    ("form", '<form action="https://contoh.invalid/"><input name="nik"></form>\n', "<form"),
    ("base", '<base href="https://contoh.invalid/">\n', "<base"),
    ("stylesheet", '<link rel="stylesheet" href="https://contoh.invalid/x.css">\n', "<link"),
    ("style-element", "<style>body{display:none}</style>\n", "<style"),
    ("markdown-javascript-link", "[Unduh formulir](javascript:alert(1))\n", None),
    ("entity-javascript", '<a href="&#106;avascript:alert(1)">Jadwal</a>\n', None),
    ("tab-javascript", '<a href="java&#x09;script:alert(1)">Jadwal</a>\n', None),
    ("vbscript", '<a href="vbscript:msgbox(1)">Jadwal</a>\n', None),
    ("data-image", '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="Peta">\n', None),
    ("svg-xlink", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>\n', "<svg"),
    ("event-handler", '<p onclick="alert(1)">Jadwal pasar</p>\n', "onclick"),
    ("img-onerror", '<img src="x.webp" alt="Peta" onerror="alert(1)">\n', "onerror"),
    ("iframe", '<iframe src="https://contoh.invalid/" title="Peta"></iframe>\n', "<iframe"),
    ("object", '<object data="https://contoh.invalid/x.swf"></object>\n', "<object"),
    ("embed", '<embed src="https://contoh.invalid/x.swf">\n', "<embed"),
    ("math-xlink", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>\n', "<math"),
    ("template", "<template><script>alert(1)</script></template>\n", "<template"),
    ("attr-list-handler", "Jadwal pasar\n{: onmouseover=alert(1) }\n", None),
]

ARTICLE_HEADER = """Title: Jadwal pasar murah
Date: 2024-05-02 10:00
Category: Diskominfo
Slug: jadwal-pasar-murah
Summary: Jadwal pasar murah di tujuh kecamatan.

Paragraf pembuka.

"""


@pytest.fixture(scope="module")
def settings():
    return load_settings()


@pytest.fixture(scope="module")
def sanitizer():
    return Sanitizer()


def rendered(settings, body):
    """The body as Pelican's Markdown reader renders it with the city's MARKDOWN settings."""
    config = settings["MARKDOWN"]
    return markdown.Markdown(extensions=list(config["extension_configs"]),
                             extension_configs=config["extension_configs"],
                             output_format=config.get("output_format", "html5")).convert(body)


def unsafe_parts(html):
    """Everything in ``html``, parsed as a browser does, that the allowlist does not allow."""
    from html.parser import HTMLParser

    found = []

    class Parts(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in TAGS:
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{tag}[{name}]")
                if name in ("href", "src", "xlink:href", "action", "formaction") and value \
                        and ":" in value.split("/", 1)[0] \
                        and value.split(":", 1)[0].strip().lower() not in URL_SCHEMES:
                    found.append(f"{tag}[{name}={value[:20]}]")

    Parts().feed(_parse_everything(html))
    return found


@pytest.mark.parametrize("name, body, needle", HOSTILE_BODIES, ids=[r[0] for r in HOSTILE_BODIES])
def test_hostile_body_is_reported_and_nothing_unsafe_remains(name, body, needle, settings,
                                                             sanitizer, tmp_path):
    html = rendered(settings, body)
    cleaned, removed = sanitizer.check(html)
    assert removed, f"{name}: the sanitizer removed something silently or not at all: {cleaned!r}"
    assert unsafe_parts(cleaned) == []
    from content_check.content_check import _removal_findings

    source = tmp_path / "2024-05-02-jadwal.md"
    source.write_text(ARTICLE_HEADER + body, encoding="utf-8")
    findings = _removal_findings(str(source), removed, None)
    body_line = ARTICLE_HEADER.count("\n") + 1
    assert all(f.rule == "html-tidak-diizinkan" and f.fix for f in findings)
    if needle:
        assert findings[0].line >= body_line
        line_text = source.read_text(encoding="utf-8").splitlines()[findings[0].line - 1]
        assert needle in line_text.lower()


SAFE_BODIES = [
    "Paragraf dengan **tebal**, *miring*, `kode` dan [tautan](https://contoh.go.id/).\n",
    "[Surel kami](mailto:diskominfo@contoh.go.id) atau [telepon](tel:+62211234567).\n",
    "| Kecamatan | Penerima |\n|---|---|\n| Sukamaju | 12 |\n",
    "![Peta kecamatan](/images/peta.webp \"Peta tujuh kecamatan\")\n",
    "Teks &lt;script&gt; yang ditulis sebagai teks, dan 5 &amp; 6.\n",
    "Catatan kaki[^1].\n\n[^1]: Sumber: BPS Kota Contoh.\n",
    "*[BPS]: Badan Pusat Statistik\n\nData BPS terbaru.\n",
    "Program *smart city*{: lang=en } diperluas.\n",
    "<details><summary>Syarat</summary><p>KTP dan KK.</p></details>\n",
    "<!-- catatan redaksi: periksa angka -->\nParagraf.\n",
]


@pytest.mark.parametrize("body", SAFE_BODIES)
def test_supported_markdown_passes_the_sanitizer_unchanged(body, settings, sanitizer):
    html = rendered(settings, body)
    cleaned, removed = sanitizer.check(html)
    assert removed == []


def test_allowed_iframe_host_passes_and_others_do_not():
    sanitizer = Sanitizer(["https://www.youtube-nocookie.com/embed/"])
    good = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>'
    bad = '<iframe src="https://contoh.invalid/embed/abc" title="Video"></iframe>'
    assert sanitizer.check(good)[1] == []
    assert sanitizer.check(bad)[1]


# --- Addresses the build writes itself ----------------------------------------------------------
RESERVED_ADDRESSES = [
    ("index.html", "berita/2024-x.md"),
    ("404.html", "berita/2024-x.md"),
    ("feed/berita.atom.xml", "berita/2024-x.md"),
    ("ppid/dip.json", "berita/2024-x.md"),
    ("ppid/dip.csv", "halaman/x.md"),
    ("sitemap.xml", "halaman/x.md"),
    ("robots.txt", "halaman/x.md"),
    ("theme/js/listen.js", "halaman/x.md"),
    ("pagefind/pagefind.js", "halaman/x.md"),
] + [(f"{slug}/index.html", "halaman/x.md") for slug in
     ("cari", "ppid", "tampilan", "arsip", "opd", "layanan", "topik", "video", "majalah",
      "penulis")]


@pytest.mark.parametrize("address, source", RESERVED_ADDRESSES)
def test_content_cannot_take_an_address_the_build_writes(address, source, settings):
    findings = reserved_findings([(address, source, f"content/{source}", 3)], settings)
    assert [f.rule for f in findings] == ["url-cadangan"]
    assert "Slug" in findings[0].fix


def test_sections_keep_their_own_folders(settings):
    reserved = Reserved(settings)
    assert reserved.taken_by("ppid/dokumen/rencana-kerja/index.html", "ppid/dokumen/x.md") is None
    assert reserved.taken_by("video/belanja/index.html", "video/belanja.md") is None
    assert reserved.taken_by("layanan/ktp-el/index.html", "layanan/ktp-el.md") is None
    assert reserved.taken_by("layanan/ktp-el/index.html", "halaman/ktp-el.md")
    assert reserved.taken_by("berita/2024/x/index.html", "berita/2024-x.md") is None
    assert reserved.taken_by("images/peta.webp", "images/peta.webp") is None
    assert reserved.taken_by("kontak/index.html", "halaman/kontak.md") is None
    assert reserved.taken_by("ppid/dip/index.html", "ppid/halaman/dip.md")


# --- dip.csv in a spreadsheet ------------------------------------------------------------------
def test_dip_csv_neutralises_formulas_and_keeps_other_text():
    row = {name: "" for name in ("nomor", "kategori", "judul", "ringkasan", "opd", "tahun",
                                 "dikuasai_oleh", "penanggung_jawab", "waktu_pembuatan",
                                 "tempat_pembuatan", "bentuk", "retensi", "diperbarui",
                                 "dasar_hukum", "uji_konsekuensi", "url")}
    payloads = {"judul": '=HYPERLINK("https://contoh.invalid","Klik")', "ringkasan": "+1+1",
                "opd": "-2+3", "tempat_pembuatan": "@SUM(A1)", "bentuk": "\tOnline",
                "retensi": "\r5 tahun", "dikuasai_oleh": "Bidang A - Seksi B"}
    row.update(payloads, tahun=2025, lampiran=[])
    parsed = list(csv.DictReader(io.StringIO(dip_csv([row]))))[0]
    for key, value in payloads.items():
        if key == "dikuasai_oleh":
            assert parsed[key] == value
        else:
            assert parsed[key] == "'" + value
            assert not parsed[key].startswith(("=", "+", "-", "@", "\t", "\r"))


# --- Whole builds -------------------------------------------------------------------------------
def _tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def small_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent / "test_data" / "content", content)
    output = tmp_path / "output"
    build(output, content=content)
    return content, output, _tree_digest(output)


WHOLE_BUILD_CASES = [
    ("xmp-body", "berita/2024-05-02-jadwal.md",
     ARTICLE_HEADER + '<xmp><p title="</xmp><script>alert(1)</script>"></xmp>\n',
     "html-tidak-diizinkan"),
    ("meta-refresh-summary", "berita/2024-05-02-jadwal.md",
     ARTICLE_HEADER.replace("Summary: Jadwal pasar murah di tujuh kecamatan.",
                            'Summary: Jadwal <meta http-equiv="refresh" content="0;url=/x/">'),
     "html-tidak-diizinkan"),
    ("save-as-home-page", "berita/2024-05-02-jadwal.md",
     ARTICLE_HEADER.replace("Slug: jadwal-pasar-murah", "Save_as: index.html"), "url-cadangan"),
    ("save-as-feed", "berita/2024-05-02-jadwal.md",
     ARTICLE_HEADER.replace("Slug: jadwal-pasar-murah", "Save_as: feed/berita.atom.xml"),
     "url-cadangan"),
    ("page-slug-cari", "halaman/cari.md",
     "Title: Cara mencari\nSlug: cari\nSummary: Cara mencari berita lama.\n\nIsi.\n", "url-cadangan"),
    ("page-slug-ppid", "halaman/ppid.md",
     "Title: PPID\nSlug: ppid\nSummary: Tentang PPID.\n\nIsi.\n", "url-cadangan"),
]


@pytest.mark.build
@pytest.mark.parametrize("name, relative, text, rule", WHOLE_BUILD_CASES,
                         ids=[c[0] for c in WHOLE_BUILD_CASES])
def test_hostile_file_fails_the_build_cleanly_and_output_is_untouched(name, relative, text, rule,
                                                                      small_site):
    content, output, before = small_site
    (content / relative).write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build(output, content=content)
    message = str(error.value)
    lines = [line.strip() for line in message.splitlines() if f": {rule}: " in line]
    assert lines, message
    assert lines[0].startswith(f"content/{relative}:") or f"/{relative}:" in lines[0]
    assert "Traceback" not in message and ".output-" not in message
    assert "FileOverwriteFailedError" not in message
    assert _tree_digest(output) == before


# --- Every field of every kind of content, entity-encoded, in one build -------------------------
SCRIPT = "&lt;script src=/images/x.js&gt;&lt;/script&gt;"
IMAGE = "&lt;img src=x onerror=alert(1)&gt;"
REFRESH = "&lt;meta http-equiv=refresh content=0;url=/kontak/&gt;"
# (file under content/, {field: new value}); every file is a real sample file, rewritten.
HOSTILE_FIELDS = [
    ("berita/2024-05-20-jadwal-ppdb-2024.md", {
        "Title": f"Jadwal PPDB {SCRIPT} warga", "Summary": f"Ringkasan {REFRESH} berita.",
        "Author": f"Humas {IMAGE}", "Tags": f"sekolah, {IMAGE}",
        "Cover_alt": f"Gedung sekolah {IMAGE} berwarna krem",
        "Cover_caption": f"Gedung sekolah {SCRIPT}. Ilustrasi: Diskominfo."}),
    ("halaman/kontak.md", {"Title": f"Kontak {SCRIPT}", "Summary": f"Alamat {REFRESH} kantor."}),
    ("ppid/halaman/01-profil-ppid.md", {"Title": f"Profil PPID {SCRIPT}",
                                        "Summary": f"Siapa PPID {REFRESH}."}),
    ("ppid/dokumen/daftar-puskesmas-dan-layanan-disabilitas.md", {
        "Title": f"Daftar Puskesmas {SCRIPT}", "Ringkasan": f"Alamat {IMAGE} puskesmas.",
        "Dikuasai_oleh": f"=HYPERLINK(\"https://contoh.invalid\") {IMAGE}",
        "Penanggung_jawab": f"Kepala Dinas {SCRIPT}", "Tempat": f"Kota Contoh {IMAGE}"}),
    ("video/belanja-pangan-aman.md", {
        "Title": f"Tips Belanja {SCRIPT}", "Summary": f"Empat hal {REFRESH} sederhana.",
        "Cover_alt": f"Kartu judul {IMAGE} Kota Contoh TV"}),
    ("pengumuman/2026-11-20-pendaftaran-bantuan-alat-bantu-2026.md", {
        "Title": f"Pendaftaran bantuan {SCRIPT} dibuka", "Summary": f"Daftar {REFRESH} sekarang.",
        "Lampiran": f"pengumuman/lampiran/formulir-bantuan-alat-bantu-2026.pdf | Formulir {IMAGE}"}),
    ("agenda/musrenbang-kecamatan-sukamaju-2027.md", {
        "Title": f"Musrenbang {SCRIPT} Sukamaju", "Summary": f"Usulan {REFRESH} warga.",
        "Tempat": f"Aula {IMAGE} kecamatan", "Aksesibilitas": f"Juru bahasa isyarat {SCRIPT}"}),
    ("majalah/warta-kota-contoh-08.md", {
        "Title": f"Sigap {SCRIPT} Menolong", "Summary": f"Edisi September {REFRESH}.",
        "Cover_alt": f"Sampul majalah {IMAGE} edisi 8"}),
    ("layanan/akta-kelahiran.md", {
        "Title": f"Akta kelahiran {SCRIPT}", "Summary": f"Akta {REFRESH} untuk anak.",
        "Persyaratan": f"Surat keterangan lahir {IMAGE}", "Prosedur": f"Isi formulir {SCRIPT}",
        "Jangka_waktu": f"1 hari {IMAGE}", "Biaya": f"Rp1 {SCRIPT}", "Produk": f"Akta {IMAGE}",
        "Lokasi": f"Kantor {IMAGE}", "Jam_layanan": f"Senin {SCRIPT}",
        "Pengaduan": f"LAPOR! {IMAGE}", "Dasar_hukum": f"UU {SCRIPT}",
        "Lampiran": f"layanan/formulir/formulir-pelaporan-kelahiran.pdf | Formulir {IMAGE}"}),
]

# A file whose name holds "&", linked with a query that closes the attribute once unescaped:
# Pelican's own link step wrote it back raw, after the sanitizer (warta.content.links replaces it).
LINKED_FILE = "images/peta&kota.webp"
LINK = ("[Peta lokasi (WebP, 10 KB)]({static}/images/peta&amp;kota.webp?v=&quot;&gt;&lt;meta "
        "http-equiv=&quot;refresh&quot; content=&quot;0;url=https://contoh.invalid/&quot;&gt;&lt;"
        "base href=&quot;https://contoh.invalid/&quot;&gt;&lt;script src=&quot;/images/x.js&quot;&gt;)")
# Every kind of content whose body is HTML, each with the link at the end of its text.
LINKED_BODIES = [
    "berita/2024-05-20-jadwal-ppdb-2024.md", "opd/dinas-kesehatan.md",
    "ppid/dokumen/daftar-puskesmas-dan-layanan-disabilitas.md", "layanan/akta-kelahiran.md",
    "video/belanja-pangan-aman.md", "agenda/musrenbang-kecamatan-sukamaju-2027.md",
    "pengumuman/2026-11-20-pendaftaran-bantuan-alat-bantu-2026.md", "halaman/kontak.md",
]
# ... and in a Summary, which Pelican resolves separately, to a file no body links (a body's
# link made Pelican register the name cut at ";", which hid the fault).
LINKED_SUMMARY = "berita/2023-03-14-wifi-publik-tahap-pertama.md"
SUMMARY_FILE = "images/denah&lokasi.webp"

# Every element, attribute and URL of a page the theme did not write. It runs in a page of the
# portal over each page's bytes, parsed by Chromium's own HTML parser (DOMParser builds the tree
# a loaded page gets, and runs nothing): the theme's scripts never make elements from strings
# (test_theme_scripts_never_turn_strings_into_html), so that tree is the page a citizen gets.
UNSAFE_IN_PAGES = """
const [pages, done] = [arguments[0], arguments[arguments.length - 1]];
const origin = location.origin;
const unsafe = (doc, base) => {
  const found = [];
  const resolved = (value) => new URL(value || '', base);
  const allowedScheme = (value) =>
    ['http:', 'https:', 'mailto:', 'tel:'].includes(resolved(value).protocol);
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.localName;
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) found.push(tag + '[' + attribute.name + ']');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite']
          .includes(attribute.name) && !allowedScheme(attribute.value))
        found.push(tag + '[' + attribute.name + '=' + attribute.value.slice(0, 30) + ']');
    }
    if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset'].includes(tag))
      found.push('<' + tag + '>');
    // The theme's own forms (search, display preferences) submit to the portal itself.
    const action = resolved(element.getAttribute('action'));
    if (tag === 'form' && !(action.origin === origin
        && [...element.classList].some((name) => name.startsWith('w-'))))
      found.push('<form ' + action.href + '>');
    const src = element.getAttribute('src');
    if (tag === 'script' && element.type !== 'application/ld+json'
        && !(src && resolved(src).href.startsWith(origin + '/theme/js/')))
      found.push('<script ' + (src || element.textContent.slice(0, 30)) + '>');
    const href = resolved(element.getAttribute('href'));
    if (tag === 'link' && !(['stylesheet', 'icon', 'alternate', 'canonical'].includes(element.rel)
        && href.origin === origin))
      found.push('<link ' + element.rel + ' ' + href.href + '>');
    if (tag === 'meta' && element.httpEquiv
        && element.httpEquiv.toLowerCase() !== 'content-security-policy')
      found.push('<meta http-equiv=' + element.httpEquiv + '>');
  }
  return found;
};
(async () => {
  const problems = {};
  for (const page of pages) {
    const url = new URL(page, origin + '/').href;
    const response = await fetch(url);
    if (!response.ok) { problems[page] = ['HTTP ' + response.status]; continue; }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const found = unsafe(doc, url);
    if (found.length) problems[page] = found;
  }
  return problems;
})().then(done, (error) => done({'(skrip)': [String(error)]}));
"""

# What a theme script may not do: turn a string into markup (the page's text would become
# elements). search.js's DOMParser is the one exception: it copies text and <mark> out of it.
STRING_TO_HTML = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment"
    r"|setHTML|parseHTMLUnsafe|srcdoc|DOMParser")


def test_theme_scripts_never_turn_strings_into_html():
    found = {path.name: set(STRING_TO_HTML.findall(path.read_text(encoding="utf-8")))
             for path in sorted((ROOT / "theme" / "static" / "js").glob("*.js"))}
    assert {name: hits for name, hits in found.items() if hits} == {"search.js": {"DOMParser"}}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(EXAMPLE / "content", content)
    for relative, fields in HOSTILE_FIELDS:
        path = content / relative
        lines = path.read_text(encoding="utf-8").split("\n")
        for key, value in fields.items():
            index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
            lines[index] = f"{key}: {value}"
        path.write_text("\n".join(lines), encoding="utf-8")
    shutil.copy(next((content / "images" / "berita").glob("*.webp")), content / LINKED_FILE)
    for relative in LINKED_BODIES:
        path = content / relative
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{LINK}\n",
                        encoding="utf-8")
    path = content / LINKED_SUMMARY
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("Summary:"))
    shutil.copy(content / LINKED_FILE, content / SUMMARY_FILE)
    lines[index] = "Summary: Ringkasan dengan {}.".format(LINK.replace("peta&amp;kota", "denah&amp;lokasi"))
    path.write_text("\n".join(lines), encoding="utf-8")
    output = root / "output"
    build(output, content=content)
    return output


def test_entity_encoded_fields_are_text_in_every_page_chromium_builds(hostile_site, browser):
    from warta.commands.server import serve

    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    with serve(hostile_site) as base_url:
        browser.get(f"{base_url}/berita/2024/jadwal-ppdb-2024/")
        title = browser.title
        problems = browser.execute_async_script(UNSAFE_IN_PAGES, pages)
    assert problems == {}
    assert len(pages) > 100
    # The link is there, pointing at its file, in every kind of content (a harness that lost
    # it could not fail).
    linked = [p for p in pages if "/images/peta&amp;kota.webp?v=" in
              (hostile_site / p).read_text(encoding="utf-8")]
    assert len(linked) >= len(LINKED_BODIES), linked
    assert any("/images/denah&amp;lokasi.webp?v=" in (hostile_site / p).read_text(encoding="utf-8")
               for p in pages)
    # The editor wrote entities; the citizen reads the characters, as text.
    assert "<script src=/images/x.js></script>" in title


@pytest.mark.build
def test_feeds_carry_hostile_links_as_one_escaped_address(hostile_site):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    seen = 0
    for feed in sorted(hostile_site.rglob("*.atom.xml")):
        for entry in ET.parse(feed).getroot().iter(f"{atom}entry"):
            for part in ("content", "summary"):
                element = entry.find(f"{atom}{part}")
                html = element.text if element is not None and element.text else ""
                assert unsafe_parts(html) == [], (feed.name, html[:200])
                assert "<meta" not in html and "<base" not in html, (feed.name, html[:200])
                seen += "peta&amp;kota.webp?v=" in html
    assert seen >= 2


@pytest.mark.build
def test_entity_encoded_fields_are_decoded_text_in_feeds_and_open_data(hostile_site):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(hostile_site / "feed" / "berita.atom.xml").getroot()
    titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    assert any("<script src=/images/x.js></script>" in t for t in titles), titles
    data = json.loads((hostile_site / "ppid" / "dip.json").read_text(encoding="utf-8"))
    row = next(r for r in data["informasi"] if r["judul"].startswith("Daftar Puskesmas"))
    assert row["judul"] == "Daftar Puskesmas <script src=/images/x.js></script>"
    assert row["ringkasan"] == "Alamat <img src=x onerror=alert(1)> puskesmas."
    assert row["dikuasai_oleh"].startswith("=HYPERLINK(")
    cells = next(r for r in csv.DictReader(io.StringIO(
        (hostile_site / "ppid" / "dip.csv").read_text(encoding="utf-8")))
        if r["judul"].startswith("Daftar Puskesmas"))
    assert cells["dikuasai_oleh"].startswith("'=HYPERLINK(")
    assert cells["penanggung_jawab"] == "Kepala Dinas <script src=/images/x.js></script>"


def test_the_dom_check_finds_what_it_looks_for(tmp_path, browser):
    from warta.commands.server import serve

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><title>x</title>'
        '<meta http-equiv="refresh" content="60;url=/">'
        '<script src="/x.js"></script><img src="a.png" alt="" onerror="void 0">'
        '<a href="javascript:void 0">a</a><form action="https://contoh.invalid/"></form>'
        '<link rel="stylesheet" href="https://contoh.invalid/x.css"><base href="/">',
        encoding="utf-8")
    with serve(tmp_path) as base_url:
        browser.get(f"{base_url}/index.html")
        found = browser.execute_async_script(UNSAFE_IN_PAGES, ["index.html"])["index.html"]
    kinds = {item.split(" ")[0].split("[")[0].split("=")[0] for item in found}
    assert {"<meta", "<script", "img", "a", "<form", "<link", "<base>"} <= kinds, found


def test_templates_mark_safe_only_the_sanitized_html_fields():
    import re

    marked = []
    for template in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        marked += [(template.name, m.group(1)) for m in re.finditer(r"\{\{\s*([^}]*?)\|\s*safe", text)]
    assert marked, "the bodies and summaries are marked safe somewhere"
    assert [m for m in marked if not re.fullmatch(r"\w+(\.profile)?\.(content|summary)",
                                                  m[1].strip())] == []


def test_allowed_iframe_hosts_must_be_in_the_csp_frame_src():
    from warta.content.sanitize import frame_src_gaps

    csp = "default-src 'self'; frame-src https://www.youtube-nocookie.com"
    assert frame_src_gaps(["https://www.youtube-nocookie.com/embed/"], csp) == []
    assert frame_src_gaps(["https://player.vimeo.com/video/"], csp) == [
        "https://player.vimeo.com/video/"]


@pytest.mark.build
def test_an_iframe_host_missing_from_the_csp_stops_the_build(tmp_path):
    with pytest.raises(BuildError, match=r"pelicanconf.py:\d+: html-tidak-diizinkan: .*frame-src"):
        build(tmp_path / "output", content=Path(__file__).parent / "test_data" / "content",
              WARTA_LINT_IFRAME_ALLOWED=["https://player.vimeo.com/video/"])
    assert not (tmp_path / "output").exists()


def test_an_allowed_iframe_prefix_is_not_a_bare_string_prefix():
    sanitizer = Sanitizer(["https://www.youtube-nocookie.com"])
    look_alike = '<iframe src="https://www.youtube-nocookie.com.contoh.invalid/x" title="V"></iframe>'
    assert sanitizer.check(look_alike)[1]
    good = '<iframe src="https://www.youtube-nocookie.com/embed/x" title="V"></iframe>'
    assert sanitizer.check(good)[1] == []
