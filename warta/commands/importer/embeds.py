"""Embedded players and widgets (iframe, object, embed, script) as ready-made links: the
sanitizer removes the element, but the reader keeps a way to what it showed and the editor
sees its address in the report, instead of both losing it."""

import re
from urllib.parse import parse_qs, quote, urlsplit

from warta.content.lint.elements import FILE_FORMATS

YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com", "youtu.be"}
YOUTUBE_PATH = re.compile(r"^/(?:embed|v|shorts|live)/([\w-]+)")
VIMEO_PATH = re.compile(r"^/video/(\d+)")
VIDEO_ID = re.compile(r"[\w-]{1,64}")
# A link target Markdown and the checks read whole: spaces, brackets, parentheses and braces
# ({static} is Pelican's) are percent-encoded; what is already encoded stays as it is.
SAFE_IN_TARGET = ":/?#@!$&'*+,;=%~-._"


def address(src):
    """The http(s) address an embed's ``src`` names (`//host/…` counts as https), or ""."""
    src = " ".join((src or "").split())
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return src


def _youtube(parts):
    match = YOUTUBE_PATH.match(parts.path)
    if match:
        return match.group(1)
    if parts.hostname == "youtu.be":
        return parts.path.strip("/")
    return parse_qs(parts.query).get("v", [""])[0]


def link_for(src):
    """(link text, address) for an embed's ``src``: a YouTube or Vimeo player becomes the
    video's own page, anything else on the web its address as given; None when ``src`` is no
    web address, or a file (its link would need the format and size the checks ask for)."""
    url = address(src)
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname.lower().removeprefix("www.")
    if host in YOUTUBE_HOSTS:
        video = _youtube(parts)
        if VIDEO_ID.fullmatch(video or ""):
            return "Tonton video di YouTube", f"https://www.youtube.com/watch?v={video}"
    vimeo = VIMEO_PATH.match(parts.path) if host == "player.vimeo.com" else None
    if vimeo:
        return "Tonton video di Vimeo", f"https://vimeo.com/{vimeo.group(1)}"
    name = parts.path.rsplit("/", 1)[-1]
    if "." in name and name.rsplit(".", 1)[1].lower() in FILE_FORMATS:
        return None
    return f"Buka konten sematan dari {host}", quote(url, safe=SAFE_IN_TARGET)


def embed_link(src, result, code):
    """The Markdown that stands where an embed was, with a note naming its address; ``code``
    shows text from the export literally."""
    src = " ".join((src or "").split())
    if not src:
        return ""
    found = link_for(src)
    if found is None:
        result.notes.append(f"Sematan {code(src[:120])} dihapus dan tidak dapat dijadikan tautan "
                            "langsung; bila isinya masih perlu, tautkan dengan teks yang "
                            "menjelaskan tujuannya (untuk berkas: format dan ukurannya)")
        return ""
    text, url = found
    result.notes.append(f"Sematan diganti tautan \"{text}\" ke {url}; periksa kalimat di "
                        "sekitarnya (misalnya \"video di bawah ini\")")
    result.converted.append(f"sematan menjadi tautan {url}")
    return f"\n\n[{text}]({url})\n\n"
