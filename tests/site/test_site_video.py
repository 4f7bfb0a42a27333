"""Video markup: poster, captions per language, preload="none", transcript; external embeds."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.blocks import VideoBlock
from campaigns.models import AppealPage, CampaignPage
from campaigns.models.appeal import AppealPageForm

pytestmark = pytest.mark.django_db


def video_tag(html):
    match = re.search(r"<video [^>]*>.*?</video>", html, re.S)
    assert match, "no <video> element"
    return match.group(0)


@pytest.mark.parametrize("code", ["ar", "fr", "en"])
def test_campaign_clip_markup(client, demo, code):
    tag = video_tag(client.get(f"/{code}/jesr/").content.decode())
    assert 'preload="none"' in tag
    assert "autoplay" not in tag
    assert re.search(r'poster="/media/images/[^"]+\.webp"', tag)
    tracks = re.findall(r'<track kind="captions" srclang="(\w+)"[^>]*>', tag)
    assert tracks == ["ar", "fr", "en"]
    default = re.search(r'<track kind="captions" srclang="(\w+)"[^>]* default>', tag)
    assert default.group(1) == code
    assert re.search(r'<source src="[^"]+\.mp4" type="video/mp4">', tag)


def test_transcript_is_on_the_page(client, demo):
    html = client.get("/en/jesr/").content.decode()
    assert "<summary>Transcript</summary>" in html
    assert "calls of support from stars of thought" in html


def test_appeal_page_has_its_video_and_text(client, demo):
    html = client.get("/fr/jesr/lotfi-bouchnak/").content.decode()
    assert 'preload="none"' in video_tag(html)
    assert "a prêté sa voix à l'initiative" in html.replace("&#x27;", "'")


def test_external_video_is_a_poster_link_without_third_party_request(client, demo):
    campaign = demo["campaign"]
    campaign.body.append(
        ("embed", {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Coverage"})
    )
    campaign.save_revision().publish()
    html = client.get("/ar/jesr/").content.decode()
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1"' in html
    assert "<iframe" not in html
    assert not re.search(r'<(script|img|link)[^>]+(src|href)="https?://(?!testserver)', html)


def video_value(**overrides):
    block = VideoBlock()
    data = {
        "title": "clip",
        "video": None,
        "embed_url": "",
        "poster": None,
        "captions": [],
        "transcript": "",
    }
    data.update(overrides)
    return block, block.to_python(data)


def test_video_without_poster_is_refused():
    block, value = video_value(embed_url="https://www.youtube.com/watch?v=abcdefghijk")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "poster" in error.value.block_errors


def test_video_file_without_captions_is_refused(demo):
    stream = demo["campaign"].promo_video
    raw = stream.raw_data[0]["value"]
    block, value = video_value(video=raw["video"], poster=raw["poster"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "captions" in error.value.block_errors


def test_campaign_without_captions_in_its_language_is_not_saved(demo):
    campaign = CampaignPage.objects.get(pk=demo["campaign"].pk)
    revisions = campaign.revisions.count()
    value = campaign.promo_video.raw_data[0]["value"]
    value["captions"] = [c for c in value["captions"] if c["value"]["language"] != "ar"]
    campaign.promo_video = [{"type": "video", "value": value}]
    with pytest.raises(ValidationError) as error:
        campaign.save_revision()
    assert error.value.message_dict["promo_video"] == [
        gettext("The video needs captions in this page's language.")
    ]
    assert campaign.revisions.count() == revisions


def test_appeal_outside_a_campaign_is_a_form_error(demo, admin_user):
    form_class = AppealPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, AppealPageForm)
    data = nested_form_data(
        {
            "title": "x",
            "slug": "x",
            "person_name": "x",
            "person_role": "x",
            "spoken_language": "ar",
            "video": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    form = form_class(
        data=data,
        instance=AppealPage(),
        parent_page=demo["home"],
        for_user=admin_user,
    )
    assert not form.is_valid()
    assert gettext("An appeal must be placed under a campaign page.") in form.non_field_errors()
    assert not AppealPage.objects.filter(slug="x").exists()
