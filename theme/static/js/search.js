/* Site search on /cari/: our own interface over Pagefind's JS API, so results are a plain list
 * of links announced in a polite live region (WCAG 4.1.3) rather than a third-party widget.
 * The page works without this script (it explains itself and links the archive); the script
 * turns the GET form into live search. Everything a user typed or a page contains is inserted
 * as text, never as HTML, so a query like <script> is shown, not run.
 *
 * import() is the one piece of syntax newer than ES2017 in the theme: Pagefind ships as an ES
 * module and is loaded only on the first query. That is why this file, alone, is loaded with
 * type="module": a browser too old for import() skips module scripts without an error and keeps
 * the page that works without JavaScript. */
(() => {
  "use strict";

  const form = document.querySelector("[data-w-search]");
  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 300;

  if (form) {
    const input = form.querySelector("[data-w-search-input]");
    const status = document.querySelector("[data-w-search-status]");
    const list = document.querySelector("[data-w-search-results]");
    const more = document.querySelector("[data-w-search-more]");
    const numbers = new Intl.NumberFormat("id-ID");
    let engine = null;
    let results = [];
    let shown = 0;
    let latest = 0;
    let timer = 0;

    // Pagefind is loaded on first use: pages without a query cost no extra bytes.
    const pagefind = async () => {
      if (!engine) {
        engine = import(form.dataset.wSearchPagefind).then(async (module) => {
          await module.options({ baseUrl: form.dataset.wSearchBaseUrl, excerptLength: 24 });
          module.init();
          return module;
        });
      }
      return engine;
    };

    // The excerpt is HTML from Pagefind with <mark> around the matches. Parse it inertly
    // (DOMParser runs no scripts and loads nothing) and copy only text and <mark>.
    const excerpt = (html) => {
      const paragraph = document.createElement("p");
      paragraph.className = "w-search__excerpt";
      const parsed = new DOMParser().parseFromString(html, "text/html");
      for (const node of parsed.body.childNodes) {
        if (node.nodeName === "MARK") {
          const mark = document.createElement("mark");
          mark.textContent = node.textContent;
          paragraph.append(mark);
        } else {
          paragraph.append(node.textContent);
        }
      }
      return paragraph;
    };

    const item = (data) => {
      const li = document.createElement("li");
      li.className = "w-search__result";
      const heading = document.createElement("h2");
      heading.className = "w-search__title";
      const link = document.createElement("a");
      link.className = "w-search__link";
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      heading.append(link);
      li.append(heading);
      // What the result is (Berita, Dokumen PPID, Layanan, …) before its date, so a citizen
      // looking for a service or a document can tell them from news at a glance.
      const meta = data.meta || {};
      const about = [meta.jenis, meta.tanggal].filter(Boolean);
      if (about.length) {
        const line = document.createElement("p");
        line.className = "w-search__date";
        if (meta.jenis) {
          const kind = document.createElement("span");
          kind.className = "w-search__kind";
          kind.textContent = meta.jenis;
          line.append(kind);
        }
        if (meta.tanggal) {
          line.append(document.createTextNode((meta.jenis ? " · " : "") + meta.tanggal));
        }
        li.append(line);
      }
      li.append(excerpt(data.excerpt || ""));
      return li;
    };

    const showMore = async (moveFocus) => {
      const batch = results.slice(shown, shown + PAGE_SIZE);
      const token = latest;
      const data = await Promise.all(batch.map((result) => result.data()));
      if (token !== latest) {
        return;
      }
      const items = data.map(item);
      list.append(...items);
      shown += batch.length;
      list.hidden = shown === 0;
      more.hidden = shown >= results.length;
      // After "show more", focus goes to the first new result, not back to the top (WCAG 2.4.3).
      if (moveFocus && items.length) {
        items[0].querySelector("a").focus();
      }
    };

    const clear = () => {
      results = [];
      shown = 0;
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
    };

    const search = async (query) => {
      const token = ++latest;
      const trimmed = query.trim();
      const url = new URL(window.location.href);
      if (trimmed) {
        url.searchParams.set("q", trimmed);
      } else {
        url.searchParams.delete("q");
      }
      window.history.replaceState(null, "", url);
      if (!trimmed) {
        clear();
        status.textContent = "";
        return;
      }
      let found;
      try {
        const module = await pagefind();
        found = await module.search(trimmed);
      } catch (error) {
        if (token !== latest) {
          return;
        }
        clear();
        status.textContent =
          "Pencarian tidak dapat dimuat. Coba muat ulang halaman, atau gunakan arsip berita di bawah.";
        return;
      }
      if (token !== latest || !found) {
        return;
      }
      clear();
      results = found.results;
      const count = numbers.format(results.length);
      // A long query is shortened in the status so the message keeps to the space reserved
      // for it and nothing below moves (no layout shift); the field still shows it whole.
      const quoted = trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
      status.textContent =
        results.length === 0
          ? `Tidak ada hasil untuk “${quoted}”. Coba kata lain, atau telusuri arsip berita di bawah.`
          : `${count} hasil untuk “${quoted}”.`;
      await showMore(false);
    };

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => search(input.value), DEBOUNCE_MS);
    });

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      search(input.value);
    });

    more.addEventListener("click", () => showMore(true));

    const initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      search(initial);
    }
  }
})();
