"""A synthetic portal for `make bench`: Indonesian-like news articles and PPID documents.

Everything is drawn from one seeded random generator, so the same seed and size give the same
portal byte for byte, and two benchmark runs measure the same work.
"""

import datetime
import random
import shutil

from warta import EXAMPLE
from warta.content.downloads import human_size

SEED = 20240429


def minimal_pdf():
    """A small PDF that the attachment check reads like a real one (a cross-reference table,
    a title, the language, one page of text): the benchmark times the pages, not the documents."""
    stream = b"BT /F1 12 Tf 72 720 Td (Dokumen contoh) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (id-ID) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (Dokumen contoh) >>",
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(pdf)


PDF = minimal_pdf()

# Word stock for Indonesian-like text: real words, shuffled into plausible sentences.
SUBJECTS = [
    "Pemerintah kota", "Wali Kota", "Dinas Kesehatan", "Dinas Sosial", "Diskominfo",
    "warga Kecamatan Sukamaju", "petugas puskesmas", "para kader posyandu", "Dinas Pendidikan",
    "tim gabungan", "Sekretaris Daerah", "pelaku usaha mikro", "siswa sekolah dasar",
    "Dinas Ketahanan Pangan", "penyandang disabilitas", "lurah dan camat", "relawan kota",
]
VERBS = [
    "meresmikan", "menyalurkan", "memeriksa", "meninjau", "membuka", "menggelar",
    "memperbaiki", "membagikan", "mendata", "mengajak", "melatih", "menerima", "mengumumkan",
    "menyiapkan", "membangun", "mengevaluasi",
]
OBJECTS = [
    "bantuan sosial", "jaringan internet publik", "layanan kesehatan keliling",
    "rumah tidak layak huni", "saluran drainase", "pasar murah", "imunisasi anak",
    "penerimaan murid baru", "kursi roda", "program beasiswa", "taman kota",
    "pelatihan kerja", "bahan pangan pokok", "data kependudukan", "layanan pengaduan warga",
    "jalan lingkungan", "air bersih", "lampu penerangan jalan",
]
PLACES = [
    "di Kecamatan Sukamaju", "di Balai Kota", "di Kelurahan Mekarsari", "di Pasar Induk",
    "di Gedung Serbaguna", "di Puskesmas Cempaka", "di Lapangan Merdeka", "di Kantor Kelurahan",
    "di sejumlah sekolah", "di seluruh kecamatan",
]
CLAUSES = [
    "agar pelayanan lebih dekat dengan warga", "sesuai rencana kerja tahun ini",
    "dengan anggaran dari APBD", "bersama perangkat daerah terkait",
    "untuk menjangkau keluarga yang membutuhkan", "setelah menerima usulan warga",
    "dan akan dilanjutkan bulan depan", "tanpa dipungut biaya",
]
HEADINGS = [
    "Latar belakang", "Sasaran program", "Jadwal pelaksanaan", "Cara mendaftar",
    "Tanggapan warga", "Langkah berikutnya", "Anggaran", "Lokasi kegiatan",
]
TAGS = [
    "bansos", "kesehatan", "pendidikan", "infrastruktur", "drainase", "pangan", "pasar",
    "disabilitas", "lansia", "anak", "imunisasi", "posyandu", "internet", "layanan publik",
    "inovasi", "penghargaan", "beasiswa", "umkm", "pelatihan", "lingkungan", "air bersih",
    "jalan", "taman", "rutilahu", "ppdb", "guru", "puskesmas", "kebersihan", "banjir",
    "olahraga", "budaya", "pariwisata", "perizinan", "kependudukan", "pajak daerah",
    "transportasi", "keamanan", "bencana", "gizi", "stunting",
]
AUTHORS = [f"Humas {name}" for name in (
    "Diskominfo", "Dinas Kesehatan", "Dinas Sosial", "Dinas Perkimtan", "Dinas Pendidikan",
    "Dinas Ketahanan Pangan",
)] + ["Tim Diskominfo", "Redaksi Portal"]
PPID_KINDS = [
    ("Laporan Keuangan", "berkala"), ("Rencana Strategis", "berkala"),
    ("Daftar Informasi Publik", "berkala"), ("Standar Operasional Prosedur", "setiap saat"),
    ("Laporan Kinerja Instansi", "berkala"), ("Prosedur Tanggap Darurat", "serta merta"),
]


def sentence(rng):
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(PLACES)} {rng.choice(CLAUSES)}."
    ).capitalize()


def paragraph(rng, sentences=(3, 6)):
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def make_images(folder, count=8):
    """Small flat pictures (no text in them) for covers and figures."""
    from PIL import Image, ImageDraw  # noqa: PLC0415 - only the benchmark draws

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    names = []
    for number in range(count):
        image = Image.new("RGB", (480, 270), (rng.randint(150, 240), rng.randint(150, 240), 230))
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x, y = rng.randint(0, 440), rng.randint(0, 230)
            draw.ellipse((x, y, x + 60, y + 40), fill=(rng.randint(0, 200), 120, 90))
        name = f"sintetis-{number + 1}.webp"
        image.save(folder / name, "WEBP", quality=60)
        names.append(name)
    return names


def generate_portal(content, articles, opds, seed=SEED):
    """Write ``articles`` news articles and articles/10 PPID documents under ``content``.

    Returns the articles' paths, oldest first. The dates spread evenly over ten years, so the
    archive, category and tag pages have the shape of a real portal's.
    """
    rng = random.Random(seed)
    for folder in ("berita", "halaman/ppid", "attachments/ppid"):
        (content / folder).mkdir(parents=True)
    images = make_images(content / "images" / "berita")
    shutil.copy(EXAMPLE / "content" / "images" / "logo-kota-contoh.svg", content / "images")
    # The sample portal's agencies, whose names ``opds`` are.
    shutil.copytree(EXAMPLE / "content" / "opd", content / "opd")
    start = datetime.datetime(2015, 1, 1, 8, 0)
    span = (datetime.datetime(2024, 12, 31) - start).total_seconds()
    paths = []
    for number in range(1, articles + 1):
        date = start + datetime.timedelta(seconds=span * number / (articles + 1))
        slug = f"berita-{number:05d}"
        path = content / "berita" / f"{date:%Y-%m-%d}-{slug}.md"
        path.write_text(article_text(rng, slug, date, opds, images), encoding="utf-8")
        paths.append(path)
    for number in range(1, articles // 10 + 1):
        attachment = f"ppid-{number:05d}.pdf"
        (content / "attachments" / "ppid" / attachment).write_bytes(PDF)
        (content / "halaman" / "ppid" / f"dokumen-{number:05d}.md").write_text(
            ppid_text(rng, number, attachment, opds), encoding="utf-8"
        )
    return paths


def article_text(rng, slug, date, opds, images):
    """One news article's Markdown, with the metadata every Warta article carries."""
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    title = title[0].upper() + title[1:]
    cover = rng.choice(images)
    body = article_body(rng, images)
    return "\n".join([
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(opds)}",
        f"Tags: {', '.join(rng.sample(TAGS, rng.randint(1, 3)))}",
        f"Author: {rng.choice(AUTHORS)}",
        f"Slug: {slug}",
        f"Summary: {sentence(rng)}",
        f"Cover: images/berita/{cover}",
        f"Cover_alt: Ilustrasi {rng.choice(OBJECTS)} {rng.choice(PLACES)}.",
        f"Cover_caption: Foto: {rng.choice(AUTHORS)}.",
        "",
        "\n\n".join(body),
        "",
    ])


def article_body(rng, images):
    """Two to four sections of paragraphs, some with a figure, a list or a table, as editors
    write them, so the build's figure and table rewriting has its real share of the work."""
    body = []
    for section in range(rng.randint(2, 4)):
        body.append(f"## {rng.choice(HEADINGS)} {section + 1}")
        for _ in range(rng.randint(1, 3)):
            body.append(paragraph(rng))
        roll = rng.random()
        if roll < 0.15:
            picture = rng.choice(images)
            body.append(
                f'![Suasana kegiatan {rng.choice(OBJECTS)} {rng.choice(PLACES)}]'
                f'({{static}}/images/berita/{picture} "Kegiatan {rng.choice(OBJECTS)}. '
                f'Foto: {rng.choice(AUTHORS)}.")'
            )
        elif roll < 0.3:
            body.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))))
        elif roll < 0.38 and "| Lokasi |" not in "".join(body):
            rows = [f"| {rng.choice(PLACES)[3:]} | {rng.randint(10, 900)} |"
                    for _ in range(rng.randint(2, 6))]
            body.append("| Lokasi | Jumlah penerima |\n| --- | ---: |\n" + "\n".join(rows))
    return body


def ppid_text(rng, number, attachment, opds):
    """One PPID document page: a summary, its facts in a table and a link to its PDF."""
    kind, period = rng.choice(PPID_KINDS)
    year = rng.randint(2015, 2024)
    return "\n".join([
        f"Title: {kind} {rng.choice(opds)} Tahun {year}",
        f"Slug: ppid-dokumen-{number:05d}",  # a slug is one path segment (warta.content.lint)
        f"Summary: {kind} tahun {year}, informasi publik {period}.",
        "",
        paragraph(rng, (2, 4)),
        "",
        "| Keterangan | Isi |\n| --- | --- |",
        f"| Jenis informasi | {period} |",
        f"| Tahun | {year} |",
        f"| Penanggung jawab | {rng.choice(opds)} |",
        "",
        # A download link names its format and size (warta.content.lint, tautan-berkas).
        f"[Unduh dokumen (PDF, {human_size(len(PDF))})]({{static}}/attachments/ppid/{attachment})",
        "",
    ])


def change_one_article(paths, work):
    """Append a sentence to the article in the middle of the portal; return its name."""
    changed = paths[len(paths) // 2]
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\nTambahan: jadwal pelayanan diperpanjang hingga pukul 16.00 WIB.\n",
        encoding="utf-8",
    )
    return str(changed.relative_to(work))


def add_article(content, number, rng, opds, image="sintetis-1.webp"):
    """Write the ``number``th new article, newer than every synthetic one; return its slug.

    The synthetic articles end before 31 December 2024; new ones follow an hour apart on that
    day, so each is the newest and still in the archive's last year (a new year would add an
    entry to every year page's year list, once a year, as on a real portal). A backdated
    article would shift the newer pages of its lists.
    """
    date = datetime.datetime(2024, 12, 31, 8) + datetime.timedelta(hours=number)
    slug = f"baru-{number:03d}"
    (content / "berita" / f"{date:%Y-%m-%d}-{slug}.md").write_text(
        article_text(rng, slug, date, opds, [image]), encoding="utf-8")
    return slug
