"""Field labels are definite in Arabic, like the rest of the admin: the need and
contribution forms and the CSV header said «حملة» where the filters said «الحملة», a campaign's
and a membership's partner «شريك». Generated over every editable field of every project model
whose verbose name our Arabic catalogues translate (Django's and Wagtail's are theirs)."""

from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from portal.catalogues import project_catalogues

# Labels that are not a noun phrase, with the reason.
NOT_NOUNS = {
    "أنشأه",  # "created by": a verb, as the history says it
    "سجّله",  # "recorded by": a verb
    "أكّده",  # "confirmed by": a verb
    "دعاه",  # "invited by": a verb
    "قرّره",  # "decided by": a verb
    "تنتهي صلاحيتها في",  # "expires at": a verb phrase
    "وافق المتبرع على إظهار اسمه",  # a sentence beside a check box
    "وافق على إظهار الاسم",  # a sentence beside a check box
    "أكثر من المستلَم (استثناء)",  # a check box's sentence
    "نشط",  # "active": a check box's adjective
    "كما كُتبت",  # "as typed": how a search was written, a phrase
}
# An idafa to a proper name is definite («قناة يوتيوب»), as is a superlative's («آخر بحث»).
PROPER_NAMES = {"يوتيوب", "إنستغرام", "فيسبوك", "إكس"}
SUPERLATIVES = {"آخر", "أول", "أحدث"}


def project_msgids():
    """Every message our own Arabic catalogues translate (not the virtualenv's)."""
    return {
        entry.msgid
        for path in project_catalogues("ar")
        for entry in polib.pofile(str(path))
        if entry.msgstr
    }


def project_models():
    roots = {p.name for p in Path(settings.BASE_DIR).iterdir() if p.is_dir()}
    return [m for m in apps.get_models() if m.__module__.split(".")[0] in roots]


def msgid(label):
    """The message a lazy verbose name translates; None for a name Django derived from the
    field's name (no label of ours)."""
    return label._args[-1] if hasattr(label, "_args") else None  # (context,) message


def labels():
    """Every form label a project model declares and our Arabic catalogues translate."""
    ours = project_msgids()
    for model in project_models():
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if field.model is not model or not field.editable or field.primary_key:
                continue
            if msgid(field.verbose_name) in ours:
                yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


def definite(label):
    """Definite by the article, or an idafa whose second (or, in a chain, third) noun is
    (تاريخ الوعد، صورة غلاف الفيديو), names a proper name, or follows a superlative."""
    words = label.split()
    return (
        words[0].startswith("ال")
        or words[0] in SUPERLATIVES
        or (len(words) > 1 and (words[1].startswith(("ال", "بال")) or words[1] in PROPER_NAMES))
        or (len(words) > 2 and words[2].startswith("ال"))
    )


@pytest.mark.parametrize("field", list(labels()))
def test_every_field_label_is_definite_in_arabic(field):
    with translation.override("ar"):
        label = str(field.verbose_name)
    assert definite(label) or label in NOT_NOUNS, label


def test_the_labels_checked_cover_every_app():
    """The generator finds the fields of pages, snippets, the tracker, people and the API."""
    found = {param.id for param in labels()}
    assert len(found) >= 80, len(found)
    for expected in (
        "campaigns.CampaignPartner.partner",
        "tracker.PartnerMembership.partner",
        "tracker.Need.campaign",
        "people.Offer.region",
        "tracker_api.PartnerApiKey.partner",
    ):
        assert expected in found, expected


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
