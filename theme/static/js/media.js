/* Warta: video pages (issue 8). Only enhances: without JavaScript the YouTube facade is a
 * plain link to the video on YouTube, and the sign-language interpreter has its own controls.
 *
 * 1. YouTube facade. Nothing is requested from YouTube until the citizen presses the button:
 *    the poster is our own file, and the youtube-nocookie player (the only frame origin the
 *    Content-Security-Policy allows) is inserted on activation, with a title naming the video
 *    (WCAG 4.1.2), and focused so keyboard users go on from where they pressed (2.4.3).
 * 2. Sign language beside a self-hosted video (1.2.6): the interpreter plays, pauses and seeks
 *    with the main video, so one set of controls drives both.
 */
(function () {
  "use strict";

  function activate(facade) {
    var frame = document.createElement("iframe");
    frame.className = "w-facade__frame";
    frame.src = facade.getAttribute("data-embed");
    frame.title = facade.getAttribute("data-title");
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    facade.replaceChildren(frame);
    facade.classList.add("w-facade--loaded");
    frame.focus();
  }

  document.querySelectorAll("[data-w-facade]").forEach(function (facade) {
    var link = facade.querySelector("[data-w-facade-link]");
    var button = facade.querySelector("[data-w-facade-button]");
    if (!link || !button) {
      return;
    }
    button.addEventListener("click", function () {
      activate(facade);
    });
    link.remove();
    button.hidden = false;
  });

  document.querySelectorAll("[data-w-video-main]").forEach(function (main) {
    var player = main.closest(".w-player");
    var sign = player && player.querySelector("[data-w-video-sign]");
    if (!sign) {
      return;
    }
    function follow() {
      if (Math.abs(sign.currentTime - main.currentTime) > 0.3) {
        sign.currentTime = main.currentTime;
      }
    }
    main.addEventListener("play", function () {
      follow();
      sign.play().catch(function () {});
    });
    main.addEventListener("pause", function () {
      sign.pause();
    });
    main.addEventListener("seeked", follow);
    main.addEventListener("ratechange", function () {
      sign.playbackRate = main.playbackRate;
    });
  });
})();
