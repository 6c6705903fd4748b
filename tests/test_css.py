"""The theme's CSS: one source file per component, none over 400 lines, and citizens still
download one stylesheet, /theme/css/warta.css, holding every part once and in order."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from finishing import assets
from test_layers import MAX_LINES

from warta import ROOT
from warta.commands.audit import find_pages
from warta.content import stylesheet

SOURCES = sorted(p for folder in ("theme", "eppid") for p in (ROOT / folder).rglob("*.css"))


@pytest.mark.parametrize("path", [p.relative_to(ROOT).as_posix() for p in SOURCES])
def test_css_source_file_is_at_most_400_lines(path):
    lines = (ROOT / path).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path}: {lines} lines"


def test_the_parts_are_numbered_components_outside_the_published_static_folder():
    names = [p.name for p in stylesheet.parts()]
    assert names[0] == "01-tokens.css" and names[-1].endswith("-utilities.css")
    assert len(names) > 10 and names == sorted(names)
    # Pelican publishes theme/static/ as it is: only the print stylesheet lives there.
    assert [p.name for p in (ROOT / "theme" / "static").rglob("*.css")] == ["print.css"]


def part_positions(text):
    """Where each part's text starts in ``text``, after checking it is there exactly once."""
    positions = []
    for part in stylesheet.parts():
        body = part.read_text(encoding="utf-8")
        assert text.count(body) == 1, f"{part.name} is not in the stylesheet exactly once"
        positions.append(text.index(body))
    return positions


def test_every_part_is_joined_once_in_order():
    text = stylesheet.joined()
    positions = part_positions(text)
    assert positions == sorted(positions) and positions[0] == 0
    assert len(text) == sum(len(p.read_text(encoding="utf-8")) for p in stylesheet.parts()) \
        + len(positions) - 1  # one newline between parts, nothing else


def test_a_stray_or_duplicate_part_name_is_refused(tmp_path):
    (tmp_path / "01-base.css").write_text("a{}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    with pytest.raises(stylesheet.StylesheetError, match="notes.txt"):
        stylesheet.parts(tmp_path)
    (tmp_path / "notes.txt").unlink()
    (tmp_path / "01-header.css").write_text("b{}\n", encoding="utf-8")
    with pytest.raises(stylesheet.StylesheetError, match="bernomor sama"):
        stylesheet.parts(tmp_path)


def test_the_build_step_writes_the_joined_stylesheet_where_pages_link_it(tmp_path):
    settings = {"THEME": str(ROOT / "theme"), "THEME_STATIC_DIR": "theme"}
    assets.join_stylesheet(tmp_path, settings)
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.css")] == ["theme/css/warta.css"]
    assert (tmp_path / "theme" / "css" / "warta.css").read_text(encoding="utf-8") == stylesheet.joined()


def test_the_built_site_serves_one_stylesheet_and_no_part(site):
    served = sorted(p.relative_to(site).as_posix() for p in Path(site).rglob("*.css"))
    assert served == ["theme/css/merek.css", "theme/css/print.css", "theme/css/warta.css"]
    assert (Path(site) / "theme" / "css" / "warta.css").read_text(encoding="utf-8") == stylesheet.joined()
    for page in find_pages(site)[:20]:
        soup = BeautifulSoup((Path(site) / page).read_text(encoding="utf-8"), "html.parser")
        sheets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        assert [s for s in sheets if "/theme/css/warta" in s] == ["/theme/css/warta.css"], page
