"""Each content address computed once per build, not at every mention.

Pelican computes an article's `url` and `save_as` afresh each time anything asks: it copies the
article's metadata, resolves its source path and formats the setting's pattern. Templates ask
for the same address in every list, card and feed that shows the article: ~25 times an article,
an eighth of a rebuild. :func:`expand` does what Pelican's ``Content._expand_settings`` does, but
remembers each result under the pattern and the values of exactly the fields that pattern names,
so it is the same string Pelican would make, and a changed slug, date or category is a new key.
"""

import string

from pelican.utils import path_to_url

# Fields Pelican's Content.url_format computes rather than takes from the metadata.
_COMPUTED = ("path", "slug", "lang", "date", "author", "category")
# Results kept: far more than any portal has addresses; cleared rather than grown without end in
# a long-running preview.
_LIMIT = 200_000
_fields = {}
_memo = {}


def fields_of(pattern):
    """The names of the fields ``pattern`` formats, or None when one is positional."""
    if pattern not in _fields:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
        except ValueError:
            names = [""]
        roots = tuple(dict.fromkeys(name.split(".")[0].split("[")[0] for name in names))
        _fields[pattern] = None if any(not r or r.isdigit() for r in roots) else roots
    return _fields[pattern]


def _value(content, name):
    if name == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "lang":
        return getattr(content, "lang", "en")
    if name == "date":
        return content.date  # without a date Pelican uses the clock: not remembered
    if name in ("author", "category"):
        return getattr(content, name).slug if hasattr(content, name) else ""
    return content.metadata[name]


def expand(content, key, klass=None):
    """``Content._expand_settings``: the address setting ``{KLASS}_{KEY}`` formatted for
    ``content``, from memory when the same pattern met the same values before."""
    fq_key = f"{klass or content.__class__.__name__}_{key}".upper()
    pattern = str(content.settings[fq_key])
    names = fields_of(pattern)
    if names is not None:
        try:
            values = tuple(_value(content, name) for name in names)
            found = _memo.get((pattern, values))
        except (AttributeError, KeyError, TypeError):
            names = None  # no date, a missing field or an unhashable value: Pelican's way
        else:
            if found is not None:
                return found
    result = pattern.format(**content.url_format)
    if names is not None:
        if len(_memo) >= _LIMIT:
            _memo.clear()
        _memo[(pattern, values)] = result
    return result
