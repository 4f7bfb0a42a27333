"""The offer form helps the visitor fill it in and refuses a closed campaign (issue 15, item 10)."""

import re

import pytest

from campaigns.people.models import Offer

from .conftest import OFFER_URL, valid_offer

pytestmark = pytest.mark.django_db


def test_contact_fields_say_what_they_hold(client, running):
    html = client.get(OFFER_URL.format(lang="ar")).content.decode()
    for name, purpose in (("name", "name"), ("email", "email"), ("phone", "tel")):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'autocomplete="{purpose}"' in field


def test_error_summary_takes_focus_and_links_to_each_bad_field(client, running):
    response = client.post(
        OFFER_URL.format(lang="fr"), valid_offer(email="not-an-address", quantity="")
    )
    assert response.status_code == 200
    html = response.content.decode()
    summary = html.split('id="form-problems"', 1)[1].split("</div>", 1)[0]
    assert "autofocus" in html.split('id="form-problems"', 1)[0].rsplit("<div", 1)[1] + summary
    links = dict(re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', summary))
    assert "id_email" in links and "id_quantity" in links
    for target in links:
        assert f'id="{target}"' in html  # each link lands on its field


@pytest.mark.parametrize("states", [["running"], ["running", "closed"]])
def test_a_closed_campaign_refuses_offers_whatever_the_settings(client, settings, states):
    """The failing input: the development settings took offers for the 2020 campaign."""
    settings.PEOPLE_OFFER_STATES = states
    page = client.get(OFFER_URL.format(lang="ar")).content.decode()
    assert 'name="email"' not in page
    response = client.post(OFFER_URL.format(lang="ar"), valid_offer())
    assert response.status_code == 409
    assert Offer.objects.count() == 0
