"""A coverage item's title reads «outlet : headline» in French, with the no-break space
French puts before a colon, in the admin (its ``__str__``) and in the coverage feed; and no
model of ours builds a name by gluing values with a bare «: » (generated over every model)."""

import ast
import inspect
import textwrap
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from campaigns.press.feeds import CoverageFeed
from campaigns.press.models import Coverage

ROOT = Path(settings.BASE_DIR)
PUNCTUATION = (":", ";", "!", "?")


def our_models_with_names():
    for model in apps.get_models():
        source = Path(inspect.getsourcefile(model))
        if source.is_relative_to(ROOT) and ".venv" not in source.parts and "__str__" in vars(model):
            yield model


def glued_values(function):
    """The f-strings of ``function`` that put a value, a bare «: » and another value."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = node.values
            for before, text, after in zip(parts, parts[1:], parts[2:], strict=False):
                if (
                    isinstance(before, ast.FormattedValue)
                    and isinstance(after, ast.FormattedValue)
                    and isinstance(text, ast.Constant)
                    and text.value.strip() in PUNCTUATION
                ):
                    yield ast.unparse(node)


MODELS = sorted(our_models_with_names(), key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_a_models_name_uses_the_readers_punctuation(model):
    assert not list(glued_values(model.__str__)), model


def test_coverage_feed_titles_use_the_readers_punctuation():
    assert not list(glued_values(CoverageFeed.item_title))


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "La Presse\u00a0: Des colis"), ("en", "La Presse: Des colis")],
)
def test_a_coverage_title_in_the_readers_punctuation(language, title):
    item = Coverage(outlet="La Presse", headline="Des colis")
    with translation.override(language):
        assert str(item) == title
        assert CoverageFeed().item_title(item) == title
