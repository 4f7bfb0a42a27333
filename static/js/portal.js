// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");
    // A form sent back with errors: its summary takes the focus (also `autofocus` without JS),
    // so a screen reader reads it and the keyboard starts at the links to the bad fields.
    var problems = document.getElementById("form-problems");
    if (problems && document.activeElement !== problems) {
        problems.focus();
    }
    // Escape closes the phone's folded menu (a <details>, which browsers leave open) and
    // gives the focus back to its toggle, as a menu button does.
    document.addEventListener("keydown", function (event) {
        var open = document.querySelector(".main-menu__fold[open]");
        if (event.key === "Escape" && open) {
            open.open = false;
            open.querySelector("summary").focus();
        }
    });
})();
