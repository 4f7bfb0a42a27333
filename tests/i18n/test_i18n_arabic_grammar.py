"""The Arabic admin reads as correct Arabic (issue 19): counts with their six CLDR forms,
relative times, listings' empty lines and success messages that name the entry.

The matrices are generated from the libraries' own catalogues, so a Wagtail upgrade that
brings a new count or a new one-entry message is checked without a new test."""

import re
from datetime import timedelta
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

LIBRARIES = ("wagtail", "wagtail_localize", "wagtailmedia")
# Django apps whose messages the admin shows (humanize: the naturaltime filter Wagtail registers)
DJANGO_APPS = ("django.contrib.humanize",)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|%[sd]")
COUNTED = re.compile(r"count|counter|total|num|^\{\}$|^%[sd]$")


def library_entries():
    """Every message of the installed admin libraries (their English or Arabic catalogue),
    keyed by (context, msgid)."""
    entries = {}
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in LIBRARIES and config.name not in DJANGO_APPS:
            continue
        for language in ("en", "ar"):
            for po in Path(config.path).glob(f"locale/{language}/LC_MESSAGES/django.po"):
                for entry in polib.pofile(str(po)):
                    entries[(entry.msgctxt, entry.msgid)] = entry
    return entries


ENTRIES = library_entries()
PLURALS = sorted(
    (entry.msgctxt or "", entry.msgid, entry.msgid_plural)
    for entry in ENTRIES.values()
    if entry.msgid_plural
    and any(COUNTED.search(name) for name in PLACEHOLDER.findall(entry.msgid_plural))
)
ONE_ENTRY = sorted(
    msgid
    for (context, msgid) in ENTRIES
    if context is None and re.search(r"%\(model_name\)s '%\((object|title)\)s'", msgid)
)


class Values(dict):
    """A message's values; any other placeholder (a task's, a time's) reads «…»."""

    def __missing__(self, key):
        return "…"


def arabic(context, singular, plural, n):
    with translation.override("ar"):
        if context:
            return translation.npgettext(context, singular, plural, n)
        return translation.ngettext(singular, plural, n)


def test_the_matrices_are_not_empty():
    assert len(PLURALS) > 50 and len(ONE_ENTRY) > 10


@pytest.mark.parametrize(("context", "singular", "plural"), PLURALS, ids=lambda v: v[:40])
def test_a_count_reads_as_arabic(context, singular, plural):
    """Two is said by the dual alone («صفحتان», never «2 صفحتين»); 3-10 take the plural and
    11-99 the singular («3 صفحات», «11 صفحة»), so the two forms differ."""
    counted = [name for name in PLACEHOLDER.findall(plural) if COUNTED.search(name)]
    two, three, eleven = (arabic(context, singular, plural, n) for n in (2, 3, 11))
    assert not all(name in two for name in counted), f"a digit before the dual: {two}"
    if any(name in three and name in eleven for name in counted):
        assert three != eleven, f"3-10 and 11-99 read alike: {three}"


@pytest.mark.parametrize("msgid", ONE_ENTRY, ids=lambda v: v[:50])
def test_a_message_about_one_entry_names_it_as_the_reader_knows_it(msgid):
    values = Values(model_name="تبرع", object="مال – 250 د.ت.", title="مال – 250 د.ت.")
    with translation.override("ar"):
        text = translation.gettext(msgid) % values
    assert "«مال – 250 د.ت.»" in text, text
    assert "تبرع" not in text and "'" not in text, text


@pytest.mark.parametrize(
    ("language", "ago", "expected"),
    [
        ("ar", timedelta(seconds=20), "الآن"),
        ("ar", timedelta(minutes=2), "قبل دقيقتين"),
        ("ar", timedelta(minutes=63), "قبل ساعة"),  # was «قبل ساعة، 3 دقائق»
        ("ar", timedelta(hours=2, minutes=2), "قبل ساعتين"),
        ("ar", timedelta(hours=3, minutes=11), "قبل 3 ساعات"),
        ("ar", timedelta(days=12, hours=3), "قبل أسبوع"),
        ("fr", timedelta(seconds=20), "à l’instant"),  # was «il y a 0 minute»
        ("fr", timedelta(hours=1, minutes=3), "il y a 1 heure"),
    ],
)
def test_relative_times_read_one_unit(language, ago, expected):
    """Wagtail's short relative time keeps one unit in every language (it cut at a Latin
    comma, Arabic joins with «، »), and under a minute reads «الآن», «à l’instant»."""
    with translation.override(language):
        shown = str(timesince_simple(timezone.now() - ago))  # lazy: read in the language
    assert shown.replace("\xa0", " ") == expected


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_last_update_before_today_reads_one_unit(language):
    """The side panel's «last updated» of an older entry ({% timesince_last_update %})."""
    last_update = timezone.now() - timedelta(days=1, hours=1, minutes=3)
    template = Template("{% load wagtailadmin_tags %}{% timesince_last_update when %}")
    with translation.override(language):
        shown = template.render(Context({"when": last_update}))
    assert shown.replace("\xa0", " ") == {"ar": "قبل يوم", "fr": "il y a 1 jour"}[language]


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (timedelta(minutes=2), "قبل دقيقتين"),  # was «منذ 2 دقيقة»
        (timedelta(hours=3), "قبل 3 ساعات"),  # was «منذ 3 ساعة»
        (timedelta(days=1, hours=1), "قبل يوم، ساعة"),  # was «1 يوم، 1 ساعة مضت»
    ],
)
def test_natural_times_in_arabic(ago, expected):
    with translation.override("ar"):
        shown = str(naturaltime(timezone.now() - ago))
    assert shown.replace("\xa0", " ") == expected


def test_the_relative_time_workaround_is_still_needed():
    """portal/wagtail_relative_times.py replaces two Wagtail 8.0 tags; on an upgrade, check
    whether Wagtail still cuts at "," and delete the module if not."""
    import wagtail

    from portal import wagtail_relative_times

    assert wagtail.__version__.startswith(wagtail_relative_times.PATCHED_FOR)


def tracker_listings():
    from campaigns.people.models import Offer

    tracker = apps.get_app_config("tracker").get_models()
    return [*(model for model in tracker if hasattr(model, "snippet_viewset")), Offer]


@pytest.mark.django_db
@pytest.mark.parametrize("model", tracker_listings(), ids=lambda m: m.__name__)
def test_a_tracker_listing_with_no_match_reads_as_arabic(admin_speaking, demo, model):
    if hasattr(model, "snippet_viewset"):
        url = reverse(model.snippet_viewset.get_url_name("list"))
    else:
        url = reverse("people_offers:index")
    response = admin_speaking("ar").get(url, {"q": "zzqqxxzz"})
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", response.content.decode())
    with translation.override("ar"):
        name = str(model._meta.verbose_name_plural)
    assert not re.search(r"لا (يوجد|توجد) ال", text)
    assert f"لا شيء في قائمة {name} يطابق بحثك" in text
