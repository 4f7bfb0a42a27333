"""wagtail-localize's translation editor in the Arabic and French admin (issue 19): the
locales' names in the reader's language (not «Traduction : العربية → English»), its segments'
"More actions" and its "Publish in" button."""

import html
import json
import re
from pathlib import Path

import pytest
import wagtail_localize
from django.urls import reverse

from .admin_pages import page_of, texts
from .test_i18n_translation_workflow import source_page, submit  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

LOCALIZE = Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js"


# 1. wagtail-localize's translation editor

# Inside a sentence, French writes them in lower case («Utilise la version arabe»).
EDITOR_LOCALES = {"ar": ("العربية", "الفرنسية"), "fr": ("arabe", "français")}
MORE_ACTIONS = {"ar": "إجراءات أخرى", "fr": "Plus d'actions"}


def editor_props(page):
    found = re.search(r'class="[^"]*js-translation-editor[^"]*"[^>]*data-props="([^"]*)"', page)
    if found is None:
        found = re.search(r'data-props="([^"]*)"[^>]*class="[^"]*js-translation-editor', page)
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_translation_editor_names_the_locales_in_the_users_language(
    admin_speaking,
    demo,
    source_page,  # noqa: F811 - the imported fixture
    language,
):
    client = admin_speaking(language)
    translation_fr = submit(client, source_page, "fr")["fr"]
    url = reverse("wagtailadmin_pages:edit", args=[translation_fr.get_target_instance().id])
    page = page_of(client.get(url))
    props = editor_props(page)
    names = (props["sourceLocale"]["displayName"], props["locale"]["displayName"])
    assert names == EDITOR_LOCALES[language]
    # Its segments' "More actions", relabelled by static/js/admin-translation-heading.js.
    script = re.search(r'<script [^>]*data-more-actions="([^"]*)"', page)
    assert html.unescape(script.group(1)) == MORE_ACTIONS[language]


def test_the_locales_listing_names_them_in_the_users_language(admin_speaking, demo):
    names = texts(admin_speaking("ar").get("/admin/locales/"))
    assert {"العربية", "الفرنسية", "الإنجليزية"} <= names
    assert not {"Français", "English"} & names


def test_the_editors_bundle_still_writes_more_actions_in_english():
    """Pins the upstream gap static/js/admin-translation-heading.js works around: the label is
    a literal in the bundle, not a gettext call, so no catalogue reaches it."""
    bundle = LOCALIZE.read_text()
    assert '"More actions"' in bundle
    assert 'gettext)("More actions")' not in bundle and 'gettext("More actions")' not in bundle


def test_the_editors_publish_button_reads_as_french(admin_speaking):
    catalogue = admin_speaking("fr").get("/admin/localize/jsi18n/").content.decode()
    assert '"Publish in ": "Publier en "' in catalogue


def test_the_translate_page_asks_for_languages_not_regions_in_french(
    admin_speaking,
    source_page,  # noqa: F811 - the imported fixture
):
    """wagtail-localize's French calls the locales «Régions»: beside the tracker's regions the
    translate page's checkboxes read as places (the trial of issue 19)."""
    url = reverse("wagtail_localize:submit_page_translation", args=[source_page.id])
    page = page_of(admin_speaking("fr").get(url))
    labels = [
        re.sub(r"<[^>]+>|\*|\s+", " ", label).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", page, re.S)
    ]
    assert "Langues" in labels, labels
    assert "Régions" not in labels
