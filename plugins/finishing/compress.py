"""Precompressed .gz and .br copies, for web servers that serve them as they are (gzip_static)."""

import gzip
import logging
from pathlib import Path

import brotli

log = logging.getLogger(__name__)

# Text formats worth compressing. Pagefind's index files (.pf_*, .pagefind) are gzip already.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".ico", ".wasm",
                ".ics"}
MIN_SIZE = 256  # bytes; below this the headers outweigh any saving


def precompress_site(output):
    """Write name.gz and name.br beside every compressible file when they are smaller."""
    written = 0
    for path in sorted(Path(output).rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        # mtime=0: the same input gives the same bytes, so deploys copy only what changed.
        for suffix, packed in (
            (".gz", gzip.compress(data, compresslevel=9, mtime=0)),
            (".br", brotli.compress(data, quality=11)),
        ):
            if len(packed) < len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                written += 1
    log.info("finishing: %d salinan terkompresi ditulis", written)
    return written
