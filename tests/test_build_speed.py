"""Build speed: the caches and fast paths change how long a build takes, never what it
writes. The benchmark itself (make bench) measures the times; these tests assert behaviour only."""

import concurrent.futures
import datetime
import hashlib
import os
import pickle
import shutil
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from build_cache.build_cache import TYPOGRIFY_CACHE, fingerprint
from helpers import HANG_GUARD
from PIL import Image

from tools.bench.synthetic import SEED, generate_portal
from tools.bench.usage import tree_memory
from warta.commands.build import build, load_settings
from warta.content import addresses_memo, lint
from warta.content.compiled_templates import CompiledTemplates
from warta.content.errors import BuildError
from warta.content.lint import checker
from warta.content.sections.agencies import agencies

TEST_CONTENT = Path(__file__).parent / "test_data" / "content"


def site_bytes(output):
    return {
        path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(output).rglob("*.html"))
    }


def opd_names():
    return [agency.name for agency in agencies(load_settings())]


@pytest.mark.build
def test_warm_rebuild_writes_exactly_what_a_cold_build_writes(tmp_path):
    cache = tmp_path / "cache"
    build(tmp_path / "dingin", content=TEST_CONTENT, CACHE_PATH=str(cache))
    build(tmp_path / "hangat", content=TEST_CONTENT, CACHE_PATH=str(cache))
    assert site_bytes(tmp_path / "dingin") == site_bytes(tmp_path / "hangat")


@pytest.mark.build
def test_warm_rebuild_shows_the_changed_article(content_dir, tmp_path):
    cache = tmp_path / "cache"
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    article = content_dir / "berita" / "2023-02-01-uji-kedua.md"
    article.write_text(
        article.read_text(encoding="utf-8") + '\nKalimat "baru" setelah perubahan.\n', "utf-8"
    )
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    page = (tmp_path / "out" / "berita/2023/pemeriksaan-pangan-uji/index.html").read_text("utf-8")
    assert "Kalimat “baru”" in page  # read again and typogrified


@pytest.mark.build
def test_typogrify_results_are_kept_and_reused(tmp_path):
    cache = tmp_path / "cache"
    build(tmp_path / "out", content=TEST_CONTENT, CACHE_PATH=str(cache))
    (memo,) = cache.rglob(TYPOGRIFY_CACHE)
    entries = pickle.loads(memo.read_bytes())
    assert len(entries) >= 3  # titles, summaries and bodies of the test content
    before = memo.read_bytes()
    build(tmp_path / "out", content=TEST_CONTENT, CACHE_PATH=str(cache))
    assert memo.read_bytes() == before  # every text was found: nothing new to remember


@pytest.mark.build
def test_a_rebuild_compiles_no_template_and_writes_the_same_pages(tmp_path, monkeypatch):
    # Without the tests' own shared cache: a city's build keeps its compiled templates in
    # CACHE_PATH/templates, and a rebuild compiles none of them again.
    cache = tmp_path / "cache"
    options = {"CACHE_PATH": str(cache), "JINJA_ENVIRONMENT": {"trim_blocks": True, "lstrip_blocks": True,
                                                                 "extensions": [], "bytecode_cache": None}}
    build(tmp_path / "dingin", content=TEST_CONTENT, **options)
    assert list((cache / "templates").glob("*.cache"))
    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *args, **kwargs: compiled.append(args) or original(self, *args, **kwargs))
    build(tmp_path / "hangat", content=TEST_CONTENT, **options)
    assert compiled == []
    assert site_bytes(tmp_path / "dingin") == site_bytes(tmp_path / "hangat")


def test_a_template_compiled_under_other_options_is_compiled_again(tmp_path):
    cache = CompiledTemplates(str(tmp_path))
    plain, trimmed = jinja2.Environment(), jinja2.Environment(trim_blocks=True)
    source = "{% if x %}\nya{% endif %}"
    assert (cache.get_bucket(plain, "t.html", "t.html", source).checksum
            != cache.get_bucket(trimmed, "t.html", "t.html", source).checksum)
    assert (cache.get_bucket(plain, "t.html", "t.html", source).checksum
            != cache.get_bucket(plain, "t.html", "t.html", source + " ").checksum)


def test_cache_folder_changes_with_markdown_settings():
    settings = load_settings()
    other = {**settings, "MARKDOWN": {**settings["MARKDOWN"], "output_format": "xhtml"}}
    assert fingerprint(settings) != fingerprint(other)
    assert fingerprint(settings) == fingerprint(dict(settings))


@pytest.mark.build
def test_a_cache_file_found_empty_costs_a_rebuild_not_the_build(content_dir, tmp_path):
    # What a build saw when it read the cache while another build was writing it: Pelican
    # truncates the file first. The cache only saves time; the build must still succeed, and
    # writes every cache file whole, through a file of its own.
    cache = tmp_path / "cache"
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    damaged = sorted(cache.rglob("*-Readers"))
    assert damaged
    for path in damaged:
        path.write_bytes(b"")
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    assert (tmp_path / "out" / "index.html").is_file()
    assert all(pickle.loads(path.read_bytes()) for path in damaged)
    assert [p.name for p in cache.rglob(".*")] == []


def test_deleted_article_is_forgotten_by_the_content_cache(content_dir, tmp_path):
    cache = tmp_path / "cache"
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    (content_dir / "berita" / "2023-02-01-uji-kedua.md").unlink()
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    (readers,) = cache.rglob("ArticlesGenerator-Readers")
    cached = pickle.loads(readers.read_bytes())
    assert cached and all(os.path.exists(path) for path in cached)
    assert not any(path.endswith("uji-kedua.md") for path in cached)


@pytest.mark.build
def test_cached_article_is_checked_again_when_its_cover_disappears(content_dir, tmp_path):
    cache = tmp_path / "cache"
    article = content_dir / "berita" / "2023-02-01-uji-kedua.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "Summary:", "Cover: images/logo-kota-contoh.svg\nCover_alt: Logo Kota Contoh\nSummary:"),
        encoding="utf-8",
    )
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    assert list(cache.rglob("lint.pickle"))  # the second build takes the article from the caches
    (content_dir / "images" / "logo-kota-contoh.svg").unlink()
    with pytest.raises(BuildError) as failure:
        build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    assert any("2023-02-01-uji-kedua.md:" in line and "gambar-berkas" in line
               for line in failure.value.errors), failure.value.errors


@pytest.mark.build
def test_unchanged_files_reuse_their_remembered_check_results(content_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    checked = []
    monkeypatch.setattr(checker, "lint_text", lambda path, *args: checked.append(path) or [])
    article = content_dir / "berita" / "2023-02-01-uji-kedua.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nKalimat baru.\n", "utf-8")
    build(tmp_path / "out", content=content_dir, CACHE_PATH=str(cache))
    assert [Path(path).name for path in checked] == [article.name]


@pytest.mark.build
def test_files_checked_in_other_processes_report_the_same_mistakes(content_dir, tmp_path):
    from content_check import content_check  # noqa: PLC0415

    article = content_dir / "berita" / "2023-02-01-uji-kedua.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Summary:", "Cover: images/tidak-ada.webp\nSummary:"),
        encoding="utf-8",
    )
    failures = {}
    for minimum in (None, 1):  # in the build's process; in forked checkers from the first file
        with pytest.raises(BuildError) as failure:
            build(tmp_path / f"out-{minimum}", content=content_dir,
                  CACHE_PATH=str(tmp_path / f"cache-{minimum}"), WARTA_LINT_PARALLEL_MIN=minimum)
        failures[minimum] = failure.value.errors
        if minimum == 1:
            # Every Markdown file was handed to the forked checkers (each result is used if it
            # is ready when Pelican reads the file, else the file is checked in the build).
            submitted, served = content_check._memo.ahead
            assert submitted == len(list(content_dir.rglob("*.md"))) and served <= submitted
    assert failures[None] == failures[1]
    assert any("2023-02-01-uji-kedua.md:" in line and "gambar-berkas" in line for line in failures[1])


def test_forked_checker_results_match_the_checks_in_the_build_process(content_dir):
    settings = load_settings(PATH=str(content_dir))
    memo = lint.LintMemo()
    paths = sorted(str(path) for path in content_dir.rglob("*.md"))
    todo = [(path, memo.key(path, Path(path).read_bytes())) for path in paths]
    checker = lint.AheadChecker(todo, settings, workers=1)
    try:
        # Every result must be ready before it is asked for, however busy the machine: wait
        # for the checkers to finish, not for a fixed time (a result asked for too early is None).
        concurrent.futures.wait(list(checker.futures.values()), timeout=HANG_GUARD)
        for path, key in todo[:-1]:
            assert checker.result(path, key) == lint.lint_recording(path, settings)
        path, key = todo[-1]
        assert checker.result(path, b"the file changed since") is None  # checked again
        assert checker.served == len(todo) - 1
    finally:
        checker.stop()


@pytest.mark.build
def test_cached_texts_offer_their_images_where_each_build_publishes_them(tmp_path):
    # The Markdown cache is shared by builds with different SITEURLs (make html, make publish):
    # srcset must follow each build's own address of the image, as src does.
    content = tmp_path / "content"
    shutil.copytree(TEST_CONTENT, content)
    (content / "images" / "berita").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1000, 600), (60, 140, 80)).save(content / "images/berita/isi-uji.webp")
    (content / "berita" / "2024-05-02-gambar.md").write_text(
        "Title: Berita dengan gambar\nDate: 2024-05-02 10:00\nCategory: Diskominfo\n"
        "Summary: Ringkasan.\nCover: images/berita/isi-uji.webp\nCover_alt: Persegi hijau.\n\n"
        '![Persegi hijau]({static}/images/berita/isi-uji.webp "Keterangan")\n', "utf-8")
    cache = str(tmp_path / "c")
    build(tmp_path / "lokal", content=content, CACHE_PATH=cache)
    build(tmp_path / "luar", content=content, CACHE_PATH=cache,
          SITEURL="https://portal.contoh.example")
    offered = 0
    for name, origin in (("lokal", ""), ("luar", "https://portal.contoh.example")):
        for page in sorted((tmp_path / name).rglob("*.html")):
            for img in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("img[srcset]"):
                folder = img["src"].rsplit("/", 1)[0]
                for part in img["srcset"].split(","):
                    url = part.split()[0]
                    assert url.startswith(f"{origin}/") and url.rsplit("/", 1)[0] == folder, url
                    assert (tmp_path / name / url[len(origin):].lstrip("/")).is_file(), url
                    offered += 1
    assert offered >= 4  # cover and figure, in both builds


@pytest.mark.build
def test_synthetic_portal_is_the_same_for_the_same_seed_and_builds(tmp_path):
    first = generate_portal(tmp_path / "a", 30, opd_names(), seed=SEED)
    second = generate_portal(tmp_path / "b", 30, opd_names(), seed=SEED)
    assert [p.read_text("utf-8") for p in first] == [p.read_text("utf-8") for p in second]
    assert len(list((tmp_path / "a" / "halaman" / "ppid").glob("*.md"))) == 3
    build(tmp_path / "out", content=tmp_path / "a", CACHE_PATH=str(tmp_path / "c"))
    assert len(list((tmp_path / "out" / "berita").rglob("index.html"))) == 30


def test_benchmark_memory_covers_the_process_tree():
    assert tree_memory(os.getpid()) > 0


def article(settings, **metadata):
    from pelican.contents import Article

    values = {"title": "Judul", "slug": "judul-berita", "date": datetime.datetime(2024, 5, 2, 9, 0),
              **metadata}
    return Article("<p>Isi.</p>", metadata=values, settings=settings,
                   source_path=str(Path(settings["PATH"]) / "berita" / "judul.md"))


def test_a_remembered_address_is_the_one_pelican_makes_and_follows_its_fields():
    settings = load_settings()
    settings["ARTICLE_LANG_URL"] = "{lang}/{path}/{slug}/"

    def pelican_way(content, key):  # what Pelican's Content._expand_settings formats
        return settings[f"ARTICLE_{key}".upper()].format(**content.url_format)

    first = article(settings)
    for key in ("url", "save_as", "lang_url", "url"):
        assert addresses_memo.expand(first, key, "article") == pelican_way(first, key)
    assert addresses_memo.expand(first, "url", "article") == "berita/2024/judul-berita/"
    first.slug = "judul-baru"
    assert addresses_memo.expand(first, "url", "article") == "berita/2024/judul-baru/"
    moved = article(settings, date=datetime.datetime(2025, 1, 1))
    assert addresses_memo.expand(moved, "save_as", "article") == "berita/2025/judul-berita/index.html"


def test_an_address_naming_a_missing_field_fails_as_pelican_fails():
    settings = load_settings()
    settings["ARTICLE_URL"] = "berita/{tidak_ada}/{slug}/"
    with pytest.raises(KeyError):
        addresses_memo.expand(article(settings), "url", "article")
