"""Sentences that name a model read as Arabic and French (issue 28): Wagtail's create form
read «جديد: الاحتياج» (the article after "new") and «Nouvel(le) : besoin»; its messages and
notifications «%(model_name)s « … » créé(e)», «Le {model_name} « … » a été soumis» (French
cannot agree with a noun it does not know: «la contribution», «la distribution»).

The models are every model viewset registered in the admin; the messages are every message
of Wagtail's and wagtail-localize's French catalogues that puts a model's name in a
sentence, so a model or a message added later is checked too."""

import re

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from .test_i18n_add_buttons import VIEWSETS
from .test_i18n_french_plurals import catalogue_entries

# French that hedges a gender it cannot know, or guesses it: «Le(la)», «créé(e)», «ce(tte)».
HEDGED = re.compile(
    r"\((e|la|le|tte|elle)\)|\ble/la\b|\bil/elle\b|\bun\(e\)|^Le \{?%?\(?model_name"
)


def heading(viewset, language):
    from portal.wagtail_add_labels import new_label

    with translation.override(language):
        return new_label(viewset.model)


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_an_arabic_create_form_names_a_new_entry_without_the_article(viewset):
    label = heading(viewset, "ar")
    assert "جديد" in label, label
    assert not re.search(r"جديدة?:?\s+ال", label), label
    assert not re.search(r"[A-Za-z]", label), f"untranslated: {label}"


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda v: v.model._meta.label)
def test_a_french_create_form_agrees_new_with_its_noun(viewset):
    label = heading(viewset, "fr")
    assert re.match(r"Nouve(au|l|lle) [a-zàâçéèêëîïôûùA-Z]", label), label
    assert not HEDGED.search(label), label


def model_messages():
    """(msgid, entry) of every library message that puts a model's name in a sentence."""
    found = {}
    for _folder, entry in catalogue_entries("django"):
        if re.search(r"%\(model_name\)s|\{model_name\}", entry.msgid):
            found.setdefault(entry.msgid, entry)
    return sorted(found.items())


MESSAGES = model_messages()


def test_the_walk_finds_the_messages_of_wagtail_and_wagtail_localize():
    ids = dict(MESSAGES)
    assert "%(model_name)s '%(object)s' created." in ids
    assert (
        "The {model_name} '{object}' was successfully submitted for translation into {locales}"
        in ids
    )


@pytest.mark.parametrize(("msgid", "entry"), MESSAGES, ids=lambda v: str(v)[:50])
def test_a_french_message_about_an_entry_does_not_hedge_its_gender(msgid, entry):
    assert isinstance(entry, polib.POEntry)
    with translation.override("fr"):
        if entry.msgid_plural:
            text = translation.ngettext(entry.msgid, entry.msgid_plural, 2)
        else:
            text = translation.gettext(entry.msgid)
    assert not HEDGED.search(text), text


def test_the_new_need_form_is_headed_new_need(admin_speaking):
    from campaigns.tracker.models import Need

    url = reverse(Need.snippet_viewset.get_url_name("add"))
    arabic = re.sub(r"\s+", " ", admin_speaking("ar").get(url).content.decode())
    assert "احتياج جديد" in arabic
    assert "جديد: الاحتياج" not in arabic and "جديد: احتياج" not in arabic
