"""The sample portal's settings: fictional Kota Contoh, as a city would write them: who
publishes the portal, how citizens reach it, its sections and its publications. A real city
gets its own pelicanconf.py at the project root from `make kota-baru` (docs/adopsi.md).

Everything every city shares (addresses, plugins, caches, the security policy, each section's
defaults) is wiring in warta/settings.py; set a name from there here only to change it.
"""

import sys
from pathlib import Path

# Pelican loads this file by path: make the warta package and our plugins importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from warta.settings import *  # noqa: E402 - the wiring, before the city's own values

# The sample's content sits beside this file, wherever the settings are read from (publishconf.py
# reads them from the project root).
PATH = str(Path(__file__).resolve().parent / "content")

# --- Who publishes this portal -------------------------------------------------------------
SITENAME = "Portal Berita Kota Contoh"
SITESUBTITLE = "Berita dan informasi publik Pemerintah Kota Contoh"
SITEURL = ""
# Where `make publish` says the portal lives (the environment's WARTA_SITEURL wins).
WARTA_SITEURL = "https://portal.kotacontoh.example"
AUTHOR = "Tim Diskominfo"

WARTA_GOVERNMENT_NAME = "Pemerintah Kota Contoh"
WARTA_AGENCY_NAME = "Dinas Komunikasi dan Informatika Kota Contoh"
# A logo under theme-independent content/images; None shows the site name only.
WARTA_LOGO = "images/logo-kota-contoh.svg"
WARTA_LOGO_ALT = "Lambang Kota Contoh"
# Marks the portal as a demonstration on every page, in one short line on a phone; a real city
# sets this to None.
WARTA_DEMO_NOTICE = "Situs demonstrasi, isinya rekaan."
# The city's colour in the header, and its dark-theme counterpart (#RRGGBB). The build checks
# the contrast of the header's white text on both and names a passing colour if one is too light.
WARTA_BRAND_COLOR = "#0c3f4f"
WARTA_BRAND_COLOR_DARK = "#0a242d"
WARTA_ADDRESS = "Jl. Contoh Raya No. 1, Kecamatan Sukamaju, Kota Contoh 10000"
WARTA_CONTACTS = [
    # (label, shown text, link)
    ("Telepon", "(021) 000-0000", "tel:+62210000000"),
    ("Surel", "diskominfo@kotacontoh.example", "mailto:diskominfo@kotacontoh.example"),
]
# Help in every footer: emergency numbers, complaint channels and office hours.
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
    # (network, account name, address)
    ("Instagram", "@kotacontoh", "https://www.instagram.com/kotacontoh.example/"),
    ("YouTube", "Kota Contoh TV", "https://www.youtube.com/@kotacontoh.example"),
]
# Main navigation, in the order citizens see it: (label, address relative to SITEURL). On a
# phone it folds behind "Menu" and opens as one row per label; on a wide screen it is one
# line, so keep labels short and few (topics and contacts are linked from every page anyway).
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
# The home page's heading (the header already names the site).
WARTA_HOME_HEADING = "Layanan dan informasi untuk warga Kota Contoh"
# The public services the home page features, by file name in content/layanan/ (without .md).
WARTA_HOME_SERVICES = [
    "ktp-el",
    "akta-kelahiran",
    "kartu-keluarga",
    "imunisasi-dasar",
    "beasiswa-kota-contoh",
    "pengaduan-lapor",
]
# Linked from every footer (WCAG 3.2.6 Consistent Help puts help in the same place each time).
WARTA_ACCESSIBILITY_URL = "pernyataan-aksesibilitas/"
WARTA_CONTACT_URL = "kontak/"
# The agencies (OPD) are content: one file each in content/opd/ (docs/content.md).

# Dates are shown in the city's own zone (WIB, WITA or WIT).
TIMEZONE = "Asia/Jakarta"
# Fixes the demo's date, so the sample portal reads the same (current announcements, upcoming
# events, PPID freshness) whatever day it is built. A real city deletes this line: its portal
# is then built for today.
WARTA_TODAY = "2026-12-01"

# --- Publications: the city's TV channel and its magazines and newspapers -----------------
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
