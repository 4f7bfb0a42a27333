/* The admin's date pickers replace a date they cannot parse with today's, silently: Arabic-Indic
   digits (٠-٩, ۰-۹) typed in a date, time or number field become 0-9 as they are typed,
   before the picker reads them (the server reads both: portal/localization/digits.py), and a
   day-first date (31/12/2026, as people write it in Arabic and French) becomes 2026-12-31 as
   the field is left, before the picker's own check; in the English admin a slashed date is
   month first (12/31/2026), as the server reads it there (Django's English input formats;
   day first in ar and fr: Django's French, portal/formats/ar). A date that names no real day
   (2020-13-40, 31/02/2020) is left as typed, and the picker is not told the field was left:
   it would put today's date in its place, silently, and the form would save it; the server
   refuses the typed text with an error next to the field. */
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
  var ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(\s+(\d{1,2}):(\d{2}))?$/;
  function pad(number) { return (number.length < 2 ? "0" : "") + number; }
  function realDay(year, month, day) {
    var date = new Date(+year, +month - 1, +day);
    return date.getFullYear() === +year && date.getMonth() === +month - 1 &&
      date.getDate() === +day;
  }
  function readable(value) {  // ISO, as the picker writes it: a real day and time
    var match = ISO.exec(value);
    return !!match && realDay(match[1], match[2], match[3]) &&
      (!match[4] || (+match[5] <= 23 && +match[6] <= 59));
  }
  // Capture phase on the document: runs before the picker's own blur handler on the field.
  document.addEventListener("blur", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLInputElement) || !field.matches(DATE_FIELDS)) { return; }
    var value = field.value.replace(LOCAL, ascii).trim();
    var match = DAY_FIRST.exec(value);
    if (match) {
      var monthFirst = (document.documentElement.lang || "").indexOf("en") === 0;
      var day = monthFirst ? match[2] : match[1];
      var month = monthFirst ? match[1] : match[2];
      if (realDay(match[3], month, day)) {
        field.value = match[3] + "-" + pad(month) + "-" + pad(day) +
          (match[4] ? " " + match[4].trim() : "");
        return;
      }
    } else if (!value || readable(value)) {
      return;
    }
    // Not a day the picker can read: keep the text, close the picker without its own check.
    event.stopPropagation();
    if (window.jQuery && window.jQuery(field).data("xdsoft_datetimepicker")) {
      window.jQuery(field).datetimepicker("hide");
    }
  }, true);
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.matches(FIELDS) && LOCAL.test(field.value)) {
      field.value = field.value.replace(LOCAL, ascii);
    }
  }, true);
})();
