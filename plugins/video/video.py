"""video: the city's TV channel (VIDEO_SECTION_NAME) as a content type.

Editors write one Markdown file per video in content/video/: the metadata names the poster,
the video file(s) or the YouTube ID, and the captions; the body is the transcript. A video is
not published without Indonesian captions (WCAG 1.2.2), a transcript (1.2.1, 1.2.3, 1.2.8) and
a poster with alt text (1.1.1). A self-hosted video plays in the browser's own <video> with its
captions track; a YouTube video is a "click to load" facade, so nothing reaches YouTube before
the citizen asks for it.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.contents import Page

from warta.content.captions import CaptionProblem, check_captions
from warta.content.downloads import Download, measure
from warta.content.errors import ContentError, display_path
from warta.content.fields import FieldCheck, header_lines
from warta.content.sections import context as ctx
from warta.content.sections.base import (
    SectionGenerator,
    generators_when_enabled,
    paginate,
    record_size,
    save_as,
)
from warta.content.sections.video import (
    CAPTIONS_FIX,
    DURATION_FIX,
    YOUTUBE_FIX,
    body_line,
    duration_iso,
    duration_words,
    parse_duration,
    youtube_id,
)

log = logging.getLogger(__name__)

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
        self.publish(videos, lambda video: [*(d.path for d in video.files), video.cover])
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
        self.set_urls(download for video in self.videos for download in video.files)
        section = self.section
        self.write_list(writer, "video/index", section.url, paginated={"videos": self.videos})
        for video in self.videos:
            self.write_page(writer, video, "video")
        if section.feed:
            writer.write_feed(self.videos, self.context, section.feed,
                              feed_title=f"{section.name}: video terbaru")


set_defaults = paginate("video/index")
get_generators = generators_when_enabled("video", VideoGenerator)


def register():
    # initialized: the settings exist but no generator has copied them yet.
    signals.initialized.connect(set_defaults)
    # get_generators: ours join Pelican's after articles and pages and before the static
    # files, which then copy the media we add to static_links.
    signals.get_generators.connect(get_generators)
