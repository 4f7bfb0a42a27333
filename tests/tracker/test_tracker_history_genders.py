"""A tracker history line's action agrees with the entry's name in French: «Saisie» for a
distribution, «Saisi» for a need (the French trial read «Saisi» for a delivery). Every
tracker action on every model with a scoped history, so a new one is checked too."""

import re
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.log_actions import registry

from campaigns.tracker.history_log import Action
from campaigns.tracker.models.log import scoped_models
from portal.wagtail_model_genders import model_gender

# A French past participle ending the action's first word: masculine «Saisi», «Modifié»
MASCULINE = re.compile(r"^\w*(?:é|i)\b")
FEMININE = re.compile(r"^\w*(?:ée|ie)\b")
CASES = [(model, action) for model in scoped_models() for action in Action.values]


def french_line(model, action):
    entry = SimpleNamespace(
        action=f"tracker.{action}",
        content_type=ContentType.objects.get_for_model(model),
        data={},
    )
    with translation.override("fr"):
        return registry.get_formatter(entry).format_message(entry), model_gender(model)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "action"), CASES, ids=[f"{m._meta.model_name}-{a}" for m, a in CASES]
)
def test_the_action_agrees_with_the_entrys_name_in_french(model, action):
    line, gender = french_line(model, action)
    assert gender in ("feminine", "masculine"), model
    if gender == "feminine":
        assert not MASCULINE.match(line), (model, line)
    else:
        assert not FEMININE.match(line), (model, line)


@pytest.mark.django_db
def test_a_delivery_is_saisie_and_a_need_saisi():
    delivery = next(m for m in scoped_models() if m._meta.model_name == "delivery")
    need = next(m for m in scoped_models() if m._meta.model_name == "need")
    assert french_line(delivery, "created")[0] == "Saisie"
    assert french_line(need, "created")[0] == "Saisi"
