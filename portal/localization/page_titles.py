"""A page's title in the reader's language: how the admin names a campaign or a partner.

Tracker entries, memberships and log lines point at the source (Arabic) campaign and partner
pages; a French reader of the admin should read «Pont de l’amour», not «جسر المحبة», wherever
the admin names one (listing columns, filters, the import page's choices, history lines,
exports, the site history). :func:`reader_titles` is the one rule: the title of the page's
translation into the reader's language when one exists (live or draft: staff read it as
they wrote it), else the page's own title. :func:`reader_title` and :func:`named` apply it to
one object; ``page_title_fields`` to the admin's columns and choices.

The same rule names a translatable snippet with a ``title`` (a need: contributions and
deliveries point at the source need): its translation's title in the reader's language, else
its own. :func:`remember_reader_titles` computes the titles of a whole listing's objects in
one query and keeps them on the objects, so that naming each row (``__str__``) costs none.
"""

from wagtail.models import Page, TranslatableMixin

from .locales import locale_id_for_language
from .numbers import current_language


def titled_translation(value):
    """Whether ``value`` is a translatable snippet named by its ``title`` (a need)."""
    return isinstance(value, TranslatableMixin) and hasattr(value, "title")


def reader_titles(pages, language=None):
    """``{pk: title}`` for ``pages`` (Page instances, or translatable snippets with a
    ``title``, of one kind; any locale, ``None`` skipped) in ``language`` (default: the
    active language): each object's translation's title when it has one in that language,
    else its own. One query, whatever the number of objects."""
    pages = [page for page in pages if page is not None]
    target = locale_id_for_language(current_language(language))
    titles = {page.pk: page.title for page in pages}
    away = {page.translation_key: page.pk for page in pages if page.locale_id != target}
    if away and target is not None:
        model = pages[0].get_translation_model() if not isinstance(pages[0], Page) else Page
        rows = model._default_manager.filter(translation_key__in=away, locale_id=target)
        by_key = {}
        for key, title in rows.values_list("translation_key", "title"):
            by_key[key] = title
        for page in pages:
            if page.translation_key in by_key and page.locale_id != target:
                titles[page.pk] = by_key[page.translation_key]
    return titles


def remember_reader_titles(objects, language=None):
    """Compute the reader's titles of ``objects`` (see :func:`reader_titles`; one query)
    and keep each on its object for ``language``, where :func:`reader_title` finds it."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return
    language = current_language(language)
    titles = reader_titles(objects, language)
    for obj in objects:
        obj.__dict__.setdefault("_reader_titles", {})[language] = titles[obj.pk]


def reader_title(page, language=None):
    """One page's (or translatable snippet's) title in ``language`` (see
    :func:`reader_titles`); ``""`` for ``None``. No query when the title was remembered
    (:func:`remember_reader_titles`)."""
    if page is None:
        return ""
    language = current_language(language)
    remembered = page.__dict__.get("_reader_titles", {})
    if language in remembered:
        return remembered[language]
    return reader_titles([page], language)[page.pk]


def named(value, language=None):
    """How the admin names ``value``: a page or a translatable snippet with a title (a need)
    by :func:`reader_title`, anything else by ``str``."""
    if isinstance(value, Page) or titled_translation(value):
        return reader_title(value, language)
    return str(value)
