"""The admin's JavaScript counts read as Arabic counts (issue 28): the sidebar's badge
(Wagtail's sidebar.js) picks one message for every count from 2 up, which Wagtail's Arabic
wrote «(2 عناصر جديدة في هذه القائمة)»; its plural messages wrote «2 خطأين».

The messages are every entry of the Arabic JavaScript catalogue the admin serves that puts a
number in a sentence, so a message added by a Wagtail upgrade is checked too."""

import json
import re

import pytest

NUMBER = re.compile(r"%\((?:num|number|count|counter)\)[sd]")


@pytest.fixture
def arabic_catalogue(admin_speaking):
    """``{msgid: msgstr or [six forms]}`` of the admin's Arabic JavaScript catalogue."""
    script = admin_speaking("ar").get("/admin/jsi18n/").content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


def test_the_catalogue_has_the_sidebar_badge(arabic_catalogue):
    assert "(%(number)s new items in this menu)" in arabic_catalogue


def test_a_count_for_any_number_does_not_put_the_number_before_a_noun(arabic_catalogue):
    """A message for "2 or more" has one text for 2, 3 and 11 (a dual, a plural, a singular
    in Arabic): the number must stand after a label, not before a noun."""
    wrong = {
        msgid: text
        for msgid, text in arabic_catalogue.items()
        if isinstance(text, str) and NUMBER.search(msgid) and "items" in msgid
        if re.search(NUMBER.pattern + r"\s+[\u0621-\u064a]", text)
    }
    assert not wrong, wrong


def test_arabic_plural_forms_say_one_and_two_without_a_digit(arabic_catalogue):
    """Forms 1 and 2 are «واحد» and the dual («خطأ واحد», «خطآن»), not «1 خطأ», «2 خطأين»."""
    wrong = {
        msgid: forms
        for msgid, forms in arabic_catalogue.items()
        if isinstance(forms, list) and len(forms) == 6 and NUMBER.search(msgid)
        if NUMBER.search(forms[1]) or NUMBER.search(forms[2])
    }
    assert not wrong, wrong
