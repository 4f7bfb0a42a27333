"""Item 5 of issue 14, the other password form: guesses at a private page's shared password are
limited per address (Wagtail's view is not seen by django-axes)."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from campaigns.models import StandardPage


@pytest.fixture
def private_page(db):
    cache.clear()
    page = StandardPage.objects.filter(locale__language_code="ar").first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="shared-secret"
    )
    yield page, f"/ar/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    cache.clear()


def guess(client, url, page, password, address="198.51.100.7", language="fr"):
    return client.post(
        url,
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_forty_wrong_passwords_then_the_right_one_is_refused(client, private_page):
    page, url = private_page
    answers = [guess(client, url, page, f"guess-{n}").status_code for n in range(40)]
    assert answers[:10] == [200] * 10 and set(answers[10:]) == {429}
    refused = guess(client, url, page, "shared-secret")
    assert refused.status_code == 429 and refused["Retry-After"] == "900"
    assert "كلمات مرور خاطئة كثيرة" in refused.content.decode()  # the address's language
    # Another visitor is not locked out by this one.
    assert guess(client, url, page, "shared-secret", address="192.0.2.8").status_code == 302
