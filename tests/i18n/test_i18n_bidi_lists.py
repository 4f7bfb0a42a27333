"""Arabic reading order and punctuation on every public page type (issue 15, items 2, 3, 11).

* an amount with its currency and a percentage are bidi-isolated (``<bdi>``), so an Arabic
  line reads "received: 13.500,500 TND / 20.000,000 TND (67,5 %)" on every screen width;
* Arabic text separates items with the Arabic comma or CLDR's list pattern, never ', ';
* Arabic text on a French or English page (the organisation's name in the footer, an
  untranslated partner or donor) carries ``lang="ar"`` and ``dir``.
"""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.page_text import latin_commas_in_arabic, unmarked_arabic
from tests.public_pages import public_states

AMOUNT = re.compile(r"\d[\d\s.,\u00a0\u202f]*\s?(TND|EUR|USD)")
PERCENT = re.compile(r"\d[\s\u200e]?[%٪]")


def _outside_isolation(html):
    """The <main> of a page with every <bdi> element and every tag removed."""
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<bdi\b[^>]*>.*?</bdi>", "", main, flags=re.S)
    return re.sub(r"<[^>]+>", " ", main)


@pytest.mark.parametrize("path", ["/ar/jesr/needs/", "/ar/jesr/"])
def test_amounts_and_percentages_are_isolated_in_arabic(client, db, path):
    html = client.get(path).content.decode()
    assert "TND" in html
    left = _outside_isolation(html)
    assert AMOUNT.findall(left) == [], AMOUNT.search(left)
    assert PERCENT.findall(left) == [], PERCENT.search(left)


def test_arabic_pages_use_the_arabic_comma(client, db):
    failures = []
    for name, path in public_states("ar"):
        for text in latin_commas_in_arabic(client.get(path).content.decode()):
            failures.append(f"{name} {path}: {text}")
    assert failures == [], "\n".join(failures)


def test_release_place_and_date_use_the_arabic_comma(client, db):
    """The failing input: 'تونس, 15 مايو 2020' on the Arabic release."""
    path = dict(public_states("ar"))["release"]
    html = client.get(path).content.decode()
    assert re.search(r"تونس،\s*<time", html), "no Arabic comma after the place"


def test_press_conference_date_and_time_use_the_arabic_comma(client, db):
    """The failing input: «الجمعة 15 مايو 2020, 10:00 – 12:00» under «متى» on every Arabic
    release with a press conference (digits on both sides: the generic check misses it)."""
    from campaigns.press.models import PressReleasePage

    releases = PressReleasePage.objects.live().filter(
        locale__language_code="ar", event_start__isnull=False
    )
    assert releases.exists(), "the demo content has no Arabic release with an event"
    for release in releases:
        html = client.get(release.url).content.decode()
        when = html.split('class="event-details', 1)[1].split("</dd>", 1)[0]
        text = re.sub(r"<[^>]+>", "", when.split("<dd>", 1)[1])
        assert "," not in text and "،" in text, (release.url, text)
        assert latin_commas_in_arabic(html) == [], release.url


@pytest.mark.parametrize("code", ["fr", "en"])
def test_arabic_text_on_other_pages_is_marked(client, db, code):
    failures = []
    for name, path in public_states(code):
        for text in unmarked_arabic(client.get(path).content.decode()):
            failures.append(f"{name} {path}: {text}")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "العربية والفرنسية والإنجليزية"), ("fr", "A, B et C"), ("en", "A, B, and C")],
)
def test_join_list_follows_cldr(language, expected):
    items = ["العربية", "الفرنسية", "الإنجليزية"] if language == "ar" else ["A", "B", "C"]
    with translation.override(language):
        out = Template("{% load l10n_tags %}{{ items|join_list }}").render(
            Context({"items": items})
        )
    assert out == expected


def test_list_comma_and_script_lang():
    template = Template("{% load l10n_tags %}x{% list_comma %}y<b{% script_lang name %}>")
    with translation.override("ar"):
        assert template.render(Context({"name": "الألكسو"})) == "x، y<b>"
    with translation.override("fr"):
        assert template.render(Context({"name": "الألكسو"})) == 'x, y<b lang="ar" dir="rtl">'
        assert template.render(Context({"name": "ALECSO"})) == "x, y<b>"
