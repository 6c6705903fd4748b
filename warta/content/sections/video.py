"""Video: what an editor's video fields mean. A duration as written (M:SS or H:MM:SS), as
citizens hear it and as ISO 8601; a YouTube ID from an ID or any address YouTube gives out.

The section itself (captions required, WCAG 1.2.2; a transcript, 1.2.1 and 1.2.3; a poster with
alt text, 1.1.1) is the video plugin's generator.
"""

import re

# A YouTube video ID, alone or in any of the addresses YouTube gives out.
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/"
    r"(?:watch\?(?:[^#]*&)?v=|embed/|shorts/|live/)|youtu\.be/)([A-Za-z0-9_-]{11})(?:[?&#/].*)?$"
)
YOUTUBE_FIX = ("tulis ID video YouTube (11 karakter), misalnya `YouTube: AbCdEfGhIjK` untuk "
               "https://www.youtube.com/watch?v=AbCdEfGhIjK, atau alamat videonya")
# Durations as editors write them: 0:45, 12:05, 1:02:30.
DURATION = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")
DURATION_FIX = "tulis durasi sebagai M:DD atau J:MM:DD, misalnya `Duration: 2:35`"
CAPTIONS_FIX = (
    "buat berkas takarir WebVTT (.vtt) berbahasa Indonesia untuk video ini dan tulis jalurnya "
    "dari folder content/, misalnya `Captions: video/berkas/nama-video.id.vtt`; warga Tuli "
    "dan warga yang tidak dapat menyalakan suara memerlukan takarir"
)


def parse_duration(value):
    """Seconds in a duration written M:SS or H:MM:SS, or None."""
    match = DURATION.match(str(value or "").strip())
    if not match:
        return None
    hours, minutes, seconds = (int(part) if part else 0 for part in match.groups())
    if hours and minutes >= 60:
        return None
    return hours * 3600 + minutes * 60 + seconds


def duration_words(seconds):
    """A duration as citizens read it: "2 menit 35 detik", "1 jam 5 menit"."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    units = ((hours, "jam"), (minutes, "menit"), (seconds, "detik"))
    parts = [f"{n} {unit}" for n, unit in units if n]
    return " ".join(parts) or "0 detik"


def duration_iso(seconds):
    """A duration in ISO 8601 (PT2M35S), for <time datetime> and schema.org."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return f"PT{text or '0S'}"


def body_line(text):
    """The line where the body starts: after the metadata and its blank line."""
    lines = text.splitlines()
    blank = next((n for n, line in enumerate(lines, 1) if not line.strip()), len(lines))
    return blank + 1


def youtube_id(value):
    """The 11-character video ID in what an editor wrote (an ID or an address), or None."""
    value = str(value or "").strip()
    if YOUTUBE_ID.match(value):
        return value
    match = YOUTUBE_ADDRESS.match(value)
    return match.group(1) if match else None
