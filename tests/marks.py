"""The marks pytest.ini names, given by fixture (tests/conftest.py), and parametrizing over
built pages without building when `-m` leaves the tests out (`make test-fast`)."""

import pytest

# tests/conftest.py marks each test by the fixtures it uses, so a new test that builds or opens
# a browser lands outside `make test-fast` without anyone remembering to mark it.
# A fixture's own fixtures count too: `auditor` brings `browser`, `site_url` brings `site`.
FIXTURE_MARKS = {
    "build": {"site", "gate", "build_site", "published_site", "built_page"},
    "browser": {"browser", "auditor", "clean_browser", "tls_browser", "gate"},
    "server": {"published_url"},
}


# Session fixtures too dear to make twice, the sample's gate and the published portal: under
# `make test` (pytest-xdist, tests/conftest.py's scheduler) the tests that use one run in one
# worker. Every other test runs in its own module's worker, so module fixtures are made once.
def worker_group(item):
    """The shared session fixture a collected test needs, or None."""
    used = set(getattr(item, "fixturenames", ()))
    if "gate" in used:
        return "gate"
    # The published portal: its fixtures, or a module that builds it through tests/published.py.
    module = getattr(item, "module", None)
    if used & {"published_site", "published_url"} or hasattr(module, "published"):
        return "published"
    return None


def fixture_marks(fixturenames):
    used = set(fixturenames)
    return {mark for mark, fixtures in FIXTURE_MARKS.items() if used & fixtures}


def deselected_by_marks(config, marks):
    """True when `-m` leaves out a test carrying exactly these marks."""
    expression = config.getoption("markexpr")
    if not expression:
        return False
    try:
        # pytest's own parser for `-m`; if a pytest upgrade moves it, collect as before.
        from _pytest.mark.expression import Expression  # noqa: PLC0415
    except ImportError:
        return False
    return not Expression.compile(expression).evaluate(lambda name, **_: name in marks)


def parametrize_pages(metafunc, argname, pages):
    """Parametrize ``argname`` with ``pages()``, one test per page so a failure names it; but
    when `-m` leaves these tests out, with one placeholder instead, so that collecting them
    builds nothing (the sample portal or the published one take a quarter of a minute)."""
    marks = fixture_marks(metafunc.fixturenames)
    marks |= {mark.name for mark in metafunc.definition.iter_markers()}
    if deselected_by_marks(metafunc.config, marks):
        metafunc.parametrize(argname, [pytest.param("(tidak dibangun)", id="tidak-dibangun")])
        return
    names = pages()
    metafunc.parametrize(argname, names, ids=names)
