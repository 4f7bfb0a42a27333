"""A listing's footer counts its items with a plural in the reader's language (issue 28):
Wagtail wrote «2 الاحتياجات», «24 الجهات» (the model's plural name, with its article, after
the number); Arabic says «احتياجان», «3 احتياجات», «11 احتياجًا».

The models are every model viewset (snippets included) registered in the admin, so a new one
is counted here without being listed by hand."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.admin.paginator import WagtailPaginator

from tests.factories import CampaignFactory, need_for

from .test_i18n_add_buttons import VIEWSETS

COUNTS = (1, 2, 3, 7, 11, 24, 100, 103)


def footer(model, count, language):
    """The footer Wagtail's paginator writes under a listing of ``count`` items."""
    paginator = WagtailPaginator(model.objects.none(), 20)
    paginator.__dict__["count"] = count  # the paginator's cached count, as a listing fills it
    with translation.override(language):
        return str(paginator.items_count_label)


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_an_arabic_listing_count_never_puts_a_definite_plural_after_its_number(viewset):
    for count in COUNTS:
        label = footer(viewset.model, count, "ar")
        assert not re.search(r"\d+\s+ال", label), f"{count}: {label}"
        assert str(count) in label or count <= 2, label
        assert not re.search(r"[A-Za-z]", label), f"untranslated: {label}"


def test_the_needs_listing_footer_counts_needs_in_arabic(admin_speaking):
    from campaigns.tracker.models import Need

    campaign = CampaignFactory()
    client = admin_speaking("ar")
    url = reverse(Need.snippet_viewset.get_url_name("list"))
    expected = {1: "احتياج واحد", 2: "احتياجان", 3: "3 احتياجات", 11: "11 احتياجًا"}
    made = 0
    for count, phrase in expected.items():
        while made < count:
            need_for(campaign, region="TN-11")
            made += 1
        html = client.get(url, {"campaign": campaign.pk}).content.decode()
        end = re.sub(r"\s+", " ", html.split('class="pagination__end"', 1)[1].split("</div>")[0])
        assert phrase in end, f"{count}: {end}"
        assert "الاحتياجات" not in end, end


def test_the_count_workaround_is_still_needed():
    """portal/wagtail_counts.py replaces Wagtail 8.0's WagtailPaginator.items_count_label;
    on an upgrade, check whether Wagtail still writes f"{count} {verbose_name_plural}"."""
    import wagtail

    from portal import wagtail_counts

    assert wagtail.__version__.startswith(wagtail_counts.PATCHED_FOR)


def test_a_listing_count_leaves_the_trackers_units_alone():
    """The listings' phrases have their own context: the tracker's «3 قطع» (3 items of
    goods) is not a listing's «3 عناصر»."""
    from decimal import Decimal

    from campaigns.tracker.models.display import format_quantity

    with translation.override("ar"):
        assert "قطع" in format_quantity(Decimal(3), "item")
        paginator = WagtailPaginator([1, 2, 3], 20)
        assert str(paginator.items_count_label) == "3 عناصر"
