"""The register's fixed vocabularies: requester types, how information is obtained and
delivered, objection reasons and states, as the law and the Perki 1/2021 forms name them.

Kept apart from the models so forms, exports and statistics read them without the ORM; the
models module re-exports every name, so ``models.PERSON`` keeps working.
"""

PERSON, LEGAL_ENTITY = "perorangan", "badan_hukum"
ORGANISATION, REPRESENTATIVE = "organisasi", "kuasa"
# UU 14/2008 Pasal 1 angka 12: citizens and Indonesian legal entities; a group or organisation
# without legal status files through the person it assigns, and anyone may file through an
# attorney with a power of attorney (the objection form in the Perki 1/2021 annex has a part for
# the kuasa's identity).
REQUESTER_TYPES = [
    (PERSON, "Perorangan (warga negara Indonesia)"),
    (LEGAL_ENTITY, "Badan hukum Indonesia"),
    (ORGANISATION, "Organisasi atau kelompok masyarakat yang bukan badan hukum"),
    (REPRESENTATIVE, "Kuasa dari pemohon (dengan surat kuasa)"),
]
# Types whose identity number is the NIK of the person who files (the attorney, or the person
# the organisation assigned); a legal entity gives its own registration number.
NIK_TYPES = {PERSON, ORGANISATION, REPRESENTATIVE}
# The documents each type shows the PPID: a copy sent when uploads are on, otherwise brought or
# sent when the PPID asks (Perki 1/2021's request form: identity, deed, power of attorney).
REQUIRED_DOCUMENTS = {
    PERSON: "salinan KTP",
    LEGAL_ENTITY: "salinan akta pendirian atau surat keputusan pengesahan badan hukum",
    ORGANISATION: "surat tugas dari organisasi dan salinan KTP orang yang ditugaskan",
    REPRESENTATIVE: "surat kuasa, salinan KTP (atau akta badan hukum) pemberi kuasa, dan "
                    "salinan KTP penerima kuasa",
}
OBTAIN_METHODS = [
    ("melihat", "Melihat"),
    ("membaca", "Membaca"),
    ("mendengarkan", "Mendengarkan"),
    ("mencatat", "Mencatat"),
    ("salinan_softcopy", "Mendapatkan salinan softcopy (berkas elektronik)"),
    ("salinan_hardcopy", "Mendapatkan salinan hardcopy (cetak)"),
]
DELIVERY_METHODS = [
    ("langsung", "Mengambil langsung di kantor PPID"),
    ("email", "Surat elektronik (e-mail)"),
    ("pos", "Pos"),
    ("kurir", "Jasa kurir"),
]
# UU 14/2008 Pasal 35 ayat (1); reason b (berkala information not provided) needs no request.
OBJECTION_REASONS = [
    ("a", "a. Permohonan informasi ditolak dengan alasan pengecualian (Pasal 17)"),
    ("b", "b. Informasi berkala tidak disediakan (Pasal 9)"),
    ("c", "c. Permohonan informasi tidak ditanggapi"),
    ("d", "d. Permohonan informasi ditanggapi tidak sebagaimana yang diminta"),
    ("e", "e. Permohonan informasi tidak dipenuhi"),
    ("f", "f. Biaya yang dikenakan tidak wajar"),
    ("g", "g. Informasi disampaikan melebihi jangka waktu"),
]

RECEIVED, IN_PROGRESS, EXTENDED = "diterima", "diproses", "diperpanjang"
GRANTED, PARTLY, REFUSED, NOT_HELD, CLOSED = (
    "dikabulkan_seluruhnya", "dikabulkan_sebagian", "ditolak", "tidak_dikuasai", "selesai")
REQUEST_STATES = [
    (RECEIVED, "Diterima"),
    (IN_PROGRESS, "Diproses"),
    (EXTENDED, "Diperpanjang"),
    (GRANTED, "Dikabulkan seluruhnya"),
    (PARTLY, "Dikabulkan sebagian"),
    (REFUSED, "Ditolak"),
    (NOT_HELD, "Informasi tidak dikuasai"),
    (CLOSED, "Selesai"),
]
# States that are the PPID's written answer under Pasal 22 ayat (7): the clock stops.
ANSWERED = {GRANTED, PARTLY, REFUSED, NOT_HELD}
OPEN_REQUEST = {RECEIVED, IN_PROGRESS, EXTENDED}
ANSWERED_OBJECTION = "ditanggapi"
OBJECTION_STATES = [
    (RECEIVED, "Diterima"),
    (IN_PROGRESS, "Diproses atasan PPID"),
    (ANSWERED_OBJECTION, "Ditanggapi atasan PPID"),
    (CLOSED, "Selesai"),
]
PSEUDONYM = "(dihapus)"
