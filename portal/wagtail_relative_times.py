"""Workaround: Wagtail's short relative times cut Django's ``timesince`` at a Latin comma.

``timesince_simple`` and ``timesince_last_update(use_shorthand=True)`` (Wagtail 8.0) keep
the first unit of ``timesince(d)`` with ``.split(",")[0]``, and write «just now» only when
that unit equals ``_("0 minutes")``. Django joins the units with the *translated*
separator, ``gettext(", ")``, which Arabic writes «، »: the cut missed and the admin read
«قبل ساعة، 3 دقائق» where English reads "1 hour ago". And Django's zero form is
``ngettext("%(num)d minute", …, 0)``, «0 minute» in French, so French compared it with
Wagtail's «0 minutes» and read «il y a 0 minute» instead of «à l’instant».

:func:`install` (called once from ``PortalConfig.ready``) puts back both with the cut made
at the separator Django used and the zero form computed as Django computes it. Delete
this module when Wagtail cuts at the translated separator
(``tests/i18n/test_i18n_arabic_grammar.py`` pins the version).
"""

from django.utils import timezone
from django.utils.html import avoid_wrapping
from django.utils.timesince import timesince
from django.utils.translation import gettext, gettext_lazy, ngettext
from wagtail.admin.templatetags import wagtailadmin_tags

PATCHED_FOR = "8.0"  # the Wagtail release this replacement was written against


def first_unit(time_period):
    """The first unit of a ``timesince`` text, cut at the separator Django translated."""
    return time_period.split(gettext(", "))[0]


def is_zero(time_period):
    """Whether ``timesince`` said "0 minutes", in the form the language gives 0 (the
    message is Django's own, ``django.utils.timesince.TIME_STRINGS["minute"]``)."""
    zero = ngettext("%(num)d minute", "%(num)d minutes", 0) % {"num": 0}
    return time_period == avoid_wrapping(zero)


def ago(time_period):
    if is_zero(time_period):
        return gettext_lazy("just now")
    return gettext_lazy("%(time_period)s ago") % {"time_period": time_period}


def timesince_simple(d):
    """``wagtailadmin_tags.timesince_simple``: one unit, «الآن»/«à l’instant» under a minute."""
    return ago(first_unit(timesince(d)))


def timesince_last_update(
    last_update, show_time_prefix=False, user_display_name="", use_shorthand=True
):
    """``wagtailadmin_tags.timesince_last_update`` (Wagtail 8.0), its shorthand cut at the
    translated separator and its zero read «just now»."""
    current_datetime = timezone.now()
    if timezone.is_aware(current_datetime):
        current_datetime = timezone.localtime(current_datetime)
        if timezone.is_aware(last_update):
            local_datetime = timezone.localtime(last_update)
        else:
            local_datetime = timezone.make_aware(last_update)
    elif timezone.is_aware(last_update):
        local_datetime = timezone.make_naive(last_update)
    else:
        local_datetime = last_update

    if local_datetime.date() == current_datetime.date():
        # Today: the time of day, as Wagtail writes it.
        return _original_last_update(last_update, show_time_prefix, user_display_name)

    time_period = timesince(local_datetime, now=current_datetime)
    if use_shorthand:
        time_period = first_unit(time_period)
    if user_display_name:
        return gettext_lazy("%(time_period)s ago by %(user_display_name)s") % {
            "time_period": time_period,
            "user_display_name": user_display_name,
        }
    return ago(time_period)


_original_last_update = wagtailadmin_tags.timesince_last_update


def install():
    """Both tags: the module functions and the template library's entries (idempotent)."""
    from wagtail.users.views import api_tokens

    wagtailadmin_tags.timesince_simple = timesince_simple
    wagtailadmin_tags.register.filter("timesince_simple", timesince_simple)
    api_tokens.timesince_simple = timesince_simple
    wagtailadmin_tags.register.simple_tag(timesince_last_update, name="timesince_last_update")
