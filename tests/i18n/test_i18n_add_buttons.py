"""The listings' "Add …" buttons name the model as the button says it (issue 19):
«إضافة احتياج», not «إضافة الاحتياج»; «Ajouter un besoin», «Ajouter une région», not
«Ajouter un(e) besoin».

The models are every model viewset (snippets included) registered in the admin, so a new one
without its button in the catalogues fails here."""

import re

import pytest
from django.urls import get_resolver, reverse
from django.utils import translation
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet


def model_viewsets():
    get_resolver().resolve("/admin/")  # loading the admin's URLs registers its viewsets
    return sorted(
        (viewset for viewset in viewsets.viewsets if isinstance(viewset, ModelViewSet)),
        key=lambda viewset: viewset.model._meta.label,
    )


def add_button(viewset, language):
    view = viewset.index_view_class()
    view.model = viewset.model
    with translation.override(language):
        return str(view.add_item_label)


VIEWSETS = model_viewsets()


def test_the_walk_finds_the_trackers_and_wagtails_viewsets():
    labels = {viewset.model._meta.label for viewset in VIEWSETS}
    assert {"tracker.Need", "tracker.Region", "press.Coverage", "wagtailcore.Site"} <= labels


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_an_arabic_add_button_names_an_indefinite_entry(viewset):
    label = add_button(viewset, "ar")
    assert label.startswith("إضافة "), label
    noun = label.split()[1]
    assert not noun.startswith("ال"), f"the article after «إضافة»: {label}"
    assert not re.search(r"[A-Za-z]", label), f"untranslated: {label}"


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_a_french_add_button_gives_its_noun_its_article(viewset):
    label = add_button(viewset, "fr")
    assert re.match(r"Ajouter (un|une) [a-zàâçéèêëîïôûù]", label), label
    assert "un(e)" not in label, label


def test_the_needs_listing_button_reads_add_a_need(admin_speaking, demo):
    from campaigns.tracker.models import Need

    url = reverse(Need.snippet_viewset.get_url_name("list"))
    page = re.sub(r"\s+", " ", admin_speaking("ar").get(url).content.decode())
    assert "إضافة احتياج" in page
    assert "إضافة الاحتياج" not in page


def test_the_add_button_workaround_is_still_needed():
    """portal/wagtail_add_labels.py replaces Wagtail 8.0's IndexView.add_item_label; on an
    upgrade, check whether Wagtail still composes "Add %(model_name)s"."""
    import wagtail

    from portal import wagtail_add_labels

    assert wagtail.__version__.startswith(wagtail_add_labels.PATCHED_FOR)


def inline_panels():
    """Every InlinePanel of the admin's edit forms (pages and snippets), one per child model."""
    from django.apps import apps
    from wagtail.admin.panels import InlinePanel

    def walk(panel):
        if isinstance(panel, InlinePanel):
            yield panel
        for child in getattr(panel, "children", []):
            yield from walk(child)

    found = {}
    for model in apps.get_models():
        if hasattr(model, "get_edit_handler"):
            for panel in walk(model.get_edit_handler()):
                found.setdefault(panel.db_field.related_model._meta.label, panel)
    return sorted(found.items())


INLINE_PANELS = inline_panels()


def inline_button(panel, language):
    from types import SimpleNamespace

    from portal.wagtail_add_labels import inline_add_label

    with translation.override(language):
        return inline_add_label(SimpleNamespace(panel=panel, label=str(panel.label)))


def test_the_walk_finds_the_inline_panels():
    assert {"campaigns.CampaignPartner", "press.Speaker"} <= dict(INLINE_PANELS).keys()


@pytest.mark.parametrize(("child", "panel"), INLINE_PANELS, ids=lambda v: str(v)[:40])
def test_an_inline_panels_add_button_names_one_child(child, panel):
    """Wagtail wrote «Add %(label)s» with the panel's plural label: «إضافة المتدخلون»,
    «Ajouter un(e) Intervenants»."""
    arabic, french = inline_button(panel, "ar"), inline_button(panel, "fr")
    assert arabic.startswith("إضافة ") and not arabic.split()[1].startswith("ال"), arabic
    assert re.match(r"Ajouter (un|une) [a-zàâçéèêëîïôûù]", french), french


def test_the_campaign_forms_partner_button_reads_add_a_partner(admin_speaking, demo):
    from campaigns.models import CampaignPage

    page = CampaignPage.objects.filter(locale__language_code="ar").first()
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    html = re.sub(r"\s+", " ", admin_speaking("ar").get(url).content.decode())
    assert "إضافة شريك" in html and "إضافة الشركاء" not in html
