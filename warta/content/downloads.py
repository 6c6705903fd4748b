"""downloads: files citizens download, measured at build time and named the same way everywhere.

A download link says what the file is before anyone pays for it on a metered connection:
"Unduh Laporan Keuangan 2025 (PDF, 4,9 KB, 3 halaman)" (WCAG 2.4.4, link purpose).
PPID attachments, magazine editions and video files all use this one helper.
"""

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from warta.content import paths
from warta.content.pdf import check_pdf


def human_size(size, locale="id"):
    """A file size as citizens read it: 812 bita, 24,3 KB, 1,2 MB."""
    if size < 1024:
        return f"{size} bita"
    for unit, factor in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < factor * 1024 or unit == "GB":
            return f"{format_decimal(size / factor, format='#,##0.#', locale=locale)} {unit}"


@dataclass
class Download:
    """One downloadable file, measured at build time."""

    path: str  # relative to content/, as the editor wrote it
    label: str  # what is downloaded: "Unduh {label} ({details})"
    format: str
    size: int
    line: int = 1  # of the metadata line that names it, for messages
    locale: str = "id"
    pages: int | None = None
    check: object = None  # pdf_check.PdfCheck for PDFs
    url: str = ""  # Pelican's static-file address, filled in before writing

    @property
    def details(self):
        """PDF, 1,2 MB, 24 halaman"""
        parts = [self.format, human_size(self.size, self.locale)]
        if self.pages is not None:
            parts.append(f"{self.pages} halaman")
        return ", ".join(parts)


def measure(source, content_root, label, format_name, line=1, locale="id"):
    """A Download for the file at ``source``; PDFs are checked and their pages counted.

    Raises pdf_check.UnreadablePdf for a PDF that cannot be read (damaged or encrypted).
    """
    source = Path(source)
    download = Download(
        path=source.relative_to(content_root).as_posix(),
        label=label,
        format=format_name,
        size=source.stat().st_size,
        line=line or 1,
        locale=locale,
    )
    if source.suffix.lower() == ".pdf":
        download.check = check_pdf(source)
        download.pages = download.check.pages
    return download


def content_file(content_root, relative):
    """The file ``relative`` (as an editor wrote it, from content/) names, or None when it does
    not exist or points outside content/."""
    try:
        source = paths.inside(content_root, str(relative).strip())
    except paths.Refused:
        return None
    return source if source.is_file() else None
