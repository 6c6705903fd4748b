/* The preferences form on /tampilan/: shows the saved choices, applies and saves each change at
 * once, and announces it in the status region (WCAG 4.1.3 Status Messages). Relies on
 * window.wartaPreferences from preferences-early.js, which every page runs in <head> before this
 * script. Without JavaScript the form stays hidden: it could change nothing. */
(() => {
  "use strict";

  const prefsApi = window.wartaPreferences;
  const form = document.querySelector("[data-w-tampilan-form]");
  const status = document.querySelector("[data-w-tampilan-status]");
  if (!prefsApi || !form || !status) {
    return;
  }

  const legendOf = (name) => {
    const input = form.querySelector(`input[name="${name}"]`);
    const fieldset = input && input.closest("fieldset");
    const legend = fieldset && fieldset.querySelector("legend");
    return legend ? legend.textContent.trim() : name;
  };

  const labelOf = (input) => {
    const label = form.querySelector(`label[for="${input.id}"]`);
    return label ? label.textContent.trim() : input.value;
  };

  const show = (prefs) => {
    for (const name of Object.keys(prefsApi.OPTIONS)) {
      const input = form.querySelector(`input[name="${name}"][value="${prefs[name]}"]`);
      if (input) {
        input.checked = true;
      }
    }
  };

  let announceTimer = null;
  const announce = (message) => {
    // Clear first, then write on the next tick: screen readers announce a change of text, and
    // the same message twice in a row would otherwise stay silent.
    status.textContent = "";
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => {
      status.textContent = message;
    }, 50);
  };

  const savedNote = (saved) => (saved
    ? "Disimpan di browser ini."
    : "Browser ini tidak mengizinkan penyimpanan, jadi pilihan hanya berlaku di halaman ini.");

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (!input || input.type !== "radio" || !(input.name in prefsApi.OPTIONS)) {
      return;
    }
    const prefs = prefsApi.read();
    prefs[input.name] = input.value;
    const applied = prefsApi.apply(prefs);
    const saved = prefsApi.save(applied);
    announce(`${legendOf(input.name)}: ${labelOf(input)}. ${savedNote(saved)}`);
  });

  form.addEventListener("submit", (event) => {
    // Enter in a radio group would submit the form and reload the page; every change is
    // already applied.
    event.preventDefault();
  });

  const reset = form.querySelector("[data-w-tampilan-reset]");
  if (reset) {
    reset.addEventListener("click", () => {
      const prefs = prefsApi.apply(prefsApi.defaults());
      const saved = prefsApi.save(prefs);
      show(prefs);
      announce(`Semua pilihan tampilan kembali ke bawaan. ${savedNote(saved)}`);
    });
  }

  // Another tab changed the preferences: follow it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === prefsApi.KEY) {
      show(prefsApi.apply(prefsApi.read()));
    }
  });

  show(prefsApi.read());
  form.hidden = false;
})();
