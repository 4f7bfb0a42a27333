"""The listings' Region filter lists the regions of the user's campaigns' countries only,
each named once (with its country when names repeat) in the reader's alphabetical order: the
needs listing offered all 340 regions of 22 countries, «العاصمة» four times, by ISO code.
The Regions listing reads by country then region name in the reader's language, and its
search finds a country's regions by the country's name («Maroc»).

Generated over every tracker filter set with a region filter and every language."""

import html as entities
import re
from collections import Counter

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from campaigns.countries import collation_key, country_name, sorted_country_choices
from campaigns.models import CampaignPage
from campaigns.tracker import admin_filters, services
from campaigns.tracker.models import Region

LANGUAGES = ["ar", "fr", "en"]
FILTERSETS = [
    filterset
    for filterset in vars(admin_filters).values()
    if isinstance(filterset, type)
    and hasattr(filterset, "base_filters")
    and "region" in getattr(filterset, "base_filters", {})
]


def test_the_walk_finds_the_three_listings():
    assert {f.__name__ for f in FILTERSETS} >= {
        "NeedFilterSet",
        "ContributionFilterSet",
        "DeliveryFilterSet",
    }


def region_choices(filterset_class, user, language):
    request = RequestFactory().get("/")
    request.user = user
    with translation.override(language):
        field = filterset_class(
            request=request, queryset=filterset_class._meta.model.objects.none()
        ).form.fields["region"]
        return [(value.instance, str(label)) for value, label in field.choices if value]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("filterset_class", FILTERSETS, ids=lambda f: f.__name__)
def test_staff_see_the_regions_of_the_campaigns_countries(demo, staff, filterset_class, language):
    choices = region_choices(filterset_class, staff, language)
    countries = set(CampaignPage.objects.values_list("country", flat=True))
    assert choices, (countries, Region.objects.values_list("country").distinct().count())
    assert {region.country for region, _label in choices} == countries
    assert len(choices) == Region.objects.filter(country__in=countries).count()
    labels = [label for _region, label in choices]
    assert len(set(labels)) == len(labels), Counter(labels).most_common(3)
    assert labels == sorted(labels, key=collation_key)
    with translation.override(language):
        for region, label in choices:
            assert label.startswith(region.name_in(language))


@pytest.mark.parametrize("filterset_class", FILTERSETS, ids=lambda f: f.__name__)
def test_partner_staff_see_the_regions_of_their_campaigns_countries(demo, member, filterset_class):
    choices = region_choices(filterset_class, member, "fr")
    countries = set(services.campaigns_for(member).values_list("country", flat=True))
    known = set(Region.objects.values_list("country", flat=True))
    assert {region.country for region, _label in choices} == countries, (len(known), countries)


def test_repeated_names_are_told_apart_by_their_country():
    regions = [
        Region(pk=1, country="TN", code="TN-11", name_ar="العاصمة"),
        Region(pk=2, country="JO", code="JO-AM", name_ar="العاصمة"),
        Region(pk=3, country="TN", code="TN-42", name_ar="القصرين"),
    ]
    labels = admin_filters.region_labels(regions, "ar")
    assert labels[3] == "القصرين"
    assert labels[1] == f"العاصمة ({country_name('TN', 'ar')})"
    assert labels[1] != labels[2]


def region_rows(response):
    """The region codes of a Regions listing page, in their order."""
    return re.findall(r"<td[^>]*>\s*([A-Z]{2}-[A-Z0-9]+)\s*</td>", response.content.decode())


@pytest.fixture
def regions_url():
    return reverse(Region.snippet_viewset.get_url_name("list"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_regions_listing_reads_by_country_name_then_region_name(
    admin_speaking, db, regions_url, language
):
    response = admin_speaking(language).get(regions_url)
    assert response.status_code == 200
    codes = region_rows(response)
    assert codes
    regions = {r.code: r for r in Region.objects.filter(code__in=codes)}
    countries = [code for code, _name in sorted_country_choices(language)]
    keys = [
        (countries.index(regions[c].country), collation_key(regions[c].name_in(language)))
        for c in codes
    ]
    assert keys == sorted(keys)


@pytest.mark.parametrize("language,term", [("fr", "Maroc"), ("en", "Morocco"), ("ar", "المغرب")])
def test_searching_a_country_name_finds_its_regions(
    admin_speaking, db, regions_url, language, term
):
    response = admin_speaking(language).get(regions_url, {"q": term})
    assert response.status_code == 200
    codes = region_rows(response)
    assert codes
    assert all(code.startswith("MA-") for code in codes), codes
    html = entities.unescape(response.content.decode())
    morocco = Region.objects.filter(country="MA").first()
    assert morocco.name_in(language) in html
