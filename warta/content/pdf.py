"""pdf_check: is a PDF usable with a screen reader? Text layer, title, language, tags.

Scanned, untagged PDFs are the usual barrier on government portals: PPID attachments
and digital magazines share this one check. We read each PDF with pypdf, a
maintained PDF library, never by hand: WCAG 1.1.1 (text alternatives: a page that is only a
picture of text has none), 2.4.2 (a title) and 3.1.1 (the language of the document), and
PDF/UA's structure tags, which give a screen reader the reading order, headings and tables.

Before any of that, a PDF must be safe to publish: a citizen's reader runs a PDF's JavaScript and
automatic actions, so a file carrying them is refused, and so is an encrypted one (it cannot be
checked). pypdf talks about damaged files through logging and warnings in English; none of that
may reach an editor, who gets one finding with a rule id instead.
"""

import contextlib
import logging
import os
import warnings
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from warta.content.errors import WARNING, ContentError

log = logging.getLogger(__name__)

# How an editor fixes an attachment that fails, in one sentence.
PDF_FIX = (
    "ekspor ulang PDF dari dokumen aslinya di pengolah kata atau lembar kerja dengan pilihan "
    "'PDF bertag' atau 'PDF aksesibel', isi judul di properti dokumen, dan pilih bahasa "
    "Indonesia; untuk hasil pindaian, jalankan OCR lebih dulu"
)


class UnreadablePdf(Exception):
    """The file cannot be published as a PDF: it is not a PDF or it is damaged (``rule``), and
    the subclasses below for the reasons with a rule of their own."""

    rule = "pdf-rusak"
    fix = ("simpan ulang PDF dari dokumen aslinya (Simpan sebagai atau Ekspor ke PDF), lalu "
           "unggah lagi")


class EncryptedPdf(UnreadablePdf):
    rule = "pdf-terenkripsi"
    fix = "simpan ulang PDF dari dokumen aslinya tanpa kata sandi atau pembatasan, lalu unggah lagi"


class ActivePdf(UnreadablePdf):
    """JavaScript or an action that runs by itself: code we would publish under the city's name."""

    rule = "pdf-javascript"
    fix = ("ekspor ulang PDF dari dokumen aslinya tanpa formulir isian, skrip, atau tindakan "
           "otomatis, lalu unggah lagi; PDF untuk warga cukup berisi teks dan gambar")


# Keys that carry JavaScript or run something when the file or a page is opened (/AA), and
# XFA forms, which carry scripts of their own.
ACTIVE_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/AA": "tindakan otomatis",
               "/XFA": "formulir XFA berisi skrip"}
# Action types that run code or programs, wherever they hang (/OpenAction, links, fields).
ACTIVE_ACTIONS = {"/JavaScript": "JavaScript", "/Launch": "perintah menjalankan program"}


@contextlib.contextmanager
def quiet_pypdf():
    """Keep pypdf's log lines and warnings away from the build's log (the editor's screen)."""
    pypdf_log = logging.getLogger("pypdf")
    saved = pypdf_log.level, pypdf_log.propagate, pypdf_log.disabled
    pypdf_log.setLevel(logging.CRITICAL + 1)
    pypdf_log.propagate = False
    pypdf_log.disabled = True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        pypdf_log.level, pypdf_log.propagate, pypdf_log.disabled = saved


# What a file that has not changed was found to be, so the tree walk and the section that links
# the PDF pay for reading it once: {(path, size, mtime): PdfCheck or UnreadablePdf}.
_safety = {}
_checks = {}


def _key(path):
    stat = os.stat(path)
    return (os.path.realpath(path), stat.st_size, stat.st_mtime_ns)


def _open(path):
    """A PdfReader for ``path`` once it is known to be safe; raise UnreadablePdf otherwise."""
    key = _key(path)
    known = _safety.get(key)
    if isinstance(known, UnreadablePdf):
        raise known
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # An encrypted file cannot be checked, and most assistive technology cannot open
            # it either: fail closed.
            raise EncryptedPdf("berkas PDF terenkripsi (berkata sandi)")
        if known is None:
            found = _active_content(reader)
            if found:
                raise ActivePdf(f"PDF berisi {found}")
    except UnreadablePdf as exc:
        _safety[key] = exc
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError, OSError) as exc:
        problem = UnreadablePdf(f"berkas tidak dapat dibaca sebagai PDF ({_short(exc)})")
        _safety[key] = problem
        raise problem from None
    _safety[key] = True
    return reader


def _short(exc):
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _active_content(reader):
    """What in the file would run code, in words, or "" when nothing does.

    Every object the cross-reference table lists is looked at, not just the catalog: a script
    can hang from any page, link or form field, and inside compressed object streams.
    """
    numbers = [(number, generation) for generation, objects in reader.xref.items()
               for number in objects]
    numbers += [(number, 0) for number in reader.xref_objStm]
    seen = set()
    pending = [reader.trailer]
    for number, generation in numbers:
        pending.append(IndirectObject(number, generation, reader))
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ACTIVE_KEYS:
                    return ACTIVE_KEYS[key]
                if key == "/S" and value in ACTIVE_ACTIONS:
                    return ACTIVE_ACTIONS[value]
                if not isinstance(value, IndirectObject):
                    pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(v for v in item if not isinstance(v, IndirectObject))
    return ""


def check_pdf_safety(path):
    """Raise UnreadablePdf (or a subclass) unless the PDF at ``path`` is readable, unencrypted
    and free of JavaScript and automatic actions."""
    with quiet_pypdf():
        _open(path)


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
    """Read the PDF at ``path`` and return a PdfCheck. Raise UnreadablePdf if it cannot be read
    or is not safe to publish."""
    key = _key(path)
    if key not in _checks:
        with quiet_pypdf():
            _checks[key] = _check(path)
    return _checks[key]


def _check(path):
    reader = _open(path)
    try:
        pages = len(reader.pages)
        has_text = any((page.extract_text() or "").strip() for page in reader.pages)
        catalog = reader.trailer["/Root"]
        title = _title(reader)
        lang = str(catalog.get("/Lang") or "").strip()
        mark_info = catalog.get("/MarkInfo")
        marked = bool(mark_info and mark_info.get_object().get("/Marked"))
        tagged = marked and "/StructTreeRoot" in catalog
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError, OSError) as exc:
        raise UnreadablePdf(f"berkas tidak dapat dibaca sebagai PDF ({_short(exc)})") from None
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
        problem = ContentError(
            path,
            f"{noun} {download.path!r} tidak aksesibel: "
            f"{'; '.join(download.check.problems)}; {tags}",
            PDF_FIX,
            line=download.line,
            rule="pdf-aksesibel",
        )
        if not strict:
            problem.findings[0].severity = WARNING
        report("%s", problem)
    for path, download in untagged:
        if download.check.passed:
            problem = ContentError(
                path,
                f"{noun} {download.path!r} lolos, tetapi tanpa tag: pembaca layar tidak "
                "mengenali judul, daftar, dan tabel di dalamnya",
                "ekspor ulang dengan pilihan 'PDF bertag' bila memungkinkan",
                line=download.line,
                rule="pdf-tanpa-tag",
            )
            problem.findings[0].severity = WARNING
            log.warning("%s", problem)
