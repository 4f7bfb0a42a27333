"""A page's title in the reader's language: how the admin names a campaign or a partner.

Tracker entries, memberships and log lines point at the source (Arabic) campaign and partner
pages; a French reader of the admin should read «Pont de l’amour», not «جسر المحبة», wherever
the admin names one (listing columns, filters, the import page's choices, history lines,
exports, the site history). :func:`reader_titles` is the one rule: the title of the page's
translation into the reader's language when one exists (live or draft: staff read it as
they wrote it), else the page's own title. :func:`reader_title` and :func:`named` apply it to
one object; ``page_title_fields`` to the admin's columns and choices.
"""

from wagtail.models import Page

from .locales import locale_id_for_language
from .numbers import current_language


def reader_titles(pages, language=None):
    """``{page pk: title}`` for ``pages`` (Page instances, any locale, ``None`` skipped) in
    ``language`` (default: the active language): each page's translation's title when the
    page has one in that language, else its own. One query, whatever the number of pages."""
    pages = [page for page in pages if page is not None]
    target = locale_id_for_language(current_language(language))
    titles = {page.pk: page.title for page in pages}
    away = {page.translation_key: page.pk for page in pages if page.locale_id != target}
    if away and target is not None:
        rows = Page.objects.filter(translation_key__in=away, locale_id=target)
        by_key = {}
        for key, title in rows.values_list("translation_key", "title"):
            by_key[key] = title
        for page in pages:
            if page.translation_key in by_key and page.locale_id != target:
                titles[page.pk] = by_key[page.translation_key]
    return titles


def reader_title(page, language=None):
    """One page's title in ``language`` (see :func:`reader_titles`); ``""`` for ``None``."""
    if page is None:
        return ""
    return reader_titles([page], language)[page.pk]


def named(value, language=None):
    """How the admin names ``value``: a page by :func:`reader_title`, anything else by
    ``str``."""
    if isinstance(value, Page):
        return reader_title(value, language)
    return str(value)
