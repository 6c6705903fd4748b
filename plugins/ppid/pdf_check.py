"""pdf_check: is a PDF attachment usable with a screen reader? Text layer, title, language, tags.

Scanned, untagged PDFs are the usual barrier on PPID portals (issue 3, item 6). We read each PDF
with pypdf, a maintained PDF library, never by hand: WCAG 1.1.1 (text alternatives: a page that is
only a picture of text has none), 2.4.2 (a title) and 3.1.1 (the language of the document), and
PDF/UA's structure tags, which give a screen reader the reading order, headings and tables.
"""

import logging
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

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
