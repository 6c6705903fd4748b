/* Display preferences ("Tampilan"), applied before the page paints.
 *
 * The one script that blocks rendering: the others wait for the whole page, but this must run in
 * <head>, before the first paint, so a page never flashes the default theme before the reader's
 * saved one (a flash of bright page defeats a dark or high-contrast choice, WCAG 1.4.3 / 1.4.6).
 * It is an external file because the CSP allows no inline script. It only sets
 * data attributes on <html>; warta.css does the rest. Anything unreadable in localStorage
 * (corrupted JSON, unknown values, storage switched off) falls back to the defaults: a broken
 * preference must never break the page. */
(() => {
  "use strict";

  const KEY = "warta-tampilan";
  // The first value of each list is the default; a default sets no attribute, so the CSS media
  // queries (prefers-color-scheme, prefers-contrast, prefers-reduced-motion) decide.
  const OPTIONS = {
    text: ["100", "125", "150", "200"],
    theme: ["auto", "light", "dark", "contrast"],
    font: ["default", "readable"],
    spacing: ["default", "wide"],
    links: ["default", "underline"],
    motion: ["auto", "reduce"],
  };

  const defaults = () => {
    const prefs = {};
    for (const key of Object.keys(OPTIONS)) {
      prefs[key] = OPTIONS[key][0];
    }
    return prefs;
  };

  // Keep every known key whose value is one we offer; anything else becomes its default.
  const clean = (value) => {
    const prefs = defaults();
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const key of Object.keys(OPTIONS)) {
        if (Object.prototype.hasOwnProperty.call(value, key) && OPTIONS[key].includes(value[key])) {
          prefs[key] = value[key];
        }
      }
    }
    return prefs;
  };

  const read = () => {
    try {
      const raw = window.localStorage.getItem(KEY);
      return clean(raw ? JSON.parse(raw) : null);
    } catch (error) {
      return defaults();
    }
  };

  const apply = (chosen) => {
    const root = document.documentElement;
    const prefs = clean(chosen);
    for (const key of Object.keys(OPTIONS)) {
      if (prefs[key] === OPTIONS[key][0]) {
        root.removeAttribute(`data-w-${key}`);
      } else {
        root.setAttribute(`data-w-${key}`, prefs[key]);
      }
    }
    return prefs;
  };

  // Returns false when the browser refuses to store (private mode, storage switched off).
  const save = (prefs) => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(clean(prefs)));
      return true;
    } catch (error) {
      return false;
    }
  };

  window.wartaPreferences = { KEY, OPTIONS, defaults, clean, read, apply, save };
  apply(read());
  // A choice made in another tab applies here too.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) {
      apply(read());
    }
  });
})();
