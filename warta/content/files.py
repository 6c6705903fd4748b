"""content_files: every file under content/ looked at once, before Pelican reads any of it.

Editors in many agencies commit to content/, and Pelican copies what it finds in the static
folders straight into the published site. So the build first walks the whole tree and refuses:

- symbolic links that lead outside content/ (a link to /etc/passwd would be published, and a
  linked Markdown file would be read from wherever it points);
- files of a type the folder does not hold: a script, a page or a style sheet served from the
  portal's own origin passes its Content-Security-Policy, and dotfiles and editor backups are
  secrets or mistakes, never content;
- files larger than the limits (a 20 MB article stalls the build; a 200 MB PDF stalls citizens);
- SVG images that could run script or fetch anything when opened, and PDFs that carry
  JavaScript or are encrypted (warta/content/pdf.py).

Every problem is a Finding (`path:line: rule-id: message (fix)`); the rules are listed in
BUILD_RULES with those the sections check, and explained in docs/panduan-editor.md.
"""

import os
import re
import stat
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from warta.content.downloads import human_size
from warta.content.errors import ERROR, WARNING, Finding
from warta.content.pdf import UnreadablePdf, check_pdf_safety

# Rules the build checks outside the Markdown linter (warta.content.lint adds them to its RULES, so
# they share its ids, its guide sections and `periksa --help`): (id, severity, summary).
BUILD_RULES = (
    # The content tree (this module).
    ("tautan-simbolik-luar", ERROR, "Tautan simbolik di content/ tidak menunjuk ke luar content/"),
    ("konten-tak-terbaca", ERROR, "Berkas dapat dibaca Warta tanpa galat tak terduga"),
    ("tautan-simbolik-tulisan", ERROR, "Tulisan Markdown tidak diterbitkan lewat tautan simbolik"),
    ("berkas-tidak-diizinkan", ERROR, "Setiap folder hanya berisi jenis berkas yang diizinkan"),
    ("berkas-terlalu-besar", ERROR, "Berkas tidak melebihi batas ukuran"),
    ("svg-tidak-aman", ERROR, "Gambar SVG tanpa skrip, tautan keluar, atau isi tertanam"),
    # PDFs (warta/content/pdf.py), wherever they are.
    ("pdf-javascript", ERROR, "PDF tanpa JavaScript atau tindakan otomatis"),
    ("pdf-terenkripsi", ERROR, "PDF tanpa kata sandi atau enkripsi"),
    ("pdf-rusak", ERROR, "PDF dapat dibaca"),
    ("pdf-aksesibel", ERROR, "PDF punya lapisan teks, judul, dan bahasa"),
    ("pdf-tanpa-tag", WARNING, "PDF sebaiknya bertag"),
    # PPID documents (plugins/ppid).
    ("ppid-kolom", ERROR, "Kolom DIP dokumen PPID lengkap, ditulis sekali, dan bernilai sah"),
    ("ppid-lampiran", ERROR, "Lampiran PPID ada dan formatnya didukung"),
    ("ppid-nomor-ganda", ERROR, "Setiap nomor DIP dipakai satu dokumen saja"),
    ("ppid-berkala-usang", WARNING, "Informasi berkala diperbarui paling lambat tiap enam bulan"),
    ("ppid-retensi-lewat", WARNING, "Masa retensi dokumen PPID belum lewat"),
    # Videos (plugins/video/video.py).
    ("video-kolom", ERROR, "Kolom video lengkap, ditulis sekali, dan bernilai sah"),
    ("video-poster", ERROR, "Video punya gambar poster"),
    ("video-sumber", ERROR, "Video punya satu sumber: berkas video atau YouTube"),
    ("video-takarir", ERROR, "Video punya takarir WebVTT berbahasa Indonesia"),
    ("video-transkrip", ERROR, "Video punya transkrip"),
    # Magazine and newspaper editions (plugins/magazine/magazine.py).
    ("majalah-kolom", ERROR, "Kolom edisi lengkap, ditulis sekali, dan terbitannya terdaftar"),
    ("majalah-sampul", ERROR, "Edisi punya gambar sampul"),
    ("majalah-pdf", ERROR, "Edisi punya berkas PDF"),
    ("majalah-daftar-isi", ERROR, "Daftar isi edisi menunjuk halaman yang ada"),
    ("majalah-berita", ERROR, "Berita yang dicetak di edisi sudah terbit"),
    ("majalah-edisi-ganda", ERROR, "Setiap nomor edisi dipakai sekali per terbitan"),
    # Public services (warta/content/sections/services.py).
    ("layanan-kolom", ERROR, "Kolom layanan lengkap, ditulis sekali, dengan persyaratan dan prosedur"),
    ("layanan-topik", ERROR, "Topik layanan ada di SERVICES_TOPICS"),
    ("layanan-tautan", ERROR, "Tautan layanan daring diawali https://"),
    ("layanan-lampiran", ERROR, "Lampiran layanan ada dan formatnya didukung"),
    ("layanan-utama", ERROR, "Layanan di WARTA_HOME_SERVICES ada di content/layanan/"),
    # Announcements and the agenda (plugins/announcements, plugins/agenda).
    ("pengumuman-kolom", ERROR, "Kolom pengumuman lengkap dan ditulis sekali"),
    ("pengumuman-berlaku", ERROR, "Berlaku_sampai adalah tanggal pada atau sesudah Date"),
    ("agenda-kolom", ERROR, "Kolom acara lengkap (waktu, tempat, penyelenggara) dan ditulis sekali"),
    ("agenda-waktu", ERROR, "Mulai dan Selesai dapat dibaca dan Selesai sesudah Mulai"),
    ("lampiran-berkas", ERROR, "Lampiran pengumuman dan acara ada dan formatnya didukung"),
    # Agencies (warta/content/sections/agencies.py).
    ("opd-kolom", ERROR, "Berkas perangkat daerah lengkap dan singkatannya tidak ganda"),
    ("opd-nama-berkas", ERROR, "Nama berkas perangkat daerah dapat menjadi alamat"),
    # The settings file itself (warta/commands/build.py), which city administrators edit.
    ("pengaturan-rusak", ERROR, "Berkas pengaturan dapat dijalankan"),
    # Each setting's form and value, against the registry (warta/settings/registry.py).
    ("pengaturan-bentuk", ERROR, "Setiap pengaturan berbentuk seperti contohnya (teks, daftar, kelompok)"),
    ("pengaturan-nilai", ERROR, "Setiap pengaturan bernilai yang dikenal Warta (zona waktu, seksi, warna)"),
    ("pengaturan-wajib", ERROR, "Nama, penerbit, alamat, kontak, dan zona waktu portal diisi"),
    # The sections and the menu (warta/content/sections/base.py).
    ("menu-seksi", ERROR, "Menu utama hanya menuju seksi yang dinyalakan"),
    ("pengaturan-tautan", ERROR, "Tautan di pengaturan hanya https:, http:, mailto:, tel: atau alamat portal"),
    # The brand colours in the settings file (warta/content/brand.py).
    ("warna-merek", ERROR, "Warna merek cukup kontras dengan teks di atasnya"),
    # Importing an old site (bin/warta impor, warta/commands/importer): refusals before anything
    # is written.
    ("impor-bukan-ekspor", ERROR, "Berkas yang diimpor adalah ekspor WordPress (WXR) atau feed"),
    ("impor-rusak", ERROR, "Berkas ekspor utuh dan dapat dibaca"),
    ("impor-tanggal", ERROR, "Tanggal di ekspor dapat dibaca"),
    ("impor-kategori", ERROR, "Setiap kategori WordPress dipetakan ke perangkat daerah"),
    ("impor-peta", ERROR, "Berkas peta kategori dapat dibaca dan menyebut perangkat daerah"),
    ("impor-jalur", ERROR, "Lampiran tidak menunjuk ke luar folder unggahan"),
    ("impor-alamat", ERROR, "Feed diimpor dari berkas yang sudah disimpan, bukan alamat web"),
)

MARKDOWN = ("md", "markdown", "mkd", "mdown")
# The raster formats the theme makes responsive WebP copies of (plugins/finishing/markup.py),
# and SVG, which is checked below before it is published.
IMAGES = ("webp", "jpg", "jpeg", "png", "svg")
# Which file types each folder of content/ may hold, by extension; the longest matching folder
# wins, and "" is every folder not listed (news, pages and the sections' Markdown, where editors
# also keep the photos and PDFs they link). The folder names are the defaults of STATIC_PATHS,
# PPID_PATH, VIDEO_PATH, MAGAZINE_PATH and SERVICES_PATH. pelicanconf.py may set
# WARTA_ALLOWED_FILES: its folders replace or add to these; formats added to
# PPID_ATTACHMENT_FORMATS, VIDEO_FORMATS or SERVICES_ATTACHMENT_FORMATS are allowed in
# ppid/lampiran, video/berkas and layanan/formulir as well.
DEFAULT_ALLOWED_FILES = {
    "": MARKDOWN + IMAGES + ("pdf",),
    "images": IMAGES,
    "attachments": ("pdf", "csv", "json", "xlsx", "ods", "docx", "odt"),
    "ppid/lampiran": ("pdf", "xlsx", "xls", "docx", "doc", "odt", "ods", "csv", "zip"),
    "video/berkas": ("mp4", "webm", "vtt", "webp", "jpg", "jpeg", "png"),
    "majalah/berkas": ("pdf", "webp", "jpg", "jpeg", "png"),
    "layanan/formulir": ("pdf", "docx", "odt", "xlsx", "ods"),
}
# The size limits of content files, set in warta.settings.
LIMITS = ("WARTA_MAX_MARKDOWN_BYTES", "WARTA_MAX_ATTACHMENT_BYTES", "WARTA_MAX_VIDEO_BYTES")
VIDEO = ("mp4", "webm")
# Pelican reads these as content and Warta's reader refuses them (berkas-jenis), so in a folder
# that holds Markdown they get that rule and its advice.
OTHER_MARKUP = ("html", "htm", "rst")
BACKUP_SUFFIXES = ("swp", "swo", "swx", "bak", "orig", "rej", "tmp", "old")
ACTIVE_SUFFIXES = ("js", "mjs", "html", "htm", "xhtml", "css", "php", "svgz", "wasm")

REMOVE_FIX = "hapus berkas ini dari content/"


def allowed_files(settings):
    """{folder: set of extensions} for this portal."""
    allowed = {folder: set(extensions) for folder, extensions in DEFAULT_ALLOWED_FILES.items()}
    for folder, extensions in (settings["WARTA_ALLOWED_FILES"] or {}).items():
        allowed[str(folder).strip("/")] = {str(e).lower().lstrip(".") for e in extensions}
    allowed["ppid/lampiran"] |= set(settings.get("PPID_ATTACHMENT_FORMATS") or ())
    allowed["video/berkas"] |= set(settings.get("VIDEO_FORMATS") or ())
    allowed["layanan/formulir"] |= set(settings.get("SERVICES_ATTACHMENT_FORMATS") or ())
    return allowed


def check_content(settings):
    """Every Finding for the tree at settings["PATH"], in path order; [] when all is well."""
    root = Path(settings["PATH"]).resolve()
    checker = _Checker(root, settings)
    checker.walk(root)
    return sorted(checker.findings, key=lambda finding: finding.path)


class _Checker:
    def __init__(self, root, settings):
        self.root = root
        self.allowed = allowed_files(settings)
        self.limits = {key: settings[key] for key in LIMITS}
        self.findings = []

    def fail(self, path, rule, message, fix):
        self.findings.append(Finding(str(path), 1, rule, message, fix))

    def walk(self, folder):
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            self.fail(folder, "berkas-tidak-diizinkan",
                      f"Folder tidak dapat dibaca ({exc.strerror})", "periksa izin foldernya")
            return
        for entry in entries:
            path = Path(entry.path)
            relative = path.relative_to(self.root).as_posix()
            if entry.name.startswith("."):
                # Hidden files and folders (.env, .git/, .htaccess) are never content, and
                # Pelican would copy most of them.
                what = "Folder tersembunyi" if entry.is_dir(follow_symlinks=False) else \
                    "Berkas tersembunyi"
                self.fail(path, "berkas-tidak-diizinkan",
                          f"{what} {relative} tidak boleh ada di content/",
                          f"{REMOVE_FIX}; berkas yang namanya diawali titik biasanya berisi "
                          "pengaturan atau rahasia, bukan konten")
            elif entry.is_symlink():
                self.link(path, relative)
            elif entry.is_dir(follow_symlinks=False):
                self.walk(path)
            elif entry.is_file(follow_symlinks=False):
                self.file(path, relative, entry.stat(follow_symlinks=False).st_size)
            else:
                # A pipe or a device would hang or flood the build when read.
                self.fail(path, "berkas-tidak-diizinkan",
                          f"{relative} bukan berkas biasa", REMOVE_FIX)

    def link(self, path, relative):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            self.fail(path, "tautan-simbolik-luar",
                      f"Tautan simbolik {relative} menunjuk ke berkas yang tidak ada",
                      "hapus tautan simbolik itu dan salin berkas yang dimaksud ke content/")
            return
        if not target.is_relative_to(self.root):
            self.fail(path, "tautan-simbolik-luar",
                      f"Tautan simbolik {relative} menunjuk ke luar folder content/ ({target})",
                      "hapus tautan simbolik itu; bila berkasnya memang perlu terbit, salin "
                      "berkasnya sendiri ke content/")
            return
        # A link to a folder inside content/ is not walked again: its folder is walked where it
        # lives, and a link back to a parent folder would never end.
        if target.is_file():
            if target.suffix.lower().lstrip(".") in MARKDOWN:
                # Pelican skips a linked text with an English line, so the article would
                # silently not appear where the link stands.
                self.fail(path, "tautan-simbolik-tulisan",
                          f"Tautan simbolik {relative} menunjuk ke tulisan "
                          f"{target.relative_to(self.root).as_posix()}; tulisan lewat tautan "
                          "simbolik tidak diterbitkan",
                          "hapus tautan simbolik itu; untuk merujuk tulisan lain, tulis "
                          "[judulnya]({filename}/folder/nama-berkas.md) di isi tulisan")
                return
            mode = target.stat()
            if stat.S_ISREG(mode.st_mode):
                self.file(path, relative, mode.st_size)

    def file(self, path, relative, size):
        name = path.name
        extension = path.suffix.lower().lstrip(".") if "." in name else ""
        folder = relative.rpartition("/")[0]
        allowed = self.allowed_in(folder)
        shown = f"{folder}/" if folder else "content/"
        if name.endswith("~") or extension in BACKUP_SUFFIXES or re.match(r"^#.*#$", name):
            self.fail(path, "berkas-tidak-diizinkan",
                      f"{relative} adalah salinan cadangan atau berkas sementara penyunting teks",
                      f"{REMOVE_FIX}; simpan hanya berkas aslinya")
            return
        if extension in OTHER_MARKUP and allowed & set(MARKDOWN):
            self.fail(path, "berkas-jenis", "Warta hanya membaca tulisan dalam Markdown (.md)",
                      "simpan ulang tulisan ini sebagai berkas .md; gambar dan dokumen unduhan "
                      "masuk ke content/images/ atau content/attachments/")
            return
        if extension not in allowed:
            kind = f"Berkas .{extension}" if extension else "Berkas tanpa ekstensi"
            fix = (f"hapus berkas ini atau pindahkan ke folder yang tepat; folder {shown} hanya "
                   f"menerima {', '.join(sorted(allowed))}")
            if extension in ACTIVE_SUFFIXES:
                fix += ("; tampilan dan skrip portal dibuat di tema oleh pengembang, tidak "
                        "diunggah ke content/")
            else:
                fix += "; pengembang dapat menambah format di WARTA_ALLOWED_FILES di pelicanconf.py"
            self.fail(path, "berkas-tidak-diizinkan", f"{kind} tidak diizinkan di {shown}", fix)
            return
        if not self.small_enough(path, extension, size):
            return
        if extension == "svg":
            problem = svg_problem(path)
            if problem:
                self.fail(path, "svg-tidak-aman", f"Gambar SVG {relative} berisi {problem}",
                          "ekspor ulang gambar sebagai 'SVG polos' (Plain SVG) tanpa skrip, "
                          "tautan, dan gambar tertanam, atau simpan sebagai PNG atau WebP")
        elif extension == "pdf":
            try:
                check_pdf_safety(path)
            except UnreadablePdf as exc:
                self.fail(path, exc.rule, str(exc)[:1].upper() + str(exc)[1:], exc.fix)

    def allowed_in(self, folder):
        best = ""
        for key in self.allowed:
            if key and (folder == key or folder.startswith(key + "/")) and len(key) > len(best):
                best = key
        return self.allowed[best]

    def small_enough(self, path, extension, size):
        if extension in MARKDOWN:
            key, what = "WARTA_MAX_MARKDOWN_BYTES", "tulisan Markdown"
            fix = ("bagi tulisan menjadi beberapa berkas, atau pindahkan tabel dan data yang "
                   "panjang ke lampiran CSV")
        elif extension in VIDEO:
            key, what = "WARTA_MAX_VIDEO_BYTES", "berkas video"
            fix = "perkecil video (resolusi 720p cukup untuk web) atau unggah ke YouTube"
        else:
            key, what = "WARTA_MAX_ATTACHMENT_BYTES", "berkas ini"
            fix = ("perkecil berkasnya (kompres PDF, kecilkan resolusi gambar) atau bagi menjadi "
                   "beberapa berkas; warga dengan kuota terbatas ikut terbebani")
        limit = self.limits[key]
        if limit is None or size <= limit:
            return True
        self.fail(path, "berkas-terlalu-besar",
                  f"Berkas berukuran {human_size(size)}, melebihi batas {human_size(limit)} "
                  f"untuk {what}", f"{fix}; batasnya {key} di pelicanconf.py")
        return False


# --- SVG ------------------------------------------------------------------------------------
# Opened directly, an SVG is a document on the portal's origin: script in it runs with the
# portal's authority. Anything that can run code, pull in other documents or reach out is
# refused; when the file cannot be read with certainty, it is refused too.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FORBIDDEN_ELEMENTS = {
    "script": "skrip (<script>)",
    "foreignobject": "HTML tertanam (<foreignObject>)",
    "iframe": "bingkai (<iframe>)", "embed": "objek tertanam (<embed>)",
    "object": "objek tertanam (<object>)", "handler": "skrip (<handler>)",
    "listener": "skrip (<listener>)",
    # Animation can rewrite an attribute (a link's href) after the checks have read it.
    "set": "animasi atribut (<set>)", "animate": "animasi (<animate>)",
    "animatemotion": "animasi (<animateMotion>)",
    "animatetransform": "animasi (<animateTransform>)", "animatecolor": "animasi (<animateColor>)",
    "audio": "suara (<audio>)", "video": "video (<video>)",
}
URL_VALUE = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)


def svg_problem(path):
    """What makes the SVG at ``path`` unsafe, in words, or "" when it is safe."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return f"isi yang tidak dapat dibaca ({exc.strerror})"
    if b"<?xml-stylesheet" in data:
        return "rujukan ke lembar gaya luar (xml-stylesheet)"
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "deklarasi DOCTYPE atau ENTITY"
    except Exception:  # noqa: BLE001 - any parse failure: not an SVG we can vouch for
        return "XML yang tidak dapat dibaca"
    if _local(root.tag) != "svg" or _namespace(root.tag) not in ("", SVG_NAMESPACE):
        return "dokumen yang bukan SVG"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _local(element.tag).lower()
        if name in FORBIDDEN_ELEMENTS:
            return FORBIDDEN_ELEMENTS[name]
        if _namespace(element.tag) == "http://www.w3.org/1999/xhtml":
            return f"HTML tertanam (<{_local(element.tag)}>)"
        if name == "style" and _unsafe_css(element.text or ""):
            return "gaya yang memuat berkas lain (<style>)"
        for attribute, value in element.attrib.items():
            attribute = _local(attribute).lower()
            if attribute.startswith("on"):
                return f"atribut peristiwa {attribute}"
            if attribute == "href" and not value.strip().startswith("#"):
                return f"tautan atau rujukan ke {value.strip()[:60]!r}"
            if "javascript:" in value.lower().replace(" ", "") or _unsafe_css(value):
                return f"rujukan luar di atribut {attribute}"
    return ""


def _unsafe_css(text):
    lowered = text.lower()
    if "@import" in lowered or "expression(" in lowered or "javascript:" in lowered:
        return True
    return any(not target.startswith("#") for target in URL_VALUE.findall(text))


def _local(tag):
    return tag.rpartition("}")[2]


def _namespace(tag):
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""
