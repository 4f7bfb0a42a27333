"""Our apps' catalogues hold only messages the code or a template still uses: a message left
behind (the tracker's «Unknown region code “%s”.») is work for translators that no one
reads. The catalogues of overrides (``locale/``, ``portal/localization/locale``) translate
Wagtail's and libraries' strings, not ours, and are not checked here."""

import ast
import re
from functools import cache
from pathlib import Path

import polib
import pytest

from portal.catalogues import project_catalogues

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("campaigns", "home", "portal", "search", "templates")
OVERRIDES = {ROOT / "locale", ROOT / "portal" / "localization" / "locale"}
CATALOGUES = [p for p in project_catalogues() if p.parents[2] not in OVERRIDES]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


@cache
def python_strings():
    """Every string literal of our Python code (implicit concatenations joined)."""
    found = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.add(node.value)
    return found


@cache
def template_text():
    """Our templates' text, whitespace collapsed (``blocktranslate`` bodies span lines)."""
    texts = [
        path.read_text(encoding="utf-8")
        for package in PACKAGES
        for pattern in ("*.html", "*.txt")
        for path in (ROOT / package).rglob(pattern)
    ]
    return " ".join(" ".join(texts).split())


def used(msgid):
    if msgid in python_strings():
        return True
    # In a template, a placeholder is a {{ variable }}: every text between them must be there.
    parts = [" ".join(p.split()) for p in PLACEHOLDER.split(msgid)]
    return all(part in template_text() for part in parts if part.strip())


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_of_our_catalogues_is_used(path):
    unused = [e.msgid for e in polib.pofile(str(path)) if not e.obsolete and not used(e.msgid)]
    assert unused == []


def test_our_catalogues_are_found():
    assert len(CATALOGUES) >= 12
