"""The rules of the content checks: ids, severities, the guide that explains them, and the
settings they read.

Every rule has an id, a severity and a section of the same name in docs/panduan-editor.md, so
an editor can look any finding up.
"""

import re
from collections import namedtuple

from warta.content.errors import ERROR, WARNING
from warta.content.files import BUILD_RULES

GUIDE = "docs/panduan-editor.md"

Rule = namedtuple("Rule", "id severity summary")

# Every rule, in the order of the editors' guide. The id is also the guide's section anchor.
RULES = {
    rule.id: rule
    for rule in (
        Rule("berkas-teks", ERROR, "Berkas konten harus teks UTF-8 yang berisi"),
        Rule("berkas-rumit", ERROR, "Berkas tidak melebihi batas bentuk (baris, tanda [ dan <, tingkat)"),
        Rule("berkas-jenis", ERROR, "Tulisan ditulis sebagai Markdown (.md)"),
        Rule("metadata-wajib", ERROR, "Kolom metadata wajib ada dan terisi"),
        Rule("metadata-tanggal", ERROR, "Tanggal ditulis TTTT-BB-HH atau TTTT-BB-HH JJ:MM"),
        Rule("metadata-opd", ERROR, "Category adalah salah satu perangkat daerah terdaftar"),
        Rule("metadata-nilai", ERROR, "Status, Slug, Template, Lang, Save_as, URL, topik dan penulis bernilai sah"),
        Rule("metadata-tag", WARNING, "Topik (Tags) ditulis seragam dan tanpa ganda"),
        Rule("metadata-tag-banyak", ERROR, "Paling banyak WARTA_LINT_TAGS_MAX topik per tulisan"),
        Rule("judul-panjang", ERROR, "Judul tidak melebihi batas panjang"),
        Rule("ringkasan-panjang", ERROR, "Ringkasan tidak melebihi batas panjang"),
        Rule("isi-templat", ERROR, "Teks contoh dari templat sudah diganti"),
        Rule("perlu-ditinjau", WARNING, "Bagian yang ditandai ((tinjau: ...)) sudah diputuskan"),
        Rule("gambar-alt", ERROR, "Setiap gambar punya teks alternatif atau ditandai dekoratif"),
        Rule("gambar-alt-buruk", ERROR, "Teks alternatif bukan nama berkas dan bukan 'gambar'/'foto'"),
        Rule("gambar-berkas", ERROR, "Berkas gambar sampul ada di folder content/"),
        Rule("subjudul-h1", ERROR, "Isi tulisan tidak memakai judul tingkat 1 (#)"),
        Rule("subjudul-lompat", ERROR, "Subjudul dimulai dari ## dan tidak melompati tingkat"),
        Rule("subjudul-kosong", ERROR, "Subjudul tidak kosong"),
        Rule("tautan-umum", ERROR, "Teks tautan menjelaskan tujuannya (bukan 'klik di sini')"),
        Rule("tautan-url", ERROR, "Alamat web polos tidak dipakai sebagai teks tautan tanpa konteks"),
        Rule("tautan-kosong", ERROR, "Tautan punya teks dan alamat"),
        Rule("tautan-berkas", ERROR, "Tautan ke berkas menyebut format dan ukurannya"),
        Rule("tautan-rusak", ERROR, "Tautan {static}/{filename}/{attach} menunjuk berkas yang ada"),
        Rule("jalur-keluar", ERROR, "Jalur berkas tidak keluar dari folder content/"),
        Rule("gambar-srcset", ERROR, "srcset dan sizes gambar dibuat Warta, tidak ditulis sendiri"),
        Rule("tabel-header", ERROR, "Setiap tabel punya sel judul (header)"),
        Rule("html-script", ERROR, "Tidak ada <script> atau tautan javascript:"),
        Rule("html-iframe", ERROR, "Tidak ada <iframe>, <object> atau <embed> selain yang diizinkan"),
        Rule("html-event", ERROR, "Tidak ada atribut peristiwa seperti onclick"),
        Rule("html-warna", ERROR, "Tidak ada style yang mengatur warna, <style> atau <font>"),
        Rule("html-tidak-diizinkan", ERROR, "Isi tulisan hanya memakai HTML yang diizinkan tema"),
        Rule("bahasa-kode", ERROR, "Kode bahasa pada lang sah, misalnya en atau ar"),
        Rule("bahasa-tanda", WARNING, "Bagian berbahasa lain ditandai dengan lang"),
        Rule("url-ganda", ERROR, "Dua berkas tidak boleh menulis alamat (URL) yang sama"),
        Rule("url-cadangan", ERROR, "Tulisan tidak memakai alamat yang ditulis portal sendiri"),
        Rule("lint-diizinkan", WARNING, "Berkas yang memakai Lint_diizinkan dihitung setiap build"),
        Rule("lint-diizinkan-salah", ERROR, "Lint_diizinkan hanya menyebut aturan redaksional"),
    )
}
# The build's own checks (content tree, PDFs, PPID, video, magazines) share the ids and guide.
RULES.update((rule_id, Rule(rule_id, *rest)) for rule_id, *rest in BUILD_RULES)

# Text an editor must replace: `warta baru` writes it into new files, and the isi-templat rule
# refuses to publish a file that still holds it.
PLACEHOLDER = re.compile(r"\[\[[^\[\]\n]*\]\]")
# What a person must still decide in a new portal (`warta kota-baru` writes it: the decree that
# established the PPID, the head of an office, office hours): perlu-ditinjau reports it as a
# warning, because the portal is correct without it, only not yet complete.
REVIEW_MARKER = re.compile(r"\(\(tinjau:[^()\n]*\)\)")


def guide_link(rule):
    return f"{GUIDE}#{rule}"
