"""`make publish` output: absolute URLs, minified, content-hashed, precompressed,
responsive images, safe external links, and an atomic deploy."""

import gzip
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from warta import ROOT
from warta.commands.audit import find_pages
from warta.commands.build import BuildError
from warta.commands.deploy import DeployError, deploy

HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})\.(?P<ext>[a-z0-9]+)$")


def soup_of(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def loaded_urls(soup):
    """Every URL the browser fetches by itself for this page (not the links a reader follows)."""
    urls = [link["href"] for link in soup.find_all("link", href=True)
            if not {"canonical", "alternate"} & set(link.get("rel") or [])]
    urls += [tag["src"] for tag in soup.find_all(["script", "img", "source", "iframe"], src=True)]
    for tag in soup.find_all(["img", "source"], srcset=True):
        urls += [part.strip().split(" ")[0] for part in tag["srcset"].split(",")]
    return urls


@pytest.fixture(scope="module")
def origin():
    import published

    return published.published()[2]


def test_every_page_uses_absolute_urls_on_the_production_address(published_site, origin):
    for page in find_pages(published_site):
        soup = soup_of(published_site / page)
        for url in loaded_urls(soup):
            assert url.startswith(origin + "/"), f"{page}: {url}"
        for link in soup.select("main a[href], nav a[href]"):
            href = link["href"]
            assert not href.startswith("/") or href.startswith("//"), f"{page}: {href}"


def test_html_is_minified(published_site):
    for page in find_pages(published_site):
        text = (published_site / page).read_text(encoding="utf-8")
        assert "\n  <" not in text and "<!--" not in text, page


def test_css_and_js_are_minified(published_site):
    for path in (published_site / "theme").rglob("*"):
        if path.suffix in (".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert "/*" not in text and "\n  " not in text, path.name


def test_theme_files_have_content_hashed_names(published_site):
    assets = [p for p in (published_site / "theme").rglob("*")
              if p.is_file() and p.suffix not in (".gz", ".br")]
    assert assets
    for path in assets:
        match = HASHED.match(path.name)
        assert match, f"{path.name} has no content hash in its name"
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:10] == match["hash"], path.name


def test_every_file_a_page_loads_exists(published_site, origin):
    for page in find_pages(published_site):
        for url in loaded_urls(soup_of(published_site / page)):
            relative = url[len(origin) + 1:].split("?")[0].split("#")[0]
            assert (published_site / relative).is_file(), f"{page}: {url} does not exist"


def test_precompressed_copies_match_their_files(published_site):
    checked = 0
    for path in published_site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".xml") or path.stat().st_size < 256:
            continue
        data = path.read_bytes()
        assert gzip.decompress((path.parent / (path.name + ".gz")).read_bytes()) == data, path
        assert brotli.decompress((path.parent / (path.name + ".br")).read_bytes()) == data, path
        checked += 1
    assert checked >= len(find_pages(published_site))


def test_search_index_is_published_without_pagefinds_unused_interfaces(published_site):
    bundle = published_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not list(bundle.glob("pagefind-ui*")) and not list(bundle.glob("pagefind-component-ui*"))


# --- Images and links, built from a small content folder of our own ---------------------------

ARTICLE = """Title: Berita dengan gambar
Date: 2024-05-02 10:00
Category: Diskominfo
Slug: berita-gambar
Summary: Ringkasan.
Cover: images/berita/sampul-uji.jpg
Cover_alt: Sebuah persegi biru.

Paragraf pertama.

![Persegi hijau di atas putih]({static}/images/berita/isi-uji.webp "Keterangan gambar")

<a href="https://contoh.example/luar" target="_blank">tautan luar</a>,
<a href="https://contoh.example/lain" target="_blank" rel="nofollow">tautan luar lain</a>,
<a href="/tentang/" target="_blank">tautan dalam</a>.
"""


@pytest.fixture(scope="module")
def image_site(tmp_path_factory):
    """The test content plus an article with a 1600x900 JPEG cover and a 1000x600 WebP figure."""
    import shutil

    from conftest import TEST_DATA

    from warta.commands.build import build

    root = tmp_path_factory.mktemp("gambar")
    content = root / "content"
    shutil.copytree(TEST_DATA / "content", content)
    (content / "images" / "berita").mkdir(parents=True)
    Image.new("RGB", (1600, 900), (40, 110, 180)).save(content / "images/berita/sampul-uji.jpg")
    Image.new("RGB", (1000, 600), (60, 140, 80)).save(content / "images/berita/isi-uji.webp")
    (content / "berita" / "2024-05-02-gambar.md").write_text(ARTICLE, encoding="utf-8")
    output = root / "output"
    build(output, content=content)
    return output


@pytest.fixture(scope="module")
def image_article(image_site):
    return soup_of(image_site / "berita/2024/berita-gambar/index.html")


def srcset_widths(img):
    return [int(part.strip().split(" ")[1][:-1]) for part in img["srcset"].split(",")]


@pytest.mark.build
def test_cover_image_has_webp_srcset_size_and_loads_first(image_article, image_site):
    cover = image_article.select_one(".w-figure--cover img")
    assert (cover["width"], cover["height"]) == ("1600", "900")
    assert srcset_widths(cover) == [480, 800, 1200, 1600]
    for part in cover["srcset"].split(","):
        url, width = part.split()
        assert url.endswith(".webp")
        with Image.open(image_site / url.lstrip("/")) as copy:
            assert copy.format == "WEBP" and copy.width == int(width[:-1])
    assert cover["sizes"]
    assert cover.get("fetchpriority") == "high" and "loading" not in cover.attrs


@pytest.mark.build
def test_images_in_the_text_are_lazy_with_their_size(image_article):
    figure = image_article.select_one(".w-prose figure img")
    assert (figure["width"], figure["height"]) == ("1000", "600")
    assert figure["loading"] == "lazy" and figure["decoding"] == "async"
    assert srcset_widths(figure) == [480, 800, 1000]


@pytest.mark.build
def test_external_links_opening_a_new_tab_get_noopener_noreferrer(image_article):
    links = {a.get_text(): a for a in image_article.select(".w-prose a")}
    assert set(links["tautan luar"]["rel"]) == {"noopener", "noreferrer"}
    assert set(links["tautan luar lain"]["rel"]) == {"nofollow", "noopener", "noreferrer"}
    assert "rel" not in links["tautan dalam"].attrs  # our own page: nothing to protect against


@pytest.mark.build
def test_share_cards_carry_the_cover_and_its_alt_text(image_article):
    meta = {m.get("property") or m.get("name"): m["content"] for m in image_article.find_all("meta", content=True)}
    assert meta["og:image"].endswith("/images/berita/sampul-uji.jpg")
    assert meta["og:image:alt"] == "Sebuah persegi biru."
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image:alt"] == "Sebuah persegi biru."


def test_missing_cover_image_fails_the_build_naming_the_file(content_dir, build_site):
    article = content_dir / "berita" / "sampul-hilang.md"
    article.write_text(ARTICLE.replace("sampul-uji.jpg", "tidak-ada.webp")
                       .replace("![Persegi", "Tanpa gambar ![Persegi"), encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_site(content_dir)
    assert "berita/sampul-hilang.md:6: gambar-berkas: Gambar sampul 'images/berita/tidak-ada.webp' tidak ditemukan" in str(error.value)
    assert "Traceback" not in str(error.value)


# --- Atomic deploy -------------------------------------------------------------------------

def make_site(folder, text):
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text)
    (folder / "404.html").write_text("404")
    (folder / "sama.txt").write_text("tidak berubah")
    return folder


def test_deploy_uploads_a_new_release_and_switches_current(tmp_path):
    target = tmp_path / "srv"
    first = deploy(make_site(tmp_path / "a", "versi 1"), str(target), release="r1")
    assert (target / "current").resolve() == (target / "releases" / first).resolve()
    second = deploy(make_site(tmp_path / "b", "versi 2"), str(target), release="r2")
    assert (target / "current").is_symlink()
    assert (target / "current" / "index.html").read_text() == "versi 2"
    assert (target / "releases" / "r1" / "index.html").read_text() == "versi 1"  # kept to roll back
    # Unchanged files are hard links to the previous release, not new copies.
    assert (target / "releases" / "r2" / "sama.txt").stat().st_ino == (
        target / "releases" / "r1" / "sama.txt").stat().st_ino
    assert second == "r2"


def test_failed_upload_leaves_the_live_site_unchanged(tmp_path):
    target = tmp_path / "srv"
    deploy(make_site(tmp_path / "a", "versi 1"), str(target), release="r1")
    # A file where the release folder should go: rsync really fails (as a full disk or a
    # dropped connection would) before anything is switched.
    (target / "releases" / "r2").write_text("menghalangi")
    with pytest.raises(DeployError, match="Situs yang tayang tidak diubah"):
        deploy(make_site(tmp_path / "b", "versi 2"), str(target), release="r2")
    assert (target / "current" / "index.html").read_text() == "versi 1"


def test_incomplete_output_is_refused_before_uploading(tmp_path):
    target = tmp_path / "srv"
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(DeployError, match="make publish"):
        deploy(empty, str(target))
    assert not target.exists()


@pytest.mark.build
def test_only_the_newest_releases_are_kept(tmp_path):
    target = tmp_path / "srv"
    site = make_site(tmp_path / "a", "situs")
    for number in range(1, 8):
        deploy(site, str(target), keep=3, release=f"r{number}")
    assert sorted(p.name for p in (target / "releases").iterdir()) == ["r5", "r6", "r7"]
    assert (target / "current").resolve().name == "r7"


@pytest.mark.build
def test_make_rsync_upload_deploys_with_the_command_line(tmp_path):
    site = make_site(tmp_path / "a", "situs")
    run = subprocess.run(
        [sys.executable, "-m", "warta", "deploy", "--output", str(site), "--target", str(tmp_path / "srv")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "srv" / "current" / "index.html").read_text() == "situs"
