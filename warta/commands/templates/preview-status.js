// The preview's error page asks, every two seconds, whether a newer build has finished. When
// one passes it says so in the page's polite status region and shows the reload button; it
// never reloads or moves by itself (WCAG 2.2.1, 3.2.5), so a reader is never interrupted.
(function () {
  "use strict";
  var box = document.getElementById("keadaan");
  if (!box || !window.fetch) { return; }
  var seen = Number(box.getAttribute("data-generation"));
  var message = document.getElementById("keadaan-pesan");
  var button = document.getElementById("muat-ulang");
  var said = "";
  button.addEventListener("click", function () { window.location.reload(); });

  function say(text) {
    if (text !== said) {
      said = text;
      message.textContent = text;
    }
  }

  function ask() {
    fetch("/_pratinjau/keadaan.json", { cache: "no-store" })
      .then(function (answer) { return answer.json(); })
      .then(function (state) {
        if (state.generation === seen) { return; }
        if (state.ok) {
          say("Build berhasil. Muat ulang halaman untuk melihat pratinjau.");
          button.hidden = false;
        } else {
          say("Build baru selesai, tetapi masih gagal. Muat ulang halaman untuk melihat masalahnya.");
          button.hidden = false;
        }
      })
      .catch(function () {
        say("Pratinjau tidak menjawab. Mungkin sudah dihentikan; jalankan lagi make devserver.");
      })
      .then(function () { window.setTimeout(ask, 2000); });
  }

  window.setTimeout(ask, 2000);
}());
