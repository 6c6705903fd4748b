"""Write the sample Kota Contoh TV videos in content/video/berkas/ (committed; rerun to regenerate).

    .venv/bin/python tools/make_video_samples.py

Each clip is made here, from nothing downloaded: a title card and the sample news illustrations
(content/images/berita/) as slides, narrated in Indonesian by Debian's espeak-ng, encoded by
Debian's ffmpeg at a tiny size (480x270, a few seconds, well under 300 KB). The WebVTT
captions are written from the same sentences, timed by the length of each spoken sentence, so
captions and speech match. The YouTube sample gets a poster and captions only: its video is
the city's on YouTube and nothing is fetched. Installs ffmpeg and espeak-ng with apt-get when
missing (tools/ensure-media-tools.sh). Every file is marked as fictional sample content.
"""

import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kota-contoh"
TARGET = EXAMPLE / "content" / "video" / "berkas"
ILLUSTRATIONS = EXAMPLE / "content" / "images" / "berita"
CHANNEL = "KOTA CONTOH TV"
SAMPLE_MARK = "Portal Contoh: video rekaan untuk demonstrasi Warta"

VIDEO_SIZE = (480, 270)
POSTER_SIZE = (640, 360)
SIGN_SIZE = (320, 360)
MAX_BYTES = 300 * 1024
TITLE_SECONDS = 2.0  # the title card, before the narration starts
PAUSE_SECONDS = 0.4  # between sentences
CUE_LINE = 42  # characters per caption line, two lines at most (common broadcast practice)

NAVY = (8, 42, 70)
WHITE = (255, 255, 255)
YELLOW = (255, 214, 10)

# slug: title on the title card, illustrations (cycled over the sentences), narration,
# formats to encode (none: the video is on YouTube), and whether a sign-language clip goes beside.
VIDEOS = {
    "serah-terima-rumah-2025": {
        "title": "Serah terima 150 rumah hasil rehabilitasi",
        "slides": ["rutilahu-2023.webp", "alat-bantu-2023.webp"],
        "sentences": [
            "Pemerintah Kota Contoh menyerahkan 150 rumah hasil rehabilitasi kepada warga.",
            "Tahun ini, lansia dan penyandang disabilitas didahulukan.",
            "Setiap rumah kini punya jalur landai, pegangan tangan, dan kamar mandi yang lebih lebar.",
            "Ingin mengusulkan rumah Anda? Hubungi kantor kelurahan setempat.",
        ],
        "formats": ["mp4", "webm"],
        "sign_language": True,
    },
    "belanja-pangan-aman": {
        "title": "Tips belanja pangan yang aman di pasar",
        "slides": ["pasar-aman-2024.webp", "pasar-murah-2025.webp"],
        "sentences": [
            "Sebelum membeli, perhatikan warna dan bau bahan pangan.",
            "Warna yang terlalu mencolok bisa menandakan pewarna tekstil.",
            "Pilih ikan dan daging yang segar, lalu segera simpan di lemari pendingin.",
            "Menemukan pangan yang mencurigakan? Laporkan lewat kanal Lapor Kota Contoh.",
        ],
        "formats": ["mp4"],
        "sign_language": False,
    },
    "posyandu-tumbuh-kembang": {
        "title": "Ke posyandu setiap bulan",
        "slides": ["posyandu-2024.webp"],
        "sentences": [
            "Setiap bulan, bawa balita Anda ke posyandu terdekat.",
            "Kader menimbang berat badan dan mengukur tinggi badan dengan alat standar.",
            "Hasilnya dicatat di buku kesehatan ibu dan anak.",
            "Layanan posyandu gratis untuk semua warga.",
        ],
        "formats": ["webm"],
        "sign_language": False,
    },
    "pelatihan-bahasa-isyarat-petugas": {
        "title": "Petugas layanan belajar Bahasa Isyarat Indonesia",
        "slides": [],
        "sentences": [
            "Enam puluh petugas layanan publik belajar Bahasa Isyarat Indonesia.",
            "Mereka berlatih menyapa, menanyakan keperluan, dan menjelaskan persyaratan.",
            "Pelatihnya adalah guru-guru Tuli dari komunitas Tuli Kota Contoh.",
            "Mulai bulan depan, setiap kantor kecamatan punya petugas yang dapat berbahasa isyarat.",
        ],
        "formats": [],  # on YouTube: poster and captions only
        "sign_language": False,
    },
}


def run(*command):
    subprocess.run(command, check=True, capture_output=True)


def font(size):
    # Pillow's own scalable font: no system font file is needed.
    return ImageFont.load_default(size=size)


def title_card(size, title):
    """The first frame and the poster: the channel name and the title, white on navy."""
    width, height = size
    scale = width / 480
    image = Image.new("RGB", size, NAVY)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, round(8 * scale)], fill=YELLOW)
    draw.text((round(24 * scale), round(28 * scale)), CHANNEL, fill=YELLOW, font=font(round(18 * scale)))
    y = round(70 * scale)
    for line in textwrap.wrap(title, 24):
        draw.text((round(24 * scale), y), line, fill=WHITE, font=font(round(30 * scale)))
        y += round(40 * scale)
    draw.text((round(24 * scale), height - round(34 * scale)), SAMPLE_MARK, fill=WHITE,
              font=font(round(13 * scale)))
    return image


def scene(name):
    """A sample illustration with the channel's mark in the top corner."""
    with Image.open(ILLUSTRATIONS / name) as source:
        image = source.convert("RGB").resize(VIDEO_SIZE, Image.LANCZOS)
    draw = ImageDraw.Draw(image)
    draw.rectangle([12, 12, 150, 38], fill=NAVY)
    draw.text((20, 17), CHANNEL, fill=YELLOW, font=font(14))
    return image


def interpreter_placeholder():
    """The sign-language sample: a drawn interpreter, clearly marked as a placeholder."""
    width, height = SIGN_SIZE
    image = Image.new("RGB", SIGN_SIZE, (32, 40, 52))
    draw = ImageDraw.Draw(image)
    draw.ellipse([125, 70, 195, 140], fill=(198, 150, 110))  # head
    draw.rounded_rectangle([95, 150, 225, 330], radius=40, fill=(20, 24, 30))  # dark clothes
    draw.ellipse([70, 180, 110, 220], fill=(198, 150, 110))  # hands raised to sign
    draw.ellipse([210, 160, 250, 200], fill=(198, 150, 110))
    draw.text((16, 16), "Juru bahasa isyarat", fill=WHITE, font=font(20))
    draw.text((16, 42), "(contoh tempat)", fill=YELLOW, font=font(16))
    return image


def speak(text, target):
    """Indonesian speech for one sentence, as 16-bit mono WAV; its length in seconds."""
    run("espeak-ng", "-v", "id", "-s", "150", "-w", str(target), text)
    with wave.open(str(target)) as audio:
        return audio.getnframes() / audio.getframerate()


def split_for_captions(text):
    """A sentence as pieces of at most two caption lines, halved where a reader pauses.

    Each cut falls near the middle, preferably after a comma, so no cue is a stray word on
    screen for a moment.
    """
    if len(textwrap.wrap(text, CUE_LINE)) <= 2:
        return [text]
    words = text.split()

    def cost(cut):
        left = " ".join(words[:cut])
        return abs(len(left) - len(text) / 2) - (15 if left.endswith(",") else 0)

    cut = min(range(1, len(words)), key=cost)
    return (split_for_captions(" ".join(words[:cut]))
            + split_for_captions(" ".join(words[cut:])))


def caption_lines(piece):
    """One or two lines of about equal length, the way captions are set (no orphan word)."""
    if len(piece) <= CUE_LINE:
        return [piece]
    words = piece.split()
    cut = min(range(1, len(words)),
              key=lambda n: max(len(" ".join(words[:n])), len(" ".join(words[n:]))))
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def cue_blocks(text, start, end):
    """One spoken sentence as cues, sharing its time by length."""
    pieces = split_for_captions(text)
    cues, at = [], start
    for piece in pieces:
        length = (end - start) * len(piece) / sum(len(p) for p in pieces)
        cues.append((at, at + length, "\n".join(caption_lines(piece))))
        at += length
    return cues


def timestamp(seconds):
    millis = round(seconds * 1000)
    return f"{millis // 3600000:02d}:{millis // 60000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def write_captions(path, cues):
    blocks = ["WEBVTT\nKind: captions\nLanguage: id",
              f"NOTE {SAMPLE_MARK}. Dibuat oleh tools/make_video_samples.py."]
    for number, (start, end, text) in enumerate(cues, 1):
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}\n{text}")
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def narration(work, sentences):
    """The whole soundtrack (a silent title card, then each sentence with a pause) and its cues."""
    pieces, cues = [], []
    at = TITLE_SECONDS
    rate = None
    for number, sentence in enumerate(sentences):
        wav = work / f"kalimat-{number}.wav"
        length = speak(sentence, wav)
        with wave.open(str(wav)) as audio:
            rate = audio.getframerate()
            pieces.append(audio.readframes(audio.getnframes()))
        cues += cue_blocks(sentence, at, at + length)
        pieces.append(b"\0\0" * round(PAUSE_SECONDS * rate))
        at += length + PAUSE_SECONDS
    soundtrack = work / "suara.wav"
    with wave.open(str(soundtrack), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\0\0" * round(TITLE_SECONDS * rate) + b"".join(pieces))
    return soundtrack, cues, at


def encode(work, frames, soundtrack, target):
    """Slides shown for their durations, with the soundtrack, as a small MP4 or WebM."""
    listing = work / "slides.txt"
    lines = []
    for number, (image, seconds) in enumerate(frames):
        path = work / f"slide-{number}.png"
        image.save(path)
        lines += [f"file '{path}'", f"duration {seconds:.3f}"]
    lines.append(f"file '{work / f'slide-{len(frames) - 1}.png'}'")  # the concat demuxer's last frame
    listing.write_text("\n".join(lines) + "\n")
    common = ["ffmpeg", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(listing)]
    if soundtrack is not None:
        common += ["-i", str(soundtrack), "-metadata:s:a:0", "language=ind"]
    common += ["-vf", "fps=10,format=yuv420p", "-map_metadata", "-1", "-fflags", "+bitexact",
               "-metadata", f"comment={SAMPLE_MARK}"]
    if target.suffix == ".mp4":
        codecs = ["-c:v", "libx264", "-profile:v", "baseline", "-preset", "veryslow", "-crf", "30",
                  "-tune", "stillimage", "-movflags", "+faststart"]
        audio = ["-c:a", "aac", "-b:a", "32k", "-ac", "1"]
    else:
        codecs = ["-c:v", "libvpx-vp9", "-crf", "42", "-b:v", "0", "-row-mt", "1"]
        audio = ["-c:a", "libopus", "-b:a", "24k", "-ac", "1"]
    command = common + codecs + (audio + ["-shortest"] if soundtrack is not None else ["-an"])
    run(*command, str(target))
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{target.name}: {size} bita, lebih dari {MAX_BYTES}")


def make(slug, spec, work):
    poster = TARGET / f"{slug}-poster.webp"
    title_card(POSTER_SIZE, spec["title"]).save(poster, "WEBP", quality=80, method=6)
    soundtrack, cues, length = narration(work, spec["sentences"])
    write_captions(TARGET / f"{slug}.id.vtt", cues)
    made = [poster, TARGET / f"{slug}.id.vtt"]
    if spec["formats"]:
        frames = [(title_card(VIDEO_SIZE, spec["title"]), TITLE_SECONDS)]
        # One slide per cue, held until the next cue starts, the illustrations taking turns.
        bounds = [start for start, _, _ in cues] + [length]
        for number in range(len(cues)):
            slide = scene(spec["slides"][number % len(spec["slides"])])
            frames.append((slide, bounds[number + 1] - bounds[number]))
        for extension in spec["formats"]:
            encode(work, frames, soundtrack, TARGET / f"{slug}.{extension}")
            made.append(TARGET / f"{slug}.{extension}")
    if spec["sign_language"]:
        target = TARGET / f"{slug}-isyarat.mp4"
        encode(work, [(interpreter_placeholder(), length)], None, target)
        made.append(target)
    print(f"{slug}: durasi {int(length // 60)}:{round(length % 60):02d}")
    return made


def main():
    subprocess.run(["bash", str(ROOT / "tools" / "ensure-media-tools.sh")], check=True)
    TARGET.mkdir(parents=True, exist_ok=True)
    for slug, spec in VIDEOS.items():
        with tempfile.TemporaryDirectory(prefix="warta-video-") as work:
            for path in make(slug, spec, Path(work)):
                print(f"  {path.relative_to(ROOT)}: {path.stat().st_size} bita")
    return 0


if __name__ == "__main__":
    sys.exit(main())
