"""HTML validity gate: the Nu HTML Checker over every built page of the sample portal."""

import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from bs4 import BeautifulSoup

from warta import ROOT
from warta.commands.audit import find_pages
from warta.commands.gate.validity import (
    ACCEPTED_ERRORS,
    AcceptedError,
    Message,
    ValidityError,
    ValidityResult,
    check_site,
)

# A stray end tag and a duplicate id: the two errors browsers repair silently and differently.
BAD_PAGE = """<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>Uji</title></head>
<body>
<p id="ganda">satu</p>
<p id="ganda">dua</p>
</div>
</body>
</html>
"""
GOOD_PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Baik</title></head>
<body><main><p>Halaman yang sah.</p></main></body></html>
"""


@pytest.fixture(scope="module")
def site_validity(gate):
    """The gate's one checker run over the whole sample portal."""
    assert gate.validity is not None, f"validitas HTML tidak berjalan: {gate.validity_error}"
    return gate.validity


def test_sample_portal_has_no_html_errors_beyond_the_recorded_exceptions(site, site_validity):
    result = site_validity
    built = find_pages(site)
    # Fail closed: a run that skipped pages is not a clean run.
    assert len(result.checked) == len(result.built) == len(built) > 0
    assert result.checked == built
    print(result.summary())
    assert not result.errors, "\n".join(
        [f"{len(result.errors)} galat validitas HTML di luar pengecualian yang tercatat:"]
        + [error.format() for error in result.errors]
    )


def test_every_accepted_error_has_a_reason_a_link_and_is_still_needed(site_validity):
    for rule in ACCEPTED_ERRORS:
        assert rule.reason.strip() and rule.link.startswith("https://"), rule
        re.compile(rule.message)
        re.compile(rule.pages)
    # An exception nothing matches any more is stale: remove it, so it cannot hide a new error.
    used = {id(rule) for _, rule in site_validity.accepted}
    assert [rule.message for rule in ACCEPTED_ERRORS if id(rule) not in used] == []


@pytest.mark.server
def test_the_check_reports_a_stray_end_tag_and_a_duplicate_id(tmp_path):
    (tmp_path / "rusak.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "baik.html").write_text(GOOD_PAGE, encoding="utf-8")
    result = check_site(tmp_path)
    assert result.checked == result.built == ["rusak.html", "sub/baik.html"]
    assert not result.passed
    lines = [error.format() for error in result.errors]
    assert "rusak.html:6: Duplicate ID 'ganda'." in lines
    assert "rusak.html:7: Stray end tag 'div'." in lines
    assert all(line.startswith("rusak.html:") for line in lines)
    # An accepted pattern only covers the pages it names.
    narrow = AcceptedError(message=r"Stray end tag .*", pages=r"lain/.*", reason="uji", link="https://x")
    assert "rusak.html:7: Stray end tag 'div'." in [e.format() for e in
                                                     check_site(tmp_path, accepted=[narrow]).errors]


def test_missing_java_fails_closed(tmp_path):
    (tmp_path / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    with pytest.raises(ValidityError, match="default-jre-headless"):
        check_site(tmp_path, java=str(tmp_path / "tidak-ada" / "java"))


def test_missing_vnu_jar_fails_closed(tmp_path):
    (tmp_path / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    with pytest.raises(ValidityError, match="make node"):
        check_site(tmp_path, jar=tmp_path / "vnu.jar")


def fake_java(tmp_path, script):
    """A stand-in `java` that ignores its arguments and runs a shell script instead."""
    java = tmp_path / "java"
    java.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    java.chmod(0o755)
    return str(java)


@pytest.mark.parametrize("script, message", [
    ("echo 'bukan JSON'\n", "bukan JSON"),
    ("echo 'Error: Unable to access jarfile' >&2\nexit 1\n", "kode keluar 1"),
    # Valid JSON with no messages, but no page reported as checked: not a pass.
    ("echo '{\"version\": \"26.9.27\", \"messages\": []}'\n", "hanya memeriksa 0 dari 1"),
    ("echo 'index.html' >&2\necho '{\"version\": \"1.0\", \"messages\": []}'\n", "versi 1.0"),
], ids=["not-json", "exit-1", "nothing-checked", "wrong-version"])
def test_a_checker_that_does_not_really_run_fails_closed(tmp_path, script, message):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    with pytest.raises(ValidityError, match=message):
        check_site(site, java=fake_java(tmp_path, script))


# The checker as the gate streams it: each page it names on stderr is progress, as it happens.
STREAMING_CHECKER = """echo 'index.html' >&2
echo 'sub/baik.html' >&2
echo '{"version": "26.9.27", "messages": [
 {"type": "info", "subType": "warning", "message": "The '"'"'cell'"'"' role is unnecessary for element '"'"'td'"'"'."},
 {"type": "info", "subType": "warning", "message": "Resource violates Content Security Policy (meta tag): image '"'"'/a.svg'"'"' blocked by '"'"'img-src'"'"' directive."},
 {"type": "info", "subType": "warning", "message": "Something new."}]}'
"""


def test_the_checker_reports_each_page_as_it_reaches_it_and_sorts_its_warnings(tmp_path):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    (site / "sub" / "baik.html").write_text(GOOD_PAGE, encoding="utf-8")
    seen = []
    result = check_site(site, java=fake_java(tmp_path, STREAMING_CHECKER),
                        progress=lambda *args: seen.append(args))
    assert seen == [(1, 2, None), (2, 2, None)]
    assert result.passed and result.warnings == 3
    assert set(result.warning_kinds.values()) == {1} and len(result.warning_kinds) == 3
    assert result.other_warning == "Something new."


def test_a_checker_that_hangs_is_stopped_and_fails_closed(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    with pytest.raises(ValidityError, match="tidak selesai dalam 1 detik"):
        check_site(site, java=fake_java(tmp_path, "echo 'index.html' >&2\nexec sleep 30\n"),
                   timeout=1)


def test_the_summary_says_what_accepted_errors_and_warnings_are_and_that_no_one_must_act():
    rule = ACCEPTED_ERRORS[0]
    pages = ["ppid/dip/index.html", "ppid/dip/2024/index.html"]
    result = ValidityResult(built=pages, checked=pages, errors=[], version="26.9.27",
                            accepted=[(Message(page, 10 + n, 1, "role"), rule)
                                      for page in pages for n in range(4)])
    for message in ["The 'cell' role is unnecessary for element 'td'."] * 5 + [
            "Resource violates Content Security Policy (meta tag): external stylesheet "
            "'/theme/css/warta.css' blocked by 'style-src' directive."] * 3:
        result.add_warning(message)
    first, accepted, warnings = result.format().splitlines()
    assert "8 galat yang diterima, 8 peringatan" in first
    assert accepted.startswith("  8 galat yang diterima: temuan pemeriksa HTML yang sudah "
                               "diketahui dan disengaja, tidak merugikan pembaca")
    assert "peran ARIA pada tabel Daftar Informasi Publik: 8 di 2 halaman" in accepted
    assert "ACCEPTED_ERRORS di warta/commands/gate/validity.py" in accepted
    assert warnings.startswith("  8 peringatan: saran pemeriksa HTML, bukan kesalahan; tidak "
                               "menggagalkan gerbang dan editor tidak perlu bertindak")
    assert "tabel DIP, disengaja): 5" in warnings and "bukan pada situs yang disajikan: 3" in warnings
    # Nothing to explain, nothing added.
    clean = ValidityResult(built=pages, checked=pages, errors=[], version="26.9.27")
    assert len(clean.format().splitlines()) == 1


def test_an_empty_output_folder_fails_closed(tmp_path):
    with pytest.raises(ValidityError, match="Tidak ada halaman HTML"):
        check_site(tmp_path)


def test_dip_cells_name_their_headers_by_ids_unique_on_the_page(site):
    soup = BeautifulSoup((Path(site) / "ppid/dip/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    table = soup.select_one("table.w-dip")
    header_ids = {th["id"]: th for th in table.find_all("th", id=True)}
    columns = [th["id"] for th in table.thead.find_all("th")]
    rows = table.select("tr.w-dip__row")
    assert rows
    for tr in rows:
        group = tr.find_parent("tbody").select_one("th.w-dip__group-title")["id"]
        number = tr.select_one("th.w-dip__number")
        assert tokens(number["headers"]) == [columns[0], group]
        for column, td in zip(columns[1:], tr.find_all("td"), strict=True):
            assert tokens(td["headers"]) == [column, group, number["id"]]
            assert all(ref in header_ids for ref in tokens(td["headers"]))


def tokens(value):
    # html.parser hands `headers` back as a list (a token list) or, for one id, maybe a string.
    return value.split() if isinstance(value, str) else list(value)


# The cards article_card.html, video_card.html and edition_card.html draw: news, videos and magazine editions.
CARD_LINKS = ("/berita/", "/video/", "/majalah/")


def card_names(soup):
    """Each news, video or edition card's aria-labelledby and the id of its heading."""
    for card in soup.select("article.w-card, article.w-media-card"):
        if not card.select_one("a.w-card__link")["href"].startswith(CARD_LINKS):
            continue
        heading = card.find(re.compile(r"^h[2-6]$"))
        yield card.get("aria-labelledby"), heading.get("id")


def test_every_card_is_named_by_its_own_heading(site):
    cards = 0
    for page in find_pages(site):
        soup = BeautifulSoup((Path(site) / page).read_text(encoding="utf-8"), "html.parser")
        ids = [element["id"] for element in soup.find_all(id=True)]
        assert [i for i, n in Counter(ids).items() if n > 1] == [], page
        for labelledby, heading_id in card_names(soup):
            assert labelledby and labelledby == heading_id, page
            cards += 1
    assert cards > 20


def render(source, **context):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"),
                             autoescape=True)
    # The plugins' filters, as far as these templates need them: the cards' ids are under test,
    # not the dates or the image sizes.
    env.filters.update(tanggal=str, tanggal_iso=str,
                       image_attributes=lambda path, first=False: "")
    return BeautifulSoup(env.from_string(source).render(SITEURL="", **context), "html.parser")


def test_a_card_shown_twice_on_a_page_gets_a_new_id():
    article = SimpleNamespace(url="berita/2025/banjir/", title="Banjir", date="2025-01-02",
                              category=SimpleNamespace(name="Dinsos", full_name="Dinas Sosial"), summary="")
    soup = render('{% from "components/article_card.html" import article_list with context %}'
                  "{{ article_list([a, a]) }}{{ article_list([a]) }}", a=article)
    assert [heading for _, heading in card_names(soup)] == [
        "kartu-berita-2025-banjir", "kartu-berita-2025-banjir-2", "kartu-berita-2025-banjir-3"]
    assert all(labelledby == heading for labelledby, heading in card_names(soup))
    video = SimpleNamespace(url="video/rapat/", title="Rapat", cover="c.webp", cover_alt="",
                            date="", opd=SimpleNamespace(name="Diskominfo"), duration_iso="PT1M",
                            duration_text="1 menit", youtube_id="", summary="")
    soup = render('{% from "components/video_card.html" import video_card with context %}'
                  "{{ video_card(v) }}{{ video_card(v) }}", v=video)
    assert [heading for _, heading in card_names(soup)] == ["kartu-video-rapat", "kartu-video-rapat-2"]
