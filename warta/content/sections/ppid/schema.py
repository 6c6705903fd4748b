"""The PPID schema: the four categories of public information, the fields of a Daftar Informasi
Publik (DIP) entry, and how editors write them.

Written once, here: plugins/ppid validates documents against it and `warta baru dokumen` writes
new documents from it, so the two cannot drift apart. Under UU 14/2008 and Perki 1/2021 every
PPID publishes its public information in four categories and lists it in a DIP.
"""

import re
from collections import namedtuple

# The four categories of UU 14/2008 (Pasal 9, 10, 11 and 17), explained in plain Indonesian.
# They are the law, the same for every agency; a setting can still reword them.
CATEGORIES = [
    {
        "name": "Berkala",
        "slug": "informasi-berkala",
        "title": "Informasi Berkala",
        "summary": "Informasi yang kami umumkan secara rutin, paling lambat setiap enam bulan.",
        "description": [
            "Informasi berkala adalah informasi yang wajib kami umumkan secara rutin tanpa "
            "perlu Anda minta, dan kami perbarui paling lambat setiap enam bulan (Undang-Undang "
            "Nomor 14 Tahun 2008 Pasal 9).",
            "Contohnya profil dan program kerja perangkat daerah, laporan kinerja, laporan "
            "keuangan, dan laporan layanan informasi publik.",
        ],
    },
    {
        "name": "Serta Merta",
        "slug": "informasi-serta-merta",
        "title": "Informasi Serta Merta",
        "summary": "Informasi yang menyangkut keselamatan orang banyak, diumumkan segera.",
        "description": [
            "Informasi serta merta adalah informasi yang dapat mengancam hajat hidup orang banyak "
            "dan ketertiban umum. Kami wajib mengumumkannya segera, tanpa penundaan (Undang-Undang "
            "Nomor 14 Tahun 2008 Pasal 10).",
            "Contohnya peringatan dini bencana, kejadian luar biasa penyakit, dan peringatan "
            "tentang pangan yang tidak aman.",
        ],
    },
    {
        "name": "Tersedia Setiap Saat",
        "slug": "informasi-setiap-saat",
        "title": "Informasi Tersedia Setiap Saat",
        "summary": "Informasi yang kami simpan dan berikan kapan pun Anda memintanya.",
        "description": [
            "Informasi yang tersedia setiap saat adalah informasi yang kami simpan dan siapkan "
            "untuk diberikan kapan pun Anda memintanya (Undang-Undang Nomor 14 Tahun 2008 "
            "Pasal 11).",
            "Contohnya keputusan dan kebijakan, prosedur kerja, perjanjian dengan pihak ketiga, "
            "dan data. Sebagian sudah kami terbitkan di sini; yang belum terbit dapat Anda minta "
            "melalui permohonan informasi.",
        ],
    },
    {
        "name": "Dikecualikan",
        "slug": "informasi-dikecualikan",
        "title": "Informasi yang Dikecualikan",
        "summary": "Informasi yang tertutup untuk umum, dengan dasar hukum dan uji konsekuensinya.",
        "description": [
            "Informasi yang dikecualikan adalah informasi yang tidak dapat dibuka untuk umum, "
            "karena membukanya dapat merugikan kepentingan yang dilindungi undang-undang, "
            "misalnya rahasia pribadi seseorang, penegakan hukum, atau persaingan usaha yang "
            "sehat (Undang-Undang Nomor 14 Tahun 2008 Pasal 17). Pengecualian bersifat ketat "
            "dan terbatas, dan setiap pengecualian "
            "ditetapkan melalui uji konsekuensi.",
            "Daftar ini mencatat dasar hukum dan uji konsekuensi setiap informasi yang "
            "dikecualikan; isi informasinya tidak kami terbitkan. Bila Anda tidak setuju, Anda "
            "dapat mengajukan permohonan informasi, lalu keberatan.",
        ],
    },
]
EXEMPT = "Dikecualikan"

# The KATEGORI= word editors give `warta baru dokumen`: the category's address without "informasi-".
SCAFFOLD_CATEGORIES = {c["slug"].removeprefix("informasi-"): c["name"] for c in CATEGORIES}

DocumentField = namedtuple("DocumentField", "key written label example required")

# Every DIP field of a document, in the order a new document lists them: the seven columns of
# Perki 1/2021 plus number, category, agency and year. `label` is what the field is in the DIP,
# `example` a value for the fixes and the new-document template.
DOCUMENT_FIELDS = [
    DocumentField("nomor", "Nomor", "nomor di Daftar Informasi Publik", "B-001", True),
    DocumentField("kategori", "Kategori", "kategori informasi", "Berkala", True),
    # The agency and the place: warta.content.fields.portal_example gives the portal's own instead.
    DocumentField("opd", "OPD", "perangkat daerah pemilik", "Dinkes", True),
    # Optional: the year comes from Date when the line is missing.
    DocumentField("tahun", "Tahun", "tahun informasi", "2025", False),
    DocumentField("ringkasan", "Ringkasan", "ringkasan isi informasi",
                  "Laporan realisasi anggaran tahun 2025", True),
    DocumentField("dikuasai_oleh", "Dikuasai_oleh", "pejabat atau unit yang menguasai informasi",
                  "Sekretariat Dinas Kesehatan", True),
    DocumentField("penanggung_jawab", "Penanggung_jawab",
                  "penanggung jawab pembuatan atau penerbitan", "Kepala Dinas Kesehatan", True),
    DocumentField("date", "Date", "waktu pembuatan", "2025-06-30", True),
    DocumentField("tempat", "Tempat", "tempat pembuatan", "nama kota atau kabupaten", True),
    DocumentField("bentuk", "Bentuk", "bentuk informasi", "Softcopy dan hardcopy", True),
    DocumentField("retensi", "Retensi", "jangka waktu penyimpanan (retensi)", "5 tahun", True),
]
# A Dikecualikan document records why it is closed instead of publishing it, and has no attachment.
EXEMPT_FIELDS = [
    DocumentField("dasar_hukum", "Dasar_hukum", "dasar hukum pengecualian",
                  "UU 14/2008 Pasal 17 huruf h; UU 27/2022 tentang Pelindungan Data Pribadi", True),
    DocumentField("uji_konsekuensi", "Uji_konsekuensi", "rujukan uji konsekuensi",
                  "Penetapan PPID Nomor 01/UK/PPID/2025", True),
]
# Every field a document must have.
REQUIRED_FIELDS = [field for field in DOCUMENT_FIELDS if field.required]
# Optional, one line per attachment: `Lampiran: ppid/lampiran/berkas.pdf | Judul lampiran`.
ATTACHMENT_FIELD = "Lampiran"
# Fields written once: {metadata key: as editors write it}.
SINGLE_FIELDS = {field.key: field.written for field in DOCUMENT_FIELDS + EXEMPT_FIELDS}
SINGLE_FIELDS.update({"title": "Title", "slug": "Slug"})

RETENTION = re.compile(r"^\s*(?:(\d+)\s+tahun\b|(permanen)\b)", re.IGNORECASE)
RETENTION_FIX = "tulis jangka waktu penyimpanan sebagai 'N tahun' atau 'Permanen', misalnya 5 tahun"
YEAR = re.compile(r"^\d{4}$")

# The deadlines of a request for information and of an objection, in working days, with the
# article that sets each; the PPID pages of a new portal (`warta kota-baru`) state them.
Deadline = namedtuple("Deadline", "days basis")
DEADLINES = {
    # UU 14/2008 Pasal 22 ayat (7) and (8); Perki 1/2021 keeps the same days.
    "answer": Deadline(10, "UU 14/2008 Pasal 22 ayat (7)"),
    "extension": Deadline(7, "UU 14/2008 Pasal 22 ayat (8)"),
    # The applicant objects within 30 working days of finding the reason (Pasal 36 ayat (1)).
    "objection": Deadline(30, "UU 14/2008 Pasal 36 ayat (1)"),
    # The Atasan PPID answers an objection within 30 working days (Pasal 36 ayat (2)).
    "objection_answer": Deadline(30, "UU 14/2008 Pasal 36 ayat (2)"),
    # A dispute goes to the Komisi Informasi within 14 working days of that answer (Pasal 37).
    "dispute": Deadline(14, "UU 14/2008 Pasal 37 ayat (2)"),
}
