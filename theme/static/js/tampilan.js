/* The preferences form on /tampilan/ (issue 4): shows the saved choices, applies and saves each
 * change at once, and announces it in the status region (WCAG 4.1.3). Relies on
 * window.wartaTampilan from tampilan-awal.js, which every page loads in <head>. */
(function () {
  "use strict";

  var prefsApi = window.wartaTampilan;
  var form = document.querySelector("[data-w-tampilan-form]");
  var status = document.querySelector("[data-w-tampilan-status]");
  if (!prefsApi || !form || !status) {
    return;
  }

  function legendOf(name) {
    var input = form.querySelector('input[name="' + name + '"]');
    var fieldset = input && input.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    return legend ? legend.textContent.trim() : name;
  }

  function labelOf(input) {
    var label = form.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.trim() : input.value;
  }

  function show(prefs) {
    for (var name in prefsApi.OPTIONS) {
      var input = form.querySelector('input[name="' + name + '"][value="' + prefs[name] + '"]');
      if (input) {
        input.checked = true;
      }
    }
  }

  var announceTimer = null;
  function announce(message) {
    // Clear first, then write on the next tick: screen readers announce a change of text, and
    // the same message twice in a row would otherwise stay silent.
    status.textContent = "";
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function savedNote(saved) {
    return saved
      ? "Disimpan di browser ini."
      : "Browser ini tidak mengizinkan penyimpanan, jadi pilihan hanya berlaku di halaman ini.";
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "radio" || !(input.name in prefsApi.OPTIONS)) {
      return;
    }
    var prefs = prefsApi.read();
    prefs[input.name] = input.value;
    prefs = prefsApi.apply(prefs);
    var saved = prefsApi.save(prefs);
    announce(legendOf(input.name) + ": " + labelOf(input) + ". " + savedNote(saved));
  });

  form.addEventListener("submit", function (event) {
    // Enter in a radio group would submit the form and reload the page; every change is
    // already applied.
    event.preventDefault();
  });

  var reset = form.querySelector("[data-w-tampilan-reset]");
  if (reset) {
    reset.addEventListener("click", function () {
      var prefs = prefsApi.apply(prefsApi.defaults());
      var saved = prefsApi.save(prefs);
      show(prefs);
      announce("Semua pilihan tampilan kembali ke bawaan. " + savedNote(saved));
    });
  }

  // Another tab changed the preferences: follow it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === prefsApi.KEY) {
      show(prefsApi.apply(prefsApi.read()));
    }
  });

  show(prefsApi.read());
  form.hidden = false;
})();
