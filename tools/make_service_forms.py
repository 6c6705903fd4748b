"""Write the sample service forms in content/layanan/formulir/ (committed; rerun to regenerate).

    .venv/bin/python tools/make_service_forms.py

Each form is a tagged PDF made the way tools/make_ppid_attachments.py makes PPID documents (a
text layer, a title, the language set to Indonesian, every heading and paragraph in the
structure tree), so it passes the shared PDF check that services hold their forms to. Every
file is marked as fictional sample content.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_ppid_attachments import text_pdf  # noqa: E402 - the one tagged-PDF writer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kota-contoh"
TARGET = EXAMPLE / "content" / "layanan" / "formulir"

# name: (title, pages: [[(kind, text), ...], ...]); kind is H1, H2 or P.
FORMS = {
    "formulir-pelaporan-kelahiran.pdf": (
        "Formulir Pelaporan Kelahiran (F-2.01) Kota Contoh",
        [
            [
                ("H1", "Formulir Pelaporan Kelahiran (F-2.01)"),
                ("P", "Isi formulir ini dengan huruf cetak, lalu bawa ke loket Dinas Kependudukan "
                      "dan Pencatatan Sipil atau unggah pindaiannya di layanan daring. Formulir "
                      "ini contoh rekaan untuk Portal Contoh."),
                ("H2", "A. Data bayi"),
                ("P", "Nama lengkap bayi: ........................................ "
                      "Jenis kelamin: laki-laki / perempuan. Tempat lahir: .................... "
                      "Tanggal dan jam lahir: ...................... Anak ke: ....."),
                ("H2", "B. Data ibu dan ayah"),
                ("P", "Nama ibu dan NIK: ........................................ "
                      "Nama ayah dan NIK: ........................................ "
                      "Nomor Kartu Keluarga: ........................................"),
                ("H2", "C. Data pelapor dan dua saksi"),
                ("P", "Nama pelapor, NIK, dan hubungan dengan bayi: ........................ "
                      "Saksi 1, nama dan NIK: ........................ "
                      "Saksi 2, nama dan NIK: ........................"),
                ("P", "Saya menyatakan data di atas benar. Kota Contoh, tanggal .............. "
                      "Tanda tangan pelapor: ...................."),
            ],
        ],
    ),
}


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, (title, pages) in FORMS.items():
        (TARGET / name).write_bytes(text_pdf(title, True, pages,
                                             author="Disdukcapil Kota Contoh"))
    for path in sorted(TARGET.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bita")
    return 0


if __name__ == "__main__":
    sys.exit(main())
