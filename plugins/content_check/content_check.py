"""content_check: run Warta's content checks (warta.content.lint) on every file Pelican reads.

Errors stop the build with `path:line: rule-id: message (fix)`; warnings are printed and the
build goes on. The checks themselves live in warta.content.lint, shared with `bin/warta periksa`.
"""

import html
import logging
import os
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.readers import HTMLReader, MarkdownReader
from pelican.urlwrappers import Tag

from warta.content import links, lint
from warta.content.addresses import normalised, reserved_findings
from warta.content.errors import WARNING, ContentError, Finding, display_path
from warta.content.fields import read_header
from warta.content.lint import limits
from warta.content.sanitize import Sanitizer, frame_src_gaps, source_line

log = logging.getLogger(__name__)

# Content objects created in this build, to find two files that write the same output.
_seen = []
# Remembered findings of unchanged files, so a warm rebuild costs what changed; a file is
# checked on every build either way.
_memo = lint.LintMemo()
LINT_MEMO = "lint.pickle"


def report(findings):
    """Log the warnings; raise one ContentError carrying every error (if any)."""
    errors = [finding for finding in findings if finding.is_error]
    for finding in findings:
        if not finding.is_error:
            log.warning(str(finding), extra={"warta_finding": finding})
    if errors:
        raise ContentError.from_findings(errors)


def normalised_tags(tags, settings):
    """One Tag per topic, in the order written, spelled as written: "Pasar Murah" and
    "pasar murah" are one topic (one slug, one page); unify_tag_spellings picks how it reads."""
    result, seen = [], set()
    for tag in tags:
        key = lint.normalise_tag(str(tag))
        if key and key not in seen:
            seen.add(key)
            tag = Tag(lint.tag_spelling(str(tag)), settings)
            tag.written = tag.name
            result.append(tag)
    return result


def chosen_spellings(spellings):
    """{topic key: the spelling shown} from [(key, spelling)], one pair per file using it.

    The spelling most files use wins; on a tie, one with capitals (an editor who wrote
    "Pemkab Banjar" meant a name), then the first in alphabetical order, so every build agrees.
    """
    counts = {}
    for key, spelling in spellings:
        counts.setdefault(key, {}).setdefault(spelling, 0)
        counts[key][spelling] += 1
    return {key: min(found, key=lambda s: (-found[s], s == s.lower(), s))
            for key, found in counts.items()}


def unify_tag_spellings(generator):
    """Every page shows a topic in one spelling, and each file spelling it otherwise gets a
    metadata-tag warning at its Tags line, naming the spelling the other files use."""
    articles = generator.articles + generator.drafts + getattr(generator, "hidden_articles", [])
    # As written, not tag.name: Pelican caches these objects after this runs, so a warm
    # rebuild sees the spelling chosen last time in .name and the editor's own in .written.
    uses = [(article, tag, getattr(tag, "written", tag.name))
            for article in articles for tag in getattr(article, "tags", [])]
    chosen = chosen_spellings((lint.normalise_tag(written), written) for _, _, written in uses)
    findings = []
    for article, tag, written in uses:
        shown = chosen[lint.normalise_tag(written)]
        tag.name = shown
        if written != shown:
            findings.append(Finding(
                display_path(article.source_path), _tags_line(article.source_path),
                "metadata-tag", f"Topik {written!r} ditulis {shown!r} di berkas lain",
                f"tulis `{shown}` seperti berkas lain agar topik ini tampil seragam; halamannya "
                "sudah sama karena huruf besar-kecil tidak dibedakan", WARNING))
    for finding in sorted(findings, key=lambda f: (f.path, f.line or 0)):
        log.warning(str(finding), extra={"warta_finding": finding})


def _tags_line(path):
    try:
        return read_header(Path(path).read_text(encoding="utf-8-sig")).get("tags", (1, ""))[0]
    except (OSError, UnicodeError):
        return 1


# Fields that are addresses or machine values, not text: read exactly as written, so an entity
# can never smuggle a `..` or a scheme past the checks of the raw header.
MACHINE_FIELDS = frozenset({"slug", "save_as", "url", "date", "modified", "status", "template",
                            "lang", "translation", "cover", "category"})


class CheckedMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with every content check run before Pelican parses the file.

    Text fields are decoded here, once (see warta.content.sanitize for the model): `&lt;b&gt;` written in
    a header is the text ``<b>``, which templates, feeds and data files then escape.
    """

    def process_metadata(self, name, value):
        if name.lower() not in self.settings["FORMATTED_FIELDS"] \
                and name.lower() not in MACHINE_FIELDS:
            value = _decoded(value)
        return super().process_metadata(name, value)

    def read(self, source_path):
        # A file over the shape budget is refused by the checks before Markdown sees it; the
        # CPU budget is the last resort for a shape no budget foresaw (warta.content.lint.limits).
        with limits.cpu_budget(source_path):
            report(_memo.lint_file(source_path, self.settings))
            content, metadata = super().read(source_path)
        if isinstance(metadata.get("title"), str):
            # Pelican treats a title as HTML (typogrify decorates it next): escape the text.
            metadata["title"] = html.escape(metadata["title"], quote=False)
        # Pelican leaves a private "discard" marker for an empty `Tags:`; only lists are tags.
        if isinstance(metadata.get("tags"), list):
            metadata["tags"] = normalised_tags(metadata["tags"], self.settings)
        return content, metadata


def _decoded(value):
    if isinstance(value, str):
        return html.unescape(value)
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


class RefusingReader(HTMLReader):
    """Refuses HTML and reStructuredText content: it would bypass every check above.

    Subclasses HTMLReader rather than BaseReader so that importing this module registers nothing;
    only register() below puts it in place.
    """

    file_extensions = ["html", "htm", "rst"]

    def read(self, source_path):
        raise ContentError(
            source_path,
            "Warta hanya membaca tulisan dalam Markdown (.md)",
            "simpan ulang tulisan ini sebagai berkas .md; gambar dan dokumen unduhan masuk ke "
            "content/images/ atau content/attachments/",
            line=1,
            rule="berkas-jenis",
        )


def use_checked_readers(readers):
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader
    for extension in RefusingReader.file_extensions:
        readers.reader_classes[extension] = RefusingReader
    settings = readers.settings
    if settings.get("CACHE_CONTENT") and _memo.path is None:
        # CACHE_PATH is final here: build_cache moved it on `initialized`.
        _memo.load(Path(settings["CACHE_PATH"]) / LINT_MEMO, settings)
        _memo.check_ahead(markdown_files(settings["PATH"]), settings)
    check_cache_hits(readers)


def markdown_files(root):
    """Every Markdown file under content/, as Pelican would find it (hidden folders aside)."""
    extensions = tuple(f".{e}" for e in CheckedMarkdownReader.file_extensions)
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if name.endswith(extensions) and not name.startswith("."):
                yield os.path.join(folder, name)


def check_cache_hits(readers):
    """Check files Pelican takes from its content cache too.

    On a cache hit Pelican never calls the reader, so without this an unchanged article whose
    cover image was deleted would be published unchecked until someone edited it.
    """
    fetch = readers.get_cached_data
    extensions = tuple(f".{e}" for e in CheckedMarkdownReader.file_extensions)

    def get_cached_data(filename, default=None):
        cached = fetch(filename, default)
        if isinstance(cached, tuple) and cached and cached[0] is not None \
                and str(filename).endswith(extensions):
            report(_memo.lint_file(filename, readers.settings))
        return cached

    readers.get_cached_data = get_cached_data


def save_memo(pelican):
    _memo.save()


def forget_previous_build(pelican):
    _seen.clear()
    _memo.stop()
    _memo.path = None  # loaded again, with this build's settings, once the readers exist


def review_settings(pelican):
    """The settings file's own ((tinjau: ...)) markers, as warnings with its lines."""
    report(lint.settings_review(pelican.settings.get("WARTA_SETTINGS_FILE")))


def remember(content):
    _seen.append(content)


class _Sanitizing:
    """Every piece of content HTML through one allowlist, once Warta's plugins have rewritten it.

    Connected on `initialized`, after every plugin's register(), so it runs after each plugin's
    own content_object_init rewrite whatever the order of PLUGINS.
    """

    def __init__(self):
        self.sanitizer = None

    def start(self, pelican):
        settings = pelican.settings
        # Text reaches templates escaped unless it is sanitized markup: no template can forget.
        settings.setdefault("JINJA_ENVIRONMENT", {})["autoescape"] = True
        prefixes = settings["WARTA_LINT_IFRAME_ALLOWED"] or []
        gaps = frame_src_gaps(prefixes, settings["CSP_POLICY"])
        if gaps and settings.get("CSP_POLICY"):
            raise ContentError(
                "pelicanconf.py",
                f"Alamat sisipan {', '.join(gaps)} ada di WARTA_LINT_IFRAME_ALLOWED tetapi tidak di "
                "frame-src pada CSP_POLICY, jadi peramban akan memblokirnya",
                "tambahkan asalnya ke frame-src di CSP_POLICY, atau hapus dari "
                "WARTA_LINT_IFRAME_ALLOWED", line=1, rule="html-tidak-diizinkan")
        self.sanitizer = Sanitizer(prefixes)
        signals.content_object_init.connect(self.sanitize)

    def sanitize(self, content):
        if self.sanitizer is None or getattr(content, "status", "") == "skip":
            return
        if isinstance(getattr(content, "title", None), str):
            content.title = Markup(content.title)
        findings = []
        if getattr(content, "_content", None):
            content._content = self._clean(content, content._content, None, findings)
        for key in content.settings["FORMATTED_FIELDS"]:
            value = content.metadata.get(key)
            if isinstance(value, str) and value:
                value = self._clean(content, value, key, findings)
                content.metadata[key] = value
                setattr(content, key, value)
                if key == "summary":
                    content._summary = value
        report(findings)
        # Pelican resolves {static}/{filename} links when a template reads the text, after
        # this: warta.content.links does that step instead, escaped, and sanitizes again last.
        links.install(content, self.sanitizer)

    def _clean(self, content, text, field, findings):
        cleaned, removed = self.sanitizer.check(text)
        if removed:
            findings.extend(_removal_findings(content.source_path, removed, field))
        return cleaned


def _removal_findings(path, removed, field):
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError, TypeError):
        text = ""
    source = lint.Source(text)
    default = source.line(field, 1) if field else source.body_start + 1
    return [
        Finding(str(path), source_line(text, removal.needle, default), "html-tidak-diizinkan",
                f"Tema tidak mengizinkan {removal.what} di isi tulisan",
                "hapus bagian itu; fitur interaktif, formulir, gaya dan sisipan dibuat di tema oleh "
                "pengembang, dan tautan hanya ke alamat https:, http:, mailto:, tel: atau alamat "
                "di portal ini")
        for removal in removed
    ]


_sanitizing = _Sanitizing()


def _source_line(content):
    """The line an editor changes to give a file another URL: Save_as, URL or Slug, else Title,
    else 1."""
    path = getattr(content, "source_path", None) or ""
    if not path.endswith(tuple(f".{e}" for e in CheckedMarkdownReader.file_extensions)):
        return 1
    try:
        with open(path, encoding="utf-8-sig") as handle:
            source = lint.Source(handle.read(64_000))
    except (OSError, UnicodeDecodeError):
        return 1
    return source.line("save_as", source.line("url", source.line("slug", source.line("title", 1))))


def _own_address(url):
    """A URL that is a page of this site, not an address elsewhere or a fragment."""
    url = str(url)
    return "://" not in url and not url.startswith(("//", "#", "?")) and ":" not in url.split("/")[0]


def check_duplicate_outputs(generators):
    settings = generators[0].settings if generators else {}
    entries, claims = [], []
    for content in _seen:
        try:
            save_as = content.save_as
        except Exception:  # noqa: BLE001 - a stub or broken object writes nothing
            continue
        # Drafts are never written (the preview turns the ones it shows into published pages
        # before this runs); "skip" is Pelican's own marker for files it ignores.
        if getattr(content, "status", "") in ("skip", "draft"):
            continue
        line = _source_line(content)
        entries.append((save_as, content.source_path, line))
        relative = os.path.relpath(content.source_path, settings["PATH"])
        claims.append((save_as, relative, content.source_path, line))
        url = getattr(content, "url", None)
        if url and normalised(url) != normalised(save_as):
            claims.append((url, relative, content.source_path, line))
            if save_as and _own_address(url):
                # `Url:` taking another file's address: its links would lead readers there.
                entries.append((url, content.source_path, line))
    report(lint.duplicate_outputs(entries) + reserved_findings(claims, settings))


def register():
    # readers_init fires before Pelican instantiates its readers, so ours replace the stock ones
    # for every extension.
    signals.readers_init.connect(use_checked_readers)
    # initialized fires once per Pelican instance: the record of outputs starts empty each build.
    signals.initialized.connect(forget_previous_build)
    signals.initialized.connect(_sanitizing.start)
    signals.initialized.connect(review_settings)
    # content_object_init sees every article, page, draft and static file as it is created,
    # including the ones Pelican later drops as "translations" when two share a slug.
    signals.content_object_init.connect(remember)
    # all_generators_finalized runs after every file is read and before anything is written,
    # so a duplicate URL stops the build before one file silently overwrites the other.
    signals.all_generators_finalized.connect(check_duplicate_outputs)
    signals.article_generator_pretaxonomy.connect(unify_tag_spellings)
    # finalized fires once everything is written; a build that raised never saves the memo.
    signals.finalized.connect(save_memo)
