"""The rich-text editor's formats, on its toolbar and in its keyboard-shortcut dialog, are
named in the admin's language: Arabic read «Bold Ctrl + b», «Italic» and «يشطب» for
strikethrough; French read «Embed». Every Draftail feature Wagtail and the project register."""

import re

import pytest
from django.utils import translation
from wagtail.rich_text import features

ARABIC = re.compile(r"[\u0600-\u06ff]")
SAME_IN_FRENCH = {"Code", "Document", "Image"}


def descriptions():
    features.get_editor_plugin("draftail", "bold")  # Wagtail registers the features lazily
    found = {}
    for name, plugin in features.plugins_by_editor["draftail"].items():
        data = getattr(plugin, "data", None)
        if isinstance(data, dict) and data.get("description"):
            found[name] = data["description"]
    return found


DESCRIPTIONS = descriptions()


def test_the_editor_has_formats():
    assert {"bold", "italic", "strikethrough"} <= set(DESCRIPTIONS)


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_each_format_is_named_in_arabic_and_french(name):
    description = DESCRIPTIONS[name]
    with translation.override(None):
        english = str(description)
    with translation.override("ar"):
        arabic = str(description)
    with translation.override("fr"):
        french = str(description)
    assert ARABIC.search(arabic), (name, arabic)
    assert french != english or english in SAME_IN_FRENCH, (name, french)


def test_strikethrough_reads_as_a_line_through_the_text():
    with translation.override("ar"):
        assert str(DESCRIPTIONS["strikethrough"]) == "يتوسطه خط"
