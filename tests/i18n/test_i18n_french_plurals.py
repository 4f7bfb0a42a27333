"""The French admin agrees in number (issue 19): «2 nouveaux éléments», never «2 nouvel
élément».

Walks the French catalogues the admin reads (Wagtail, wagtail-localize, wagtailmedia, Django's
humanize, the project's own apps; the server's and the JavaScript ones), as the admin reads
them, that is with the project's overrides in locale/fr merged over them, like
test_i18n_arabic_grammar.py walks the Arabic plurals. Two shapes of the same fault:

- a plural message whose French reads the same for 1 and for 2 where the English differs
  (a count, or the list of a chooser's page types);
- a pair of messages the code chooses between itself ("(1 new item in this menu)" /
  "(%(number)s new items in this menu)"), whose French plural reads as the singular.
"""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

ROOT = Path(settings.BASE_DIR)
LIBRARIES = ("wagtail", "wagtail_localize", "wagtailmedia")
DJANGO_APPS = ("django.contrib.humanize",)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}|%[sd]")
COUNTED = re.compile(r"count|counter|total|num|^$")
# Nouns French does not mark for number, after the count («3 fois», «2 mois», «+3 de plus»)
INVARIABLE = re.compile(r"# ?(fois|mois|repas|colis|de plus)\b")


def admin_apps():
    for config in apps.get_app_configs():
        path = Path(config.path)
        own = path.is_relative_to(ROOT) and ".venv" not in path.parts
        if config.name.split(".")[0] in LIBRARIES or config.name in DJANGO_APPS or own:
            yield config


def catalogue_entries(domain):
    """(app path, entry) of every French message of ``domain`` the admin's apps ship, and
    of the project's locale/ (its overrides: the admin reads them too)."""
    folders = {Path(config.path) for config in admin_apps()} | {ROOT}
    for folder in sorted(folders):
        for po in folder.glob(f"locale/fr/LC_MESSAGES/{domain}.po"):
            for entry in polib.pofile(str(po)):
                if entry.msgid and not entry.obsolete:
                    yield folder, entry


def reader(domain, folder):
    """The French the admin shows for a message of ``folder``'s catalogue: the server's
    catalogue, or the JavaScript catalogue Django's JavaScriptCatalog builds for the package
    (LOCALE_PATHS merged over it)."""
    if domain == "django":

        def read(entry, n=None):
            with translation.override("fr"):
                if entry.msgid_plural:
                    if entry.msgctxt:
                        return translation.npgettext(
                            entry.msgctxt, entry.msgid, entry.msgid_plural, n
                        )
                    return translation.ngettext(entry.msgid, entry.msgid_plural, n)
                return translation.gettext(entry.msgid)

        return read
    catalogue = DjangoTranslation("fr", domain="djangojs", localedirs=[str(folder / "locale")])

    def read(entry, n=None):
        if entry.msgid_plural:
            return catalogue.ngettext(entry.msgid, entry.msgid_plural, n)
        return catalogue.gettext(entry.msgid)

    return read


def counted(text):
    return [a or b for a, b in PLACEHOLDER.findall(text) if COUNTED.search(a or b)]


def shape(text, one=False):
    """A message with its count written «#» (and «1» too for ``one``), spaces collapsed.
    Other placeholders stay: a count of a named noun reads «# %(name)s» and «# %(name_plural)s»
    (portal/wagtail_counts.py)."""

    def count_mark(match):
        name = match.group(1) or match.group(2) or ""
        return "#" if COUNTED.search(name) else match.group(0)

    text = PLACEHOLDER.sub(count_mark, text)
    if one:
        text = re.sub(r"\b1\b", "#", text)
    return re.sub(r"\s+", " ", text).strip()


def english_shape(text, one=False):
    """The same, with the English plural's -s dropped: "items" and "item" alike."""
    return " ".join(re.sub(r"s\b", "", word) for word in shape(text, one).split())


def plural_messages():
    found = []
    for domain in ("django", "djangojs"):
        for folder, entry in catalogue_entries(domain):
            if entry.msgid_plural and entry.msgid_plural != entry.msgid:
                found.append(pytest.param(domain, folder, entry, id=f"{domain}-{entry.msgid[:40]}"))
    return found


def message_pairs():
    """(domain, folder, plural entry, "1" entry) the code chooses between itself."""
    pairs = []
    for domain in ("django", "djangojs"):
        ones, many = {}, []
        for folder, entry in catalogue_entries(domain):
            if entry.msgid_plural:
                continue
            if re.search(r"\b1\b", entry.msgid):
                ones[(folder, english_shape(entry.msgid, one=True))] = entry
            elif counted(entry.msgid):
                many.append((folder, entry))
        for folder, entry in many:
            one = ones.get((folder, english_shape(entry.msgid)))
            if one is not None and one.msgid != entry.msgid:
                pairs.append(
                    pytest.param(domain, folder, entry, one, id=f"{domain}-{entry.msgid[:40]}")
                )
    return pairs


PLURALS = plural_messages()
PAIRS = message_pairs()


def test_the_walks_are_not_empty():
    assert len(PLURALS) > 50 and PAIRS


@pytest.mark.parametrize(("domain", "folder", "entry"), PLURALS)
def test_a_french_count_agrees_in_number(domain, folder, entry):
    read = reader(domain, folder)
    one, two = read(entry, 1), read(entry, 2)
    if INVARIABLE.search(shape(two)):
        return
    assert shape(one, one=True) != shape(two), f"2 reads as 1: {two}"


@pytest.mark.parametrize(("domain", "folder", "entry", "one"), PAIRS)
def test_a_french_plural_message_is_not_its_singular(domain, folder, entry, one):
    read = reader(domain, folder)
    singular, plural = read(one), read(entry)
    assert plural != entry.msgid, f"untranslated: {plural}"
    assert shape(plural) != shape(singular, one=True), f"2 reads as 1: {plural}"
    assert "  " not in plural, f"a doubled space: {plural!r}"


def test_the_sidebar_counts_new_items_in_french(admin_speaking):
    """The sidebar's badge (Wagtail's sidebar.js) reads its JavaScript catalogue."""
    catalogue = admin_speaking("fr").get("/admin/jsi18n/").content.decode()
    assert '"(%(number)s new items in this menu)": "(%(number)s nouveaux' in catalogue
