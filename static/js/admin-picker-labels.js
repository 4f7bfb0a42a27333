/* Wagtail's date pickers (the vendored jquery.datetimepicker) build an apply button labelled
   "Save Selected" in English whatever the language: the plugin has no option for it. This
   relabels it, as each picker is built, with the phrase from our catalogue (data-save-selected).
   Delete this when the picker's button is translated
   (tests/i18n/test_i18n_admin_headings.py pins the vendored English). */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = script && script.dataset.saveSelected;
  if (!label) { return; }
  function relabel(root) {
    var buttons = Array.prototype.slice.call(root.querySelectorAll(".xdsoft_save_selected"));
    if (root.matches && root.matches(".xdsoft_save_selected")) { buttons.push(root); }
    buttons.forEach(function (button) {
      if (button.textContent !== label) { button.textContent = label; }
    });
  }
  function start() {
    relabel(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) { relabel(node); }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
