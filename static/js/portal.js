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
})();
