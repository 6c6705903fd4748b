"""captions: is a captions file valid WebVTT, in Indonesian, that fits its video? (WCAG 1.2.2)

A captions file the browser cannot read shows nothing, and a deaf citizen gets no captions
without anyone noticing. The file is parsed by webvtt-py in strict mode (a maintained WebVTT
parser, not ours); on top of it we refuse what WebVTT parsers silently skip (a block that is
not a cue, a cue ending before it starts, cues out of order, captions longer than the video)
and find the line, so the editor knows where to look.
"""

import ast
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

log = logging.getLogger(__name__)

# The language a `Language:` header line may name: Indonesian (BCP 47 `id`, ISO 639-2 `ind`).
INDONESIAN = re.compile(r"^(id|ind)(-[A-Za-z0-9]+)*$", re.IGNORECASE)
# Blocks after the header that are not cues, and that WebVTT allows.
OTHER_BLOCKS = ("NOTE", "STYLE", "REGION")
# Captions may run on a little past the stated duration, which is rounded to the second.
DURATION_SLACK_MS = 1000
TIMING_FIX = ("tulis waktu setiap teks sebagai `JJ:MM:DD.mmm --> JJ:MM:DD.mmm`, misalnya "
              "`00:00:01.000 --> 00:00:04.500` (titik sebelum milidetik, bukan koma), "
              "diikuti teksnya di baris berikut, dan pisahkan setiap teks dengan satu baris kosong")


class CaptionProblem(Exception):
    """What is wrong with a captions file, the fix, and the line in the file (or None)."""

    def __init__(self, message, fix, line=None):
        self.message = message
        self.fix = fix
        self.line = line
        super().__init__(message)


@dataclass
class Captions:
    """What the check found in a valid captions file."""

    cues: int
    end_ms: int  # when the last cue ends


def check_captions(path, duration_ms=None):
    """Check the captions file at ``path``; return Captions or raise CaptionProblem.

    ``duration_ms`` is the video's length: captions must not run past it.
    """
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise CaptionProblem(
            f"berkas takarir bukan teks UTF-8 (bita ke-{exc.start})",
            "simpan ulang berkas takarir dengan pengodean UTF-8 di penyunting teks Anda",
        ) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        parsed = webvtt.from_string(text, strict=True)
    except MalformedFileError:
        raise CaptionProblem(
            "baris pertama berkas takarir bukan `WEBVTT`",
            "berkas WebVTT selalu diawali baris `WEBVTT`; berkas .srt perlu diubah dulu: "
            "tambahkan baris `WEBVTT` dan satu baris kosong di awal, lalu ganti koma pada "
            "waktu dengan titik (00:00:01,000 menjadi 00:00:01.000)",
            line=1,
        ) from None
    except MalformedCaptionError as exc:
        line = _first_bad_timing(lines) or _block_line(exc, lines)
        shown = f": {lines[line - 1].strip()!r}" if line else ""
        raise CaptionProblem(f"waktu atau susunan teks takarir tidak sah{shown}",
                             TIMING_FIX, line=line) from None
    _check_language(parsed.metadata, lines)
    _check_blocks(lines)
    if not parsed.captions:
        raise CaptionProblem("berkas takarir tidak berisi satu pun teks (cue)", TIMING_FIX)
    cue_lines = [number for number, line in enumerate(lines, 1) if "-->" in line]
    previous = 0
    for caption, line in zip(parsed.captions, cue_lines, strict=False):
        start, end = caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds()
        if end <= start:
            raise CaptionProblem(
                f"teks takarir berakhir ({caption.end}) sebelum atau saat ia mulai "
                f"({caption.start})",
                "waktu selesai harus sesudah waktu mulai", line=line)
        if start < previous:
            raise CaptionProblem(
                f"teks takarir mulai {caption.start}, lebih awal daripada teks sebelumnya",
                "urutkan teks takarir menurut waktu mulainya", line=line)
        if not caption.text.strip():
            raise CaptionProblem("teks takarir kosong",
                                 "tulis teksnya di baris sesudah baris waktu", line=line)
        if duration_ms is not None and end > duration_ms + DURATION_SLACK_MS:
            raise CaptionProblem(
                f"teks takarir berakhir {caption.end}, sesudah video selesai",
                "periksa apakah berkas takarir ini milik video ini, dan apakah Duration "
                "benar", line=line)
        previous = start
    return Captions(cues=len(parsed.captions),
                    end_ms=max(c.end_time.in_milliseconds() for c in parsed.captions))


def _first_bad_timing(lines):
    """The line of the first `-->` line that is not a strict WebVTT cue timing, if any."""
    strict = webvtt.vtt.WebVTTCueBlock.STRICT_CUE_TIMINGS_PATTERN
    for number, line in enumerate(lines, 1):
        if "-->" in line and not strict.match(line):
            return number
    return None


def _block_line(error, lines):
    """The first line of the block webvtt-py refused; its message quotes the block's lines."""
    quoted = str(error)
    try:
        block = ast.literal_eval(quoted[quoted.index("["):])
    except (ValueError, SyntaxError):
        return None
    for number in range(len(lines)):
        if lines[number:number + len(block)] == block:
            return number + 1
    return None


def _check_language(metadata, lines):
    """A `Language:` header line, where there is one, must say Indonesian."""
    for entry in metadata:
        key, _, value = entry.partition(":")
        if key.strip().lower() == "language" and not INDONESIAN.match(value.strip()):
            raise CaptionProblem(
                f"bahasa takarir {value.strip()!r}, bukan bahasa Indonesia",
                "takarir harus berbahasa Indonesia: terjemahkan teksnya, lalu tulis "
                "`Language: id` di bagian kepala berkas",
                line=next((n for n, line in enumerate(lines, 1) if line == entry), None),
            )


def _check_blocks(lines):
    """Every block after the header is a cue, a NOTE, a STYLE or a REGION.

    WebVTT parsers skip anything else without a word: a cue whose arrow is mistyped (`->`)
    would simply never be shown.
    """
    block_start, block, in_header = None, [], True
    for number, line in enumerate(lines + [""], 1):
        if line.strip():
            if not block:
                block_start = number
            block.append(line)
            continue
        if block and not in_header and not any("-->" in b for b in block):
            if not block[0].startswith(OTHER_BLOCKS):
                raise CaptionProblem(
                    f"baris {block[0].strip()!r} bukan bagian dari teks takarir mana pun",
                    TIMING_FIX, line=block_start)
        if block:
            in_header = False
        block = []
