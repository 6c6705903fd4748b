"""No exception reaches an editor: whatever a file does to a step no check foresaw becomes a
`path:line: rule-id: message (fix)` finding, and the build still fails closed."""

import logging
import sys

import pytest

from warta.commands.build import BuildError, _Collector, _plain_failure, build

HEADER = ("Title: Uji bentuk {n}\nDate: 2024-05-0{n} 10:00\nCategory: Diskominfo\nSlug: uji-{n}\n"
          "Summary: Ringkasan uji.\n\nParagraf pembuka.\n\n")


def _failure(message, *args):
    try:
        raise TypeError("can only join an iterable")
    except TypeError:
        return logging.LogRecord("pelican.generators", logging.ERROR, __file__, 1, message, args,
                                 sys.exc_info())


def test_a_file_that_raises_while_read_is_a_finding_at_that_file():
    collector = _Collector()
    collector.content = "/portal/content"
    collector.emit(_failure("Could not process %s", "berita/a.md"))
    (line,) = collector.errors
    assert line.startswith("/portal/content/berita/a.md:1: konten-tak-terbaca: ")
    assert "TypeError" in line and "Traceback" not in line and line.endswith(")")
    assert collector.findings[0].rule == "konten-tak-terbaca"


def test_an_unforeseen_failure_of_the_whole_build_names_a_rule(tmp_path):
    text = _plain_failure(KeyError("lead"), tmp_path / "staging")
    assert text.startswith("konten-tak-terbaca: ") and "KeyError" in text and text.endswith(")")


def test_other_errors_are_kept_as_they_are():
    collector = _Collector()
    collector.emit(logging.LogRecord("x", logging.ERROR, __file__, 1, "Pesan %s", ("biasa",), None))
    assert collector.errors == ["Pesan biasa"]


# Shapes that once ended a build with a bare ExceptionType: message (own variants).
SHAPES = [
    ("Kata *miring*{: tersembunyi }\n", "html-tidak-diizinkan"),
    ("{: onclick }\n\nParagraf.\n", "html-event"),
    ('<img src="/images/logo-kota-contoh.svg" srcset="/images/logo.svg" alt="Lambang">\n',
     "gambar-srcset"),
    ('<img src="/images/logo-kota-contoh.svg" srcset="/images/logo.svg lebar" alt="Lambang">\n',
     "gambar-srcset"),
    ('<img src="/images/logo-kota-contoh.svg" srcset="/index.html 99999999w" alt="Lambang">\n',
     "gambar-srcset"),
]


@pytest.mark.build
def test_odd_shapes_are_refused_at_their_line_without_an_exception(content_dir, tmp_path):
    for number, (body, _) in enumerate(SHAPES, start=1):
        (content_dir / "berita" / f"2024-05-0{number}-uji.md").write_text(
            HEADER.format(n=number) + body, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build(tmp_path / "output", content=content_dir, SEARCH_INDEX=False)
    message = str(error.value)
    for number, (_, rule) in enumerate(SHAPES, start=1):
        assert f"2024-05-0{number}-uji.md:9: {rule}: " in message, message
    assert "Error:" not in message.replace("konten-tak-terbaca", "") and "Traceback" not in message


@pytest.mark.build
def test_the_same_shapes_written_plainly_build(content_dir, tmp_path):
    (content_dir / "berita" / "2024-05-01-uji.md").write_text(
        HEADER.format(n=1) + "Kata *miring*{: lang=en }\n\n"
        '<img src="/images/logo-kota-contoh.svg" alt="Lambang kota">\n', encoding="utf-8")
    build(tmp_path / "output", content=content_dir, SEARCH_INDEX=False)


# --- Nothing an editor wrote disappears without a message --------------------------------------
KEPT_LINKS = [
    "https://lapor.go.id/", "http://contoh.example/a?b=1&c=2", "mailto:humas@pemda.example",
    "mailto:humas@pemda.example?subject=Halo%20PPID&body=Isi%20pesan", "tel:+62210000000",
    "/kontak/", "#bagian-2", "../halaman-lain/",
]
REFUSED_LINKS = [
    "data:text/plain,halo", "javascript:alert(1)", "vbscript:x", "file:///etc/passwd",
    "ftp://contoh.example/x", "blob:https://contoh.example/x", "about:blank",
    "ws://contoh.example/", "sms:+62210000000", "intent://x#Intent;end", "DATA:text/html,x",
]


def _links_site(content_dir, links, markdown):
    for number, link in enumerate(links, start=1):
        body = (f"[Tautan uji {number}]({link})\n" if markdown
                else f'<p><a href="{link}">Tautan uji {number}</a></p>\n')
        (content_dir / "berita" / f"2024-06-{number:02d}-uji.md").write_text(
            HEADER.replace("2024-05-0{n}", f"2024-06-{number:02d}").format(n=number) + body,
            encoding="utf-8")


@pytest.mark.build
@pytest.mark.parametrize("markdown", [True, False], ids=["markdown", "html"])
def test_every_link_scheme_that_is_removed_is_reported_at_its_file(content_dir, tmp_path, markdown):
    _links_site(content_dir, REFUSED_LINKS, markdown)
    with pytest.raises(BuildError) as error:
        build(tmp_path / "output", content=content_dir, SEARCH_INDEX=False)
    message = str(error.value)
    for number in range(1, len(REFUSED_LINKS) + 1):
        assert f"2024-06-{number:02d}-uji.md:9: " in message, (REFUSED_LINKS[number - 1], message)


@pytest.mark.build
@pytest.mark.parametrize("markdown", [True, False], ids=["markdown", "html"])
def test_every_link_scheme_that_is_allowed_reaches_the_page(content_dir, tmp_path, markdown):
    import html

    _links_site(content_dir, KEPT_LINKS, markdown)
    output = tmp_path / "output"
    build(output, content=content_dir, SEARCH_INDEX=False)
    for number, link in enumerate(KEPT_LINKS, start=1):
        page = next(output.rglob(f"uji-{number}/index.html")).read_text(encoding="utf-8")
        assert f'href="{html.escape(link, quote=False)}"' in page, link
        assert f">Tautan uji {number}</a>" in page
