"""The addresses the build writes itself, which no content file may take.

An article with `Save_as: index.html` would replace the home page, `404.html` the error page,
`feed/berita.atom.xml` the feed; a page with `Slug: cari` collides with the search page. Every
address Warta generates (direct templates, archives, feeds, search, the theme, sitemap, robots,
the PPID exports, the sections' indexes) is listed here from the settings, so a new section is
covered the day its settings exist, and content is checked against the list before anything is
written.
"""

import posixpath
import re
import unicodedata

from warta.content.errors import Finding

# Top-level folders the build always writes, whatever the settings say.
BUILT_FOLDERS = {
    "pagefind": "indeks pencarian",
    "cari": "halaman pencarian",
    "ppid": "bagian PPID",
    "tampilan": "halaman pengaturan tampilan",
    "arsip": "arsip berita",
    "opd": "daftar perangkat daerah",
    "layanan": "bagian layanan publik",
    "topik": "daftar topik",
    "video": "bagian video",
    "majalah": "bagian majalah",
    "pengumuman": "bagian pengumuman",
    "agenda": "bagian agenda",
    "penulis": "daftar penulis",
    "feed": "umpan berita",
    "theme": "berkas tema",
}
BUILT_FILES = {
    "index.html": "beranda",
    "404.html": "halaman 404",
    "robots.txt": "robots.txt",
    "sitemap.xml": "peta situs",
    "audit.json": "catatan audit",
}
# Settings whose values are addresses only the build writes, and what each one is.
SECTION_SETTINGS = {
    "PPID_URL": "bagian PPID",
    "VIDEO_URL": "bagian video",
    "MAGAZINE_URL": "bagian majalah",
    "ANNOUNCEMENTS_URL": "bagian pengumuman",
    "AGENDA_URL": "bagian agenda",
    "OPD_URL": "daftar perangkat daerah",
    "SERVICES_URL": "bagian layanan publik",
    "SEARCH_URL": "halaman pencarian",
    "TAMPILAN_URL": "halaman pengaturan tampilan",
    "THEME_STATIC_DIR": "berkas tema",
}
# Where each section's own content lives, so its files may use its folder.
SECTION_SOURCES = {"PPID_URL": "PPID_PATH", "VIDEO_URL": "VIDEO_PATH",
                   "MAGAZINE_URL": "MAGAZINE_PATH", "OPD_URL": "OPD_PATH",
                   "SERVICES_URL": "SERVICES_PATH",
                   "ANNOUNCEMENTS_URL": "ANNOUNCEMENTS_PATH", "AGENDA_URL": "AGENDA_PATH"}
# Sections whose every *_URL setting is a page the build writes (the PPID's DIP, its exports, …).
SECTION_PREFIXES = ("PPID_", "VIDEO_", "MAGAZINE_", "OPD_", "SERVICES_", "SEARCH_", "TAMPILAN_",
                    "ANNOUNCEMENTS_", "AGENDA_")
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%s")


def normalised(address):
    """An output path as the file system sees it: NFC, no leading slash, folders as index.html."""
    address = unicodedata.normalize("NFC", str(address or "")).strip().lstrip("/")
    if not address or address.endswith("/"):
        address += "index.html"
    return posixpath.normpath(address)


def _literal_head(pattern):
    """The first folder of an address pattern, when it is written literally (`opd/{slug}/`)."""
    head = str(pattern).lstrip("/").split("/", 1)[0]
    return None if not head or _PLACEHOLDER.search(head) or "://" in str(pattern) else head


class Reserved:
    """The exact files and the top-level folders the build writes, with who may use a folder."""

    def __init__(self, settings):
        self.files = dict(BUILT_FILES)
        self.folders = dict(BUILT_FOLDERS)
        self.owners = {}  # folder -> content folders whose files the build writes there
        for key, value in settings.items():
            if not isinstance(value, str) or not value or "://" in value:
                continue
            if key.endswith("_SAVE_AS") and not key.startswith(("ARTICLE", "PAGE", "DRAFT",
                                                                   "STATIC")):
                self._add(value, f"alamat {key}")
            elif key.endswith(("FEED_ATOM", "FEED_RSS")) or key in ("PPID_DIP_JSON",
                                                                    "PPID_DIP_CSV"):
                self._add(value, f"alamat {key}")
            elif key.endswith("_URL") and key.startswith(SECTION_PREFIXES):
                self._add(value, f"alamat {key}")
        for key, what in SECTION_SETTINGS.items():
            if settings.get(key):
                self._add(settings[key], what)
        for name in settings["DIRECT_TEMPLATES"]:
            self._add(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"), f"halaman {name}")
        for output in (settings.get("TEMPLATE_PAGES") or {}).values():
            self._add(output, "halaman tema")
        article_head = _literal_head(settings["ARTICLE_SAVE_AS"])
        if article_head:
            self.folders.setdefault(article_head, "berita")
            self.owners[article_head] = list(settings["ARTICLE_PATHS"])
        for folder in settings["STATIC_PATHS"]:
            head = _literal_head(folder)
            if head:
                self.folders.setdefault(head, "berkas statis")
                self.owners.setdefault(head, []).append(folder)
        for url_key, path_key in SECTION_SOURCES.items():
            head = _literal_head(settings.get(url_key, ""))
            if head:
                # The sections' plugins default their content folder to their address.
                self.owners.setdefault(head, []).append(settings.get(path_key) or head)

    def _add(self, pattern, what):
        pattern = str(pattern)
        if not _PLACEHOLDER.search(pattern):
            self.files.setdefault(normalised(pattern), what)
        head = _literal_head(pattern)
        if head and "/" in pattern.strip("/"):
            self.folders.setdefault(head, what)
        elif head and pattern.endswith("/"):
            self.folders.setdefault(head, what)

    def taken_by(self, address, source):
        """What of the build's own ``address`` already is, or None when ``source`` may use it.

        ``source`` is the content file's path relative to content/.
        """
        address = normalised(address)
        if address in self.files:
            return self.files[address]
        head = address.split("/", 1)[0]
        if head not in self.folders:
            return None
        source = str(source).replace("\\", "/")
        if any(source == owner or source.startswith(owner.rstrip("/") + "/")
               for owner in self.owners.get(head, ())):
            return None
        return self.folders[head]


def reserved_findings(entries, settings):
    """url-cadangan findings: ``entries`` are (output path, source relative to content/, source
    path as shown, line)."""
    reserved = Reserved(settings)
    findings = []
    for address, relative, shown, line in entries:
        if not address:
            continue
        what = reserved.taken_by(address, relative)
        if what:
            findings.append(Finding(
                str(shown), line, "url-cadangan",
                f"Alamat {normalised(address)!r} dipakai oleh portal sendiri ({what})",
                "tulis `Slug:` lain (atau hapus baris `Save_as:`/`URL:`) agar tulisan ini punya "
                "alamatnya sendiri; alamat bagian portal seperti cari, ppid, arsip, opd, layanan, "
                "topik, video, majalah dan penulis tidak dapat dipakai tulisan",
            ))
    return findings
