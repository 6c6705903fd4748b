/* Warta display preferences ("Tampilan", issue 4): applied before the page paints.
 *
 * Loaded as a small blocking script in <head> (an external file: the strict CSP allows no inline
 * script), so a page never flashes the default theme before the reader's saved one. It only sets
 * data attributes on <html>; warta.css does the rest. Anything unreadable in localStorage
 * (corrupted JSON, unknown values, storage switched off) falls back to the defaults: a broken
 * preference must never break the page. */
(function () {
  "use strict";

  var KEY = "warta-tampilan";
  // The first value of each list is the default; a default sets no attribute, so the CSS media
  // queries (prefers-color-scheme, prefers-contrast, prefers-reduced-motion) decide.
  var OPTIONS = {
    text: ["100", "125", "150", "200"],
    theme: ["auto", "light", "dark", "contrast"],
    font: ["default", "readable"],
    spacing: ["default", "wide"],
    links: ["default", "underline"],
    motion: ["auto", "reduce"]
  };

  function defaults() {
    var prefs = {};
    for (var key in OPTIONS) {
      prefs[key] = OPTIONS[key][0];
    }
    return prefs;
  }

  // Keep every known key whose value is one we offer; anything else becomes its default.
  function clean(value) {
    var prefs = defaults();
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (var key in OPTIONS) {
        if (Object.prototype.hasOwnProperty.call(value, key) &&
            OPTIONS[key].indexOf(value[key]) !== -1) {
          prefs[key] = value[key];
        }
      }
    }
    return prefs;
  }

  function read() {
    try {
      var raw = window.localStorage.getItem(KEY);
      return clean(raw ? JSON.parse(raw) : null);
    } catch (error) {
      return defaults();
    }
  }

  function apply(prefs) {
    var root = document.documentElement;
    prefs = clean(prefs);
    for (var key in OPTIONS) {
      if (prefs[key] === OPTIONS[key][0]) {
        root.removeAttribute("data-w-" + key);
      } else {
        root.setAttribute("data-w-" + key, prefs[key]);
      }
    }
    return prefs;
  }

  // Returns false when the browser refuses to store (private mode, storage switched off).
  function save(prefs) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean(prefs)));
      return true;
    } catch (error) {
      return false;
    }
  }

  window.wartaTampilan = {
    KEY: KEY,
    OPTIONS: OPTIONS,
    defaults: defaults,
    clean: clean,
    read: read,
    apply: apply,
    save: save
  };
  apply(read());
  // A choice made in another tab applies here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      apply(read());
    }
  });
})();
