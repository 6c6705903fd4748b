"""Rewrite built pages: safe external links and responsive images with their real size."""

import html
import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup
from PIL import Image

log = logging.getLogger(__name__)

RASTER = {".jpg", ".jpeg", ".png", ".webp"}
WEBP_QUALITY = 75
# Originals wider than this are not offered in srcset: the largest copy is enough even on
# high-density phones, and the original stays as `src` for browsers without srcset.
MAX_ORIGINAL_IN_SRCSET = 1600


class Site:
    """Where the site lives on disk and on the web, to tell our own files from others."""

    def __init__(self, output, siteurl):
        self.output = Path(output)
        self.siteurl = (siteurl or "").rstrip("/")
        parsed = urlparse(self.siteurl)
        self.netloc = parsed.netloc
        self.path_prefix = parsed.path.rstrip("/")

    def is_external(self, href):
        parsed = urlparse(href)
        if parsed.scheme and parsed.scheme not in ("http", "https"):
            return False  # mailto:, tel: open no page that could reach back
        return bool(parsed.netloc) and parsed.netloc != self.netloc

    def local_file(self, src, page):
        """The file in the output folder that ``src`` (as written on ``page``) points to."""
        parsed = urlparse(src)
        if parsed.scheme or parsed.netloc:
            if not self.siteurl or parsed.netloc != self.netloc:
                return None
            path = parsed.path
        else:
            path = parsed.path
        if not path:
            return None
        if path.startswith("/"):
            if self.path_prefix and path.startswith(self.path_prefix + "/"):
                path = path[len(self.path_prefix):]
            relative = path.lstrip("/")
        else:
            folder = posixpath.dirname(page.relative_to(self.output).as_posix())
            relative = posixpath.normpath(posixpath.join(folder, path))
        candidate = self.output / unquote(relative)
        return candidate if candidate.is_file() else None


def add_noopener(soup, site):
    """External links opening a new tab get rel="noopener noreferrer": the opened page can
    neither navigate ours (reverse tabnabbing) nor learn which page linked to it."""
    changed = False
    for link in soup.find_all("a", href=True, target="_blank"):
        if not site.is_external(link["href"]):
            continue
        rel = link.get("rel") or []
        if isinstance(rel, str):
            rel = rel.split()
        wanted = rel + [value for value in ("noopener", "noreferrer") if value not in rel]
        if wanted != rel:
            link["rel"] = wanted
            changed = True
    return changed


class ImageSet:
    """Makes WebP copies of one original at the configured widths, once per build."""

    def __init__(self, widths):
        self.widths = sorted(set(widths))
        self.done = {}

    def variants(self, original):
        """[(file, width)] WebP files for srcset, smallest first, plus the original's size."""
        if original in self.done:
            return self.done[original]
        with Image.open(original) as image:
            width, height = image.size
            candidates = []
            for target in self.widths:
                if target >= width:
                    break
                copy = original.with_name(f"{original.stem}-{target}w.webp")
                if not copy.exists():
                    resized = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
                    resized = resized.resize((target, round(height * target / width)), Image.LANCZOS)
                    resized.save(copy, "WEBP", quality=WEBP_QUALITY, method=6)
                candidates.append((copy, target))
            if width <= MAX_ORIGINAL_IN_SRCSET:
                if original.suffix.lower() == ".webp":
                    candidates.append((original, width))
                else:
                    copy = original.with_name(f"{original.stem}-{width}w.webp")
                    if not copy.exists():
                        image.save(copy, "WEBP", quality=WEBP_QUALITY, method=6)
                    candidates.append((copy, width))
        self.done[original] = (candidates, (width, height))
        return self.done[original]


def sibling_url(src, original, copy):
    """The URL of ``copy``, written the same way as ``src`` (the URL of ``original``)."""
    if copy == original:
        return src
    return src[: src.rindex(original.name)] + copy.name if original.name in src else src


def responsive_images(soup, page, site, images, sizes):
    """Give our own raster images width, height, srcset, sizes and the right loading."""
    changed = False
    main = soup.find("main")
    for img in soup.find_all("img", src=True):
        original = site.local_file(img["src"], page)
        if original is None or original.suffix.lower() not in RASTER:
            continue
        variants, (width, height) = images.variants(original)
        if not img.get("width") or not img.get("height"):
            # Reserve the box before the picture arrives: no layout shift.
            img["width"], img["height"] = str(width), str(height)
        if len(variants) > 1 or (variants and variants[0][0] != original):
            img["srcset"] = ", ".join(
                f"{sibling_url(img['src'], original, copy)} {w}w" for copy, w in variants
            )
            img["sizes"] = sizes
        in_main = main is not None and main in img.parents
        if in_main and img.find_parent(class_="w-figure--cover"):
            # The cover is above the fold: load it first, never lazily.
            img.attrs.pop("loading", None)
            img["fetchpriority"] = "high"
        elif in_main:
            img.attrs.setdefault("loading", "lazy")
            img.attrs.setdefault("decoding", "async")
        changed = True
    return changed


# Parsing every page with BeautifulSoup was most of a build's time (issue 6 benchmark: ~80% of
# a 500-article build). Pages without a raster image or a new-tab link are left alone, and the
# regular <img> tags our templates and Markdown write are rewritten in place; anything else
# (new-tab links, unusual markup) takes the BeautifulSoup path, which handles any HTML.
NEEDS_WORK = re.compile(
    r"""_blank|<img\b[^>]*\bsrc=["']?[^"'\s>]*\.(?:jpe?g|png|webp)\b""", re.IGNORECASE
)
IMG_TAG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
PLAIN_IMG = re.compile(r'<img((?:\s+[a-zA-Z_:][-\w:.]*="[^"<>]*")*)\s*/?>')
PLAIN_ATTRIBUTE = re.compile(r'\s+([a-zA-Z_:][-\w:.]*)="([^"<>]*)"')
MAIN = re.compile(r"<main\b.*?</main>", re.DOTALL)
COVER = re.compile(r'<figure\b[^>]*class="[^"]*\bw-figure--cover\b[^"]*"[^>]*>.*?</figure>', re.DOTALL)


def rewrite_images_in_place(text, page, site, images, sizes):
    """responsive_images() for pages in our own regular markup, without parsing the page.

    Returns the new text, or None when the page needs the BeautifulSoup path.
    """
    mains = list(MAIN.finditer(text))
    covers = [match.span() for match in COVER.finditer(text)]
    if len(mains) > 1 or text.count("<main") != len(mains) or (
        text.count("w-figure--cover") != len(covers)
    ):
        return None
    main = mains[0].span() if mains else None
    parts, last = [], 0
    for match in IMG_TAG.finditer(text):
        plain = PLAIN_IMG.fullmatch(match.group(0))
        if plain is None:
            return None
        attributes = dict(PLAIN_ATTRIBUTE.findall(plain.group(1)))
        if "src" not in attributes:
            continue
        src = html.unescape(attributes["src"])
        original = site.local_file(src, page)
        if original is None or original.suffix.lower() not in RASTER:
            continue
        variants, (width, height) = images.variants(original)
        if not attributes.get("width") or not attributes.get("height"):
            attributes["width"], attributes["height"] = str(width), str(height)
        if len(variants) > 1 or (variants and variants[0][0] != original):
            attributes["srcset"] = html.escape(
                ", ".join(f"{sibling_url(src, original, copy)} {w}w" for copy, w in variants)
            )
            attributes["sizes"] = html.escape(sizes)
        start = match.start()
        in_main = main is not None and main[0] <= start < main[1]
        if in_main and any(begin <= start < end for begin, end in covers):
            attributes.pop("loading", None)
            attributes["fetchpriority"] = "high"
        elif in_main:
            attributes.setdefault("loading", "lazy")
            attributes.setdefault("decoding", "async")
        parts.append(text[last:start])
        parts.append("<img" + "".join(f' {n}="{v}"' for n, v in attributes.items()) + "/>")
        last = match.end()
    parts.append(text[last:])
    return "".join(parts)


def process_site(output, settings):
    """Rewrite every built HTML page that has images or links opening a new tab."""
    site = Site(output, settings.get("SITEURL"))
    images = ImageSet(settings["IMAGE_WIDTHS"])
    for page in sorted(Path(output).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if not NEEDS_WORK.search(text):
            continue
        if "_blank" not in text:
            rewritten = rewrite_images_in_place(text, page, site, images, settings["IMAGE_SIZES"])
            if rewritten is not None:
                if rewritten != text:
                    page.write_text(rewritten, encoding="utf-8")
                continue
        soup = BeautifulSoup(text, "html.parser")
        changed = add_noopener(soup, site)
        changed = responsive_images(soup, page, site, images, settings["IMAGE_SIZES"]) or changed
        if changed:
            page.write_text(str(soup), encoding="utf-8")
