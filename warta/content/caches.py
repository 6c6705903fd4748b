"""The files a build keeps between runs to save time (Pelican's content cache, the typogrify
and content-check memos): written whole, so that another build reading one meanwhile, or a
build stopped while saving, never finds half a file. A cache only ever saves time."""

import os
import pickle
import tempfile
from pathlib import Path


def write_pickle(path, data, opener=open):
    """Pickle ``data`` to ``path`` through a file of this build's own, renamed into place: a
    reader sees the old file or the new one, never part of either, and two builds saving at
    once never write into one temporary file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    os.close(handle)
    try:
        with opener(temporary, "wb") as stream:
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
