"""Raw values and English in the Arabic and French admin (issue 19): StreamField's blank
choice, the locales' usage, the inspect views' labels, Python values and UTC times, the aging
pages report's "None"."""

import html
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from portal.localization.numbers import format_moment

from .admin_pages import page_of, texts

pytestmark = pytest.mark.django_db

PYTHON_WORDS = {"True", "False", "None"}


# 2. StreamField's blank choice


def in_page(text, page):
    """``text`` shown on the page, or in a block definition's JSON (escaped) in an attribute."""
    return text in page or json.dumps(text)[1:-1] in html.unescape(page)


@pytest.mark.parametrize(
    ("language", "blank"), [("ar", "- اختاروا خيارًا -"), ("fr", "- Sélectionner une option -")]
)
def test_the_video_blocks_blank_choice_in_the_users_language(admin_speaking, demo, language, blank):
    page = page_of(admin_speaking(language).get(f"/admin/pages/{demo['campaign'].id}/edit/"))
    assert "- Select an option -" not in page
    assert in_page(blank, page)


# 3. Locales' usage

USAGE = {
    "ar": re.compile(r"^\S+ (صفحة|صفحات) \+ \S+ (عنصر آخر|عناصر أخرى|عنصرًا آخر)$"),
    "fr": re.compile(r"^\d+ pages \+ \d+ autres éléments$"),
}


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_locales_usage_in_the_users_language(admin_speaking, demo, language):
    shown = texts(admin_speaking(language).get("/admin/locales/"))
    assert not [text for text in shown if "others" in text]
    assert [text for text in shown if USAGE[language].match(text)], sorted(shown)


# 4 and 8. Inspect views


def need_inspect(client):
    from campaigns.tracker.models import Need

    need = Need.objects.filter(created_by__isnull=True).first()
    return need, client.get(f"/admin/snippets/tracker/need/inspect/{need.pk}/")


@pytest.mark.parametrize(
    ("language", "labels", "no_value"),
    [("ar", {"المعرّف", "مفتاح الترجمة"}, "—"), ("fr", {"ID", "Clé de traduction"}, "—")],
)
def test_inspect_views_label_and_show_values_in_the_users_language(
    admin_speaking, demo, language, labels, no_value
):
    _need, response = need_inspect(admin_speaking(language))
    shown = texts(response)
    assert labels <= shown
    assert "Translation key" not in shown
    assert not PYTHON_WORDS & shown
    assert no_value in shown  # "created by" of a need the demo recorded


def test_inspect_views_show_times_in_the_users_time_zone(admin_speaking, demo):
    need, response = need_inspect(admin_speaking("fr", "Asia/Riyadh"))
    page = page_of(response)
    with translation.override("fr"), timezone.override(ZoneInfo("Asia/Riyadh")):
        riyadh = format_moment(need.created_at)
    with translation.override("fr"), timezone.override(ZoneInfo("UTC")):
        utc = format_moment(need.created_at)
    assert riyadh in page
    assert utc not in page


# 5. The aging pages report


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_aging_pages_never_say_none(admin_speaking, demo, language):
    shown = texts(admin_speaking(language).get("/admin/reports/aging-pages/"))
    assert "None" not in shown
    assert "—" in shown  # the demo's pages were published without a log entry


# 6. The page search's result count


# Arabic counts 3-10 «صفحات» and 11-99 «صفحة» (the demo finds 12: «12 صفحة»).
@pytest.mark.parametrize(
    ("language", "pages"), [("ar", "(صفحات|صفحة)"), ("fr", "pages"), ("en", "pages")]
)
def test_the_page_search_counts_pages_not_none(admin_speaking, demo, language, pages):
    """«عنوان 1-20 من 56 None»: Wagtail's page search gave its title column no model name
    (the second trial of issue 19, as editor and as translator)."""
    shown = " | ".join(texts(admin_speaking(language).get("/admin/pages/search/?q=a")))
    assert not re.search(r"\bNone\b", shown), shown
    assert re.search(rf"\d+ {pages}\b", shown), shown
