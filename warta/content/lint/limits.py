"""A budget for one file's shape, checked before any Markdown parser sees it.

Python-Markdown is quadratic on some shapes a tiny file can have: 1,000 bare ``[`` take 0.2-0.5 s
of CPU, 4,000 take 3 s, and a 200 KB line of them never finishes; unclosed ``<a`` (4,000 take
1.7 s) and very deep nesting behave alike (a list 1,000 levels deep ends in RecursionError). A build must never hang
on one editor's file, so a file over any budget below is refused at its line before it is
parsed. Each budget is far above what real writing needs: the sample portal's largest figures
are a 466-character line, 4 ``[`` in a file, 3 columns of indentation and one level of quote.
"""


import contextlib
import re
import signal
import threading

from warta.content.errors import ContentError, Finding

# (budget, what a real file in the sample portal reaches)
MAX_LINE = 20_000  # characters on one line (a paragraph is one line): sample 466
MAX_BRACKETS = 1_000  # "[" in one file (each link and image has one): sample 4
MAX_LT = 3_000  # "<" in one file (tags and text; an unclosed "<a" is the slow one): sample 0
MAX_INDENT = 64  # columns of leading spaces (a list 16-32 levels deep): sample 3
MAX_QUOTE = 16  # ">" levels of quotation on one line: sample 1
# The last resort, for a shape no budget above foresaw: CPU seconds to read one file (checks,
# Markdown, typogrify). The sample's slowest file takes well under a tenth of a second.
MAX_READ_CPU_SECONDS = 20
FIX = ("pecah tulisan ini menjadi beberapa paragraf atau beberapa berkas, dan hapus tanda yang "
       "berulang-ulang; tulisan biasa jauh di bawah batas ini")
_QUOTES = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")


def over_budget(path, text):
    """A berkas-rumit Finding for the first budget ``text`` exceeds, or None."""
    brackets = lts = 0
    header = True
    for number, line in enumerate(text.splitlines(), start=1):
        problem = None
        header = header and bool(line.strip())
        if header and not line.lower().startswith("summary:"):
            # Header fields are text, not Markdown (their own rules cap them, such as
            # metadata-tag-banyak); the Summary is the one Markdown renders.
            continue
        brackets += line.count("[")
        lts += line.count("<")
        indent = len(line) - len(line.lstrip(" \t"))
        quotes = _QUOTES.match(line)
        if len(line) > MAX_LINE:
            problem = f"Baris ini {len(line):,} karakter, lebih dari batas {MAX_LINE:,}"
        elif brackets > MAX_BRACKETS:
            problem = f"Berkas ini memuat lebih dari {MAX_BRACKETS:,} tanda ["
        elif lts > MAX_LT:
            problem = f"Berkas ini memuat lebih dari {MAX_LT:,} tanda <"
        elif indent > MAX_INDENT:
            problem = f"Baris ini menjorok {indent} kolom, lebih dari batas {MAX_INDENT} (daftar bertingkat terlalu dalam)"
        elif quotes and quotes.group(0).count(">") > MAX_QUOTE:
            problem = f"Kutipan bertingkat lebih dari {MAX_QUOTE} tingkat"
        if problem:
            # Indonesian thousands separator: 20.000, not 20,000.
            return Finding(str(path), number, "berkas-rumit", problem.replace(",", "."), FIX)
    return None


class _OverBudget(BaseException):
    """Raised by the CPU timer; a BaseException, so no ``except Exception`` in a parser
    swallows it and carries on."""


@contextlib.contextmanager
def cpu_budget(path, seconds=MAX_READ_CPU_SECONDS):
    """Stop reading ``path`` with berkas-rumit once it has used ``seconds`` of CPU time.

    Measured in the process's own CPU time (ITIMER_VIRTUAL), not wall time, so a busy machine
    never refuses a file. Only on the main thread, where signal handlers can be set (the
    preview's builds and the command line build there).
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def over(signum, frame):
        raise _OverBudget

    previous = signal.signal(signal.SIGVTALRM, over)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    except _OverBudget:
        raise ContentError(str(path), f"Membaca berkas ini butuh lebih dari {seconds} detik CPU",
                           FIX, line=1, rule="berkas-rumit") from None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
