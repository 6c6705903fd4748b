/* Video pages. Only enhances: without JavaScript the YouTube facade is a plain link to the video
 * on YouTube, and the sign-language interpreter has its own controls.
 *
 * 1. YouTube facade. Nothing is requested from YouTube until the citizen presses the button:
 *    the poster is our own file, and the youtube-nocookie player (the only frame origin the
 *    Content-Security-Policy allows) is inserted on activation, with a title naming the video
 *    (WCAG 4.1.2), and focused so keyboard users go on from where they pressed (2.4.3).
 * 2. Sign language beside a self-hosted video (1.2.6): the interpreter plays, pauses and seeks
 *    with the main video, so one set of controls drives both.
 */
(() => {
  "use strict";

  const activate = (facade) => {
    const frame = document.createElement("iframe");
    frame.className = "w-facade__frame";
    frame.src = facade.getAttribute("data-embed");
    frame.title = facade.getAttribute("data-title");
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    facade.replaceChildren(frame);
    facade.classList.add("w-facade--loaded");
    frame.focus();
  };

  for (const facade of document.querySelectorAll("[data-w-facade]")) {
    const link = facade.querySelector("[data-w-facade-link]");
    const button = facade.querySelector("[data-w-facade-button]");
    if (link && button) {
      button.addEventListener("click", () => activate(facade));
      link.remove();
      button.hidden = false;
    }
  }

  for (const main of document.querySelectorAll("[data-w-video-main]")) {
    const player = main.closest("[data-w-player]");
    const sign = player && player.querySelector("[data-w-video-sign]");
    if (sign) {
      const follow = () => {
        if (Math.abs(sign.currentTime - main.currentTime) > 0.3) {
          sign.currentTime = main.currentTime;
        }
      };
      main.addEventListener("play", () => {
        follow();
        sign.play().catch(() => {});
      });
      main.addEventListener("pause", () => sign.pause());
      main.addEventListener("seeked", follow);
      main.addEventListener("ratechange", () => {
        sign.playbackRate = main.playbackRate;
      });
    }
  }
})();
