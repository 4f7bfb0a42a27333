/* The admin's date pickers replace a date they cannot parse with today's, silently: Arabic-Indic
   digits (٠-٩, ۰-۹) typed in a date, time or number field become 0-9 as they are typed,
   before the picker reads them (the server reads both: portal/localization/digits.py), and a
   day-first date (31/12/2026, as people write it in Arabic and French) becomes 2026-12-31 as
   the field is left, before the picker's own check; in the English admin a slashed date is
   month first (12/31/2026), as the server reads it there (Django's English input formats;
   day first in ar and fr: Django's French, portal/formats/ar). */
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
  var DATE_FIELDS = "[class*='w-field--date'] input, [class*='w-field--admin_date'] input";
  var DAY_FIRST = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})(\s+\d{1,2}:\d{2})?\s*$/;
  function pad(number) { return (number.length < 2 ? "0" : "") + number; }
  // Capture phase on the document: runs before the picker's own blur handler on the field.
  document.addEventListener("blur", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLInputElement) || !field.matches(DATE_FIELDS)) { return; }
    var match = DAY_FIRST.exec(field.value.replace(LOCAL, ascii));
    if (!match) { return; }
    var monthFirst = (document.documentElement.lang || "").indexOf("en") === 0;
    var day = monthFirst ? match[2] : match[1];
    var month = monthFirst ? match[1] : match[2];
    if (+month >= 1 && +month <= 12 && +day >= 1 && +day <= 31) {
      field.value = match[3] + "-" + pad(month) + "-" + pad(day) +
        (match[4] ? " " + match[4].trim() : "");
    }
  }, true);
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.matches(FIELDS) && LOCAL.test(field.value)) {
      field.value = field.value.replace(LOCAL, ascii);
    }
  }, true);
})();
