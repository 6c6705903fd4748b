/* Read aloud ("Dengarkan") with the browser's speech synthesis, in Indonesian: for readers who
 * follow text better by ear (low vision, dyslexia, low literacy), beyond what WCAG asks.
 *
 * No server and no third party: the voice is the one installed on the reader's device. The
 * controls stay hidden unless the browser supports speech synthesis and has an Indonesian voice,
 * so nobody meets a button that cannot work. Text is spoken in short pieces (one block, or one
 * sentence of a long block) because some browsers stop a single long utterance after about
 * fifteen seconds. */
(() => {
  "use strict";

  const synth = window.speechSynthesis;
  const controls = document.querySelectorAll("[data-w-listen]");
  if (!controls.length || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }

  const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,figcaption,blockquote,caption,th,td";
  const MAX_PIECE = 220;
  const VOICE_WAIT_MS = 3000;

  const indonesianVoice = () => {
    let best = null;
    for (const voice of synth.getVoices() || []) {
      const lang = String(voice.lang || "").replace("_", "-").toLowerCase();
      if (lang === "id-id") {
        return voice;
      }
      if (!best && (lang === "id" || lang.startsWith("id-"))) {
        best = voice;
      }
    }
    return best;
  };

  // The readable text of the target: its innermost blocks in document order, skipping the
  // controls themselves and anything hidden.
  const pieces = (target) => {
    const result = [];
    for (const block of target.querySelectorAll(BLOCKS)) {
      if (block.querySelector(BLOCKS) || block.closest("[data-w-listen], [hidden], [aria-hidden='true']")) {
        continue;
      }
      let text = (block.innerText || block.textContent || "").replace(/\s+/g, " ").trim();
      while (text.length > MAX_PIECE) {
        let cut = text.lastIndexOf(". ", MAX_PIECE);
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
  };

  const readers = [];
  const stopAll = (except) => {
    for (const reader of readers) {
      if (reader !== except) {
        reader.stop("Pembacaan dihentikan.");
      }
    }
  };

  class Reader {
    constructor(control, voice) {
      this.control = control;
      this.voice = voice;
      this.target = document.getElementById(control.getAttribute("data-w-listen"));
      this.play = control.querySelector("[data-w-listen-play]");
      this.stopButton = control.querySelector("[data-w-listen-stop]");
      this.status = control.querySelector("[data-w-listen-status]");
      this.state = "idle";
      this.queue = [];
      this.run = 0;
      this.play.addEventListener("click", () => this.toggle());
      this.stopButton.addEventListener("click", () => this.stop("Pembacaan dihentikan."));
    }

    setState(state, message) {
      this.state = state;
      this.play.textContent = { idle: "Dengarkan", speaking: "Jeda", paused: "Lanjutkan" }[state];
      this.stopButton.disabled = state === "idle";
      this.control.setAttribute("data-w-listen-state", state);
      if (message) {
        this.status.textContent = message;
      }
    }

    toggle() {
      if (this.state === "speaking") {
        synth.pause();
        this.setState("paused", "Pembacaan dijeda. Tekan Lanjutkan untuk meneruskan.");
      } else if (this.state === "paused") {
        synth.resume();
        this.setState("speaking", "Membacakan lagi.");
      } else {
        this.start();
      }
    }

    start() {
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
    }

    next(run) {
      if (run !== this.run || this.state === "idle") {
        return;
      }
      const text = this.queue.shift();
      if (text === undefined) {
        this.setState("idle", "Selesai dibacakan.");
        return;
      }
      const utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = "id-ID";
      utterance.voice = this.voice;
      utterance.onend = () => this.next(run);
      utterance.onerror = (event) => {
        // "interrupted" and "canceled" come from our own stop; anything else ends the reading.
        if (run === this.run && event.error !== "interrupted" && event.error !== "canceled") {
          this.run += 1;
          this.setState("idle", "Pembacaan gagal di perangkat ini.");
        }
      };
      synth.speak(utterance);
    }

    stop(message) {
      if (this.state === "idle") {
        return;
      }
      const hadFocus = this.control.contains(document.activeElement);
      this.run += 1;
      this.queue = [];
      synth.cancel();
      this.setState("idle", message);
      // The stop button is now disabled; keep keyboard focus in the controls (WCAG 2.4.3).
      if (hadFocus) {
        this.play.focus();
      }
    }
  }

  let ready = false;
  const setUp = () => {
    const voice = indonesianVoice();
    if (ready || !voice) {
      return;
    }
    ready = true;
    for (const control of controls) {
      readers.push(new Reader(control, voice));
      control.hidden = false;
    }
  };

  // Voices often load after the page: try now, on voiceschanged, and give up quietly after a
  // few seconds (the controls then stay hidden).
  setUp();
  if (!ready) {
    const onVoices = () => {
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
  window.addEventListener("pagehide", () => {
    stopAll(null);
    synth.cancel();
  });
})();
