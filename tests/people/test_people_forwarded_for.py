"""Item 12 of issue 14: behind the documented proxies a forged X-Forwarded-For cannot bypass the
offer form's rate limit, and the API's throttling keys on the same address."""

import pytest
from django.test import RequestFactory, override_settings

from campaigns.api.throttling import AnonymousClientThrottle
from campaigns.people.models import Offer
from portal.client_address import client_address

from .conftest import OFFER_URL, valid_offer

pytestmark = pytest.mark.django_db
EDGE = "10.0.0.5"  # the edge cache: every request reaches gunicorn from it


# The proxy settings as documented before (first entry trusted) and now (one proxy).
@override_settings(
    PEOPLE_OFFER_RATE=(3, 3600), PEOPLE_TRUST_X_FORWARDED_FOR=True, PORTAL_TRUSTED_PROXY_COUNT=1
)
def test_a_forged_forwarded_for_does_not_reset_the_offer_limit(client, running):
    url = OFFER_URL.format(lang="fr")
    for number in range(3):
        # The visitor 198.51.100.7 writes a new "first" entry each time; the edge appends the
        # address it really saw.
        forged = f"203.0.113.{number}, 198.51.100.7"
        response = client.post(url, valid_offer(), REMOTE_ADDR=EDGE, HTTP_X_FORWARDED_FOR=forged)
        assert response.status_code == 302
    refused = client.post(
        url, valid_offer(), REMOTE_ADDR=EDGE, HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7"
    )
    assert refused.status_code == 429 and Offer.objects.count() == 3
    # Another visitor behind the same edge still gets through.
    other = client.post(url, valid_offer(), REMOTE_ADDR=EDGE, HTTP_X_FORWARDED_FOR="192.0.2.8")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.1, 198.51.100.7", EDGE),
        (1, "203.0.113.1, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.1, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", "198.51.100.7"),
        (1, "", EDGE),
    ],
)
def test_one_rule_for_the_form_and_the_api(settings, count, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXY_COUNT = count
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}
    request = RequestFactory().get("/", REMOTE_ADDR=EDGE, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
    assert AnonymousClientThrottle().get_ident(request) == expected
