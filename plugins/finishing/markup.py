"""Rewrite built pages: safe external links and responsive images with their real size."""

import logging
import posixpath
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


def process_site(output, settings):
    """Rewrite every built HTML page that has images or links opening a new tab."""
    site = Site(output, settings.get("SITEURL"))
    images = ImageSet(settings["IMAGE_WIDTHS"])
    for page in sorted(Path(output).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "<img" not in text and "_blank" not in text:
            continue
        soup = BeautifulSoup(text, "html.parser")
        changed = add_noopener(soup, site)
        changed = responsive_images(soup, page, site, images, settings["IMAGE_SIZES"]) or changed
        if changed:
            page.write_text(str(soup), encoding="utf-8")
