"""A tiny file cannot hang the build: a file over the shape budget (warta.content.lint.limits) is
refused at its line before any Markdown parser reads it, and a file under it builds."""


import pytest

from warta.commands.build import BuildError, build
from warta.content.lint import limits

HEADER = ("Title: Pengumuman {n}\nDate: 2024-05-0{n} 10:00\nCategory: Diskominfo\nSlug: uji-{n}\n"
          "Summary: Ringkasan pengumuman uji.\n\nParagraf pembuka.\n\n")
# Shapes Python-Markdown is slow or recursive on, in sizes far under the 2 MB file limit.
HOSTILE = [
    "[" * 200_000 + "\n",
    "![" * 3_000 + "\n",
    "".join("a <a " for _ in range(3_500)) + "\n",
    "".join("  " * depth + "- butir\n" for depth in range(1_000)),
    ">" * 500 + " kutipan\n",
    "kata " * 10_000 + "\n",
]


@pytest.mark.build
def test_files_over_the_shape_budget_are_refused_at_their_line(content_dir, tmp_path):
    for number, body in enumerate(HOSTILE, start=1):
        (content_dir / "berita" / f"2024-05-0{number}-uji.md").write_text(
            HEADER.format(n=number) + body, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build(tmp_path / "output", content=content_dir, SEARCH_INDEX=False)
    message = str(error.value)
    lines = [line for line in message.splitlines() if ": berkas-rumit: " in line]
    assert len(lines) == len(HOSTILE), message
    assert any("2024-05-01-uji.md:9: berkas-rumit: " in line for line in lines), lines
    assert any("2024-05-04-uji.md:42: berkas-rumit: " in line for line in lines), lines
    assert "Traceback" not in message and "RecursionError" not in message
    assert not (tmp_path / "output").exists()


@pytest.mark.build
def test_a_file_just_under_every_budget_builds(content_dir, tmp_path):
    body = ("[Jadwal](/jadwal/) " * (limits.MAX_BRACKETS - 10) + "\n\n"
            + "".join("  " * depth + "- butir\n" for depth in range(limits.MAX_INDENT // 2))
            + "\n" + "> " * limits.MAX_QUOTE + "kutipan\n\n" + "kata " * 3_000 + "\n")
    (content_dir / "berita" / "2024-05-01-uji.md").write_text(HEADER.format(n=1) + body,
                                                          encoding="utf-8")
    build(tmp_path / "output", content=content_dir, SEARCH_INDEX=False)
    assert next((tmp_path / "output").rglob("uji-1/index.html")).is_file()


def test_reading_that_outlasts_the_cpu_budget_is_refused_with_a_rule():
    from warta.content.errors import ContentError

    with pytest.raises(ContentError) as error:
        with limits.cpu_budget("content/berita/lambat.md", seconds=0.3):
            while True:  # a parser stuck on a shape no budget foresaw
                sum(range(1000))
    assert str(error.value).startswith("content/berita/lambat.md:1: berkas-rumit: ")


def test_reading_within_the_cpu_budget_is_untouched():
    with limits.cpu_budget("content/berita/cepat.md", seconds=5):
        total = sum(range(1000))
    assert total == 499500
