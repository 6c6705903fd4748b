"""WordPress categories → agencies (OPD): the mapping file an administrator edits.

The file is CSV, `kategori_wordpress,singkatan_opd[,jumlah_pos]`. A category named exactly like
an agency's `Singkatan:` or full name needs no line; every other category must be mapped, since
a guess would publish news under the wrong agency.
"""

import csv
import io
import re
from collections import Counter

from warta.commands.importer.source import refuse

HEADER = ("kategori_wordpress", "singkatan_opd", "jumlah_pos")
NONE = "(tanpa kategori)"


def _key(name):
    return " ".join(name.split()).casefold()


def read_map(path):
    """{WordPress category name: Singkatan} from the mapping file, or {} without one."""
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise refuse(path, "impor-peta", f"Berkas peta kategori tidak dapat dibaca ({exc})",
                     "simpan sebagai CSV UTF-8: kategori_wordpress,singkatan_opd") from None
    mapping = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip() or row[0].strip().startswith("#"):
            continue
        if number == 1 and row[0].strip() == HEADER[0]:
            continue
        if len(row) < 2:
            raise refuse(path, "impor-peta", f"Baris ini tidak punya dua kolom: {','.join(row)[:60]!r}",
                         "tulis kategori_wordpress,singkatan_opd, misalnya `Kesehatan,Dinkes`", number)
        mapping[row[0].strip()] = (row[1].strip(), number)
    return mapping


def resolve(export_path, map_path, mapping, items, agencies):
    """{post ident: Singkatan} and {category name: Singkatan}; ContentError naming every
    category still unmapped, and every map line naming no agency."""
    names = {_key(a.name): a.name for a in agencies.values()}
    names.update({_key(a.full_name): a.name for a in agencies.values()})
    for category, (value, line) in mapping.items():
        if value and value not in agencies:
            raise refuse(map_path, "impor-peta", f"Kategori {category!r} dipetakan ke {value!r}, "
                         "yang bukan singkatan perangkat daerah",
                         f"pakai salah satu dari: {', '.join(sorted(agencies))}", line)
    chosen, by_category, unmapped = {}, {}, Counter()
    for item in items:
        if item.kind != "post":
            continue
        for name in item.categories or [NONE]:
            value = mapping.get(name, ("", 0))[0] or names.get(_key(name), "")
            if value:
                by_category[name] = value
                chosen.setdefault(item.ident, value)
            else:
                unmapped[name] += 1
    # Every category needs an agency, not only a post's first: its old archive address must
    # redirect somewhere sensible.
    if unmapped:
        listed = ", ".join(f"{name} ({count} pos)" for name, count in sorted(unmapped.items()))
        raise refuse(export_path, "impor-kategori",
                     f"{len(unmapped)} kategori WordPress belum dipetakan ke perangkat daerah: {listed}",
                     f"tambahkan satu baris per kategori ke berkas peta (--peta-opd), misalnya "
                     f"{_example(sorted(unmapped), agencies)}; --tulis-peta menulis awal berkasnya")
    return chosen, by_category


# Words most agencies' names share: they say what kind of office it is, not what it does.
OFFICE_WORDS = {"dinas", "badan", "kantor", "bagian", "sekretariat", "satuan", "unit", "dan",
                "daerah", "kabupaten", "kota", "umum", "urusan", "pelaksana", "teknis"}


def _words(text):
    return {w for w in re.findall(r"[^\W_]+", text.casefold()) if len(w) > 2} - OFFICE_WORDS


def best_guess(category, agencies):
    """The Singkatan of the one agency whose name shares the most telling words with
    ``category`` ("Kesehatan" → Dinkes), or "" when none does or two tie. Only ever an
    example in a message: a guess never maps a category by itself."""
    words = _words(category)
    scores = Counter({a.name: len(words & (_words(a.full_name) | _words(a.name)))
                      for a in agencies.values()})
    ranked = [pair for pair in scores.most_common(2) if pair[1]]
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


def _example(categories, agencies):
    """One example map line: a category with its best guess, or a category alone with the
    column to fill, never an agency picked for no reason."""
    for name in categories:
        guess = best_guess(name, agencies)
        if guess:
            return f"`{name},{guess}`"
    return f"`{categories[0]},` lalu singkatan perangkat daerahnya"


def write_map(path, items, agencies, export_categories):
    """A starting mapping: every category with its post count, the obvious ones filled in."""
    names = {_key(a.name): a.name for a in agencies.values()}
    names.update({_key(a.full_name): a.name for a in agencies.values()})
    counts = Counter(name for item in items if item.kind == "post" for name in item.categories or [NONE])
    for name in export_categories.values():
        counts.setdefault(name, 0)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for name, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        writer.writerow([name, names.get(_key(name), ""), count])
    path.write_text(out.getvalue(), encoding="utf-8")
    return len(counts)
