"""video: the city's TV channel (VIDEO_SECTION_NAME) as a content type.

Editors write one Markdown file per video in content/video/: the metadata names the poster,
the video file(s) or the YouTube ID, and the captions; the body is the transcript. A video is
not published without Indonesian captions (WCAG 1.2.2), a transcript (1.2.1, 1.2.3, 1.2.8) and
a poster with alt text (1.1.1). A self-hosted video plays in the browser's own <video> with its
captions track; a YouTube video is a "click to load" facade, so nothing reaches YouTube before
the citizen asks for it.
"""

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pelican.contents import Page

from warta import context_names as ctx
from warta.captions import CaptionProblem, check_captions
from warta.downloads import Download, measure
from warta.errors import ContentError, display_path
from warta.fields import FieldCheck, header_lines
from warta.sections import SectionGenerator, record_size, save_as

log = logging.getLogger(__name__)

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

# Fields written once: {metadata key: as editors write it}.
SINGLE_FIELDS = {
    "title": "Title", "slug": "Slug", "date": "Date", "category": "Category",
    "summary": "Summary", "duration": "Duration", "cover": "Cover", "cover_alt": "Cover_alt",
    "youtube": "YouTube", "captions": "Captions", "sign_language": "Sign_language",
}
# Required fields: (metadata key, as written, what it is, an example).
REQUIRED_FIELDS = [
    ("date", "Date", "Tanggal terbit", "2025-08-12 10:00"),
    ("category", "Category", "Perangkat daerah", "Dinkes"),
    ("summary", "Summary", "Ringkasan", "Satu atau dua kalimat tentang isi video."),
    ("duration", "Duration", "Durasi", "2:35"),
]


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


@dataclass
class Source:
    """One file of a self-hosted video: a <source> and a download link."""

    download: Download
    mime: str

    @property
    def url(self):
        return self.download.url


class Video(Page):
    """One video of the city's channel; its body is the transcript."""

    default_template = "video/video"

    def set_address(self, settings):
        """The address comes from VIDEO_PAGE_URL, not PAGE_URL."""
        self.override_url = settings["VIDEO_PAGE_URL"].format(slug=self.slug)
        self.override_save_as = save_as(self.override_url)


@dataclass
class VideoSection:
    """Everything the video templates need, in the context as `video_section`."""

    name: str
    description: str
    url: str
    feed: str
    videos: list


class VideoGenerator(SectionGenerator):
    """Reads content/video, refuses any video without its accessibility, writes the channel."""

    def generate_context(self):
        settings = self.settings
        self.locale = settings["WARTA_LOCALE"]
        self.content_root = Path(self.path).resolve()
        videos = [video for video in self.read_folder(settings["VIDEO_PATH"], Video)
                  if self._check(video)]
        index = save_as(settings["VIDEO_URL"])
        videos = self.drop_address_clashes(
            sorted(videos, key=lambda v: v.source_path), {index: "daftar video"},
            lambda video: video.media_header.get("slug", (1, ""))[0],
        )
        videos.sort(key=lambda v: v.date, reverse=True)
        for video in videos:
            # Pelican's StaticGenerator runs after us and copies every linked file.
            self.context["static_links"].update(download.path for download in video.files)
            self.context["static_links"].add(video.cover)
            self.add_source_path(video)
            self.add_static_links(video)
        self.videos = videos
        self.section = VideoSection(
            name=settings["VIDEO_SECTION_NAME"],
            description=settings["VIDEO_SECTION_DESCRIPTION"],
            url=settings["VIDEO_URL"],
            feed=settings["VIDEO_FEED_ATOM"],
            videos=videos,
        )
        self.context[ctx.VIDEO_SECTION] = self.section
        record_size(self.context, "video", len(videos))

    # --- Checking one video ---------------------------------------------------------------------

    def _check(self, video):
        """Validate one video, fill in what its page needs, log every problem; True if valid."""
        check = FieldCheck(video.source_path)
        video.media_header = check.header
        meta = video.metadata
        if not check.written_once(meta, SINGLE_FIELDS, "video-kolom"):  # the checks below read single values
            return check.report()
        check.required(meta, REQUIRED_FIELDS, "video-kolom", settings=self.settings)
        category = str(meta.get("category") or "").strip()
        agency = check.agency("category", category, self.settings)
        seconds = parse_duration(meta.get("duration"))
        if meta.get("duration") and seconds is None:
            check.fail("duration", f"Durasi {meta['duration']!r} tidak dapat dibaca", DURATION_FIX,
                       rule="video-kolom")
        if not meta.get("cover"):
            check.fail("cover", "Gambar poster video (Cover) tidak ada",
                       "tambahkan baris `Cover: video/berkas/nama-poster.webp` dan "
                       "`Cover_alt: …` yang menjelaskan isi gambar; poster tampil sebelum "
                       "video diputar", rule="video-poster")
        sources, youtube = self._check_source(meta, check)
        captions = self._check_captions(video, meta, seconds, check)
        sign = self._check_file(check, "sign_language", "Sign_language",
                                meta.get("sign_language"), "video juru bahasa isyarat")
        if not Markup(video._content or "").striptags().strip():
            check.fail("transcript",
                       "Transkrip video tidak ada: isi berkas di bawah metadata kosong",
                       "tulis transkrip lengkap di bawah metadata, sesudah satu baris kosong: "
                       "semua ucapan dengan nama pembicaranya, dan suara atau gambar penting "
                       "yang tidak terucap, untuk warga yang tidak dapat mendengar atau "
                       "melihat videonya",
                       at=body_line(check.text), rule="video-transkrip")
        if not check.report():
            return False
        settings = self.settings
        video.opd = agency
        video.duration_seconds = seconds
        video.duration_text = duration_words(seconds)
        video.duration_iso = duration_iso(seconds)
        video.sources = sources
        video.youtube_id = youtube
        video.embed_url = settings["VIDEO_YOUTUBE_EMBED_URL"].format(id=youtube) if youtube else ""
        video.watch_url = settings["VIDEO_YOUTUBE_WATCH_URL"].format(id=youtube) if youtube else ""
        video.captions = captions
        video.sign_language = sign
        video.files = [s.download for s in sources + ([sign] if sign else [])] + [captions]
        return True

    def _check_source(self, meta, check):
        """([Source], YouTube ID or None): the video files, or the video on YouTube."""
        files = meta.get("video") or []
        if isinstance(files, str):
            files = [files]
        youtube = meta.get("youtube")
        if not files and not youtube:
            check.fail("video", "Sumber video tidak ada (Video atau YouTube)",
                       "tulis berkas videonya, misalnya `Video: video/berkas/nama-video.mp4`, "
                       "atau ID video YouTube-nya, misalnya `YouTube: AbCdEfGhIjK`",
                       rule="video-sumber")
            return [], None
        if files and youtube:
            check.fail("youtube", "Video ini punya berkas video (Video) dan YouTube sekaligus",
                       "pilih salah satu: hapus baris `YouTube:` untuk memutar berkas dari "
                       "portal ini, atau hapus baris `Video:` untuk memutar dari YouTube",
                       rule="video-sumber")
            return [], None
        if youtube:
            found = youtube_id(youtube)
            if found is None:
                check.fail("youtube", f"ID YouTube {youtube!r} tidak dikenali", YOUTUBE_FIX,
                           rule="video-sumber")
            return [], found
        lines = header_lines(check.text, "video") + [None] * len(files)
        sources = [self._check_file(check, "video", "Video", relative, "video", at)
                   for relative, at in zip(files, lines, strict=False)]
        return [source for source in sources if source is not None], None

    def _check_file(self, check, key, written, relative, label, at=None):
        """A Source for a video file named in the metadata, or None (a problem is recorded)."""
        if not relative:
            return None
        formats = self.settings["VIDEO_FORMATS"]
        source = check.named_file(
            key, relative, self.content_root, f"Berkas {written}", "video",
            f"{written}: video/berkas/nama-video.mp4",
            {extension: name for extension, (name, _) in formats.items()}, "VIDEO_FORMATS", at,
            rule="video-sumber",
        )
        if source is None:
            return None
        name, mime = formats[source.suffix.lower().lstrip(".")]
        return Source(measure(source, self.content_root, label, name, line=at, locale=self.locale),
                      mime)

    def _check_captions(self, video, meta, seconds, check):
        """The captions Download, checked as WebVTT in Indonesian, or None."""
        relative = meta.get("captions")
        if not relative:
            check.fail("captions", "Video tidak punya takarir (Captions)", CAPTIONS_FIX,
                       rule="video-takarir")
            return None
        source = check.named_file("captions", relative, self.content_root, "Berkas takarir",
                                  "takarir", "Captions: video/berkas/nama-video.id.vtt",
                                  {"vtt": "WebVTT (.vtt)"}, rule="video-takarir")
        if source is None:
            return None
        try:
            check_captions(source, seconds * 1000 if seconds is not None else None)
        except CaptionProblem as problem:
            # The message names the captions file and its line, where the fix goes, and the
            # video it belongs to.
            check.problems.append(ContentError(
                source,
                f"Takarir untuk {display_path(video.source_path)} bukan WebVTT yang sah: "
                f"{problem.message}",
                problem.fix,
                line=problem.line,
                rule="video-takarir",
            ))
            return None
        return measure(source, self.content_root, "takarir", "WebVTT",
                       line=check.line("captions"), locale=self.locale)

    # --- Writing -------------------------------------------------------------------------------

    def generate_output(self, writer):
        settings = self.settings
        static = self.context["static_content"]
        for video in self.videos:
            for download in video.files:
                found = static.get(download.path)
                download.url = found.url if found is not None else download.path

        def write(name, template, url, **variables):
            writer.write_file(name, self.get_template(template), self.context, url=url,
                              relative_urls=settings["RELATIVE_URLS"], **variables)

        section = self.section
        # Lists stay out of site search (see base.html); each video page is in it, so a query
        # finds the video, not every list that names it.
        writer.write_file(
            save_as(section.url), self.get_template("video/index"), self.context,
            paginated={"videos": self.videos}, template_name="video/index", url=section.url,
            relative_urls=settings["RELATIVE_URLS"], search_indexed=False,
        )
        for video in self.videos:
            # `page` too: Pelican's plugins (the sitemap's lastmod, share cards) read that name.
            write(video.save_as, video.template, video.url, video=video, page=video)
        if section.feed:
            writer.write_feed(self.videos, self.context, section.feed,
                              feed_title=f"{section.name}: video terbaru")
