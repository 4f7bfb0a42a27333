/* The partner chooser opens at the partners index. Wagtail's PageChooser starts at the
   chosen page's parent, and at the root of the page tree (the three languages' trees side
   by side) while nothing is chosen; this one starts at its ``parentId`` option, the source
   language's partners index (campaigns/admin_widgets.py), until a partner is chosen.
   The subclass is made on first use: the admin may load this file before page-chooser.js. */
(function () {
  "use strict";
  let Chooser = null;
  window.PartnerPageChooser = function (id, opts) {
    if (!Chooser) {
      Chooser = class extends window.PageChooser {
        getModalOptions() {
          const options = super.getModalOptions();
          if (!options.parentId && this.opts.parentId) {
            options.parentId = this.opts.parentId;
          }
          return options;
        }
      };
    }
    return new Chooser(id, opts);
  };
})();
