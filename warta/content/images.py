"""Responsive images: each original's size, the WebP copies a page offers, and writing them.

Content images get their attributes while the Markdown tree is in hand (warta.content.rewrite); covers
drawn by templates get the same from :func:`image_attributes` (a Jinja filter). Only Pelican
knows where a {static} or {attach} file ends up, so srcset follows the resolved src afterwards
(:func:`follow_src`), and the copies are written after the build (:func:`write_variants`),
for the images actually published. Width and height reserve each picture's box before it
arrives, so nothing shifts under a reader's finger or magnifier.
"""

import html
from pathlib import Path
from urllib.parse import unquote, urlparse

from markupsafe import Markup

from warta.content import paths

RASTER = {".jpg", ".jpeg", ".png", ".webp"}
WEBP_QUALITY = 75
# Originals wider than this are not offered in srcset: the largest copy is enough even on
# high-density phones, and the original stays as `src` for browsers without srcset.
MAX_ORIGINAL_IN_SRCSET = 1600

# --- Images: their size, their WebP copies, and which copies this build needs ----------------

class Images:
    """The size of each original (read once per build) and the copies the published pages use."""

    def __init__(self):
        self.sizes = {}
        self.wanted = {}  # original, relative to the output folder -> {copy name: width}

    def size(self, path):
        """(width, height) of the image at ``path``, or None when it is not a readable file."""
        path = Path(path)
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in self.sizes:
            from PIL import Image  # noqa: PLC0415 - only builds with raster images need Pillow

            try:
                with Image.open(path) as image:
                    self.sizes[key] = image.size
            except OSError:
                self.sizes[key] = None
        return self.sizes[key]

    def want(self, original, copies):
        """Record that the page being written offers ``copies`` [(name, width)] of ``original``."""
        if copies:
            self.wanted.setdefault(original, {}).update(copies)


catalog = Images()


def reset():
    """Start a build: sizes may have changed on disk, and no copy is wanted yet."""
    global catalog
    catalog = Images()


def candidates(name, width, widths):
    """[(file name, width)] for srcset, smallest first; ``name`` itself stands for the original.

    None when srcset would offer the original alone (nothing to choose from).
    """
    stem, suffix = name.rsplit(".", 1) if "." in name else (name, "")
    found = [(f"{stem}-{target}w.webp", target) for target in sorted(set(widths)) if target < width]
    if width <= MAX_ORIGINAL_IN_SRCSET:
        found.append((name, width) if suffix.lower() == "webp" else (f"{stem}-{width}w.webp", width))
    if not found or found == [(name, width)]:
        return None
    return found


def _srcset(src, found):
    folder = src[: src.rindex("/") + 1] if "/" in src else ""
    return ", ".join(f"{folder}{name} {width}w" for name, width in found)


def _copies_allowed():
    # The content check fails the build on any attribute its allowlist lacks; until the
    # allowlist names srcset and sizes, texts keep their width and height only.
    from warta.content.sanitize import ATTRIBUTES  # noqa: PLC0415 - the allowlist as it is now

    return {"srcset", "sizes"} <= ATTRIBUTES.get("img", set())


def _is_raster(src):
    return Path(urlparse(src).path).suffix.lower() in RASTER


def responsive(attributes, path, settings):
    """Width, height, srcset and sizes for the image at ``path``; False when it has none."""
    src = attributes.get("src", "")
    if path is None or not _is_raster(src):
        return False
    size = catalog.size(path)
    if size is None:
        return False
    width, height = size
    if not attributes.get("width") or not attributes.get("height"):
        # Reserve the box before the picture arrives: no layout shift.
        attributes["width"], attributes["height"] = str(width), str(height)
    name = src.rsplit("/", 1)[-1]
    found = candidates(name, width, settings["IMAGE_WIDTHS"])
    if found and _copies_allowed():
        attributes["srcset"] = _srcset(src, found)
        attributes["sizes"] = settings["IMAGE_SIZES"]
    return True


# --- After Pelican resolved {static} and {attach} ---------------------------------------------

def follow_src(src, srcset, siteurl):
    """The srcset of an ``<img>`` whose src the link step has just resolved to ``src``,
    written the way src now is, with its copies recorded for :func:`write_variants`.

    Only the link step (warta.content.links) knows where a {static} or {attach} file ends up (an
    attached image moves next to its page; SITEURL differs between builds that share one
    cache), so the copies, whose file names sit beside the original's, follow src here.
    Values are plain text in and out; the caller escapes them into the attribute.
    """
    folder = src[: src.rindex("/") + 1] if "/" in src else ""
    try:
        candidates = paths.srcset_candidates(srcset)
    except paths.Refused:
        return srcset  # not one Warta wrote (the reader refuses an editor's own)
    resolved = [(folder + link.rsplit("/", 1)[-1], width) for link, width in candidates]
    original = _output_relative(src, (siteurl or "").rstrip("/"))
    if original is not None:
        catalog.want(original, [(unquote(link.rsplit("/", 1)[-1]), int(width[:-1]))
                                for link, width in resolved if link != src])
    return ", ".join(f"{link} {width}" for link, width in resolved)


def _output_relative(url, siteurl):
    """Where the file at ``url`` is in the output folder, or None if not on our site."""
    if siteurl and url.startswith(siteurl + "/"):
        path = url[len(siteurl):]
    else:
        parsed = urlparse(url)
        if parsed.scheme or parsed.netloc or not url.startswith("/"):
            return None
        path = parsed.path
        site_path = urlparse(siteurl).path.rstrip("/") if siteurl else ""
        if site_path and path.startswith(site_path + "/"):
            path = path[len(site_path):]
    return unquote(urlparse(path).path).lstrip("/") or None


# --- Cover images drawn by templates ---------------------------------------------------------

def image_attributes(path, settings, first=False, sizes=None):
    """The attributes after ``alt`` of a template's cover ``<img>`` for ``path`` (relative to
    content/ and the site root): size, srcset, sizes, and how it loads.

    The cover is above the fold and the largest picture of its page: fetched first, never
    lazily. Other template images (cards in lists) wait until they are near the viewport.
    ``sizes`` is how wide the template draws the picture, when not IMAGE_SIZES (a thumbnail),
    so the browser fetches the smallest copy that is sharp.
    """
    attributes = {}
    if path and Path(path).suffix.lower() in RASTER:
        size = catalog.size(Path(settings.get("PATH") or ".") / path)
        if size is not None:
            width, height = size
            attributes["width"], attributes["height"] = str(width), str(height)
            name = path.rsplit("/", 1)[-1]
            found = candidates(name, width, settings["IMAGE_WIDTHS"])
            if found:
                siteurl = (settings.get("SITEURL") or "").rstrip("/")
                attributes["srcset"] = _srcset(f"{siteurl}/{path}", found)
                attributes["sizes"] = sizes or settings["IMAGE_SIZES"]
                catalog.want(path, [(copy, w) for copy, w in found if copy != name])
    if first:
        attributes["fetchpriority"] = "high"
    else:
        attributes["loading"], attributes["decoding"] = "lazy", "async"
    return Markup("".join(f' {name}="{html.escape(value)}"' for name, value in attributes.items()))


# --- The WebP copies -------------------------------------------------------------------------

def write_variants(output):
    """Write every WebP copy the published pages offer, beside its original in ``output``."""
    from PIL import Image  # noqa: PLC0415

    output = Path(output).resolve()
    for relative, copies in sorted(catalog.wanted.items()):
        original = (output / relative).resolve()
        # Only pictures the build itself published, and copies beside them: an address that
        # climbs out of the output folder names nothing this step may read or write.
        if not original.is_relative_to(output) or not original.is_file():
            continue
        copies = {name: width for name, width in copies.items()
                  if name.endswith(".webp") and "/" not in name and "\\" not in name and name not in (".", "..")}
        with Image.open(original) as image:
            width, height = image.size
            for name, target in sorted(copies.items(), key=lambda item: item[1]):
                copy = original.with_name(name)
                if copy.exists():
                    continue
                if target == width:
                    image.save(copy, "WEBP", quality=WEBP_QUALITY, method=6)
                    continue
                resized = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
                resized = resized.resize((target, round(height * target / width)), Image.LANCZOS)
                resized.save(copy, "WEBP", quality=WEBP_QUALITY, method=6)
