"""Read aloud ("Dengarkan"): on articles and pages, hidden without an Indonesian voice
or speech support, and controls that tell assistive technology their state.

Debian's headless Chromium has no speech voices at all, so the hidden case runs against the real
browser. The playing case replaces the browser's speech synthesis with a small stand-in that
offers one id-ID voice and records what it is asked to say: the page under test is real, only
the device's voice is simulated."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from variants import CATCH_ERRORS, apply_variant, init_script, page_for, script_errors

from warta.commands.audit import page_url

FAKE_SPEECH = """
(() => {
  const state = window.__speech = {spoken: [], calls: [], current: null};
  class Utterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } }
  const synth = {
    getVoices: () => [{name: 'Suara Uji', lang: 'id-ID', voiceURI: 'uji', localService: true, default: true}],
    speak(u) { state.calls.push('speak'); state.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}); state.current = u; },
    pause() { state.calls.push('pause'); },
    resume() { state.calls.push('resume'); },
    cancel() { state.calls.push('cancel'); const u = state.current; state.current = null; if (u && u.onerror) u.onerror({error: 'interrupted'}); },
    addEventListener() {}, removeEventListener() {},
  };
  window.__finishUtterance = () => { const u = state.current; state.current = null; if (u && u.onend) u.onend({}); return !!u; };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {value: Utterance, configurable: true});
})();
"""


def controls(driver):
    root = driver.find_element(By.CSS_SELECTOR, "[data-w-listen]")
    play = root.find_element(By.CSS_SELECTOR, "[data-w-listen-play]")
    stop = root.find_element(By.CSS_SELECTOR, "[data-w-listen-stop]")
    status = root.find_element(By.CSS_SELECTOR, "[data-w-listen-status]")
    return root, play, stop, status


@pytest.mark.parametrize("template", ["article", "page", "aksesibilitas", "ppid/document", "ppid/page"])
def test_articles_and_pages_offer_read_aloud_of_their_main_content(template, site):
    soup = BeautifulSoup((Path(site) / page_for(site, template)).read_text(encoding="utf-8"), "html.parser")
    control = soup.select_one("[data-w-listen]")
    assert control is not None and control.has_attr("hidden")
    target = soup.find(id=control["data-w-listen"])
    assert target is not None and target.find_parent("main") is not None
    assert target.h1 is not None  # the article or page itself, not the whole page chrome
    assert control.find(attrs={"role": "status"}) is not None


def test_read_aloud_stays_hidden_when_the_browser_has_no_indonesian_voice(site, site_url, clean_browser):
    driver = clean_browser
    with init_script(driver, CATCH_ERRORS):
        driver.get(page_url(site_url, page_for(site, "article")))
        # Give the script its full wait for voices to arrive, then check nothing appeared.
        driver.execute_async_script("setTimeout(arguments[0], 3500)")
        voices = driver.execute_script("return speechSynthesis.getVoices().map(v => v.lang)")
        assert not [v for v in voices if v.lower().replace("_", "-").startswith("id")]
        assert not controls(driver)[0].is_displayed()
        assert script_errors(driver) == []


def test_read_aloud_stays_hidden_without_speech_support(site, site_url, clean_browser):
    driver = clean_browser
    no_speech = "Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true});"
    with init_script(driver, CATCH_ERRORS + no_speech):
        driver.get(page_url(site_url, page_for(site, "article")))
        assert not controls(driver)[0].is_displayed()
        assert script_errors(driver) == []


def test_read_aloud_buttons_say_their_state_and_read_only_the_main_content(site, site_url, clean_browser):
    driver = clean_browser
    with init_script(driver, CATCH_ERRORS + FAKE_SPEECH):
        driver.get(page_url(site_url, page_for(site, "article")))
        root, play, stop, status = controls(driver)
        WebDriverWait(driver, 5).until(lambda d: root.is_displayed())
        assert (play.text, stop.get_attribute("disabled")) == ("Dengarkan", "true")

        play.send_keys(Keys.ENTER)
        assert play.text == "Jeda" and stop.is_enabled()
        assert status.text == "Membacakan isi halaman."
        first = driver.execute_script("return __speech.spoken[0]")
        title = driver.find_element(By.CSS_SELECTOR, "main h1").text
        assert first == {"text": title, "lang": "id-ID", "voice": "id-ID"}

        play.send_keys(Keys.ENTER)
        assert play.text == "Lanjutkan" and status.text.startswith("Pembacaan dijeda")
        play.send_keys(Keys.ENTER)
        assert play.text == "Jeda" and status.text == "Membacakan lagi."
        assert driver.execute_script("return __speech.calls").count("pause") == 1

        stop.send_keys(Keys.ENTER)
        assert play.text == "Dengarkan" and not stop.is_enabled()
        assert status.text == "Pembacaan dihentikan."
        # The stop button is now disabled: focus moves to the play button, not to the page.
        assert driver.switch_to.active_element == play
        assert "cancel" in driver.execute_script("return __speech.calls")

        play.send_keys(Keys.ENTER)
        while driver.execute_script("return __finishUtterance()"):
            pass
        assert play.text == "Dengarkan" and status.text == "Selesai dibacakan."
        spoken = [item["text"] for item in driver.execute_script("return __speech.spoken")]
        read = spoken[spoken.index(title, 1):]
        main_text = driver.find_element(By.CSS_SELECTOR, "main article").text
        assert len(read) > 3 and all(piece.split(" ")[0] in main_text for piece in read)
        chrome = set(driver.execute_script(
            "return [...document.querySelectorAll('body > header *, body > footer *, [data-w-listen] *')]"
            ".map(el => el.innerText.trim())"))
        article_lines = set(main_text.splitlines()) - {"Dengarkan", "Berhenti"}
        leaked = [piece for piece in read if piece in chrome and piece not in article_lines]
        assert not leaked, (leaked, read)
        assert script_errors(driver) == []


@pytest.mark.parametrize("variant", ["terang", "gelap", "kontras"])
def test_visible_read_aloud_controls_pass_axe_in_every_theme(variant, site, auditor, clean_browser):
    # Without a voice the controls stay hidden and the page audits never see them.
    def show_controls_and_theme(driver):
        apply_variant(driver, variant)
        WebDriverWait(driver, 5).until(lambda d: controls(d)[0].is_displayed())
        controls(driver)[1].send_keys(Keys.ENTER)  # playing: Jeda and an enabled Berhenti

    with init_script(clean_browser, FAKE_SPEECH):
        result = auditor.audit(page_for(site, "article"), setup=show_controls_and_theme)
    assert result.passed, "\n" + result.format()
