"""The French dashboard's summary counts read as French: «53 pages créées dans Portail», the
noun lower-case after its count and the participle agreeing with it (Wagtail's French read
«53 Pages crées dansPortail»). Every «… created in <site>» message the admin's apps ship."""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils import translation

SUMMARY = re.compile(r"created in %\(site_name\)s")
TAG = re.compile(r"<[^>]+>")
PARTICIPLE = re.compile(r"\b(cré\w*) dans (\S)")


def summary_messages():
    found = {}
    for config in apps.get_app_configs():
        po = Path(config.path) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
        if po.exists():
            for entry in polib.pofile(str(po)):
                if entry.msgid_plural and SUMMARY.search(entry.msgid):
                    found[entry.msgid] = entry
    return sorted(found.values(), key=lambda e: e.msgid)


MESSAGES = summary_messages()


def test_the_admin_has_summary_counts():
    assert len(MESSAGES) >= 3


@pytest.mark.parametrize("entry", MESSAGES, ids=lambda e: e.msgid.split()[1])
def test_a_summary_count_reads_as_french(entry):
    with translation.override("fr"):
        one, many = (
            translation.ngettext(entry.msgid, entry.msgid_plural, n)
            % {"total": n, "site_name": "Portail"}
            for n in (1, 53)
        )
    one, many = (TAG.sub("", text) for text in (one, many))
    for text in (one, many):
        noun = text.split()[1]
        assert noun == noun.lower(), text
        assert PARTICIPLE.search(text), text
    singular, plural = PARTICIPLE.search(one).group(1), PARTICIPLE.search(many).group(1)
    assert plural == singular + "s", (one, many)
    assert singular in ("créé", "créée"), one
