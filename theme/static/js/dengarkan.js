/* Read aloud ("Dengarkan", issue 4) with the browser's speech synthesis, in Indonesian.
 *
 * No server and no third party: the voice is the one installed on the reader's device. The
 * controls stay hidden unless the browser supports speech synthesis and has an Indonesian voice.
 * Text is spoken in short pieces (one block, or one sentence of a long block) because some
 * browsers stop a single long utterance after about fifteen seconds. */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  var controls = document.querySelectorAll("[data-w-dengarkan]");
  if (!controls.length || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }

  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,figcaption,blockquote,caption,th,td";
  var MAX_PIECE = 220;
  var VOICE_WAIT_MS = 3000;

  function indonesianVoice() {
    var voices = synth.getVoices() || [];
    var best = null;
    for (var i = 0; i < voices.length; i++) {
      var lang = String(voices[i].lang || "").replace("_", "-").toLowerCase();
      if (lang === "id-id") {
        return voices[i];
      }
      if (!best && (lang === "id" || lang.indexOf("id-") === 0)) {
        best = voices[i];
      }
    }
    return best;
  }

  // The readable text of the target: its innermost blocks in document order, skipping the
  // controls themselves and anything hidden.
  function pieces(target) {
    var blocks = target.querySelectorAll(BLOCKS);
    var result = [];
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.querySelector(BLOCKS) || block.closest("[data-w-dengarkan], [hidden], [aria-hidden='true']")) {
        continue;
      }
      var text = (block.innerText || block.textContent || "").replace(/\s+/g, " ").trim();
      if (!text) {
        continue;
      }
      while (text.length > MAX_PIECE) {
        var cut = text.lastIndexOf(". ", MAX_PIECE);
        if (cut < 40) {
          cut = text.lastIndexOf(" ", MAX_PIECE);
        }
        if (cut < 1) {
          cut = MAX_PIECE;
        }
        result.push(text.slice(0, cut + 1).trim());
        text = text.slice(cut + 1).trim();
      }
      if (text) {
        result.push(text);
      }
    }
    return result;
  }

  function Reader(control, voice) {
    this.control = control;
    this.voice = voice;
    this.target = document.getElementById(control.getAttribute("data-w-dengarkan"));
    this.play = control.querySelector("[data-w-dengarkan-play]");
    this.stopButton = control.querySelector("[data-w-dengarkan-stop]");
    this.status = control.querySelector("[data-w-dengarkan-status]");
    this.state = "idle";
    this.queue = [];
    this.run = 0;
    var reader = this;
    this.play.addEventListener("click", function () { reader.toggle(); });
    this.stopButton.addEventListener("click", function () { reader.stop("Pembacaan dihentikan."); });
  }

  Reader.prototype.setState = function (state, message) {
    this.state = state;
    this.play.textContent = { idle: "Dengarkan", speaking: "Jeda", paused: "Lanjutkan" }[state];
    this.stopButton.disabled = state === "idle";
    this.control.setAttribute("data-w-dengarkan-state", state);
    if (message) {
      this.status.textContent = message;
    }
  };

  Reader.prototype.toggle = function () {
    if (this.state === "speaking") {
      synth.pause();
      this.setState("paused", "Pembacaan dijeda. Tekan Lanjutkan untuk meneruskan.");
    } else if (this.state === "paused") {
      synth.resume();
      this.setState("speaking", "Membacakan lagi.");
    } else {
      this.start();
    }
  };

  Reader.prototype.start = function () {
    // One reader at a time on a page: speech synthesis has a single queue.
    stopAll(this);
    this.queue = this.target ? pieces(this.target) : [];
    if (!this.queue.length) {
      this.setState("idle", "Tidak ada teks untuk dibacakan.");
      return;
    }
    synth.cancel();
    this.run += 1;
    this.setState("speaking", "Membacakan isi halaman.");
    this.next(this.run);
  };

  Reader.prototype.next = function (run) {
    if (run !== this.run || this.state === "idle") {
      return;
    }
    var text = this.queue.shift();
    if (text === undefined) {
      this.setState("idle", "Selesai dibacakan.");
      return;
    }
    var reader = this;
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = "id-ID";
    utterance.voice = this.voice;
    utterance.onend = function () { reader.next(run); };
    utterance.onerror = function (event) {
      // "interrupted" and "canceled" come from our own stop; anything else ends the reading.
      if (run === reader.run && event.error !== "interrupted" && event.error !== "canceled") {
        reader.run += 1;
        reader.setState("idle", "Pembacaan gagal di perangkat ini.");
      }
    };
    synth.speak(utterance);
  };

  Reader.prototype.stop = function (message) {
    if (this.state === "idle") {
      return;
    }
    var hadFocus = this.control.contains(document.activeElement);
    this.run += 1;
    this.queue = [];
    synth.cancel();
    this.setState("idle", message);
    // The stop button is now disabled; keep keyboard focus in the controls.
    if (hadFocus) {
      this.play.focus();
    }
  };

  var readers = [];
  function stopAll(except) {
    for (var i = 0; i < readers.length; i++) {
      if (readers[i] !== except) {
        readers[i].stop("Pembacaan dihentikan.");
      }
    }
  }

  var ready = false;
  function setUp() {
    var voice = indonesianVoice();
    if (ready || !voice) {
      return;
    }
    ready = true;
    for (var i = 0; i < controls.length; i++) {
      readers.push(new Reader(controls[i], voice));
      controls[i].hidden = false;
    }
  }

  // Voices often load after the page: try now, on voiceschanged, and give up quietly after a
  // few seconds (the controls then stay hidden).
  setUp();
  if (!ready) {
    var onVoices = function () {
      setUp();
      if (ready && synth.removeEventListener) {
        synth.removeEventListener("voiceschanged", onVoices);
      }
    };
    if (synth.addEventListener) {
      synth.addEventListener("voiceschanged", onVoices);
    }
    window.setTimeout(onVoices, VOICE_WAIT_MS);
  }
  // Leaving the page must not leave the voice talking.
  window.addEventListener("pagehide", function () {
    stopAll(null);
    synth.cancel();
  });
})();
