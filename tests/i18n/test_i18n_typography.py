"""Issue 15's text on the public pages: French colons, agreeing labels, isolated Latin runs.

* French puts a no-break space before ':' (« Reçu : ») everywhere, never « Reçu: »;
* "All" agrees with each filter's noun (toutes les régions, tous les statuts);
* a need's status agrees with the need (Arabic الحاجة is feminine);
* a Latin name or address on an Arabic page is marked left to right.
"""

import re
from pathlib import Path

import polib
import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from campaigns.tracker.models import NeedStatus
from campaigns.tracker.views import NeedFilterForm
from portal.catalogues import project_catalogues

ROOT = Path(__file__).resolve().parents[2]
# The project's catalogues, not the libraries' under .venv or make bench's .cache.
FRENCH = project_catalogues("fr")
# A colon that ends a French phrase (followed by a space or the end), with what precedes it.
PHRASE_COLON = re.compile(r"(.):(?=\s|$)")
NO_BREAK = "\u00a0\u202f"


def test_french_catalogues_put_a_no_break_space_before_every_colon():
    assert len(FRENCH) >= 8
    glued = []
    for path in FRENCH:
        for entry in polib.pofile(str(path)):
            text = entry.msgstr.replace("Authorization: Bearer", "")  # an HTTP header, verbatim
            for match in PHRASE_COLON.finditer(text):
                if match.group(1) not in NO_BREAK:
                    glued.append(f"{path.relative_to(ROOT)}: {entry.msgstr!r}")
    assert glued == []


# A semicolon, question or exclamation mark that ends a French phrase, with what precedes it.
PHRASE_MARK = re.compile(r"(.)([;?!])(?=\s|$)")


def _french_texts():
    for path in FRENCH:
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                yield path, text


def test_french_catalogues_put_a_no_break_space_before_semicolons_and_marks():
    glued = [
        f"{path.relative_to(ROOT)}: {text!r}"
        for path, text in _french_texts()
        if any(m.group(1) not in NO_BREAK for m in PHRASE_MARK.finditer(text))
    ]
    assert glued == []


def test_french_catalogues_write_the_typographic_apostrophe():
    """« l’aide », never « l'aide » beside it: one apostrophe, the typographic one."""
    ascii = [f"{path.relative_to(ROOT)}: {text!r}" for path, text in _french_texts() if "'" in text]
    assert ascii == []


def test_no_template_glues_a_colon_to_a_translated_label():
    """`{% translate "Received" %}:` printed « Reçu: » in French: the colon belongs in the msgid."""
    glued = [
        f"{path.relative_to(ROOT)}: {line.strip()[:80]}"
        for path in (ROOT / "templates").rglob("*.html")
        for line in path.read_text().splitlines()
        if re.search(r"%\}\s?:", line)
    ]
    assert glued == []


@pytest.mark.django_db
def test_french_needs_figures_have_the_space_before_the_colon(client):
    html = client.get("/fr/jesr/needs/").content.decode()
    for label in ("Reçu", "Distribué", "Foyers atteints", "Urgence"):
        assert f"{label}\u00a0:" in html, label
        assert f"{label}:" not in html, label


def _empty_choice(form, field):
    return dict(form.fields[field].choices)[""]


def test_all_agrees_with_each_filter_in_french():
    with translation.override("fr"):
        form = NeedFilterForm(regions=())
        assert str(_empty_choice(form, "region")) == "Toutes"
        assert str(_empty_choice(form, "category")) == "Toutes"
        assert str(_empty_choice(form, "urgency")) == "Toutes"
        assert str(_empty_choice(form, "status")) == "Tous"


def test_need_statuses_agree_with_the_need():
    with translation.override("ar"):
        assert [str(label) for label in NeedStatus.labels] == ["مفتوحة", "ملبّاة", "منتهية"]
    with translation.override("fr"):
        assert [str(label) for label in NeedStatus.labels] == ["Ouvert", "Satisfait", "Clos"]


def test_latin_text_on_an_arabic_page_is_marked_left_to_right():
    template = Template("{% load l10n_tags %}<li{% script_lang name %}>")
    with translation.override("ar"):
        assert template.render(Context({"name": "Karim & Leila"})) == '<li dir="ltr">'
        assert template.render(Context({"name": "كريم"})) == "<li>"
    with translation.override("fr"):
        assert template.render(Context({"name": "Karim & Leila"})) == "<li>"


@pytest.mark.django_db
def test_arabic_needs_page_isolates_donor_names_and_the_campaign_its_address():
    client = Client()
    needs = client.get("/ar/jesr/needs/").content.decode()
    wall = needs.split('class="tracker-donors"', 1)[1].split("</ul>", 1)[0]
    latin = re.findall(r"<li([^>]*)>([^<]*[A-Za-z][^<]*)</li>", wall)
    assert latin, wall
    assert all('dir="ltr"' in attributes for attributes, _name in latin), latin
    campaign = client.get("/ar/jesr/").content.decode()
    links = re.findall(r'<a href="(https?://[^"]+)"([^>]*)>https?://', campaign)
    assert links, "no printed address on the campaign page"
    assert all('dir="ltr"' in attributes for _url, attributes in links), links


@pytest.mark.django_db
def test_french_capitalises_only_the_first_word_of_the_site_history(admin_speaking):
    html = admin_speaking("fr").get("/admin/reports/site-history/").content.decode()
    assert "Historique du site" in html and "Historique du Site" not in html
