"""Workaround: Wagtail's copy view names the page copied, not the copy.

``CopyView.form_valid`` (Wagtail 8.0) says «Page '%(page_title)s' copied.» with the source
page's title: a French editor copying an Arabic campaign page read its Arabic title, though
the copy has the title they typed. The ``after_copy_page`` hook (:func:`name_the_copy`)
rewords that message with the copy's title in the reader's language (``page_titles``), through
the project's message storage. Delete when Wagtail names the new page.
"""

from django.contrib import messages
from django.utils.translation import gettext

from .page_titles import reader_title

PATCHED_FOR = "8.0"  # the Wagtail release whose copy view this follows
COPIED = "Page '%(page_title)s' copied."
COPIED_WITH_SUBPAGES = "Page '%(page_title)s' and %(subpages_count)s subpages copied."


def name_the_copy(request, page, new_page):
    """``after_copy_page``: the success message names ``new_page`` as the reader reads it."""
    storage = messages.get_messages(request)
    if not hasattr(storage, "reword"):
        return
    count = new_page.get_descendants().count()
    source = page.specific_deferred.get_admin_display_title()
    copy = reader_title(new_page) or new_page.get_admin_display_title()
    for msgid in (COPIED, COPIED_WITH_SUBPAGES):
        wagtails = gettext(msgid) % {"page_title": source, "subpages_count": count}
        ours = gettext(msgid) % {"page_title": copy, "subpages_count": count}
        if storage.reword(wagtails, ours):
            return
