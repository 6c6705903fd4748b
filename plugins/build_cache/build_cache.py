"""build_cache: make a rebuild cost what changed, not the whole portal.

Pelican's content cache (CACHE_CONTENT) keeps each Markdown file's HTML between builds, but it
does not know when the code that produced that HTML changed, and typogrify runs again on every
article on every build. This plugin:

- puts the content cache in a folder named after a fingerprint of everything that shapes the
  HTML (Pelican, Markdown and typogrify versions, the MARKDOWN and TYPOGRIFY settings, our
  plugins' source), so changing any of them starts from a clean cache instead of a stale one;
- remembers typogrify's output for each input text in that same folder;
- keeps the theme's compiled templates in CACHE_PATH/templates (warta.content.compiled_templates)
  unless the settings name a bytecode cache of their own;
- computes each content address once per pattern and values (warta.content.addresses_memo);
- writes Pelican's cache files whole or not at all, and reads a damaged one as empty: Pelican
  truncates the file before writing it, so a build reading it meanwhile (two builds at once,
  or a build stopped while saving) found it empty and stopped with an error, though a cache
  only ever saves time.
"""

import hashlib
import json
import logging
import os
import pickle
from importlib import metadata
from pathlib import Path

from pelican import signals
from pelican.cache import FileDataCacher
from pelican.contents import Content

from warta.content import addresses_memo
from warta.content.caches import write_pickle
from warta.content.compiled_templates import CompiledTemplates

log = logging.getLogger(__name__)

TYPOGRIFY_CACHE = "typogrify.pickle"
# Settings that change what a content file turns into before the templates see it.
FINGERPRINT_SETTINGS = (
    "MARKDOWN",
    "TYPOGRIFY",
    "TYPOGRIFY_IGNORE_TAGS",
    "TYPOGRIFY_OMIT_FILTERS",
    "TYPOGRIFY_DASHES",
    "FORMATTED_FIELDS",
    "SUMMARY_MAX_LENGTH",
    "ARTICLE_PATHS",
    "PAGE_PATHS",
    "TIMEZONE",
    "DEFAULT_DATE",
    "DEFAULT_LANG",
    "PLUGINS",
)
PACKAGES = ("pelican", "markdown", "typogrify", "smartypants", "pygments")


class TypogrifyMemo:
    """typogrify with a memory: same text and options in, same HTML out."""

    def __init__(self):
        self.path = None
        self.old = {}
        self.used = {}

    def load(self, path):
        self.path = Path(path)
        self.used = {}
        try:
            with open(self.path, "rb") as handle:
                self.old = pickle.load(handle)
            if not isinstance(self.old, dict):
                raise TypeError("not a dict")
        except FileNotFoundError:
            self.old = {}
        except Exception as exc:  # noqa: BLE001 - a broken cache only costs time
            log.warning("build_cache: cache typogrify %s tidak terbaca (%s); dibuat ulang", path, exc)
            self.old = {}

    def save(self):
        if self.path is None or self.used.keys() == self.old.keys():
            return
        write_pickle(self.path, self.used)

    def wrap(self, typogrify):
        memo = self

        def cached_typogrify(text, *args, **kwargs):
            if memo.path is None:
                return typogrify(text, *args, **kwargs)
            import smartypants  # noqa: PLC0415 - Pelican sets its dash style just before

            key = hashlib.sha256(
                repr((text, args, sorted(kwargs.items()), int(smartypants.Attr.default))).encode()
            ).digest()
            value = memo.used.get(key)
            if value is None:
                value = memo.old.get(key)
                if value is None:
                    value = typogrify(text, *args, **kwargs)
                memo.used[key] = value
            return value

        cached_typogrify.__wrapped__ = typogrify
        return cached_typogrify


_memo = TypogrifyMemo()


_pelican_cacher_init = FileDataCacher.__init__


def _tolerant_init(self, settings, cache_name, caching_policy, load_policy):
    try:
        _pelican_cacher_init(self, settings, cache_name, caching_policy, load_policy)
    except Exception as exc:  # noqa: BLE001 - a damaged cache only costs time
        if not hasattr(self, "_cache_path"):
            raise
        log.warning("build_cache: cache %s tidak terbaca (%s: %s); dibuat ulang",
                    self._cache_path, type(exc).__name__, exc)
        self._cache = {}


def _save_whole(self):
    if self._cache_data_policy:
        try:
            write_pickle(self._cache_path, self._cache, self._cache_open)
        except (OSError, pickle.PicklingError, TypeError) as exc:
            log.warning("build_cache: cache %s tidak dapat disimpan (%s)", self._cache_path, exc)


def fingerprint(settings):
    """A short hash of everything that shapes the HTML cached for a content file."""
    digest = hashlib.sha256()
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-\n".encode())
    picked = {key: settings.get(key) for key in FINGERPRINT_SETTINGS}
    digest.update(json.dumps(picked, sort_keys=True, default=repr).encode())
    for folder in settings["PLUGIN_PATHS"]:
        for source in sorted(Path(folder).rglob("*.py")):
            digest.update(source.as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def use_cache(pelican):
    settings = pelican.settings
    # Every generator's environment reads the compiled templates from here; Jinja checks each
    # against its source, so this needs no fingerprint of its own.
    environment = settings.setdefault("JINJA_ENVIRONMENT", {})
    if environment.get("bytecode_cache") is None:
        folder = Path(settings["CACHE_PATH"]) / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        environment["bytecode_cache"] = CompiledTemplates(str(folder))
    if not settings.get("CACHE_CONTENT"):
        _memo.path = None
        return
    folder = Path(settings["CACHE_PATH"]) / fingerprint(settings)
    settings["CACHE_PATH"] = str(folder)
    if settings.get("TYPOGRIFY"):
        import typogrify.filters  # noqa: PLC0415 - only when typogrify is on

        if not hasattr(typogrify.filters.typogrify, "__wrapped__"):
            typogrify.filters.typogrify = _memo.wrap(typogrify.filters.typogrify)
        _memo.load(folder / TYPOGRIFY_CACHE)


def forget_deleted_files(generator):
    """Drop cached entries for content files that no longer exist.

    Pelican keeps every file it ever cached; test builds of temporary folders and deleted
    articles would make the cache (loaded on every build) grow without end.
    """
    cache = getattr(getattr(generator, "readers", None), "_cache", None)
    if isinstance(cache, dict):
        for path in [path for path in cache if not os.path.exists(path)]:
            del cache[path]


def save_cache(pelican):
    _memo.save()
    _memo.path = None


def register():
    # Every generator's and reader's cache (Pelican's FileDataCacher) loads and saves here.
    FileDataCacher.__init__ = _tolerant_init
    FileDataCacher.save_cache = _save_whole
    # Every url and save_as of every content object goes through here; the result is the string
    # Pelican would make (warta.content.addresses_memo).
    Content._expand_settings = addresses_memo.expand
    # initialized fires after the settings are read and before any generator (and so any
    # cache) exists: the last moment CACHE_PATH can still be moved.
    signals.initialized.connect(use_cache)
    # The generators' init signals fire once their Readers loaded the cache, before any file is
    # read and long before Pelican saves the cache again.
    signals.article_generator_init.connect(forget_deleted_files)
    signals.page_generator_init.connect(forget_deleted_files)
    # finalized fires once the whole site is written, after Pelican saved its own caches.
    signals.finalized.connect(save_cache)
