"""The admin names the site in the reader's language: the French dashboard read «53 pages
créées dans منصة التضامن المجتمعي» (Wagtail's one-language site_name). The site's name is its
home page's title in the reader's language (portal/localization/site_names.py)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NAMES = {
    "ar": "منصة التضامن المجتمعي",
    "fr": "Plateforme de solidarité communautaire",
    "en": "Community solidarity platform",
}


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_dashboard_names_the_site_in_the_readers_language(admin_speaking, demo, language):
    html = admin_speaking(language).get(reverse("wagtailadmin_home")).content.decode()
    heading = text(re.search(r'<h1 class="w-h1[^"]*">(.*?)</h1>', html, re.S).group(1))
    summary = text(re.search(r'<ul class="w-summary__list">(.*?)</ul>', html, re.S).group(1))
    assert heading == NAMES[language]
    assert NAMES[language] in summary, summary
    for other, name in NAMES.items():
        if other != language:
            assert name not in summary and name not in heading, (summary, heading)
