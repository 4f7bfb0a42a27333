"""Wagtail's and wagtail-localize's admin wording that a user trial stumbled on, in Arabic and
French. Every message of the installed libraries' catalogues goes through Django's gettext as
the admin would show it, so a faulty phrasing is caught wherever it recurs:

* Arabic «صفحة '…' تم إنشائها» (ungrammatical): «أُنشئت الصفحة «…».»;
* Arabic «انظر في الواقع», «نسخة حية», «البدء المباشر» (word for word "live"): «عرض الصفحة
  المنشورة», «النسخة المنشورة», «بدء النشر:»;
* French «seront crées» (créées), «Édition de text» (du texte), «Modifier cet item» (élément),
  «Guide du redacteur» (rédacteur).
"""

import importlib
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

LIBRARIES = ("wagtail", "wagtail_localize", "wagtailmedia")
FAULTS = {
    "ar": [
        re.compile(phrase)
        for phrase in (
            "تم إنشائها",
            "انظر في الواقع",
            "نسخة حية",
            "البدء المباشر",
            "النشر المباشر",
            "الصفحة المباشرة",
            "النسخة المباشرة",
        )
    ],
    "fr": [
        re.compile(r"\bcrées\b"),
        re.compile(r"\bde text\b"),
        re.compile(r"\bcet item\b"),
        re.compile(r"\bredacteur"),
    ],
}
# One count of each Arabic plural form (0, 1, 2, 3-10, 11-99, 100+), and French's two.
COUNTS = (0, 1, 2, 3, 11, 100)


def library_catalogues(language):
    for name in LIBRARIES:
        package = Path(importlib.import_module(name).__file__).parent
        for path in sorted(package.glob(f"**/locale/{language}/LC_MESSAGES/django.po")):
            yield pytest.param(language, path, id=f"{language}-{path.relative_to(package.parent)}")


def translations(entry):
    """The texts the admin shows for one catalogue entry, every plural form included."""
    if entry.msgid_plural:
        if entry.msgctxt:
            return {npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) for n in COUNTS}
        return {ngettext(entry.msgid, entry.msgid_plural, n) for n in COUNTS}
    if entry.msgctxt:
        return {pgettext(entry.msgctxt, entry.msgid)}
    return {gettext(entry.msgid)}


CATALOGUES = [*library_catalogues("ar"), *library_catalogues("fr")]


def test_the_libraries_catalogues_are_found():
    assert len([p for p in CATALOGUES if p.values[0] == "ar"]) >= 10
    assert len([p for p in CATALOGUES if p.values[0] == "fr"]) >= 10


@pytest.mark.parametrize(("language", "path"), CATALOGUES)
def test_no_faulty_phrasing_in_the_admin(language, path):
    faulty = []
    with translation.override(language):
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            for text in translations(entry):
                if any(fault.search(text) for fault in FAULTS[language]):
                    faulty.append(f"{entry.msgid!r} -> {text!r}")
    assert faulty == []


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Page '%(page_title)s' created.", "أُنشئت الصفحة «جسر»."),
        ("Page '%(page_title)s' created and published.", "أُنشئت الصفحة «جسر» ونُشرت."),
        ("Page '%(page_title)s' has been published.", "نُشرت الصفحة «جسر»."),
    ],
    ids=["created", "created-and-published", "published"],
)
def test_a_page_saved_is_announced_in_an_arabic_sentence(msgid, expected):
    with translation.override("ar"):
        assert gettext(msgid) % {"page_title": "جسر"} == expected


CORRECTED = [
    ("ar", "View live", "عرض الصفحة المنشورة"),
    ("ar", "Live version", "النسخة المنشورة"),
    ("ar", "Live", "النسخة المنشورة"),
    ("ar", "Go-live:", "بدء النشر:"),
    ("fr", "All child pages will be created.", "Toutes les sous-pages seront créées."),
    ("fr", "Text editing", "Édition du texte"),
    ("fr", "Edit this item", "Modifier cet élément"),
]


@pytest.mark.parametrize(
    ("language", "msgid", "expected"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}") for case in CORRECTED],
)
def test_the_reported_labels_read_the_corrected_wording(language, msgid, expected):
    with translation.override(language):
        assert gettext(msgid) == expected
