/* wagtail-localize's translation editor writes two things in English in its bundle: its
   heading ("العربية to Français translation", which an Arabic page shows reversed) and the
   "More actions" label of each segment's menu (a literal in its ActionMenu, never passed to
   gettext, so no catalogue reaches it). This puts both in the admin's language: the heading
   with each language name isolated (U+2068…U+2069) so it reads in order in either direction.
   The phrases come from our catalogue (data-heading, with {source} and {target};
   data-more-actions). Delete this when wagtail-localize translates them
   (tests/i18n/test_i18n_admin_english.py and test_i18n_admin_locale_names.py pin the
   bundle's English). */
(function () {
  "use strict";
  var script = document.currentScript;
  var phrase = script && script.dataset.heading;
  var moreActions = script && script.dataset.moreActions;
  var editor = document.querySelector(".js-translation-editor");
  if (!phrase || !editor || !editor.dataset.props) { return; }
  var props = JSON.parse(editor.dataset.props);
  var source = props.sourceLocale.displayName;
  var target = props.locale.displayName;
  var english = source + " to " + target + " translation";
  var heading = phrase.replace("{source}", "\u2068" + source + "\u2069")
    .replace("{target}", "\u2068" + target + "\u2069");
  // Only a label that changes is written: writing a text node is itself a mutation, so in an
  // English admin ("More actions" to "More actions") the observer would call itself forever.
  function translate() {
    if (heading !== english) {
      editor.querySelectorAll("section h3").forEach(function (title) {
        if (title.textContent === english) { title.textContent = heading; }
      });
    }
    if (!moreActions || moreActions === "More actions") { return; }
    editor.querySelectorAll(".w-sr-only").forEach(function (label) {
      if (label.textContent === "More actions") { label.textContent = moreActions; }
    });
  }
  new MutationObserver(translate).observe(editor, { childList: true, subtree: true });
  translate();
})();
