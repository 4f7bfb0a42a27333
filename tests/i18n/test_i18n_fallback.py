"""Untranslated snippets show their Arabic text, marked lang="ar" dir="rtl", in one query."""

import pytest
from django.template import Context, Template
from django.utils import translation
from rest_framework import serializers
from wagtail.models import Locale

from portal.localization.api import LanguageField
from portal.localization.fallback import localized, localized_instances

from .testmodels import SampleNeed


def add_needs(count, translated_every=2):
    """``count`` Arabic needs; every ``translated_every``-th one also has a French row."""
    arabic, french = Locale.objects.get(language_code="ar"), Locale.objects.get(language_code="fr")
    sources = []
    for number in range(count):
        need = SampleNeed.objects.create(locale=arabic, title=f"حاجة {number}", quantity=number)
        if number % translated_every == 0:
            copy = need.copy_for_translation(french)
            copy.title = f"Besoin {number}"
            copy.save()
        sources.append(need)
    return sources


LIST = Template(
    "{% load l10n_tags %}<ul>{% for need in needs %}"
    "<li{% lang_attrs need %}>{{ need.title }}</li>{% endfor %}</ul>"
)


@pytest.mark.parametrize("count", [4, 40])
def test_french_list_marks_arabic_fallbacks(db, test_need_table, count, django_assert_num_queries):
    add_needs(count)
    with translation.override("fr"):
        with django_assert_num_queries(1):
            needs = list(localized(SampleNeed.objects.order_by("translation_key")))
        html = LIST.render(Context({"needs": needs}))
    assert len(needs) == count  # one row per need, never both languages
    assert html.count('<li lang="ar" dir="rtl">حاجة') == count // 2
    assert html.count("<li>Besoin") == count // 2
    assert "<li>حاجة" not in html


def test_arabic_page_shows_no_marks(db, test_need_table):
    add_needs(4)
    with translation.override("ar"):
        html = LIST.render(Context({"needs": localized(SampleNeed.objects.all())}))
    assert html.count("<li>حاجة") == 4
    assert "Besoin" not in html and "lang=" not in html


def test_source_instances_swapped_for_translations_in_order(db, test_need_table):
    sources = add_needs(5)
    with translation.override("fr"):
        needs = localized_instances(sources)
    assert [n.title for n in needs] == ["Besoin 0", "حاجة 1", "Besoin 2", "حاجة 3", "Besoin 4"]


class NeedSerializer(serializers.Serializer):
    title = serializers.CharField()
    language = LanguageField()


def test_api_field_names_the_language_of_a_fallback(db, test_need_table):
    add_needs(2)
    with translation.override("fr"):
        data = NeedSerializer(localized(SampleNeed.objects.order_by("quantity")), many=True).data
    assert data[0] == {"title": "Besoin 0", "language": None}
    assert data[1] == {"title": "حاجة 1", "language": {"lang": "ar", "dir": "rtl"}}
