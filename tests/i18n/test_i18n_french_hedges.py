"""The French admin writes whole words, not hedges: «Voulez-vous vraiment supprimer cette
page ?», never «Êtes-vous sûr(e) …», «Publié(e)», «ce(tte) %(snippet_type_name)s» or
«sous-page(s)»; and it calls a locale a «langue», as the Locales listing does, never a
«région» (the portal's regions are places in a country).

Walks every message of the French catalogues, the server's and the JavaScript ones, that the
installed wagtail* packages ship (Wagtail, wagtail-localize, wagtailmedia) and reads it as the
admin does, that is with the project's overrides in locale/fr merged over them.
"""

import pkgutil
import re
from importlib import import_module
from pathlib import Path

import polib
import pytest
from django.utils.translation import trans_real

# «(e)», «(s)», «(es)», «(le)», «ce(tte)», «ce/cette», «un(e)», «Le(la)»
HEDGE = re.compile(r"\((?:e|es|s|tte|le|la)\)|\bce/cette\b|\bun\(e\)", re.IGNORECASE)
LOCALE_AS_REGION = re.compile(r"\brégions?\b", re.IGNORECASE)


def french_catalogues(domain):
    """{app's dotted path: its French ``domain``.po} for every importable top-level wagtail*
    package ("wagtail.admin", "wagtail_localize", "wagtailmedia", …)."""
    found = {}
    for module in pkgutil.iter_modules():
        if not module.name.startswith("wagtail"):
            continue
        for folder in import_module(module.name).__spec__.submodule_search_locations or []:
            for po in Path(folder).rglob(f"locale/fr/LC_MESSAGES/{domain}.po"):
                app = po.relative_to(Path(folder).parent).parents[3]
                found[".".join(app.parts)] = po
    return dict(sorted(found.items()))


def admin_catalogue(domain, po):
    """The French catalogue the admin reads ``po``'s messages from: the server's (every app's,
    LOCALE_PATHS over them), or the one Django's JavaScriptCatalog builds for the package."""
    if domain == "django":
        return trans_real.translation("fr")
    return trans_real.DjangoTranslation("fr", domain=domain, localedirs=[str(po.parents[2])])


def shown(entry, catalogue):
    """Every French text the admin can show for ``entry`` (each plural form)."""
    if entry.msgid_plural:
        if entry.msgctxt:
            return [
                catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
        return [catalogue.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
    if entry.msgctxt:
        return [catalogue.pgettext(entry.msgctxt, entry.msgid)]
    return [catalogue.gettext(entry.msgid)]


def offenders(domain, po, wrong):
    """The French texts, sorted, that the admin shows for ``po``'s messages and that match
    the regular expression ``wrong``."""
    catalogue = admin_catalogue(domain, po)
    return sorted(
        {
            text
            for entry in polib.pofile(str(po))
            if entry.msgid and not entry.obsolete
            for text in shown(entry, catalogue)
            if wrong.search(text)
        }
    )


CATALOGUES = {
    (domain, app): po
    for domain in ("django", "djangojs")
    for app, po in french_catalogues(domain).items()
}


def test_the_walk_finds_the_libraries_catalogues():
    apps = {"wagtail", "wagtail.admin", "wagtail.locales", "wagtail_localize", "wagtailmedia"}
    assert {("django", app) for app in apps} <= CATALOGUES.keys()
    assert {("djangojs", "wagtail.admin"), ("djangojs", "wagtail_localize")} <= CATALOGUES.keys()


@pytest.mark.parametrize(("domain", "app"), CATALOGUES, ids="-".join)
def test_a_french_message_has_no_gender_or_number_hedge(domain, app):
    found = offenders(domain, CATALOGUES[domain, app], HEDGE)
    assert not found, f"{len(found)} hedged:\n" + "\n".join(found)


def test_a_locale_is_a_langue_not_a_region():
    found = offenders("django", CATALOGUES["django", "wagtail.locales"], LOCALE_AS_REGION)
    assert not found, f"{len(found)} call a locale a région:\n" + "\n".join(found)


def test_the_hedges_are_recognised():
    """The patterns above catch what Wagtail's French wrote, and not ordinary French."""
    for hedged in ("Publié(e)", "sous-page(s)", "ce(tte) page", "ce/cette", "Le(la) x", "un(e) x"):
        assert HEDGE.search(hedged), hedged
    for plain in ("Publication", "%(count)s sous-pages", "cet élément", "Ajouter : x"):
        assert not HEDGE.search(plain), plain
