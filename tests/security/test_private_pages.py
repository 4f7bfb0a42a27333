"""A private page (a view restriction on it or an ancestor) is for the people it lets in:
the tracker API's directories and a campaign's own views do not show it to everyone else.
Which public pages link to it, and what leaves the edge, is the purge matrix's
(``tests/prod/test_prod_purge_matrix.py``)."""

import pytest
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage, PartnerIndexPage, PartnerPage

pytestmark = pytest.mark.django_db


def ids(client, path):
    answer = client.get(path)
    assert answer.status_code == 200, path
    return {item["id"] for item in answer.json()["results"]}


def test_a_private_campaign_leaves_the_api_and_its_views(client, demo):
    campaign = demo["campaign"]
    assert campaign.pk in ids(client, "/api/v1/campaigns/?locale=ar")
    PageViewRestriction.objects.create(page=campaign, restriction_type="login")
    assert campaign.pk not in ids(client, "/api/v1/campaigns/?locale=ar")
    assert client.get(f"/api/v1/campaigns/{campaign.pk}/").status_code == 404
    assert client.get(f"/api/v1/campaigns/{campaign.pk}/totals/").status_code == 404
    for path in ("/ar/jesr/", "/ar/jesr/needs/"):  # the page asks for a login; its views too
        assert client.get(path).status_code in {302, 404}, path


def test_partners_under_a_private_index_leave_the_api(client, demo):
    index = PartnerIndexPage.objects.get(locale__language_code="ar")
    partners = set(PartnerPage.objects.child_of(index).live().values_list("pk", flat=True))
    assert partners <= ids(client, "/api/v1/partners/?locale=ar&page_size=100")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert not partners & ids(client, "/api/v1/partners/?locale=ar&page_size=100")
    for pk in partners:
        assert client.get(f"/api/v1/partners/{pk}/").status_code == 404
    assert CampaignPage.objects.live().filter(slug="jesr").exists()  # nothing else changed


def test_a_private_campaigns_needs_leave_the_site_search(client, demo):
    from campaigns.tracker.models import Need

    need = Need.objects.filter(campaign=demo["campaign"]).exclude(title="").first()
    link = "/ar/jesr/needs/#need-"

    def found():
        return link in client.get("/ar/search/", {"q": need.title}).content.decode()

    assert found()
    PageViewRestriction.objects.create(page=demo["campaign"], restriction_type="login")
    assert not found()  # its needs page answers 404 to everyone else
