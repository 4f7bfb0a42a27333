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
