"""Write the sample attachments of announcements and events (committed; rerun to regenerate).

    .venv/bin/python tools/make_notice_attachments.py

Made the way an agency should make them, with the PPID samples' helper: a text layer, a title,
the language set to Indonesian and structure tags, so the shared PDF check passes. Every file
is marked as fictional sample content.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_ppid_attachments import text_pdf  # noqa: E402 - the shared sample-PDF helper

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kota-contoh"

# path under content/: (title, author, pages: [[(kind, text), ...], ...])
PDFS = {
    "pengumuman/lampiran/formulir-bantuan-alat-bantu-2026.pdf": (
        "Formulir Pendaftaran Bantuan Alat Bantu Disabilitas 2026",
        "Dinas Sosial Kota Contoh",
        [[
            ("H1", "Formulir Pendaftaran Bantuan Alat Bantu Disabilitas 2026"),
            ("P", "Formulir ini diisi oleh warga Kota Contoh penyandang disabilitas atau "
                  "keluarganya untuk mendaftar bantuan kursi roda, tongkat, alat bantu dengar, "
                  "atau kaki palsu. Semua isian adalah contoh."),
            ("H2", "1. Data pemohon"),
            ("P", "Nama lengkap, Nomor Induk Kependudukan, alamat, nomor telepon atau WhatsApp "
                  "yang dapat dihubungi."),
            ("H2", "2. Alat bantu yang dibutuhkan"),
            ("P", "Tuliskan jenis alat bantu dan alasannya. Petugas akan datang ke rumah untuk "
                  "mengukur bila diperlukan; pendaftaran tidak dipungut biaya."),
            ("H2", "3. Cara menyerahkan"),
            ("P", "Serahkan di kantor kelurahan, di Dinas Sosial, atau kirim foto formulir "
                  "melalui WhatsApp layanan Dinas Sosial paling lambat 31 Desember 2026."),
        ]],
    ),
    "agenda/lampiran/undangan-musrenbang-sukamaju-2027.pdf": (
        "Undangan Musrenbang Kecamatan Sukamaju Tahun 2027",
        "Kecamatan Sukamaju",
        [[
            ("H1", "Undangan Musrenbang Kecamatan Sukamaju Tahun 2027"),
            ("P", "Camat Sukamaju mengundang ketua RT dan RW, kader, organisasi penyandang "
                  "disabilitas, dan warga untuk menyampaikan usulan pembangunan tahun 2027. "
                  "Semua isi adalah contoh."),
            ("H2", "Waktu dan tempat"),
            ("P", "Kamis, 3 Desember 2026, pukul 08.00 sampai 12.00 WIB, di Aula Kantor "
                  "Kecamatan Sukamaju, Jl. Melati No. 5."),
            ("H2", "Aksesibilitas"),
            ("P", "Juru bahasa isyarat dan juru ketik teks langsung tersedia. Aula di lantai "
                  "dasar dengan jalur landai dan toilet aksesibel."),
        ]],
    ),
}


def main():
    for relative, (title, author, pages) in PDFS.items():
        target = EXAMPLE / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text_pdf(title, True, pages, author=author))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bita")
    return 0


if __name__ == "__main__":
    sys.exit(main())
