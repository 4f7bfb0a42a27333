"""The demo's media (issue 19): the clips and the television report are titled in Arabic, the
source language, as the media library of an Arabic-first portal would list them; their files
keep Latin names (safe in any storage and URL)."""

import re

import pytest
from wagtailmedia.models import get_media_model

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_every_demo_media_item_has_an_arabic_title():
    media = list(get_media_model().objects.all())
    assert len(media) >= 3  # the campaign's clip, the appeal's clip, the television report
    assert [item.title for item in media if not ARABIC.search(item.title)] == []


def test_the_demo_media_files_keep_latin_names():
    for item in get_media_model().objects.all():
        assert item.file.name.isascii(), item.file.name
