"""Write the sample PPID attachments in content/ppid/lampiran/ and the deliberately bad PDFs the
tests use in tests/fixtures/pdf/ (all committed; rerun to regenerate).

    .venv/bin/python tools/make_ppid_attachments.py

Every sample PDF is made the way a PPID should make it: a text layer, a title, the language set
to Indonesian, and structure tags (each heading and paragraph in the structure tree), so the
sample builds without a warning about its own attachments. The two bad PDFs go to the test
fixtures instead, where the tests show what the check reports: one has text, title and language
but no tags, and one is a "scanned" page, a picture of text with no text layer, title or
language, the usual barrier on PPID portals.
Every file is marked as fictional sample content.
"""

import datetime
import io
import sys
from contextlib import contextmanager
from pathlib import Path

from fpdf import FPDF, ViewerPreferences
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kota-contoh"
TARGET = EXAMPLE / "content" / "ppid" / "lampiran"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
CREATED = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.timezone.utc)
SAMPLE_MARK = "PORTAL CONTOH - dokumen rekaan untuk demonstrasi Warta"

# name: (title, pages: [[(kind, text), ...], ...]); kind is H1, H2 or P. All are tagged.
TEXT_PDFS = {
    "laporan-keuangan-diskominfo-2025.pdf": (
        "Laporan Keuangan Dinas Komunikasi dan Informatika Tahun Anggaran 2025",
        [
            [
                ("H1", "Laporan Keuangan Dinas Komunikasi dan Informatika Tahun Anggaran 2025"),
                ("P", "Laporan ini menyajikan realisasi anggaran, neraca, dan catatan atas "
                      "laporan keuangan Dinas Komunikasi dan Informatika Kota Contoh untuk "
                      "tahun anggaran 2025. Semua angka adalah contoh."),
                ("H2", "1. Realisasi anggaran"),
                ("P", "Anggaran belanja Rp 18.400.000.000; realisasi Rp 17.236.500.000 "
                      "(93,7 persen). Belanja pegawai Rp 6.120.000.000, belanja barang dan jasa "
                      "Rp 8.904.000.000, belanja modal Rp 2.212.500.000."),
            ],
            [
                ("H2", "2. Neraca per 31 Desember 2025"),
                ("P", "Aset lancar Rp 412.000.000. Aset tetap Rp 24.870.000.000, terutama "
                      "jaringan serat optik kota, perangkat pusat data, dan kendaraan "
                      "operasional. Kewajiban jangka pendek Rp 96.000.000."),
            ],
            [
                ("H2", "3. Catatan atas laporan keuangan"),
                ("P", "Sisa anggaran terutama berasal dari penghematan pengadaan perangkat "
                      "jaringan melalui katalog elektronik. Laporan ini telah direviu oleh "
                      "Inspektorat Kota Contoh."),
            ],
        ],
    ),
    "rencana-kerja-dinas-kesehatan-2026.pdf": (
        "Rencana Kerja Dinas Kesehatan Tahun 2026",
        [
            [
                ("H1", "Rencana Kerja Dinas Kesehatan Tahun 2026"),
                ("P", "Rencana kerja ini memuat program, kegiatan, target, dan pagu indikatif "
                      "Dinas Kesehatan Kota Contoh untuk tahun 2026. Semua angka adalah contoh."),
                ("H2", "Program prioritas"),
                ("P", "1. Imunisasi dasar lengkap: target 95 persen bayi. "
                      "2. Penurunan tengkes: pendampingan 1.200 keluarga berisiko. "
                      "3. Puskesmas ramah disabilitas: 12 puskesmas dengan jalur landai, "
                      "toilet aksesibel, dan petugas yang dapat berbahasa isyarat dasar."),
            ],
            [
                ("H2", "Pagu indikatif"),
                ("P", "Program pelayanan kesehatan masyarakat Rp 21.500.000.000; program "
                      "pencegahan dan pengendalian penyakit Rp 11.000.000.000; program "
                      "sumber daya manusia kesehatan Rp 3.200.000.000."),
            ],
            [
                ("H2", "Perubahan 15 September 2026"),
                ("P", "Rencana kerja ini diperbarui mengikuti perubahan APBD 2026. Pagu program "
                      "pencegahan dan pengendalian penyakit naik dari Rp 9.750.000.000 menjadi "
                      "Rp 11.000.000.000 untuk pemberantasan sarang nyamuk menjelang musim "
                      "hujan. Capaian semester pertama: imunisasi dasar lengkap 47 persen bayi, "
                      "480 keluarga berisiko tengkes didampingi, 7 puskesmas ramah disabilitas."),
            ],
        ],
    ),
    "laporan-layanan-informasi-publik-2025.pdf": (
        "Laporan Layanan Informasi Publik Tahun 2025",
        [
            [
                ("H1", "Laporan Layanan Informasi Publik Tahun 2025"),
                ("P", "Laporan tahunan PPID Kota Contoh sesuai Peraturan Komisi Informasi "
                      "Nomor 1 Tahun 2021. Semua angka adalah contoh."),
                ("H2", "Ringkasan permohonan"),
                ("P", "Permohonan masuk 214; dikabulkan seluruhnya 171; dikabulkan sebagian "
                      "19; ditolak karena informasi dikecualikan 9; informasi tidak dikuasai "
                      "15. Rata-rata waktu jawaban 4,6 hari kerja."),
            ],
            [
                ("H2", "Keberatan dan sengketa"),
                ("P", "Keberatan diajukan 6 kali; 5 diselesaikan oleh atasan PPID dalam 30 hari "
                      "kerja. Satu sengketa diajukan ke Komisi Informasi dan selesai melalui "
                      "mediasi."),
            ],
        ],
    ),
    "laporan-kinerja-dinas-sosial-2025.pdf": (
        "Ringkasan Laporan Kinerja Dinas Sosial Tahun 2025",
        [
            [
                ("H1", "Ringkasan Laporan Kinerja Dinas Sosial Tahun 2025"),
                ("P", "Capaian indikator kinerja utama Dinas Sosial Kota Contoh tahun 2025. "
                      "Semua angka adalah contoh."),
                ("P", "Persentase penyandang disabilitas yang menerima layanan rehabilitasi "
                      "sosial: target 80 persen, realisasi 84 persen. Persentase warga lanjut "
                      "usia telantar yang terlayani: target 90 persen, realisasi 88 persen."),
            ],
        ],
    ),
    "peringatan-dini-genangan-november-2026.pdf": (
        "Peringatan Dini Genangan dan Cuaca Ekstrem, November 2026",
        [
            [
                ("H1", "Peringatan Dini Genangan dan Cuaca Ekstrem"),
                ("P", "Hujan lebat disertai angin kencang diperkirakan turun pada 20 sampai 26 "
                      "November 2026. Kawasan rawan genangan: Kelurahan Sukamaju, Mekarsari, "
                      "dan Tanjung Baru."),
                ("P", "Bersihkan saluran air di sekitar rumah, simpan dokumen penting di tempat "
                      "tinggi, dan hubungi layanan darurat 112 bila air masuk ke rumah."),
            ],
        ],
    ),
    "sk-zonasi-spmb-2026.pdf": (
        "Keputusan Kepala Dinas Pendidikan Nomor 400.3/112/DISDIK/2026 tentang Wilayah Zonasi "
        "Penerimaan Murid Baru 2026/2027",
        [
            [
                ("H1", "Keputusan Kepala Dinas Pendidikan Kota Contoh Nomor 400.3/112/DISDIK/2026"),
                ("P", "tentang Penetapan Wilayah Zonasi Sistem Penerimaan Murid Baru Tahun "
                      "Ajaran 2026/2027"),
                ("P", "Versi aksesibel. Naskah asli bertanda tangan disimpan di Dinas "
                      "Pendidikan dalam bentuk cetak dan hasil pindaian; berkas ini disusun "
                      "dari naskah yang sama agar dapat dibaca pembaca layar dan diperbesar."),
                ("H2", "Memutuskan"),
                ("P", "1. Menetapkan wilayah zonasi setiap sekolah dasar dan sekolah menengah "
                      "pertama negeri sebagaimana tercantum dalam lampiran keputusan ini."),
                ("P", "2. Wilayah zonasi dihitung dari kelurahan tempat tinggal calon murid "
                      "menurut kartu keluarga."),
                ("P", "3. Keputusan ini berlaku sejak tanggal ditetapkan."),
                ("P", "Ditetapkan di Kota Contoh pada 3 Maret 2026 oleh Kepala Dinas "
                      "Pendidikan Kota Contoh."),
            ],
        ],
    ),
}

# The bad examples for the tests (tests/fixtures/pdf/), never for the sample portal.
# The early-warning notice again, with text, title and language but no tags: reported, not failed.
UNTAGGED_PDF = "tanpa-tag.pdf"
UNTAGGED_SOURCE = "peringatan-dini-genangan-november-2026.pdf"
# The signed zoning decree as a scanner makes it: no text layer, title or language, so it fails.
SCANNED_PDF = "pindaian.pdf"
SCANNED_LINES = [
    "PEMERINTAH KOTA CONTOH",
    "DINAS PENDIDIKAN",
    "",
    "KEPUTUSAN KEPALA DINAS PENDIDIKAN",
    "NOMOR 400.3/112/DISDIK/2026",
    "TENTANG",
    "PENETAPAN WILAYAH ZONASI SISTEM PENERIMAAN",
    "MURID BARU TAHUN AJARAN 2026/2027",
    "",
    "Menetapkan wilayah zonasi setiap SD dan SMP negeri",
    "sebagaimana tercantum dalam lampiran keputusan ini.",
    "",
    "Ditetapkan di Kota Contoh, 3 Maret 2026",
    "",
    SAMPLE_MARK,
]

CSV_FILES = {
    "harga-bahan-pokok-november-2026.csv": (
        "komoditas,satuan,pasar_sukamaju,pasar_mekarsari,pasar_tanjung_baru\r\n"
        "Beras medium,kg,13200,13000,13350\r\n"
        "Cabai merah keriting,kg,42000,45000,40500\r\n"
        "Bawang merah,kg,36000,35500,37000\r\n"
        "Minyak goreng kemasan,liter,18500,18000,18700\r\n"
        "Telur ayam ras,kg,28000,27500,28500\r\n"
    ),
}


@contextmanager
def tagged(pdf, struct_type, enabled=True):
    """Draw inside a marked-content sequence tied to a structure element (H1, H2, P).

    fpdf2 tags images and outline entries only; this gives every heading and paragraph its
    place in the structure tree, which is what makes a PDF "tagged" for a screen reader.
    """
    if not enabled:
        yield
        return
    mcid = pdf.struct_builder.next_mcid_for_page(pdf.page)
    pdf._add_marked_content(struct_type=f"/{struct_type}", mcid=mcid)
    pdf._out(f"/{struct_type} <</MCID {mcid}>> BDC")
    yield
    pdf._out("EMC")


def text_pdf(title, with_tags, pages, author="PPID Kota Contoh"):
    """A text PDF with title and language (and tags, unless ``with_tags`` is false); ``pages``
    is [[(kind, text), ...], ...]. tools/make_magazine_samples.py makes its editions here too."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_title(title)
    pdf.set_lang("id")
    pdf.set_author(author)
    pdf.set_subject(SAMPLE_MARK)
    # PDF/UA: viewers show the title, not the file name, in the window bar.
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    # Each block is drawn on the page it belongs to: a marked-content sequence must not
    # cross a page break.
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 20, 20)
    for blocks in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "I", 9)
        with tagged(pdf, "P", with_tags):
            pdf.cell(0, 6, SAMPLE_MARK, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for kind, text in blocks:
            size, style, height = {"H1": (18, "B", 9), "H2": (13, "B", 7), "P": (11, "", 6)}[kind]
            pdf.set_font("Helvetica", style, size)
            with tagged(pdf, kind, with_tags):
                pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def scanned_pdf(lines):
    """A picture of a letter on a slightly grey, slightly rotated page, as a scanner makes it."""
    width, height = 827, 1169  # A4 at 100 dpi
    page = Image.new("L", (width, height), 236)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=24)
    y = 110
    for line in lines:
        text_width = draw.textlength(line, font=font)
        draw.text(((width - text_width) / 2, y), line, fill=35, font=font)
        y += 40
    page = page.rotate(0.8, fillcolor=236, resample=Image.Resampling.BICUBIC)
    image = io.BytesIO()
    page.save(image, "JPEG", quality=55)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, (title, pages) in TEXT_PDFS.items():
        (TARGET / name).write_bytes(text_pdf(title, True, pages))
    for name, text in CSV_FILES.items():
        (TARGET / name).write_bytes(text.encode("utf-8"))
    FIXTURES.mkdir(parents=True, exist_ok=True)
    title, pages = TEXT_PDFS[UNTAGGED_SOURCE]
    (FIXTURES / UNTAGGED_PDF).write_bytes(text_pdf(title, False, pages))
    (FIXTURES / SCANNED_PDF).write_bytes(scanned_pdf(SCANNED_LINES))
    for folder in (TARGET, FIXTURES):
        for path in sorted(folder.iterdir()):
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bita")
    return 0


if __name__ == "__main__":
    sys.exit(main())
