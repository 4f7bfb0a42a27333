"""A locale's name inside a sentence of the translation editor agrees with it (issue 19):
«يستخدم النسخة العربية», not «يستخدم الإصدار العربية»; «Utilise la version arabe», not
«Utiliser la version Arabe»; «Publier en français», «نشر النسخة الفرنسية»."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from portal.localization.locale_names import sentence_name

from .test_i18n_admin_locale_names import editor_props
from .test_i18n_translation_workflow import source_page, submit  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

EXPECTED = {
    "ar": ("يستخدم النسخة العربية", "الرجوع إلى النسخة العربية", "نشر النسخة الفرنسية"),
    "fr": ("Utilise la version arabe", "Revenir à la version arabe", "Publier en français"),
}


def js_catalogue(client):
    text = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", text, re.S).group(1))


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_editor_says_which_version_a_segment_uses(
    admin_speaking,
    demo,
    source_page,  # noqa: F811 - the imported fixture
    language,
):
    """What the editor's bundle writes: gettext(msgid).replace("%s", displayName)."""
    client = admin_speaking(language)
    translation_fr = submit(client, source_page, "fr")["fr"]
    url = reverse("wagtailadmin_pages:edit", args=[translation_fr.get_target_instance().id])
    props = editor_props(client.get(url).content.decode())
    catalogue = js_catalogue(client)
    source, target = props["sourceLocale"]["displayName"], props["locale"]["displayName"]
    shown = (
        catalogue["Uses %s version"].replace("%s", source),
        catalogue["Revert to %s version"].replace("%s", source),
        catalogue["Publish in "] + target,
    )
    assert shown == EXPECTED[language]


def test_every_locale_of_the_site_has_its_sentence_name(demo):
    locales = list(Locale.objects.all())
    assert len(locales) >= 3
    for locale in locales:
        with translation.override("fr"):
            french = sentence_name(locale)
        with translation.override("ar"):
            arabic = sentence_name(locale)
        assert french == french.lower() and re.fullmatch(r"[a-zàâçéèêëîïôûù]+", french), french
        # After «النسخة» (feminine): an adjective with the article and the feminine ending.
        assert arabic.startswith("ال") and arabic.endswith("ية"), arabic


def test_a_page_sent_to_one_language_names_it_in_lower_case_in_french(
    admin_speaking,
    source_page,  # noqa: F811 - the imported fixture
):
    from django.contrib.messages import get_messages

    from .test_i18n_translation_workflow import locale

    response = admin_speaking("fr").post(
        reverse("wagtail_localize:submit_page_translation", args=[source_page.id]),
        {"locales": [locale("en").id]},
    )
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.endswith("pour traduction en anglais."), message
