// Progressive enhancement for videos and sharing; without it the links still work.
(function () {
    "use strict";
    // An external video is a poster link; only a click loads the provider's player.
    document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[data-player]");
        if (!link) { return; }
        event.preventDefault();
        var frame = document.createElement("iframe");
        frame.src = link.getAttribute("data-player");
        frame.title = link.getAttribute("data-title") || "";
        frame.allow = "autoplay; encrypted-media; picture-in-picture";
        frame.allowFullscreen = true;
        frame.className = "video-frame";
        link.replaceWith(frame);
    });
    // Posters: a phone-sized one in the markup; a screen wider than it gets the full one. A
    // dense phone keeps the phone poster (as it gets the low video rendition): the full one
    // would be a second, late download and a repaint of the page's largest image.
    document.querySelectorAll("video[data-poster-wide]").forEach(function (video) {
        if (video.clientWidth > 640) {
            video.poster = video.getAttribute("data-poster-wide");
        }
    });
    // "Copy link" needs the clipboard API: the button only appears when it can work.
    if (navigator.clipboard) {
        document.querySelectorAll("button[data-copy]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
                    button.textContent = button.getAttribute("data-copied");
                });
            });
        });
    }
})();
