"""Pengaturan portal contoh: Kota Contoh yang rekaan, ditulis seperti sebuah daerah menulisnya:
siapa penerbit portal, cara warga menghubunginya, seksinya, dan terbitannya. Daerah sungguhan
mendapat pelicanconf.py sendiri di folder utama proyek dari `make kota-baru` (docs/adopsi.md).

Yang sama bagi setiap daerah (alamat halaman, plugin, cache, kebijakan keamanan, bawaan setiap
seksi) diatur di warta/settings/__init__.py; tulis nama dari sana di sini hanya untuk mengubahnya. Bentuk
dan contoh setiap pengaturan tercatat di warta/settings/registry.py.
"""

import sys
from pathlib import Path

# Pelican memuat berkas ini lewat jalurnya: agar paket warta dan pluginnya dapat dimuat.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from warta.settings import *  # noqa: E402 - bawaan Warta dulu, lalu nilai kota ini

# Konten contoh ada di samping berkas ini, dari mana pun pengaturan dibaca (publishconf.py
# membacanya dari folder utama proyek).
PATH = str(Path(__file__).resolve().parent / "content")

# --- Penerbit portal ------------------------------------------------------------------------
SITENAME = "Portal Berita Kota Contoh"
SITESUBTITLE = "Berita dan informasi publik Pemerintah Kota Contoh"
SITEURL = ""
# Alamat portal yang diterbitkan `make publish` (variabel lingkungan WARTA_SITEURL didahulukan).
WARTA_SITEURL = "https://portal.kotacontoh.example"
AUTHOR = "Tim Diskominfo"

WARTA_GOVERNMENT_NAME = "Pemerintah Kota Contoh"
WARTA_AGENCY_NAME = "Dinas Komunikasi dan Informatika Kota Contoh"
# Lambang di content/images/; None: nama situs saja.
WARTA_LOGO = "images/logo-kota-contoh.svg"
WARTA_LOGO_ALT = "Lambang Kota Contoh"
# Menandai portal sebagai demonstrasi di setiap halaman, satu baris pendek di ponsel; daerah
# sungguhan menulis None.
WARTA_DEMO_NOTICE = "Situs demonstrasi, isinya rekaan."
# Warna kota di kepala halaman, dan pasangannya untuk tema gelap (#RRGGBB). Build memeriksa
# kontras teks putih di atas keduanya dan menyarankan warna yang lulus bila terlalu terang.
WARTA_BRAND_COLOR = "#0c3f4f"
WARTA_BRAND_COLOR_DARK = "#0a242d"
WARTA_ADDRESS = "Jl. Contoh Raya No. 1, Kecamatan Sukamaju, Kota Contoh 10000"
WARTA_CONTACTS = [
    # (label, teks yang ditampilkan, tautan)
    ("Telepon", "(021) 000-0000", "tel:+62210000000"),
    ("Surel", "diskominfo@kotacontoh.example", "mailto:diskominfo@kotacontoh.example"),
]
# Bantuan di kaki setiap halaman: nomor darurat, saluran pengaduan, dan jam layanan.
WARTA_EMERGENCY_CONTACTS = [
    ("Darurat (polisi, ambulans, pemadam kebakaran)", "112", "tel:112"),
    ("Pusat panggilan Kota Contoh", "(021) 000-1500", "tel:+62210001500"),
]
WARTA_COMPLAINT_CONTACTS = [
    ("SP4N-LAPOR!", "lapor.go.id", "https://www.lapor.go.id/"),
    ("Pengaduan warga lewat WhatsApp", "0812-0000-1500", "https://wa.me/6281200001500"),
]
WARTA_OFFICE_HOURS = [
    ("Senin–Kamis", "08.00–16.00 WIB"),
    ("Jumat", "08.00–16.30 WIB"),
]
WARTA_SOCIAL = [
    # (jaringan, nama akun, tautan)
    ("Instagram", "@kotacontoh", "https://www.instagram.com/kotacontoh.example/"),
    ("YouTube", "Kota Contoh TV", "https://www.youtube.com/@kotacontoh.example"),
]
# Menu utama, urut seperti yang dilihat warga: (label, alamat di portal). Di ponsel menu terlipat
# di balik tombol "Menu" dan terbuka satu baris per label; di layar lebar menu satu baris, jadi
# pakai label pendek dan sedikit (topik dan kontak sudah ditautkan dari setiap halaman).
WARTA_MENU = [
    ("Beranda", ""),
    ("Layanan", "layanan/"),
    ("Berita", "arsip/"),
    ("Pengumuman", "pengumuman/"),
    ("Agenda", "agenda/"),
    ("Video", "video/"),
    ("Majalah", "majalah/"),
    ("Perangkat Daerah", "opd/"),
    ("PPID", "ppid/"),
    ("Tentang", "tentang/"),
    ("Cari", "cari/"),
]
# Judul beranda (nama situs sudah ada di kepala halaman).
WARTA_HOME_HEADING = "Layanan dan informasi untuk warga Kota Contoh"
# Layanan unggulan di beranda, dengan nama berkasnya di content/layanan/ tanpa .md.
WARTA_HOME_SERVICES = [
    "ktp-el",
    "akta-kelahiran",
    "kartu-keluarga",
    "imunisasi-dasar",
    "beasiswa-kota-contoh",
    "pengaduan-lapor",
]
# Ditautkan dari setiap kaki halaman, di tempat yang sama (WCAG 3.2.6).
WARTA_ACCESSIBILITY_URL = "pernyataan-aksesibilitas/"
WARTA_CONTACT_URL = "kontak/"
# Perangkat daerah (OPD) adalah konten: satu berkas masing-masing di content/opd/.

# Zona waktu tanggal di portal: "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA) atau
# "Asia/Jayapura" (WIT).
TIMEZONE = "Asia/Jakarta"
# Menetapkan tanggal demo, agar portal contoh sama saja (pengumuman yang berlaku, acara
# mendatang, kebaruan PPID) kapan pun dibangun. Daerah sungguhan menghapus baris ini: portalnya
# lalu dibangun untuk hari ini.
WARTA_TODAY = "2026-12-01"

# --- Terbitan: kanal TV kota, majalah dan korannya ------------------------------------------
VIDEO_SECTION_NAME = "Kota Contoh TV"
VIDEO_SECTION_DESCRIPTION = (
    "Video dari perangkat daerah Kota Contoh. Setiap video bertakarir bahasa Indonesia dan "
    "dilengkapi transkrip."
)
MAGAZINE_SECTION_DESCRIPTION = (
    "Edisi digital majalah dan koran Pemerintah Kota Contoh. Setiap edisi dapat dibaca dengan "
    "pembaca layar: daftar isinya ada di halaman ini dan PDF-nya bertag."
)
MAGAZINE_PUBLICATIONS = [
    {
        "name": "Majalah Warta Kota Contoh",
        "slug": "warta-kota-contoh",
        "kind": "Majalah",
        "description": "Majalah bulanan tentang program, layanan, dan kisah warga Kota Contoh.",
    },
    {
        "name": "Koran Kota Contoh",
        "slug": "koran-kota-contoh",
        "kind": "Koran",
        "description": "Koran mingguan berisi berita dan pengumuman Pemerintah Kota Contoh.",
    },
]
