"""Long headings and addresses on a narrow phone: they wrap between words, and an e-mail
address wraps after its @ or before a dot, never inside a word (WCAG 1.4.10 Reflow asks that
nothing needs sideways scrolling at 320 px; a word cut in two is still hard to read)."""

from pathlib import Path

import pytest

from warta.commands.gate.variants import reset_browser, set_viewport

# Each place a line breaks inside a run of letters: [the text before it, the letter after].
# A break is allowed after "@" and "-" and before ".", where addresses and words may wrap.
BREAKS_INSIDE_WORDS = """
const broken = [];
for (const element of document.querySelectorAll(arguments[0])) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let top = null, previous = "", word = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const letter = node.data[i];
      if (/\\s/.test(letter)) { top = null; word = ""; continue; }
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (top !== null && rect.top > top + 2 && !["@", "-"].includes(previous) && letter !== ".") {
        broken.push([word, letter]);
      }
      top = rect.top; previous = letter; word += letter;
    }
  }
}
return broken;
"""


def long_titled_pages(site, count=6):
    """The pages whose h1 holds the longest words: where a break inside a word would show."""
    from bs4 import BeautifulSoup

    scored = []
    for page in sorted(Path(site).glob("**/index.html")):
        h1 = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("h1")
        if h1 is not None:
            words = h1.get_text(" ").split()
            scored.append((max(map(len, words), default=0), len(words),
                           page.relative_to(site).parent.as_posix()))
    return [path for *_, path in sorted(scored, reverse=True)[:count]]


@pytest.fixture
def narrow(browser):
    yield browser
    reset_browser(browser)


@pytest.mark.parametrize("width", [320, 360])
def test_headings_break_between_words_on_a_phone(narrow, site_url, site, width):
    for path in long_titled_pages(site):
        narrow.get(f"{site_url}/{path}/")
        set_viewport(narrow, width)
        assert narrow.execute_script(BREAKS_INSIDE_WORDS, "main h1, main h2") == [], path


def test_email_addresses_wrap_after_the_at_or_before_a_dot(narrow, site_url):
    narrow.get(f"{site_url}/opd/diskominfo/")
    set_viewport(narrow, 320)
    # Larger text makes the address too wide for one line, and each part of it still fits.
    narrow.execute_script("document.documentElement.style.fontSize = '160%'")
    assert narrow.execute_script(BREAKS_INSIDE_WORDS, "a[href^='mailto:']") == []
    lines = narrow.execute_script(
        "const a = document.querySelector('main a[href^=\"mailto:\"]');"
        "return a.getClientRects().length")
    assert lines > 1  # it did wrap, so the check above looked at a real break


def test_the_break_check_finds_a_word_cut_in_two(narrow, site_url):
    narrow.get(f"{site_url}/tentang/")
    set_viewport(narrow, 320)
    narrow.execute_script(
        "const h = document.querySelector('main h1');"
        "h.style.overflowWrap = 'anywhere'; h.textContent = 'Penyandang' + 'disabilitas'.repeat(4);")
    assert narrow.execute_script(BREAKS_INSIDE_WORDS, "main h1") != []
