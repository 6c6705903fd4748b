"""The import report (impor-laporan.md): what was converted, and what needs an editor, worst
first, in Indonesian."""

from collections import Counter

from warta.commands.importer.writer import EDITED


def summary(outcome, redirects):
    entries = outcome.entries
    count = Counter("dilewati" if e.action == "dilewati" else "tertahan" if e.held
                    else "terbit" if e.published else "draf" for e in entries)
    return {
        "pos": sum(1 for e in entries if e.item.kind == "post"),
        "halaman": sum(1 for e in entries if e.item.kind == "page"),
        "terbit": count["terbit"], "draf": count["draf"], "tertahan": count["tertahan"],
        "dilewati": count["dilewati"], "pengalihan": len(redirects.map) if redirects else 0,
        "gambar": len(outcome.plan.copies),
        "ditulis": len(outcome.plan.files),
        "tidak_berubah": sum(1 for e in entries if e.action == "tidak berubah"),
        "disunting_editor": sum(1 for e in entries if e.action == EDITED),
        "lint_diizinkan": sum(1 for e in entries if e.allowed),
    }


def summary_line(numbers):
    return (f"{numbers['pos']} pos dan {numbers['halaman']} halaman: {numbers['terbit']} terbit, "
            f"{numbers['draf']} draf, {numbers['tertahan']} tertahan, {numbers['dilewati']} dilewati; "
            f"{numbers['pengalihan']} pengalihan 301; {numbers['gambar']} gambar disalin; "
            f"{numbers['ditulis']} berkas ditulis, {numbers['tidak_berubah']} tidak berubah, "
            f"{numbers['disunting_editor']} diubah editor dan dibiarkan.")


def once(findings):
    """Each finding once, in the order found: one picture the conversion met twice (a figure
    and its image, a cover also shown in the body) is still one thing for the editor to do."""
    return list(dict.fromkeys(findings))


def _state(entry):
    if entry.action == "dilewati":
        return "**Tidak diimpor**"
    if entry.held:
        return "**Tertahan** (draf di luar folder yang dibaca build)"
    return "Terbit" if entry.published else "**Draf**"


def render(outcome, redirects, source_name, orphans=()):
    numbers = summary(outcome, redirects)
    lines = [f"# Laporan impor: {source_name}", "", summary_line(numbers), "",
             "Urutan: yang paling perlu ditangani editor lebih dulu. Setiap pos yang akan gagal "
             "di gerbang (gambar tanpa teks alternatif, HTML yang akan diubah sanitizer, temuan "
             "pemeriksaan konten) diimpor sebagai draf, tidak pernah diterbitkan.", ""]
    if outcome.duplicates:
        lines += ["## Slug ganda", ""]
        for base, items in outcome.duplicates:
            names = "; ".join(f"{i.title!r} (ID {i.ident})" for i in items if i is not None)
            lines.append(f"- `{base}`: {names}. Yang kedua dan seterusnya diberi slug bernomor "
                         "dan pengalihannya sendiri.")
        lines.append("")
    if orphans:
        lines += ["## Halaman yang belum ditautkan", "",
                  "Tidak ada tulisan, halaman, atau menu portal yang menautkan halaman ini, jadi "
                  "pembaca tidak akan menemukannya:", ""]
        lines += [f"- {entry.item.title}, `content/{entry.path}`: {where}" for entry, where in orphans]
        lines.append("")
    lines += ["## Per tulisan", ""]
    for entry in sorted(outcome.entries, key=lambda e: (e.weight, e.item.date, e.item.ident)):
        item = entry.item
        kind = "pos" if item.kind == "post" else "halaman"
        lines.append(f"### {item.title or '(tanpa judul)'}")
        lines.append("")
        where = f"`content/{entry.path}`" if entry.path else "tidak ditulis"
        lines.append(f"- {kind} {item.origin} {item.ident}, {_state(entry)}, {where}"
                     f" ({entry.action})")
        if entry.draft_reasons:
            lines.append(f"- Alasan: {'; '.join(once(entry.draft_reasons))}")
        lines += [f"- Perlu editor: {note}" for note in once(entry.notes)]
        lines += [f"- Temuan pemeriksaan: {finding}" for finding in once(entry.held_findings)]
        if entry.allowed:
            lines.append(f"- `Lint_diizinkan: {', '.join(entry.allowed)}`: perbaiki lalu hapus barisnya")
        if entry.converted:
            lines.append(f"- Diubah: {'; '.join(once(entry.converted))}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n", numbers
