"""Every content-check rule: one case where it fires at the right source line, one where it passes."""

import re

import pytest

from warta.commands.build import load_settings
from warta.content.files import BUILD_RULES as TREE_AND_SECTION_RULES
from warta.content.lint import RULES, lint_file

HEADER = {
    "Title": "Pasar murah di Kecamatan Sukamaju",
    "Date": "2024-05-02 10:00",
    "Category": "Diskominfo",
    "Tags": "pasar murah, bahan pokok",
    "Slug": "pasar-murah-sukamaju",
    "Summary": "Pemkot Contoh membuka pasar murah di Kecamatan Sukamaju selama tiga hari.",
}
BODY_LINE = len(HEADER) + 2  # the first body line: after the header and one blank line
PARAGRAPH = "Warga dapat membeli beras dan minyak goreng dengan harga terjangkau.\n"


def article(body=PARAGRAPH, **changes):
    """An article's Markdown: the header with ``changes`` (None deletes a field), then ``body``."""
    header = dict(HEADER)
    for key, value in changes.items():
        if value is None:
            header.pop(key, None)
        else:
            header[key] = value
    return "\n".join(f"{key}: {value}" for key, value in header.items()) + "\n\n" + body


ENGLISH = "The city opened the market for all residents and it will be open to the public this week.\n"

# rule: (firing Markdown, line it must point at, passing Markdown, settings for the passing case)
CASES = {
    "berkas-teks": (article().encode("utf-16"), 1, article(), {}),
    "metadata-wajib": (article(Summary=None), 1, article(), {}),
    "metadata-tanggal": (article(Date="2024-13-01"), 2, article(Date="2024-12-01 08:00"), {}),
    "metadata-opd": (article(Category="Dinas Pariwisata"), 3, article(Category="Dinkes"), {}),
    "metadata-nilai": (article(Status="terbit"), 7, article(Status="draft"), {}),
    "metadata-tag": (article(Tags="Pasar Murah, pasar murah"), 4, article(), {}),
    "metadata-tag-banyak": (
        article(Tags=", ".join(f"topik {n}" for n in range(11))), 4,
        article(Tags=", ".join(f"topik {n}" for n in range(10))), {},
    ),
    "judul-panjang": (article(Title="J" * 121), 1, article(Title="J" * 120), {}),
    "lint-diizinkan": (article(Title="J" * 121, Lint_diizinkan="judul-panjang"), 7, article(), {}),
    "lint-diizinkan-salah": (article(Lint_diizinkan="gambar-alt"), 7, article(), {}),
    "ringkasan-panjang": (article(Summary="R" * 301), 6, article(Summary="R" * 300), {}),
    "isi-templat": (PARAGRAPH + "\n[[Isi bagian ini.]]\n", BODY_LINE + 2, PARAGRAPH, {}),
    "perlu-ditinjau": (
        PARAGRAPH + "\nDitetapkan dengan ((tinjau: tulis nomor keputusan penetapan PPID)).\n",
        BODY_LINE + 2, PARAGRAPH + "\nDitetapkan dengan Keputusan Nomor 480/25/2026.\n", {},
    ),
    "gambar-alt": (
        "![](/images/logo-kota-contoh.svg)\n", BODY_LINE,
        "![](/images/logo-kota-contoh.svg){: .dekoratif }\n", {},
    ),
    "gambar-alt-buruk": (
        PARAGRAPH + "\n![foto](/images/logo-kota-contoh.svg)\n", BODY_LINE + 2,
        PARAGRAPH + "\n![Lambang Kota Contoh: perisai biru dengan menara](/images/logo-kota-contoh.svg)\n", {},
    ),
    "gambar-berkas": (
        article(Cover="images/tidak-ada.webp", Cover_alt="Lambang Kota Contoh"), 7,
        article(Cover="images/logo-kota-contoh.svg", Cover_alt="Lambang Kota Contoh"), {},
    ),
    "subjudul-h1": ("# Latar belakang\n\n" + PARAGRAPH, BODY_LINE, "## Latar belakang\n\n" + PARAGRAPH, {}),
    "subjudul-lompat": (
        "## Jadwal\n\n" + PARAGRAPH + "\n#### Hari pertama\n", BODY_LINE + 4,
        "## Jadwal\n\n" + PARAGRAPH + "\n### Hari pertama\n", {},
    ),
    "subjudul-kosong": (PARAGRAPH + "\n##\n", BODY_LINE + 2, PARAGRAPH + "\n## Jadwal\n", {}),
    "tautan-umum": (
        "Jadwal lengkap ada\n[di sini](https://pasar.kotacontoh.example/jadwal).\n", BODY_LINE + 1,
        "Lihat [jadwal lengkap pasar murah](https://pasar.kotacontoh.example/jadwal).\n", {},
    ),
    "tautan-url": (
        "<https://pasar.kotacontoh.example>\n", BODY_LINE,
        "Pendaftaran pedagang dibuka di <https://pasar.kotacontoh.example>.\n", {},
    ),
    "tautan-kosong": (
        "Pendaftaran [](https://pasar.kotacontoh.example) dibuka.\n", BODY_LINE,
        "Pendaftaran di [portal pasar murah](https://pasar.kotacontoh.example) dibuka.\n", {},
    ),
    "tautan-berkas": (
        "[Unduh jadwal pasar murah]({static}/attachments/jadwal.pdf)\n", BODY_LINE,
        "[Unduh jadwal pasar murah (PDF, 1,5 KB)]({static}/attachments/jadwal.pdf)\n", {},
    ),
    "tautan-rusak": (
        "Baca [berita pemeriksaan pangan]({filename}/berita/tidak-ada.md).\n", BODY_LINE,
        "Baca [berita pemeriksaan pangan]({filename}/berita/2023-02-01-uji-kedua.md).\n", {},
    ),
    "berkas-rumit": (PARAGRAPH + "\n" + "[" * 1200 + "\n", BODY_LINE + 2,
                     PARAGRAPH + "\n" + "[Jadwal pasar](/jadwal/) " * 100 + "\n", {}),
    "jalur-keluar": (
        '<a href="{static}/../../attachments/jadwal.pdf">Jadwal pasar murah (PDF, 1,5 KB)</a>\n',
        BODY_LINE,
        '<a href="{static}/attachments/jadwal.pdf">Jadwal pasar murah (PDF, 1,5 KB)</a>\n', {},
    ),
    "gambar-srcset": (
        '<img src="/images/logo-kota-contoh.svg" srcset="/images/logo.webp 40w" alt="Lambang kota">\n',
        BODY_LINE, '<img src="/images/logo-kota-contoh.svg" alt="Lambang kota">\n', {},
    ),
    "tabel-header": (
        PARAGRAPH + "\n<table>\n<tr><td>Sukamaju</td><td>12</td></tr>\n</table>\n", BODY_LINE + 2,
        PARAGRAPH + "\n| Kecamatan | Pedagang |\n|---|---|\n| Sukamaju | 12 |\n", {},
    ),
    "html-script": (
        PARAGRAPH + "\n<script>alert('halo')</script>\n", BODY_LINE + 2,
        PARAGRAPH + "\n<abbr title=\"Organisasi Perangkat Daerah\">OPD</abbr> ikut hadir.\n", {},
    ),
    "html-iframe": (
        '<iframe src="https://video.example/embed/1" title="Video pasar murah"></iframe>\n', BODY_LINE,
        '<iframe src="https://video.example/embed/1" title="Video pasar murah"></iframe>\n',
        {"WARTA_LINT_IFRAME_ALLOWED": ["https://video.example/embed/"]},
    ),
    "html-event": ('<p onclick="buka()">Jadwal pasar</p>\n', BODY_LINE, "<p>Jadwal pasar</p>\n", {}),
    "html-warna": (
        'Harga <span style="color: red">naik</span> minggu ini.\n', BODY_LINE,
        'Harga <span style="white-space: nowrap">naik 5 %</span> minggu ini.\n', {},
    ),
    "bahasa-kode": (
        "Program *smart city*{: lang=inggris } diperluas.\n", BODY_LINE,
        "Program *smart city*{: lang=en } diperluas.\n", {},
    ),
    "bahasa-tanda": (PARAGRAPH + "\n" + ENGLISH, BODY_LINE + 2, PARAGRAPH + "\n" + ENGLISH + "{: lang=en }\n", {}),
}
# Rules that need the whole build (they are about files Pelican reads or what it writes):
# tested in tests/test_editor_build.py.
BUILD_RULES = {"berkas-jenis", "url-ganda", "url-cadangan", "html-tidak-diizinkan"}
# The content tree, PDF and section rules: tested in tests/test_content_files.py.
BUILD_RULES |= {rule for rule, *_ in TREE_AND_SECTION_RULES}


def write(content_dir, source):
    """Write ``source`` (a body, a whole article, or bytes) as an article; return its path."""
    path = content_dir / "berita" / "2024-05-02-pasar-murah.md"
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source if source.startswith(("Title:", "---")) else article(source), encoding="utf-8")
    return path


def findings_for(content_dir, source, overrides):
    (content_dir / "attachments").mkdir(exist_ok=True)
    (content_dir / "attachments" / "jadwal.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 1527)
    settings = load_settings(PATH=str(content_dir), **overrides)
    return lint_file(write(content_dir, source), settings)


def test_every_rule_has_a_firing_and_a_passing_case():
    assert set(CASES) | BUILD_RULES == set(RULES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_fires_at_the_source_line(rule, content_dir):
    bad, line, _, _ = CASES[rule]
    findings = findings_for(content_dir, bad, {})
    fired = [f for f in findings if f.rule == rule]
    assert fired, f"{rule} did not fire; findings: {[str(f) for f in findings]}"
    assert fired[0].line == line, str(fired[0])
    assert fired[0].severity == RULES[rule].severity
    text = str(fired[0])
    assert text.startswith(f"content/berita/2024-05-02-pasar-murah.md:{line}: {rule}: ") or \
        f"2024-05-02-pasar-murah.md:{line}: {rule}: " in text
    assert text.endswith(")"), "every finding says how to fix it, in parentheses"


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_passes_a_correct_file(rule, content_dir):
    _, _, good, overrides = CASES[rule]
    findings = findings_for(content_dir, good, overrides)
    assert [str(f) for f in findings] == []


def test_file_link_fix_names_the_real_format_and_size(content_dir):
    bad = CASES["tautan-berkas"][0]
    (finding,) = [f for f in findings_for(content_dir, bad, {}) if f.rule == "tautan-berkas"]
    assert "PDF, 1,5 KB" in finding.fix


def test_empty_file_is_refused(content_dir):
    (finding,) = findings_for(content_dir, b"  \n\n", {})
    assert (finding.rule, finding.line, finding.message) == ("berkas-teks", 1, "Berkas kosong")


def test_binary_file_with_nul_bytes_is_refused(content_dir):
    (finding,) = findings_for(content_dir, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {})
    assert finding.rule == "berkas-teks" and "gambar PNG" in finding.message


def test_hash_heading_without_a_space_counts_as_a_heading(content_dir):
    # Python-Markdown renders "#Judul" as <h1>, so the check must see it too.
    findings = findings_for(content_dir, "#Latar belakang\n", {})
    assert [f.rule for f in findings] == ["subjudul-h1"]


def test_headings_inside_code_are_not_headings(content_dir):
    findings = findings_for(content_dir, "```\n# komentar di kode\n<script>x()</script>\n```\n", {})
    assert findings == []


def test_attribute_lists_are_held_to_the_raw_html_rules(content_dir):
    findings = findings_for(content_dir, PARAGRAPH + '{: style="background: yellow" onmouseover="x()" }\n', {})
    assert sorted(f.rule for f in findings) == ["html-event", "html-warna"]
    assert {f.line for f in findings} == {BODY_LINE + 1}


def test_arabic_text_needs_a_lang_mark(content_dir):
    bad = findings_for(content_dir, "Acara dibuka dengan بسم الله الرحمن الرحيم oleh panitia.\n", {})
    good = findings_for(
        content_dir, 'Acara dibuka dengan <span lang="ar" dir="rtl">بسم الله الرحمن الرحيم</span> oleh panitia.\n', {}
    )
    assert [f.rule for f in bad] == ["bahasa-tanda"] and good == []


def test_line_numbers_count_the_yaml_style_header(content_dir):
    text = "---\n" + article("# Judul\n").replace("\n\n", "\n---\n\n", 1)
    findings = findings_for(content_dir, text, {})
    assert [(f.rule, f.line) for f in findings] == [("subjudul-h1", BODY_LINE + 2)]


def test_html_in_header_values_is_held_to_the_same_rules(content_dir):
    # Templates print Title, Summary and captions as HTML, so a script there would run.
    findings = findings_for(content_dir, article(Title="Pasar <script>alert(1)</script>"), {})
    assert [(f.rule, f.line) for f in findings] == [("html-script", 1)]


def test_every_rule_has_a_section_in_the_editors_guide():
    from warta import ROOT
    from warta.content.lint import GUIDE

    headings = re.findall(r"^### (\S+)$", (ROOT / GUIDE).read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(headings) == sorted(RULES), "one guide section per rule id, named by the id"


def test_links_inside_the_editors_guide_reach_a_section():
    from warta import ROOT
    from warta.content.lint import GUIDE

    text = (ROOT / GUIDE).read_text(encoding="utf-8")
    # GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
    anchors = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links - anchors == set()


@pytest.mark.parametrize(("field", "value", "good"), [
    ("Tags", "pasar murah, !!!", "pasar murah, bahan pokok"),
    ("Author", "---", "Tim Diskominfo"),
])
def test_a_topic_or_author_that_makes_no_address_is_refused_at_its_line(content_dir, field, value, good):
    line = list(HEADER).index(field) + 1 if field in HEADER else len(HEADER) + 1
    bad = findings_for(content_dir, article(**{field: value}), {})
    assert [(f.rule, f.line) for f in bad if f.rule == "metadata-nilai"] == [("metadata-nilai", line)]
    assert [str(f) for f in findings_for(content_dir, article(**{field: good}), {})] == []


def test_template_of_another_kind_is_refused_with_the_allowed_list(content_dir):
    for other in ("tampilan", "aksesibilitas", "index"):
        (finding,) = [f for f in findings_for(content_dir, article(Template=other), {})
                      if f.rule == "metadata-nilai"]
        assert finding.line == len(HEADER) + 1 and "article" in finding.fix
    assert [str(f) for f in findings_for(content_dir, article(Template="article"), {})] == []


def test_a_page_may_use_a_template_that_extends_the_page_template(content_dir):
    settings = load_settings(PATH=str(content_dir))
    page = content_dir / "halaman" / "uji-templat.md"
    page.parent.mkdir(exist_ok=True)
    text = "Title: Pernyataan\nSummary: Pernyataan aksesibilitas portal.\nTemplate: {}\n\n" + PARAGRAPH
    page.write_text(text.format("aksesibilitas"), encoding="utf-8")
    assert [str(f) for f in lint_file(page, settings)] == []
    page.write_text(text.format("article"), encoding="utf-8")
    (finding,) = lint_file(page, settings)
    assert finding.rule == "metadata-nilai" and finding.line == 3
    assert "aksesibilitas, page" in finding.fix


def test_addresses_differing_only_in_case_are_one_address():
    from warta.content.lint import duplicate_outputs
    (finding,) = duplicate_outputs([("Berita/X/index.html", "a.md", 3), ("berita/x/index.html", "b.md", 4)])
    assert finding.rule == "url-ganda" and finding.path == "b.md" and finding.line == 4
    assert duplicate_outputs([("berita/x/index.html", "a.md", 3), ("berita/y/index.html", "b.md", 4)]) == []
