/* wagtail-localize's translation editor writes its heading in English in its bundle
   ("العربية to Français translation", which an Arabic page shows reversed). This puts the
   heading in the admin's language, with each language name isolated (U+2068…U+2069) so it
   reads in order in either direction. The phrase comes from our catalogue (data-heading,
   with {source} and {target}). Delete this when wagtail-localize translates its heading
   (tests/i18n/test_i18n_admin_english.py pins the bundle's English). */
(function () {
  "use strict";
  var script = document.currentScript;
  var phrase = script && script.dataset.heading;
  var editor = document.querySelector(".js-translation-editor");
  if (!phrase || !editor || !editor.dataset.props) { return; }
  var props = JSON.parse(editor.dataset.props);
  var source = props.sourceLocale.displayName;
  var target = props.locale.displayName;
  var english = source + " to " + target + " translation";
  var heading = phrase.replace("{source}", "\u2068" + source + "\u2069")
    .replace("{target}", "\u2068" + target + "\u2069");
  function translate() {
    editor.querySelectorAll("section h3").forEach(function (title) {
      if (title.textContent === english) { title.textContent = heading; }
    });
  }
  new MutationObserver(translate).observe(editor, { childList: true, subtree: true });
  translate();
})();
