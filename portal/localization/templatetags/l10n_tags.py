"""Numbers, money and language marks in templates, the same as in charts and the APIs.

{% load l10n_tags %}
{{ need.quantity|number }}            1.234 (ar) · 1 234 (fr) · 1,234 (en)
{{ total|number:2 }}                  fixed decimals
{{ amount|money:"TND" }}              1.234,500 TND — the currency's own decimals
{{ "15/05/2020"|digits }}             applies the digit style to any text (dates)
{{ campaign.end_date|day }}           «15 ماي 2020» (ar_TN), «١٥ أيار ٢٠٢٠» (ar_JO), 15 mai 2020
{{ row.day|day:"day_month" }}         «15 ماي»; "short" gives 15/5
{{ record.enqueued_at|moment }}       «4 مارس 2026، 16:05» · 4 mars 2026 à 16:05 (local time)
{% conventions campaign %}…{% endconventions %}   the campaign's conventions inside
{% chart_number_format %}             the same rules as JSON for a chart's script
<li{% lang_attrs need %}>             lang="ar" dir="rtl" on an untranslated item
{{ names|join_list }}                 العربية والفرنسية · arabe, français et anglais (CLDR)
{{ place }}{% list_comma %}{{ date }}  تونس، 15 مايو · Tunis, 15 mai
<b{% script_lang partner_name %}>     lang="ar" dir="rtl" when Arabic text sits on another page
{{ root_page|site_name:site_name }}   the site's name in the reader's language (home page's title)
{{ search_query|isolated }}           <bdi dir="auto">…</bdi>: what a visitor typed, isolated
"""

import re
from decimal import Decimal, InvalidOperation

from babel.lists import format_list
from django import template
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe

from portal.localization import conventions as local_conventions
from portal.localization import fallback
from portal.localization.lists import list_separator
from portal.localization.numbers import (
    apply_digit_style,
    current_language,
    format_day,
    format_moment,
    format_money,
    format_number,
    number_format,
)

register = template.Library()


def _decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def number(value, decimals=None):
    """A number with the locale's separators and digit style; '' for nothing, as is for text."""
    if value is None or value == "":
        return ""
    amount = _decimal(value)
    if amount is None:
        return value
    return format_number(amount, decimals=None if decimals in (None, "") else int(decimals))


@register.filter
def money(value, currency="TND"):
    """An amount in its currency (TND by default) with the currency's decimals."""
    if value is None or value == "":
        return ""
    amount = _decimal(value)
    if amount is None:
        return value
    return format_money(amount, currency or "TND")


@register.filter
def digits(value):
    """Any text (a date, a phone number) with the locale's digit style."""
    return apply_digit_style(str(value))


@register.filter
def day(value, style="long"):
    """A date in words with the conventions' month names and digits ('' for nothing)."""
    if value is None or value == "":
        return ""
    return format_day(value, style=style or "long")


@register.filter
def moment(value):
    """A date and time in the user's time zone and the locale's order ('' for nothing)."""
    if value is None or value == "":
        return ""
    return format_moment(value)


class ConventionsNode(template.Node):
    def __init__(self, source, nodelist):
        self.source = source
        self.nodelist = nodelist

    def render(self, context):
        if self.source is not None:
            found = local_conventions.of(self.source.resolve(context))
        else:
            found = _conventions_in(context)
        with local_conventions.activate(found):
            return self.nodelist.render(context)


def _conventions_in(context):
    # A view may say it explicitly; else the page shown carries them (a campaign or an
    # appeal; a home page listing several campaigns has none), else a non-page view's
    # campaign (the offer form).
    if context.get("conventions") is not None:
        return local_conventions.of(context.get("conventions"))
    if context.get("page") is not None:
        return local_conventions.of(context.get("page"))
    return local_conventions.of(context.get("campaign"))


@register.tag("conventions")
def conventions_tag(parser, token):
    """``{% conventions [obj] %}…{% endconventions %}``: render the block under the
    conventions of ``obj`` (a campaign, appeal, need or ``Conventions``); without an argument,
    of the context's ``conventions``, ``campaign`` or ``page``; the site's when none has any."""
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("{% conventions %} takes at most one argument")
    source = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endconventions",))
    parser.delete_first_token()
    return ConventionsNode(source, nodelist)


@register.simple_tag
def chart_number_format(element_id="chart-number-format"):
    """The locale's number rules for a chart script: digits, separators, language."""
    return json_script(number_format(), element_id)


@register.simple_tag
def lang_attrs(obj):
    """` lang="ar" dir="rtl"` when ``obj``'s text is not in the page's language."""
    return fallback.lang_attrs_html(obj)


ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@register.filter
def join_list(items):
    """Items joined as the active language writes a list (CLDR through Babel).

    ['العربية', 'الفرنسية'] → 'العربية والفرنسية'; in French 'arabe, français et anglais'.
    Never a Latin comma between Arabic words.
    """
    items = [str(item) for item in items or () if str(item)]
    if not items:
        return ""
    language = current_language()
    return format_list(items, style="standard", locale="ar_TN" if language == "ar" else language)


@register.simple_tag
def list_comma():
    """The comma that separates two items in running text: '، ' in Arabic, ', ' elsewhere."""
    return list_separator()


@register.simple_tag
def script_lang(text):
    """` lang="ar" dir="rtl"` when ``text`` is Arabic on a page in another language, and
    ` dir="ltr"` when it is Latin (a donor's name, a URL) on an Arabic page.

    For names kept untranslated (a partner, the organisation) that the database does not mark
    with a language: the script says it (Latin letters name no language: French or English).
    Empty when the text is in the page's script.
    """
    text = str(text or "")
    if current_language() != "ar":
        if ARABIC_LETTER.search(text):
            return mark_safe(' lang="ar" dir="rtl"')  # noqa: S308 (constant text)
    elif LATIN_LETTER.search(text) and not ARABIC_LETTER.search(text):
        return mark_safe(' dir="ltr"')  # noqa: S308 (constant text)
    return ""


@register.filter
def isolated(text):
    """``<bdi dir="auto">text</bdi>``, escaped: text a visitor typed (a search query) echoed
    in a sentence, so its own direction cannot reorder the punctuation and numbers around it.

    ``lang="ar"`` is added when the text is Arabic on a page in another language (the script
    says it); other scripts name no language (Latin letters may be French or English).
    """
    lang = ""
    if current_language() != "ar" and ARABIC_LETTER.search(str(text or "")):
        lang = mark_safe(' lang="ar"')  # noqa: S308 (constant text)
    return format_html('<bdi dir="auto"{}>{}</bdi>', lang, text)


@register.filter
def sentence_locale_names(page):
    """The translation editor's locales named as a sentence writes them («la version arabe»):
    see portal/localization/locale_names.py."""
    from portal.localization.locale_names import sentence_names_in_props

    return sentence_names_in_props(page)


@register.filter
def inline_add_label(bound_panel):
    """An InlinePanel's "Add …" button in the reader's language (portal/wagtail_add_labels.py)."""
    from portal.wagtail_add_labels import inline_add_label as label

    return label(bound_panel)


@register.filter
def site_name(page, default=""):
    """The name of the site ``page`` is in, in the reader's language (its home page's title in
    that language: portal/localization/site_names.py); ``default`` when there is no site."""
    from portal.localization.site_names import reader_site_name

    return reader_site_name(page, default)
