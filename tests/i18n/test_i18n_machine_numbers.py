"""No number written for a machine passes through locale formatting (issue 15, item 1).

Every public page type is rendered in Arabic, French and English (and in Arabic with
Arabic-Indic digits); every machine-read place of its HTML (SVG geometry, ``style``,
``data-*``, ``srcset``, ``<time datetime>``, ``<meta content>``, JSON-LD, CSS) is scanned for
a decimal comma or Arabic-Indic digits. No browser: the HTML is parsed.
"""

import datetime

import pytest

from tests.machine_numbers import machine_number_problems
from tests.public_pages import LANGUAGES, public_states


@pytest.fixture
def running_campaign(db):
    """The demo campaign running today (the offer form shows its fields), in every language."""
    from campaigns.models import CampaignPage

    today = datetime.date.today()
    CampaignPage.objects.filter(slug="jesr").update(
        start_date=today - datetime.timedelta(days=3), end_date=today + datetime.timedelta(days=10)
    )


def _scan(client, code):
    failures = []
    for name, path in public_states(code):
        response = client.get(path)
        assert response.status_code in (200, 404), f"{path}: {response.status_code}"
        for problem in machine_number_problems(response.content.decode()):
            failures.append(f"{name} {path}: {problem}")
    return failures


@pytest.mark.parametrize("code", LANGUAGES)
def test_machine_read_numbers_are_plain_on_every_page_type(client, running_campaign, code):
    failures = _scan(client, code)
    assert failures == [], "\n".join(failures)


def test_machine_read_numbers_stay_western_with_arabic_indic_digits(
    client, running_campaign, settings
):
    settings.PORTAL_DIGIT_STYLE = {"ar": "arab"}
    failures = _scan(client, "ar")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("code", ["ar", "fr"])
def test_needs_chart_geometry_is_written_with_a_dot(client, running_campaign, code):
    """The failing input: x="39,7" and height="0,0" on /ar/jesr/needs/ and /fr/jesr/needs/."""
    html = client.get(f"/{code}/jesr/needs/").content.decode()
    assert 'class="tracker-svg__bar' in html
    assert machine_number_problems(html) == []


def test_scanner_catches_what_it_looks_for():
    """The scan is not vacuous: each kind of localised machine number is reported."""
    page = (
        '<svg><rect x="39,7" height="0"/></svg><div style="inline-size: 67,5%"></div>'
        '<meta property="og:image:width" content="١٢٠٠"><time datetime="2020-05-15">x</time>'
        '<script type="application/ld+json">{"startDate": "٢٠٢٠-05-15"}</script>'
        "<style>.a{inline-size:1,5rem}</style>"
    )
    problems = machine_number_problems(page)
    assert len(problems) == 5, problems
