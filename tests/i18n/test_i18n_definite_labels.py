"""The tracker's field labels are definite in Arabic, like the rest of the admin: the need
and contribution forms and the CSV header said «حملة» where the filters said «الحملة».
Generated over every editable field of the tracker's entry models."""

import pytest
from django.utils import translation

from campaigns.tracker.models import Contribution, Delivery, Need

# Labels that are not a noun phrase, with the reason.
NOT_NOUNS = {
    "أنشأه",  # "created by": a verb, as the history says it
    "سجّله",  # "recorded by": a verb
    "أكّده",  # "confirmed by": a verb
    "وافق المتبرع على إظهار اسمه",  # a sentence beside a check box
    "أكثر من المستلَم (استثناء)",  # a check box's sentence
}


def labels():
    for model in (Need, Contribution, Delivery):
        for field in model._meta.concrete_fields:
            if field.editable and not field.primary_key:
                yield pytest.param(field, id=f"{model.__name__}.{field.name}")


def definite(label):
    """Definite by the article, or an idafa whose second noun is (تاريخ الوعد)."""
    words = label.split()
    return words[0].startswith("ال") or (len(words) > 1 and words[1].startswith(("ال", "بال")))


@pytest.mark.parametrize("field", list(labels()))
def test_every_tracker_field_label_is_definite_in_arabic(field):
    with translation.override("ar"):
        label = str(field.verbose_name)
    assert definite(label) or label in NOT_NOUNS, label


@pytest.mark.parametrize(
    ("language", "label"), [("ar", "الشريك"), ("fr", "Partenaire"), ("en", "Partner")]
)
def test_each_partner_row_of_a_campaign_is_headed_in_the_singular(language, label):
    """Wagtail heads each inline row with the panel's label and a number: «الشركاء 1»."""
    from wagtail.admin.panels import InlinePanel

    from campaigns.models import CampaignPage

    panel = next(
        p
        for p in CampaignPage.content_panels
        if isinstance(p, InlinePanel) and p.relation_name == "campaign_partners"
    )
    with translation.override(language):
        assert str(panel.label) == label


def inline_panels():
    """Every InlinePanel of every page type's and snippet's edit form, bound to its model."""
    from wagtail.admin.panels import InlinePanel
    from wagtail.models import get_page_models
    from wagtail.snippets.models import get_snippet_models

    def walk(panel):
        if isinstance(panel, InlinePanel):
            yield panel
        for child in getattr(panel, "children", []):
            yield from walk(child)

    for model in [*get_page_models(), *get_snippet_models()]:
        handler = getattr(model, "get_edit_handler", None)
        if handler is None or not model.__module__.startswith(("campaigns", "home")):
            continue
        for panel in walk(handler()):
            yield pytest.param(panel, id=f"{model._meta.label}.{panel.relation_name}")


@pytest.mark.parametrize("panel", list(inline_panels()))
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_every_inline_row_is_named_apart_from_its_section(panel, language):
    """Wagtail heads each row with the panel's label and a number and the section with its
    heading; one text for both read «طرق التبرع 1», «الملفات 1» ("Ways to give 1")."""
    with translation.override(language):
        assert str(panel.label).strip().lower() != str(panel.heading).strip().lower()


def test_inline_panels_are_found():
    assert len(list(inline_panels())) >= 5
