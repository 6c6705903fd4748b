"""pdf_check: is a PDF usable with a screen reader? Text layer, title, language, tags.

Scanned, untagged PDFs are the usual barrier on government portals: PPID attachments (issue 3,
item 6) and digital magazines (issue 8) share this one check. We read each PDF with pypdf, a
maintained PDF library, never by hand: WCAG 1.1.1 (text alternatives: a page that is only a
picture of text has none), 2.4.2 (a title) and 3.1.1 (the language of the document), and
PDF/UA's structure tags, which give a screen reader the reading order, headings and tables.
"""

import logging
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from warta.errors import ContentError

log = logging.getLogger(__name__)

# How an editor fixes an attachment that fails, in one sentence.
PDF_FIX = (
    "ekspor ulang PDF dari dokumen aslinya di pengolah kata atau lembar kerja dengan pilihan "
    "'PDF bertag' atau 'PDF aksesibel', isi judul di properti dokumen, dan pilih bahasa "
    "Indonesia; untuk hasil pindaian, jalankan OCR lebih dulu"
)


class UnreadablePdf(Exception):
    """pypdf could not open the file: it is not a PDF, it is damaged, or it is encrypted."""


@dataclass
class PdfCheck:
    """What the check found in one PDF."""

    pages: int
    has_text: bool
    title: str
    lang: str
    tagged: bool
    problems: list = field(default_factory=list)

    @property
    def passed(self):
        """A text layer, a title and a language. Tags are reported, not required."""
        return not self.problems


def check_pdf(path):
    """Read the PDF at ``path`` and return a PdfCheck. Raise UnreadablePdf if it cannot be read."""
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # An encrypted file cannot be checked, and most assistive technology cannot open
            # it either: fail closed.
            raise UnreadablePdf("berkas PDF terenkripsi (berkata sandi)")
        pages = len(reader.pages)
        has_text = any((page.extract_text() or "").strip() for page in reader.pages)
        catalog = reader.trailer["/Root"]
        title = _title(reader)
        lang = str(catalog.get("/Lang") or "").strip()
        mark_info = catalog.get("/MarkInfo")
        marked = bool(mark_info and mark_info.get_object().get("/Marked"))
        tagged = marked and "/StructTreeRoot" in catalog
    except UnreadablePdf:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, OSError) as exc:
        raise UnreadablePdf(f"berkas tidak dapat dibaca sebagai PDF ({exc})") from None
    problems = []
    if not pages:
        problems.append("tidak punya halaman")
    if not has_text:
        problems.append("tidak ada lapisan teks (hanya gambar, misalnya hasil pindaian)")
    if not title:
        problems.append("tidak ada judul (Title) di properti dokumen")
    if not lang:
        problems.append("bahasa dokumen (Lang) tidak ditetapkan")
    return PdfCheck(pages, has_text, title, lang, tagged, problems)


def _title(reader):
    """The document title from the Info dictionary, or else from the XMP metadata."""
    info = reader.metadata
    if info is not None and info.title and str(info.title).strip():
        return str(info.title).strip()
    xmp = reader.xmp_metadata
    titles = (xmp.dc_title if xmp is not None else None) or {}
    return next((t.strip() for t in titles.values() if t and t.strip()), "")


def report_pdf_checks(checked, what, noun, strict):
    """Log the accessibility summary of the PDFs a build checked, then one line per problem.

    ``checked`` is [(content file, Download)] for every PDF with a check; ``what`` names them in
    the summary ("lampiran PDF PPID"), ``noun`` in each line ("Lampiran"). A failing PDF is an
    error when ``strict``, else a warning; an untagged PDF that passes is always a warning.
    """
    if not checked:
        return
    failed = [(path, d) for path, d in checked if not d.check.passed]
    untagged = [(path, d) for path, d in checked if not d.check.tagged]
    summary = (f"Pemeriksaan aksesibilitas {what}: {len(checked)} diperiksa, "
               f"{len(checked) - len(failed)} lolos, {len(failed)} gagal, "
               f"{len(untagged)} tanpa tag")
    if not failed and not untagged:
        log.info("%s", summary)
        return
    log.warning("%s", summary)
    report = log.error if strict else log.warning
    for path, download in failed:
        tags = "bertag" if download.check.tagged else "tanpa tag"
        report("%s", ContentError(
            path,
            f"{noun} {download.path!r} tidak aksesibel: "
            f"{'; '.join(download.check.problems)}; {tags}",
            PDF_FIX,
            line=download.line,
        ))
    for path, download in untagged:
        if download.check.passed:
            log.warning("%s", ContentError(
                path,
                f"{noun} {download.path!r} lolos, tetapi tanpa tag: pembaca layar tidak "
                "mengenali judul, daftar, dan tabel di dalamnya",
                "ekspor ulang dengan pilihan 'PDF bertag' bila memungkinkan",
                line=download.line,
            ))
