"""The gate's browser checks and HTML check, reusing clean results like the page audit does.

A clean result is reused while the bytes that decided it stay the same: for a browser check,
its template's page and every stylesheet, script and font that page loaded while checked, and
the check code (checks.py, measure.py, variants.py); for the HTML check, the page's bytes, the
checker's jar and warta/commands/gate/validity.py (its options and ACCEPTED_ERRORS). Both keep their entries
in warta.commands.audit's ResultCache, so a corrupt file fails the gate the way a corrupt page cache
does, and a failed result is never stored, so it is judged again. With nothing changed no
browser and no Java is started.
"""

from dataclasses import dataclass
from pathlib import Path

from warta.commands.audit import Cache, ResultCache, fingerprint_of
from warta.commands.gate.checks import CHECKS, CheckResult, check_keys, run_checks
from warta.commands.gate.validity import (
    ACCEPTED_ERRORS,
    VNU_JAR,
    Message,
    ValidityResult,
    check_site,
)
from warta.commands.gate.variants import missing_page

CHECKS_FILE = "hasil-pemeriksaan.json"
VALIDITY_FILE = "hasil-validitas.json"
_GATE = Path(__file__).parent
_CHECK_CODE = ("checks.py", "measure.py", "variants.py")


@dataclass
class Reuse:
    """What one stage took from its cache: how many results, and the corrupt file it threw
    away, if any (a failure of the gate)."""

    reused: int = 0
    judged: int = 0
    corrupt: str = ""


def check_fingerprint():
    """What every cached check depends on besides its page: the checks, their cases and the
    code that makes them."""
    kinds = {name: list(check.cases) for name, check in CHECKS.items()}
    return fingerprint_of(kinds, files=[_GATE / name for name in _CHECK_CODE])


def _key(key):
    return "|".join(key)


class CheckCache(ResultCache):
    """Passed browser checks, keyed by (check, template, case)."""

    FIELDS = {"page": str}

    def lookup(self, root, key, page):
        if self.unchanged(root, _key(key), page) is None:
            return None
        return CheckResult(*key, page, reused=True)

    def store(self, root, result, base_url):
        if not result.passed or result.resources is None:
            self.forget(_key(result.key))
            return
        deps = self.dependencies(root, result.resources, base_url)
        self.remember(root, _key(result.key), result.page, deps, page=result.page)


def browser_checks(site, template_pages, workers, options, stages):
    """Every check of every template in ``template_pages`` ({template: page or None}), the
    unchanged passed ones reused; (CheckResults in check_keys order, Reuse)."""
    from warta.commands.server import serve  # noqa: PLC0415 - the server is only needed here

    present = {t: page for t, page in template_pages.items() if page is not None}
    keys = check_keys(list(present))
    cache = _open(CheckCache, options, CHECKS_FILE, check_fingerprint())
    done = {}
    if cache and options.cache is Cache.REUSE:
        for template, page in present.items():
            # A template is checked whole when any of its checks must run: they share one Tab
            # walk, and a single case alone costs nearly as much as all of them.
            cached = [cache.lookup(site, key, page) for key in check_keys([template])]
            if all(cached):
                done.update((result.key, result) for result in cached)
    todo = {t: page for t, page in present.items() if check_keys([t])[0] not in done}
    reuse = Reuse(reused=len(done), judged=len(keys) - len(done),
                  corrupt=cache.corrupt if cache else "")
    title = (f"pemeriksaan browser: {len(keys)} pemeriksaan pada {len(present)} templat "
             f"({len(CHECKS)} jenis: reflow, jarak teks, Tab, fokus, ukuran target): "
             f"{reuse.judged} dijalankan, {reuse.reused} dipakai ulang dari cache")
    with stages.stage(title, len(keys), "pemeriksaan") as progress:
        for n, result in enumerate(done.values(), 1):
            if progress:
                progress(n, len(keys), result)
        if todo:
            def report(count, total, result):
                if progress:
                    progress(reuse.reused + count, len(keys), result)
            with serve(site, host=options.host) as base_url:
                for result in run_checks(base_url, todo, workers=workers,
                                         timeout=options.timeout, progress=report):
                    done[result.key] = result
                    if cache:
                        cache.store(site, result, base_url)
    if cache:
        cache.save([_key(key) for key in keys])
    results = [done[key] for key in keys]
    missing = [t for t, page in template_pages.items() if page is None]
    results += [CheckResult(*key, "", error=missing_page(key[1])) for key in check_keys(missing)]
    return results, reuse


def _open(kind, options, name, fingerprint):
    if options.cache is Cache.OFF:
        return None
    cache = kind(Path(options.cache_dir) / name, fingerprint)
    return cache.load() if options.cache is Cache.REUSE else cache


def validity_fingerprint(jar=VNU_JAR):
    """What every cached HTML check depends on besides its page: the checker's exact bytes
    (and so its version), and validity.py, which holds its options and ACCEPTED_ERRORS."""
    validity = Path(__file__).with_name("validity.py")
    return fingerprint_of(files=(jar, validity, __file__))


class ValidityCache(ResultCache):
    """Clean HTML checks, keyed by page, with the accepted errors and warnings they found so a
    reused page is counted in the summary as it was judged."""

    FIELDS = {"version": str, "accepted": list, "warnings": list}

    def valid_entry(self, entry):
        return super().valid_entry(entry) and all(
            isinstance(item, list) and len(item) == 4
            and [type(part) for part in item] == [int, int, str, str]
            for item in entry["accepted"]
        ) and all(isinstance(message, str) for message in entry["warnings"])

    def reuse(self, root, page, result):
        """Add ``page``'s cached verdict to ``result``; False when it cannot be reused."""
        entry = self.unchanged(root, page, page)
        if entry is None:
            return False
        accepted = []
        for line, column, message, extract in entry["accepted"]:
            error = Message(page, line, column, message, extract)
            rule = next((rule for rule in ACCEPTED_ERRORS if rule.covers(error)), None)
            if rule is None:  # never a pass: judge it again
                return False
            accepted.append((error, rule))
        result.accepted += accepted
        for message in entry["warnings"]:
            result.add_warning(message, page)
        result.reused.append(page)
        result.version = result.version or entry["version"]
        return True

    def store(self, root, result, page):
        if any(error.page == page for error in result.errors):
            self.forget(page)
            return
        accepted = [[e.line, e.column, e.message, e.extract]
                    for e, _ in result.accepted if e.page == page]
        self.remember(root, page, page, {}, version=result.version, accepted=accepted,
                      warnings=result.page_warnings.get(page, []))


def check_validity(site, built, options, progress=None):
    """The HTML check of every page in ``built``, unchanged clean pages reused and the others
    given to one vnu run (none when nothing changed); (ValidityResult, Reuse). Raises
    ValidityError when the checker must run and cannot."""
    site = Path(site).resolve()
    cache = _open(ValidityCache, options, VALIDITY_FILE, validity_fingerprint())
    result = ValidityResult(built=list(built), checked=[], errors=[])
    if cache and options.cache is Cache.REUSE:
        for page in built:
            if cache.reuse(site, page, result) and progress:
                progress(len(result.reused), len(built), _Reused(page))
    reused = set(result.reused)
    changed = [page for page in built if page not in reused]
    if changed:
        def report(done, total, _):
            if progress:
                progress(len(reused) + done, len(built), None)
        now = check_site(site, pages=changed, progress=report)
        for page in changed:
            if cache:
                cache.store(site, now, page)
        result.checked, result.errors, result.seconds = now.checked, now.errors, now.seconds
        result.accepted += now.accepted
        result.version = now.version
        result.warnings += now.warnings
        result.warning_kinds += now.warning_kinds
        result.other_warning = result.other_warning or now.other_warning
        result.page_warnings.update(now.page_warnings)
    if cache:
        cache.save(built)
    return result, Reuse(reused=len(result.reused), judged=len(changed),
                         corrupt=cache.corrupt if cache else "")


@dataclass
class _Reused:
    """A page of the HTML check reused from the cache, as the stage progress counts it."""

    page: str
    passed: bool = True
    reused: bool = True
