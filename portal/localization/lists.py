"""Values listed in running text (the accepted values of a column, allowed file types), as
the active language separates them: «أ، ب، ج» in Arabic, «a, b, c» elsewhere.

For a list read as a sentence («arabe, français et anglais»), with its «and», use the
``join_list`` template filter (CLDR through Babel) instead.
"""

from django.utils.translation import get_language_info

from portal.localization.numbers import current_language


def list_separator(language=None):
    """The comma between two items in running text: ``"، "`` in a right-to-left language
    (Arabic), ``", "`` elsewhere; ``language`` defaults to the active one."""
    return "، " if get_language_info(current_language(language))["bidi"] else ", "


def join_values(items, language=None):
    """``items`` (any objects, read as text) joined by ``list_separator(language)``."""
    return list_separator(language).join(str(item) for item in items)
