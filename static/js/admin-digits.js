/* The admin's date pickers replace a date they cannot parse with today's: Arabic-Indic
   digits (٠-٩, ۰-۹) typed in a date, time or number field become 0-9 as they are typed,
   before the picker reads them (the server reads both: portal/localization/digits.py). */
(function () {
  "use strict";
  var LOCAL = /[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/g;
  var FIELDS = "[inputmode=decimal], [inputmode=numeric], [class*='w-field--date'] input, " +
    "[class*='w-field--time'] input, [class*='w-field--admin_date'] input";
  function ascii(ch) {
    var code = ch.charCodeAt(0);
    if (code === 0x066B) { return "."; }
    if (code === 0x066C) { return ""; }
    return String((code >= 0x06F0 ? code - 0x06F0 : code - 0x0660));
  }
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.matches(FIELDS) && LOCAL.test(field.value)) {
      field.value = field.value.replace(LOCAL, ascii);
    }
  }, true);
})();
