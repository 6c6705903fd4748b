"""The PDF check moved to warta/pdf_check.py (issue 8), shared by PPID attachments and magazine
editions; this name stays for code written against the PPID plugin."""

from warta.pdf_check import *  # noqa: F401,F403
