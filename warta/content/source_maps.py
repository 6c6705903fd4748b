"""Where the source_map plugin records which content file made each page of an output folder.

The audit report reads the map to name the Markdown file an editor must fix. Maps live in
.cache/sumber/, one per output folder, never inside the published site.
"""

import hashlib
import json
from pathlib import Path

from warta import ROOT

SOURCE_MAPS = ROOT / ".cache" / "sumber"


def source_map_path(output):
    """Where the source_map plugin records which content file made each page of ``output``:
    in .cache/sumber/, named after the output folder, never inside the published site."""
    key = hashlib.sha256(str(Path(output).resolve()).encode()).hexdigest()[:20]
    return SOURCE_MAPS / f"{key}.json"


def forget_stale_source_maps():
    """Drop the maps of output folders that no longer exist (test and benchmark builds)."""
    for path in SOURCE_MAPS.glob("*.json"):
        try:
            output = json.loads(path.read_text(encoding="utf-8")).get("output")
        except (OSError, ValueError, AttributeError):
            output = None
        if not output or not Path(output).is_dir():
            path.unlink(missing_ok=True)
