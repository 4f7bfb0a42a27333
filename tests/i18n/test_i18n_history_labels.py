"""A history line names its object in the reader's language, not in the language of whoever
made the change (issue 29): Wagtail stores each log line's label — the object's name — as it
read when logged, so a contribution or an offer changed from the Arabic admin was named in
Arabic in the French *Reports → Site history*. Generated over every model with scoped log
lines (needs, contributions, deliveries, offers)."""

import html as entities
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import log

from campaigns.tracker.models.log import scoped_models
from portal.localization.page_titles import named

ARABIC = re.compile(r"[\u0600-\u06ff]")
MODELS = sorted(scoped_models(), key=lambda model: model.__name__)


def an_object(model, demo):
    """A demo object of ``model`` (a cash offer made here: the demo has no offers)."""
    if model.__name__ == "Offer":
        from campaigns.tracker.models import Region

        return model.objects.create(
            campaign=demo["campaign"], kind="cash", category="cash", amount=Decimal("100.5"),
            currency="MAD", region=Region.objects.filter(name_fr__gt="").first(),
        )  # fmt: skip
    return (
        model.objects.filter(locale=demo["campaign"].locale).first()
        if hasattr(model, "locale")
        else model.objects.first()
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_line_logged_in_arabic_reads_in_french(admin_speaking, demo, model):
    obj = an_object(model, demo)
    with translation.override("ar"):
        entry = log(obj, "wagtail.edit")
        logged = entry.label
    assert ARABIC.search(logged), logged
    client = admin_speaking("fr")
    html = entities.unescape(
        client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    )
    titles = " ".join(re.findall(r'<td class="title">(.*?)</td>', html, re.S))
    with translation.override("fr"):
        french = named(obj)
    assert not ARABIC.search(french), french
    assert french in titles
    assert logged not in titles
