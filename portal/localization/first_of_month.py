"""«1er décembre 2026», not «1 décembre 2026»: the first of the month in French dates in words
written by Django's date formatting.

The portal's own dates (``numbers.format_day``, ``format_moment``) write the first of the
month as an ordinal, but Django's French ``DATE_FORMAT`` and ``DATETIME_FORMAT``
(«j F Y», «j F Y H:i») cannot: the admin's listings (a contribution's «Dernière
mise à jour»), its tooltips and wagtail-localize's «Traduit manuellement le …» wrote
«1 décembre». :func:`install` makes ``DateFormat.format`` — behind the ``date`` filter,
``date_format`` and ``localize`` — write ``j`` as «1er» on the first when the language in
force is French and the format names the month in words (``F``, ``E``, ``M``, ``N``, ``b``);
numeric dates («1/12/2026») stay as they are.
"""

from django.utils import dateformat
from django.utils.translation import get_language

from .numbers import FIRST_DAY_SUFFIXES  # the portal's own dates follow the same rule

MONTH_IN_WORDS = set("FEMNb")

_original_format = dateformat.DateFormat.format


def with_ordinal_first(formatstr, language):
    """``formatstr`` whose day (``j``) is followed by the language's escaped ordinal suffix
    when it names the month in words; else ``formatstr`` itself."""
    suffix = FIRST_DAY_SUFFIXES.get((language or "").split("-")[0])
    if not suffix:
        return formatstr
    pieces = dateformat.re_formatchars.split(str(formatstr))
    specifiers = pieces[1::2]
    if "j" not in specifiers or not MONTH_IN_WORDS & set(specifiers):
        return formatstr
    escaped = "".join(f"\\{letter}" for letter in suffix)
    return "".join(
        piece + escaped if i % 2 and piece == "j" else piece for i, piece in enumerate(pieces)
    )


def format(self, formatstr):  # noqa: A001 - replaces DateFormat.format
    """``DateFormat.format``, the first of the month an ordinal in French dates in words."""
    if getattr(self.data, "day", None) == 1:
        formatstr = with_ordinal_first(formatstr, get_language())
    return _original_format(self, formatstr)


def install():
    """Make Django's date formatting write «1er» for the first of the month in French."""
    dateformat.DateFormat.format = format
