"""One resolver for every local path an editor, a setting or an import can write.

Editors in many agencies write addresses the build follows to files: Markdown links and images,
raw ``href``/``src``/``srcset``/``poster``, Pelican's ``{static}``, ``{attach}`` and
``{filename}`` links, cover and attachment fields, and an import's image URLs. Each one is
resolved here, against one root folder (``content/``, or the old site's uploads folder), and
refused when it leaves that folder by any road: ``..``, a symbolic link, URL-encoding
(``%2e%2e``), a backslash (which browsers read as ``/``), or a control character. Nothing the
build reads or copies can then come from outside its root, whatever the step that reads it.

The rest of the pipeline (warta.content.links) writes a resolved address back into HTML escaped, so a
file name holding ``&``, ``"`` or ``<`` stays a name.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Pelican's intrasite markers. Written {static}, |static| is Pelican's older spelling.
MARKERS = ("static", "attach", "filename")
_INTRASITE = re.compile(r"^[{|](?P<what>[^{}|/]*)[|}](?P<rest>.*)$", re.S)
# Markers that name an address, never a file: Pelican's own, and {ppid} (the PPID section, in
# PPID texts), resolved by name.
NAMED_MARKERS = ("category", "tag", "author", "index", "ppid")
# The attributes that hold one address the build may follow (Pelican's list, less the form and
# meta ones content can never carry); srcset holds several and is Warta's own.
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "data"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ENCODED = re.compile(r"%[0-9a-fA-F]{2}")

RULE = "jalur-keluar"
FIX = ("tulis jalur berkas di dalam folder content/: diawali / dihitung dari content/, yang lain "
       "dari folder berkas ini, tanpa .. yang keluar dari content/, tanpa garis miring terbalik")


class Refused(ValueError):
    """A path that leaves its root, or cannot be read safely; ``message`` is for editors."""

    def __init__(self, message, fix=FIX, rule=RULE):
        super().__init__(message)
        self.message, self.fix, self.rule = message, fix, rule


@dataclass(frozen=True)
class Local:
    """A reference to a file under the root: ``path`` is root-relative, POSIX, decoded."""

    marker: str  # "static", "attach", "filename", or "" for a plain address
    path: str
    query: str = ""
    fragment: str = ""


def split_marker(value):
    """(marker, rest) of ``{static}/x`` → ("static", "/x"); ("", value) without a marker.

    Raises Refused for a marker Pelican would not understand ({Static}, {statik}), which would
    leave the text in the page as a broken address.
    """
    match = _INTRASITE.match(value)
    if match is None:
        return "", value
    what = match.group("what")
    if what in MARKERS or what in NAMED_MARKERS:
        return what, match.group("rest")
    raise Refused(f"Penanda {value[:match.end('what') + 1]!r} tidak dikenal",
                  "tulis {static} untuk gambar dan berkas, {filename} untuk tulisan lain, "
                  "dengan huruf kecil", rule="tautan-rusak")


def is_remote(value):
    """An address with a scheme or a host (https://, mailto:, //host): not a file of ours."""
    parts = urlsplit(value)
    return bool(parts.scheme or parts.netloc or value.startswith("//"))


def inside(root, relative):
    """``root / relative`` resolved, when it stays under ``root`` after ``..`` and symbolic
    links; Refused otherwise. ``relative`` is already decoded (no %xx)."""
    if "\\" in relative:
        raise Refused(f"Jalur {relative[:80]!r} memakai garis miring terbalik (\\)")
    if _CONTROL.search(relative):
        raise Refused(f"Jalur {relative[:80]!r} memuat karakter kendali")
    root = Path(root).resolve()
    try:
        target = (root / relative.lstrip("/")).resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise Refused(f"Jalur {relative[:80]!r} tidak dapat dibaca") from exc
    if not target.is_relative_to(root):
        raise Refused(f"Jalur {relative[:80]!r} menunjuk ke luar folder {root.name}/")
    return target


def _decoded(path):
    decoded = unquote(path, errors="strict")
    if _ENCODED.search(decoded):
        # Encoded twice (%252e%252e): one decoding must give the name, or a later step that
        # decodes again would see another path than the one checked here.
        raise Refused(f"Jalur {path[:80]!r} dikodekan dua kali")
    return decoded


def resolve(value, source, root):
    """The :class:`Local` file ``value`` (an address as written, entities already decoded)
    names under ``root``, or None when it names none (another site, an anchor, mailto:, or a
    relative address the browser follows from the page's own address).

    ``source`` is the file the address is written in (relative markers start from its folder);
    ``root`` is content/. Raises Refused when the path leaves ``root``.
    """
    value = value.strip()
    if _CONTROL.search(value):
        raise Refused(f"Alamat {value[:80]!r} memuat karakter kendali")
    marker, rest = split_marker(value)
    if marker in NAMED_MARKERS:
        return None
    if "\\" in rest:
        raise Refused(f"Alamat {value[:80]!r} memakai garis miring terbalik (\\)")
    if not marker and (is_remote(value) or not value.startswith("/")):
        # Another site, or an address the browser resolves from the page's own address,
        # which the build never reads.
        return None
    parts = urlsplit(rest)
    if parts.scheme or parts.netloc:
        raise Refused(f"Penanda {{{marker}}} harus diikuti jalur berkas, bukan alamat web: "
                      f"{value[:80]!r}", "hapus penandanya dan tulis alamat web itu apa adanya",
                      rule="tautan-rusak")
    path = _decoded(parts.path)
    if not path:
        return None if not marker else _refuse_empty(value)
    if path.startswith("/"):
        target = inside(root, path)
    else:
        target = _relative_to_source(path, source, root)
    relative = target.relative_to(Path(root).resolve()).as_posix()
    return Local(marker, "" if relative == "." else relative, parts.query, parts.fragment)


def _relative_to_source(path, source, root):
    root_path = Path(root).resolve()
    folder = Path(source).resolve().parent if source is not None else root_path
    if not folder.is_relative_to(root_path):
        raise Refused(f"Jalur {path[:80]!r} ditulis di luar folder content/")
    base = folder.relative_to(root_path).as_posix()
    return inside(root, path if base == "." else f"{base}/{path}")


def _refuse_empty(value):
    raise Refused(f"Penanda {value[:40]!r} tanpa jalur berkas", "tulis jalur berkasnya sesudah "
                  "penanda, misalnya {static}/images/foto.jpg", rule="tautan-rusak")


def srcset_candidates(value):
    """[(url, descriptor)] of a srcset; Refused when one has no valid width (``480w``).

    Warta writes srcset itself; an editor's is refused before this matters, and this keeps a
    malformed one from ever reaching the step that writes image copies.
    """
    found = []
    for candidate in value.split(","):
        words = candidate.split()
        if not words:
            continue
        if len(words) != 2 or not re.fullmatch(r"[1-9][0-9]{0,4}w", words[1]):
            raise Refused(f"srcset {candidate.strip()[:60]!r} tidak berlebar yang sah",
                          "hapus atribut srcset dan sizes; Warta membuatnya sendiri dari gambarnya",
                          rule="gambar-srcset")
        found.append((words[0], words[1]))
    return found


SRCSET_FIX = "hapus atribut srcset dan sizes; Warta membuat ukuran gambar sendiri dari berkasnya"


def refusals(attributes, source, root):
    """[(rule, message, fix, value)] for one element's attributes as an editor wrote them
    (entities may remain): an address that leaves ``root``, or a srcset or sizes of their own."""
    found = []
    for key, value in attributes.items():
        if key in ("srcset", "sizes"):
            found.append(("gambar-srcset", f"Atribut {key} ditulis sendiri", SRCSET_FIX, key))
        elif key in URL_ATTRIBUTES and value:
            try:
                resolve(html.unescape(value), source, root)
            except Refused as exc:
                found.append((exc.rule, exc.message, exc.fix, value))
    return found
