"""City TV: captioned, transcribed videos with a click-to-load YouTube facade, and every
editor's mistake refused."""

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from browser_checks import wait_for
from helpers import header_of, refused, soup_of, write_content
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from test_magazine import EDITION, magazine_files

from warta import EXAMPLE, ROOT
from warta.commands.audit import start_browser
from warta.commands.build import load_settings
from warta.content.captions import CaptionProblem, check_captions
from warta.content.sections.video import duration_iso, duration_words, parse_duration, youtube_id

CONTENT = EXAMPLE / "content"
VIDEO_FILES = CONTENT / "video" / "berkas"
SELF_HOSTED = "serah-terima-rumah-2025"  # MP4 and WebM, with a sign-language interpreter
ON_YOUTUBE = "pelatihan-bahasa-isyarat-petugas"
YOUTUBE_ID = "KCtv2025bis"
ATOM = "{http://www.w3.org/2005/Atom}"
MAX_SAMPLE_BYTES = 300 * 1024


def words(element):
    return " ".join(element.get_text(" ").split())


def sample_videos():
    return sorted((CONTENT / "video").glob("*.md"))


# --- The sample portal: videos -------------------------------------------------------------------

def test_every_sample_video_has_its_page_newest_first_in_the_index(site):
    index = soup_of(site, "video/index.html")
    links = [a["href"] for a in index.select("main .w-media-list a.w-card__link")]
    assert len(sample_videos()) >= 4
    expected = sorted(sample_videos(), key=lambda p: header_of(p)["date"][0], reverse=True)
    assert links == [f"/video/{header_of(p)['slug'][0]}/" for p in expected]
    for link in links:
        assert (Path(site) / link.strip("/") / "index.html").is_file(), link


def test_self_hosted_video_plays_natively_with_indonesian_captions_on_by_default(site):
    soup = soup_of(site, f"video/{SELF_HOSTED}/index.html")
    video = soup.select_one("main video[data-w-video-main]")
    assert video.has_attr("controls")  # the browser's own keyboard-usable controls
    assert video["poster"].startswith("/video/berkas/")
    types = [source["type"] for source in video.find_all("source")]
    assert types == ["video/webm", "video/mp4"]
    for source in video.find_all("source"):
        assert (Path(site) / source["src"].lstrip("/")).is_file(), source["src"]
    track = video.find("track")
    assert (track["kind"], track["srclang"], track["label"]) == ("captions", "id", "Indonesia")
    assert track.has_attr("default")
    assert (Path(site) / track["src"].lstrip("/")).read_text(encoding="utf-8").startswith("WEBVTT")


def test_transcript_is_published_as_html_on_the_video_page(site):
    for path in sample_videos():
        slug = header_of(path)["slug"][0]
        soup = soup_of(site, f"video/{slug}/index.html")
        section = soup.find("section", attrs={"aria-labelledby": "transkrip"})
        assert section.find("h2").get_text() == "Transkrip", slug
        spoken = [p for p in section.select(".w-prose p") if p.strong]
        assert len(spoken) >= 3, slug
        # Every caption line is in the transcript: nothing said is left out of it.
        transcript = words(section).replace("\xa0", " ")
        captions = (CONTENT / header_of(path)["captions"][0]).read_text(encoding="utf-8")
        said = " ".join(line for line in captions.split("\n\n", 2)[2].splitlines()
                        if line and "-->" not in line and not line.isdigit())
        for sentence in re.split(r"(?<=[.?!])\s+", said):
            assert " ".join(sentence.split()) in transcript, (slug, sentence)


def test_sign_language_interpreter_stands_beside_the_main_video(site):
    soup = soup_of(site, f"video/{SELF_HOSTED}/index.html")
    player = soup.select_one("main .w-player")
    assert "w-player--with-sign" in player["class"]
    sign = player.select_one("figure.w-player__sign video[data-w-video-sign]")
    assert sign.has_attr("controls") and sign.has_attr("muted")
    assert sign.find("track", kind="captions")["srclang"] == "id"
    assert "Juru bahasa isyarat" in sign.find_parent("figure").figcaption.get_text()


def test_youtube_video_without_javascript_is_a_link_and_names_nothing_to_load(site):
    soup = soup_of(site, f"video/{ON_YOUTUBE}/index.html")
    facade = soup.select_one("main [data-w-facade]")
    assert soup.find("iframe") is None
    assert facade.img["src"].startswith("/video/berkas/")  # our own poster
    assert facade.img["alt"].strip()
    link = facade.select_one("a[data-w-facade-link]")
    assert link["href"] == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert words(link) == "Tonton di YouTube : Petugas Layanan Publik Belajar Bahasa Isyarat Indonesia"
    assert facade["data-embed"].startswith(f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?")
    button = facade.select_one("button[data-w-facade-button]")
    assert button.has_attr("hidden") and button["type"] == "button"
    script = soup.find("script", src=re.compile(r"/theme/js/video\.js$"))
    assert script.has_attr("defer")


def test_video_page_lists_its_files_with_format_and_size(site):
    soup = soup_of(site, f"video/{SELF_HOSTED}/index.html")
    links = [words(a) for a in soup.select("main .w-downloads__link")]
    assert len(links) == 4
    assert re.fullmatch(r"Unduh video \(WebM, [\d,]+ KB\)", links[0]), links
    assert re.fullmatch(r"Unduh video \(MP4, [\d,]+ KB\)", links[1]), links
    assert re.fullmatch(r"Unduh video juru bahasa isyarat \(MP4, [\d,]+ KB\)", links[2]), links
    assert re.fullmatch(r"Unduh takarir \(WebVTT, \d+ bita\)", links[3]), links


def test_video_feed_lists_every_video_newest_first(site):
    feed = ET.parse(Path(site) / load_settings()["VIDEO_FEED_ATOM"]).getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(sample_videos())
    dates = [entry.find(f"{ATOM}published").text for entry in entries]
    assert dates == sorted(dates, reverse=True)
    page = soup_of(site, "video/index.html")
    feeds = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert "/feed/video.atom.xml" in feeds


def test_video_pages_are_in_site_search_and_the_index_is_not(site):
    for path in sample_videos():
        html = (Path(site) / "video" / header_of(path)["slug"][0] / "index.html").read_text()
        assert "data-pagefind-body" in html
    assert "data-pagefind-body" not in (Path(site) / "video" / "index.html").read_text()


def test_sample_videos_are_small_and_their_captions_valid_indonesian_webvtt():
    for path in sample_videos():
        fields = header_of(path)
        for relative in fields.get("video", []) + fields.get("sign_language", []):
            assert (CONTENT / relative).stat().st_size < MAX_SAMPLE_BYTES, relative
        seconds = parse_duration(fields["duration"][0])
        found = check_captions(CONTENT / fields["captions"][0], seconds * 1000)
        assert found.cues >= 4 and found.end_ms <= seconds * 1000 + 1000, path.name


# --- The sample portal: magazines --------------------------------------------------------------

# --- In Chromium -------------------------------------------------------------------------------

CAPTIONS_STATE = """
const done = arguments[arguments.length - 1];
const video = document.querySelector("video[data-w-video-main]");
const track = video.querySelector("track");
const report = () => {
  const text = video.textTracks[0];
  done({kind: text.kind, language: text.language, label: text.label, mode: text.mode,
        readyState: track.readyState, cues: text.cues ? text.cues.length : 0,
        first: text.cues && text.cues.length ? text.cues[0].text : null});
};
if (track.readyState === 2) report();
else { track.addEventListener("load", report); track.addEventListener("error", report); }
"""


def test_captions_track_loads_as_indonesian_captions_in_chromium(browser, site_url):
    browser.get(f"{site_url}/video/{SELF_HOSTED}/")
    state = browser.execute_async_script(CAPTIONS_STATE)
    assert state["readyState"] == 2, state  # HTMLTrackElement.LOADED, not ERROR
    assert (state["kind"], state["language"], state["label"]) == ("captions", "id", "Indonesia")
    assert state["mode"] == "showing"  # on by default
    expected = check_captions(VIDEO_FILES / f"{SELF_HOSTED}.id.vtt")
    assert state["cues"] == expected.cues
    assert state["first"].startswith("Pemerintah Kota Contoh menyerahkan 150")


def test_sign_language_video_plays_and_pauses_with_the_main_video(browser, site_url):
    browser.get(f"{site_url}/video/{SELF_HOSTED}/")
    wait_for(browser, lambda d: d.execute_script(
        "return document.querySelector('[data-w-video-sign]').readyState >= 1"))
    # Muted, so Chromium's autoplay policy lets a script start it.
    browser.execute_script("const v = document.querySelector('[data-w-video-main]');"
                           "v.muted = true; v.play();")
    wait_for(browser, lambda d: d.execute_script(
        "return !document.querySelector('[data-w-video-sign]').paused"),
        message="the interpreter did not start with the main video")
    browser.execute_script("document.querySelector('[data-w-video-main]').pause();")
    wait_for(browser, lambda d: d.execute_script(
        "return document.querySelector('[data-w-video-sign]').paused"),
        message="the interpreter did not pause with the main video")


@pytest.fixture(scope="module")
def logging_browser():
    """A Chromium of its own that records every network request in its performance log."""
    driver = start_browser(performance_log=True)
    yield driver
    driver.quit()


def requested(driver):
    """Every URL the browser requested since the log was last read (Network.requestWillBeSent)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_youtube_facade_requests_nothing_from_another_origin_before_it_is_pressed(
        logging_browser, site_url):
    driver = logging_browser
    driver.execute_cdp_cmd("Network.enable", {})
    # The machine has no internet; block YouTube outright so the test never waits on it.
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*youtube*"]})
    requested(driver)  # start from an empty log
    driver.get(f"{site_url}/video/{ON_YOUTUBE}/")
    button = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-w-facade-button]"))
    assert button.is_displayed()
    assert " ".join(button.get_attribute("textContent").split()) == (
        "Putar video dari YouTube: Petugas Layanan Publik Belajar Bahasa Isyarat Indonesia")
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-w-facade-link]")
    before = requested(driver)
    assert any(url.startswith(site_url + "/theme/js/video.js") for url in before), before
    assert [url for url in before if not url.startswith(site_url + "/")] == []
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map((e) => e.name);")
    assert resources and all(url.startswith(site_url + "/") for url in resources), resources

    button.send_keys(Keys.ENTER)  # a real button: the keyboard activates it
    frame = wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".w-facade iframe"))
    assert frame.get_attribute("src").startswith(
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1")
    assert " ".join(frame.get_attribute("title").split()) == (
        "Video YouTube: Petugas Layanan Publik Belajar Bahasa Isyarat Indonesia")
    assert driver.execute_script("return document.activeElement.tagName") == "IFRAME"
    # The log does see a third-party request once there is one: the check above is not vacuous.
    after = wait_for(driver, lambda d: [u for u in requested(d) if "youtube-nocookie.com" in u])
    assert after[0].startswith("https://www.youtube-nocookie.com/embed/")
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


MENU_AT_320 = """
// Folded behind "Menu" on a phone: open it, as a reader would, before measuring the links.
document.querySelector(".w-nav__disclosure").open = true;
const links = [...document.querySelectorAll(".w-nav__link")];
return {
  overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  nav: document.querySelector(".w-nav").getBoundingClientRect().height,
  links: links.map((a) => { const r = a.getBoundingClientRect();
    return {text: a.textContent, width: r.width, height: r.height, right: r.right}; }),
};
"""


def test_menu_with_video_and_magazines_stays_usable_at_320_px(browser, site_url):
    size = browser.get_window_size()
    browser.set_window_size(320, 800)
    try:
        browser.get(f"{site_url}/video/")
        width = browser.execute_script("return document.documentElement.clientWidth")
        state = browser.execute_script(MENU_AT_320)
    finally:
        browser.set_window_size(size["width"], size["height"])
    assert width <= 320
    assert not state["overflow"]  # nothing scrolls sideways (WCAG 1.4.10)
    texts = [link["text"] for link in state["links"]]
    assert "Video" in texts and "Majalah" in texts
    for link in state["links"]:
        assert link["height"] >= 44 and link["width"] >= 24, link  # WCAG 2.5.8, with room
        assert link["right"] <= width, link
    print(f"\nMenu utama pada 320 px: {len(texts)} tautan, tinggi {state['nav']:.0f} px")


# --- Pure helpers --------------------------------------------------------------------------------

def test_durations_are_read_and_written_the_indonesian_and_iso_ways():
    assert parse_duration("0:27") == 27 and parse_duration("1:02:03") == 3723
    assert parse_duration("27 detik") is None and parse_duration("1:75") is None
    assert duration_words(155) == "2 menit 35 detik" and duration_words(3600) == "1 jam"
    assert duration_iso(3723) == "PT1H2M3S"


def test_youtube_ids_are_taken_from_ids_and_addresses():
    for written in (YOUTUBE_ID, f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=10",
                    f"https://youtu.be/{YOUTUBE_ID}", f"youtube.com/shorts/{YOUTUBE_ID}"):
        assert youtube_id(written) == YOUTUBE_ID, written
    assert youtube_id("https://vimeo.com/123") is None and youtube_id("pendek") is None


@pytest.mark.parametrize("text, line, message", [
    ("1\n00:00:01,000 --> 00:00:02,000\nHalo\n", 1, "baris pertama berkas takarir bukan `WEBVTT`"),
    ("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHalo\n", 3, "waktu atau susunan teks takarir tidak sah"),
    ("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHalo\n", 3, "bukan bagian dari teks takarir"),
    ("WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nHalo\n", 3, "berakhir (00:00:02.000) sebelum"),
    ("WEBVTT\n\n00:00:03.000 --> 00:00:04.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n", 6,
     "lebih awal daripada teks sebelumnya"),
    ("WEBVTT\nLanguage: en\n\n00:00:01.000 --> 00:00:02.000\nHello\n", 2, "bukan bahasa Indonesia"),
    ("WEBVTT\n\n00:00:01.000 --> 00:01:30.000\nHalo\n", 3, "sesudah video selesai"),
    ("WEBVTT\n", None, "tidak berisi satu pun teks"),
], ids=["srt", "koma", "panah", "mundur", "urutan", "bahasa", "terlalu-panjang", "kosong"])
def test_invalid_captions_are_refused_with_the_line(tmp_path, text, line, message):
    path = tmp_path / "takarir.vtt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaptionProblem) as problem:
        check_captions(path, duration_ms=30_000)
    assert problem.value.line == line
    assert message in problem.value.message


def test_captions_that_are_not_utf8_are_refused(tmp_path):
    path = tmp_path / "takarir.vtt"
    path.write_bytes("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nKafé\n".encode("latin-1"))
    with pytest.raises(CaptionProblem, match="bukan teks UTF-8"):
        check_captions(path)


# --- Bad input: each fails the build naming the file and the fix -------------------------------

VIDEO = {
    "Title": "Video uji",
    "Date": "2025-08-13 16:00",
    "Category": "Dinkes",
    "Slug": "video-uji",
    "Summary": "Ringkasan video uji.",
    "Duration": "0:27",
    "Cover": "video/berkas/poster.webp",
    "Cover_alt": "Kartu judul video uji.",
    "Video": "video/berkas/uji.mp4",
    "Captions": "video/berkas/uji.id.vtt",
}
TRANSCRIPT = "**Narator:** Pemerintah Kota Contoh menyerahkan 150 rumah.\n"


@pytest.fixture
def media_dir(content_dir):
    """The small test content plus the files one video and one edition need."""
    files = content_dir / "video" / "berkas"
    files.mkdir(parents=True)
    shutil.copy(VIDEO_FILES / f"{SELF_HOSTED}.mp4", files / "uji.mp4")
    shutil.copy(VIDEO_FILES / f"{SELF_HOSTED}.id.vtt", files / "uji.id.vtt")
    shutil.copy(VIDEO_FILES / f"{SELF_HOSTED}-poster.webp", files / "poster.webp")
    magazine_files(content_dir)
    return content_dir


def test_valid_video_and_edition_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT)
    write_content(media_dir, "majalah", "uji.md", EDITION, "")
    output = build_site(media_dir)
    assert (output / "video" / "video-uji" / "index.html").is_file()
    assert (output / "majalah" / "warta-kota-contoh" / "edisi-99" / "index.html").is_file()


def test_video_without_a_captions_file_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, Captions=None)
    error = refused(build_site, media_dir)
    assert "content/video/uji.md:1: video-takarir: Video tidak punya takarir (Captions)" in error, error
    assert "`Captions: video/berkas/nama-video.id.vtt`" in error


def test_video_whose_captions_file_is_missing_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, Captions="video/berkas/hilang.vtt")
    error = refused(build_site, media_dir)
    assert "content/video/uji.md:10: video-takarir: Berkas takarir 'video/berkas/hilang.vtt' tidak ditemukan" in error


def test_captions_file_that_is_not_valid_webvtt_fails_the_build_naming_it(media_dir, build_site):
    (media_dir / "video" / "berkas" / "uji.id.vtt").write_text(
        "1\n00:00:02,000 --> 00:00:09,000\nPemerintah Kota Contoh menyerahkan 150 rumah.\n",
        encoding="utf-8")
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT)
    error = refused(build_site, media_dir)
    # The captions file and its line, where the fix goes, then the video it belongs to.
    assert "content/video/berkas/uji.id.vtt:1: video-takarir: Takarir untuk " in error, error
    assert ("content/video/uji.md bukan WebVTT yang sah: baris pertama berkas takarir bukan "
            "`WEBVTT`") in error, error
    assert "ganti koma pada waktu dengan titik" in error


def test_video_without_a_transcript_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, "")
    error = refused(build_site, media_dir)
    assert "content/video/uji.md:12: video-transkrip: Transkrip video tidak ada" in error, error
    assert "tulis transkrip lengkap di bawah metadata" in error


def test_poster_without_alt_text_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, Cover_alt=None)
    error = refused(build_site, media_dir)
    assert ("content/video/uji.md:7: gambar-alt: Gambar sampul tidak punya teks alternatif "
            "(Cover_alt)") in error, error
    assert "tambahkan baris `Cover_alt: `" in error


def test_video_without_a_poster_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, Cover=None, Cover_alt=None)
    error = refused(build_site, media_dir)
    assert "content/video/uji.md:1: video-poster: Gambar poster video (Cover) tidak ada" in error, error


def test_video_with_both_a_file_and_a_youtube_id_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, YouTube=YOUTUBE_ID)
    error = refused(build_site, media_dir)
    assert "content/video/uji.md:11: video-sumber: Video ini punya berkas video (Video) dan YouTube sekaligus" in error


def test_unknown_youtube_id_fails_the_build(media_dir, build_site):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, Video=None,
                YouTube="https://vimeo.com/123")
    error = refused(build_site, media_dir)
    assert "content/video/uji.md:10: video-sumber: ID YouTube 'https://vimeo.com/123' tidak dikenali" in error


@pytest.mark.build
def test_command_line_refuses_a_bad_video_in_plain_words_with_exit_1(media_dir, tmp_path):
    write_content(media_dir, "video", "uji.md", VIDEO, TRANSCRIPT, Captions=None)
    run = subprocess.run(
        [sys.executable, "-m", "warta", "build", "--content", str(media_dir),
         "--output", str(tmp_path / "keluaran")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "Video tidak punya takarir (Captions)" in run.stderr


@pytest.mark.server
def test_csp_allows_exactly_one_frame_origin_the_youtube_player_and_nginx_agrees():
    settings = load_settings("publishconf.py")
    policy = {part.split()[0]: part.split()[1:] for part in settings["CSP_POLICY"].split("; ")}
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert settings["VIDEO_YOUTUBE_EMBED_URL"].startswith(policy["frame-src"][0] + "/")
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{settings["CSP_POLICY"]}" always;' in nginx
