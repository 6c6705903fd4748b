"""Write the sample magazine and newspaper editions in content/majalah/berkas/ (committed; rerun
to regenerate).

    .venv/bin/python tools/make_magazine_samples.py

Each edition is a tagged PDF made the way tools/make_ppid_attachments.py makes PPID documents
(a text layer, a title, the language set to Indonesian, every heading and paragraph in the
structure tree), so it passes the shared PDF check, plus a cover picture. The page numbers in
each edition's `Contents:` lines (content/majalah/*.md) are the pages below: a test reads the
PDFs to keep them in step. Every file is marked as fictional sample content.
"""

import sys
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_ppid_attachments import text_pdf  # noqa: E402 - the one tagged-PDF writer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kota-contoh"
TARGET = EXAMPLE / "content" / "majalah" / "berkas"
COVER_SIZE = (420, 594)  # A4 proportions
SAMPLE_MARK = "Portal Contoh: edisi rekaan untuk demonstrasi Warta"

# file stem: (PDF title, author, cover colours, cover lines, pages). Pages are
# [[(kind, text), ...], ...]; kind is H1, H2 or P. Text stays in Latin-1 (the PDF core font).
EDITIONS = {
    "warta-kota-contoh-07": (
        "Majalah Warta Kota Contoh Edisi 7, Agustus 2025: Rumah yang Ramah bagi Semua",
        "Dinas Komunikasi dan Informatika Kota Contoh",
        ((8, 42, 70), (255, 214, 10)),
        ["WARTA KOTA CONTOH", "Edisi 7 - Agustus 2025", "Rumah yang Ramah", "bagi Semua"],
        [
            [("H1", "Warta Kota Contoh"),
             ("P", "Majalah Pemerintah Kota Contoh. Edisi 7, Agustus 2025."),
             ("H2", "Rumah yang ramah bagi semua")],
            [("H2", "Daftar isi"),
             ("P", "Sambutan Wali Kota - halaman 3"),
             ("P", "Laporan utama: 150 rumah direhabilitasi - halaman 4"),
             ("P", "Alat bantu diantar ke rumah warga - halaman 5"),
             ("P", "Agenda kota bulan September - halaman 6")],
            [("H2", "Sambutan Wali Kota"),
             ("P", "Warga yang kami hormati, rumah adalah tempat kita memulai hari. Tahun ini kami "
                   "memastikan rumah yang diperbaiki dengan anggaran kota dapat dipakai oleh "
                   "semua penghuninya, termasuk orang tua dan penyandang disabilitas.")],
            [("H2", "Laporan utama: 150 rumah direhabilitasi"),
             ("P", "Dinas Perkimtan menyerahkan 150 rumah hasil rehabilitasi. Penerima "
                   "didahulukan bagi warga lanjut usia dan penyandang disabilitas. Setiap rumah "
                   "kini punya jalur landai, pegangan tangan, dan kamar mandi yang lebih lebar.")],
            [("H2", "Alat bantu diantar ke rumah warga"),
             ("P", "Dinas Sosial mengantar 140 kursi roda, tongkat, dan alat bantu dengar "
                   "langsung ke rumah penerima, sehingga warga tidak perlu antre di kantor.")],
            [("H2", "Agenda kota bulan September"),
             ("P", "Pelatihan kegawatdaruratan untuk tenaga kesehatan puskesmas, pasar murah di "
                   "empat kecamatan, dan layanan administrasi kependudukan keliling.")],
        ],
    ),
    "warta-kota-contoh-08": (
        "Majalah Warta Kota Contoh Edisi 8, September 2025: Sigap Menolong",
        "Dinas Komunikasi dan Informatika Kota Contoh",
        ((0, 77, 64), (255, 255, 255)),
        ["WARTA KOTA CONTOH", "Edisi 8 - September 2025", "Sigap Menolong"],
        [
            [("H1", "Warta Kota Contoh"),
             ("P", "Majalah Pemerintah Kota Contoh. Edisi 8, September 2025."),
             ("H2", "Sigap menolong")],
            [("H2", "Daftar isi"),
             ("P", "Dari redaksi - halaman 3"),
             ("P", "Laporan utama: puskesmas siap tangani keadaan darurat - halaman 3"),
             ("P", "Tanya jawab: kapan menelepon 112? - halaman 4")],
            [("H2", "Dari redaksi"),
             ("P", "Edisi ini mengajak Anda mengenal layanan gawat darurat di kota kita."),
             ("H2", "Laporan utama: puskesmas siap tangani keadaan darurat"),
             ("P", "Tenaga kesehatan dari 14 puskesmas dilatih menangani serangan jantung, "
                   "stroke, dan persalinan darurat. Setiap puskesmas kini punya alur rujukan yang "
                   "sama ke rumah sakit daerah.")],
            [("H2", "Tanya jawab: kapan menelepon 112?"),
             ("P", "Telepon 112 bila ada nyawa yang terancam: orang tidak sadar, sesak napas, "
                   "kebakaran, atau kecelakaan. Layanan ini gratis dan dapat dihubungi dari "
                   "telepon apa pun.")],
        ],
    ),
    "koran-kota-contoh-112": (
        "Koran Kota Contoh Edisi 112, 28 Juli 2025",
        "Dinas Komunikasi dan Informatika Kota Contoh",
        ((255, 255, 255), (8, 42, 70)),
        ["KORAN KOTA CONTOH", "Edisi 112 - 28 Juli 2025", "Alat Bantu", "Sampai ke Rumah"],
        [
            [("H1", "Koran Kota Contoh"),
             ("P", "Koran mingguan Pemerintah Kota Contoh. Edisi 112, 28 Juli 2025."),
             ("H2", "Berita utama: alat bantu sampai ke rumah"),
             ("P", "Dinas Sosial mengantar langsung 140 alat bantu ke rumah warga lansia dan "
                   "penyandang disabilitas.")],
            [("H2", "Pendidikan: hasil SPMB 2025 diumumkan"),
             ("P", "Hasil Sistem Penerimaan Murid Baru SD dan SMP negeri diumumkan di laman "
                   "sekolah dan di kantor Dinas Pendidikan. Daftar ulang dibuka lima hari kerja."),
             ("H2", "Layanan: jadwal pasar murah"),
             ("P", "Pasar murah digelar bergiliran di tujuh kecamatan setiap Sabtu pagi.")],
        ],
    ),
}


def cover(background, foreground, lines):
    """A plain cover: the publication, the edition and the headline, as its alt text says."""
    image = Image.new("RGB", COVER_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = COVER_SIZE
    draw.rectangle([0, 0, width, 90], fill=foreground)
    draw.text((24, 28), lines[0], fill=background, font=ImageFont.load_default(size=30))
    draw.text((24, 110), lines[1], fill=foreground, font=ImageFont.load_default(size=20))
    y = 260
    for headline in lines[2:]:
        for line in textwrap.wrap(headline, 18):
            draw.text((24, y), line, fill=foreground, font=ImageFont.load_default(size=40))
            y += 52
    draw.text((24, height - 40), SAMPLE_MARK, fill=foreground, font=ImageFont.load_default(size=13))
    return image


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    for stem, (title, author, (background, foreground), lines, pages) in EDITIONS.items():
        (TARGET / f"{stem}.pdf").write_bytes(text_pdf(title, True, pages, author=author))
        cover(background, foreground, lines).save(TARGET / f"{stem}-sampul.webp", "WEBP",
                                                  quality=80, method=6)
    for path in sorted(TARGET.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bita")
    return 0


if __name__ == "__main__":
    sys.exit(main())
