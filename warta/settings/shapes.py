"""The shapes a setting's value may take: text, a number, a list of (label, shown, link), …

Each shape checks a value read from a settings file together with the syntax that wrote it
(an ``ast`` node, or None when the value was computed), so that a problem deep inside a list
names the line of the very element that is wrong. Every problem is ``(line, rule, message)``
in Indonesian: pengaturan-bentuk when the value has the wrong form (a text where a list
belongs, two parts where three belong), pengaturan-nilai when the form is right but the value
is not one Warta can use (an unknown time zone, a negative count).
"""

import ast
import datetime
import re
import zoneinfo

from warta.content import colours

SHAPE = "pengaturan-bentuk"
VALUE = "pengaturan-nilai"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def kind_of(value):
    """What a staff member sees they wrote, in the file's own notation."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return f"{value}"
    if isinstance(value, str):
        return f"teks {_short(value)}"
    if isinstance(value, (int, float)):
        return f"angka {value}"
    if isinstance(value, list):
        return "daftar [...]"
    if isinstance(value, tuple):
        return "kelompok (...)"
    if isinstance(value, dict):
        return "pasangan {...}"
    return "nilai yang dihitung"


def _short(value):
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}...'"


def line_of(node, line):
    """The line ``node`` starts on, or ``line`` (its parent's) when it was not written out."""
    return getattr(node, "lineno", None) or line


def elements(node, count):
    """The nodes of a list or tuple written out with ``count`` elements, else Nones: a computed
    list (``BASE + [...]``) cannot be matched element by element."""
    if isinstance(node, (ast.List, ast.Tuple)) and len(node.elts) == count:
        return node.elts
    return [None] * count


def entries(node):
    """{key: value node} of a dictionary written out with plain keys."""
    if not isinstance(node, ast.Dict):
        return {}
    found = {}
    for key, value in zip(node.keys, node.values, strict=True):
        if isinstance(key, ast.Constant):
            found[key.value] = (key, value)
    return found


class Shape:
    """A value's expected form; ``name`` is its role inside a larger one ("tautan")."""

    what = "nilai"

    def __init__(self, name=None):
        self.name = name

    def problems(self, value, node, line, where):
        """Yield ``(line, rule, message)`` for each way ``value`` misses this shape."""
        if not self.fits(value):
            yield line_of(node, line), SHAPE, f"{where} harus {self.what}, bukan {kind_of(value)}"
        else:
            yield from self.value_problems(value, node, line, where)

    def fits(self, value):
        return True

    def value_problems(self, value, node, line, where):
        return ()


class Text(Shape):
    what = "teks dalam tanda kutip"

    def fits(self, value):
        return isinstance(value, str)


class Slug(Text):
    """A file name without extension, which is also an address: `ktp-el`."""

    def value_problems(self, value, node, line, where):
        if not SLUG.match(value):
            yield (line_of(node, line), VALUE,
                   f"{where} {_short(value)} bukan nama berkas: hanya huruf kecil, angka dan "
                   "tanda hubung, misalnya 'akta-kelahiran'")


class Int(Shape):
    what = "bilangan bulat tanpa tanda kutip"

    def __init__(self, name=None, minimum=None):
        super().__init__(name)
        self.minimum = minimum

    def fits(self, value):
        return isinstance(value, int) and not isinstance(value, bool)

    def value_problems(self, value, node, line, where):
        if self.minimum is not None and value < self.minimum:
            yield (line_of(node, line), VALUE,
                   f"{where} {value} terlalu kecil: paling sedikit {self.minimum}")


class Bool(Shape):
    what = "True atau False"

    def fits(self, value):
        return isinstance(value, bool)


class Choice(Shape):
    """One of a fixed set of texts."""

    def __init__(self, options, name=None):
        super().__init__(name)
        self.options = tuple(options)
        self.what = "salah satu dari " + ", ".join(map(repr, self.options))

    def problems(self, value, node, line, where):
        if value not in self.options:
            yield (line_of(node, line), VALUE,
                   f"{where} {kind_of(value)} tidak dikenal: pilih {self.what}")


class Colour(Text):
    what = "warna #RRGGBB dalam tanda kutip"

    def value_problems(self, value, node, line, where):
        try:
            colours.parse(value)
        except colours.ColourError:
            yield (line_of(node, line), VALUE,
                   f"{where} {_short(value)} bukan warna: tulis # dan enam angka heksadesimal, "
                   "misalnya '#0b3558'")


# Indonesia's three zones, the ones a region's portal uses.
ZONES = "'Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA) atau 'Asia/Jayapura' (WIT)"


class TimeZone(Text):
    def value_problems(self, value, node, line, where):
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            yield (line_of(node, line), VALUE,
                   f"{where} {_short(value)} bukan zona waktu yang dikenal: pilih {ZONES}")


class Date(Shape):
    what = "tanggal 'TTTT-BB-HH' dalam tanda kutip"

    def fits(self, value):
        return isinstance(value, (str, datetime.date))

    def value_problems(self, value, node, line, where):
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                yield (line_of(node, line), VALUE,
                       f"{where} {_short(value)} bukan tanggal: tulis 'TTTT-BB-HH', misalnya "
                       "'2026-12-01'")


class Optional(Shape):
    """``shape``, or one of ``empty`` (None by default): a setting switched off."""

    def __init__(self, shape, empty=(None,)):
        super().__init__(shape.name)
        self.shape, self.empty = shape, empty
        self.what = f"{shape.what}, atau {' atau '.join(map(repr, empty))}"

    def problems(self, value, node, line, where):
        if any(value is nothing for nothing in self.empty):
            return ()
        return self.shape.problems(value, node, line, where)


class ListOf(Shape):
    """A list of ``item``s in square brackets (a tuple in round ones is read the same)."""

    def __init__(self, item, name=None):
        super().__init__(name)
        self.item = item
        self.what = "daftar dalam kurung siku [...]"

    def fits(self, value):
        return isinstance(value, (list, tuple))

    def value_problems(self, value, node, line, where):
        for number, (item, child) in enumerate(zip(value, elements(node, len(value)),
                                                   strict=True), 1):
            yield from self.item.problems(item, child, line_of(node, line),
                                          f"{where} butir ke-{number}")


class Tuple(Shape):
    """A fixed group in round brackets, each part with its role: ("Darurat", "112", "tel:112")."""

    def __init__(self, *parts, name=None):
        super().__init__(name)
        self.parts = parts
        roles = ", ".join(part.name for part in parts)
        self.what = f"kelompok ({roles}) dalam kurung biasa"

    def fits(self, value):
        return isinstance(value, (tuple, list))

    def value_problems(self, value, node, line, where):
        if len(value) != len(self.parts):
            roles = ", ".join(part.name for part in self.parts)
            yield (line_of(node, line), SHAPE,
                   f"{where} berisi {len(value)} bagian, seharusnya {len(self.parts)}: {roles}")
            return
        for part, item, child in zip(self.parts, value, elements(node, len(value)), strict=True):
            yield from part.problems(item, child, line_of(node, line), f"{where} ({part.name})")


class DictOf(Shape):
    """``{key: value}`` pairs in curly brackets, any number of them."""

    def __init__(self, key, value, name=None):
        super().__init__(name)
        self.key, self.value = key, value
        self.what = "pasangan {kunci: nilai} dalam kurung kurawal"

    def fits(self, value):
        return isinstance(value, dict)

    def value_problems(self, value, node, line, where):
        written = entries(node)
        for key, item in value.items():
            key_node, value_node = written.get(key, (None, None))
            yield from self.key.problems(key, key_node, line_of(node, line), f"{where}, kunci")
            yield from self.value.problems(item, value_node, line_of(key_node, line_of(node, line)),
                                           f"{where}, kunci {key!r}")


class Record(Shape):
    """One thing described by named fields: {"name": ..., "slug": ...}."""

    what = "pasangan {kunci: nilai} dalam kurung kurawal"

    def __init__(self, fields, required=(), name=None):
        super().__init__(name)
        self.fields, self.required = fields, tuple(required)

    def fits(self, value):
        return isinstance(value, dict)

    def value_problems(self, value, node, line, where):
        here = line_of(node, line)
        written = entries(node)
        for key in self.required:
            if key not in value:
                yield here, SHAPE, f"{where} tidak punya kunci {key!r}"
        for key, item in value.items():
            key_node, value_node = written.get(key, (None, None))
            if key not in self.fields:
                known = ", ".join(map(repr, self.fields))
                yield (line_of(key_node, here), VALUE,
                       f"{where} punya kunci {_short(key)} yang tidak dikenal: pilih {known}")
                continue
            yield from self.fields[key].problems(item, value_node, line_of(key_node, here),
                                                 f"{where}, kunci {key!r}")
