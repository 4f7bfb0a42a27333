"""The campaign's clip, an artist's appeal and the ways to give, with locally made media.

The seed names a promotional clip and the singer Lotfi Bouchnak, who "lent his voice to
the initiative and urged donors to give through the platform". Their stand-ins are drawn
here: a few-kilobyte MP4 (``video_file``), WebVTT captions in ar/fr/en and a poster.
Nothing is downloaded and nothing is said on their behalf beyond the seed.
"""

import os

from django.conf.locale import LANG_INFO
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import pgettext
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from campaigns.models import AppealPage, GivingChannel

from .images import demo_image
from .pages import child_page
from .translate import retranslate, translate
from .video_file import make_clip

AR, FR, EN = 0, 1, 2
LANGS = ("ar", "fr", "en")

CLIP_TITLE = (
    "الومضة الترويجية لمبادرة جسر المحبة",
    "Le clip promotionnel de l'initiative Pont de l'amour",
    "The Bridge of Love promotional clip",
)
CLIP_TRANSCRIPT = (
    "ومضة عُرضت في افتتاح المؤتمر الصحفي، تتضمن دعوات مساندة من نجوم الفكر والفن والإعلام في الوطن العربي.",
    "Un clip diffusé à l'ouverture de la conférence de presse, avec des appels de soutien de personnalités de la pensée, de l'art et des médias du monde arabe.",
    "A clip shown at the opening of the press conference, with calls of support from stars of thought, art and media across the Arab world.",
)
CLIP_CUE = (
    "[ومضة بديلة للعرض التجريبي]",
    "[Clip de remplacement pour la démonstration]",
    "[Stand-in clip for the demo]",
)
ARTIST_NAME = ("لطفي بوشناق", "Lotfi Bouchnak", "Lotfi Bouchnak")
ARTIST_ROLE = ("فنان تونسي", "chanteur tunisien", "Tunisian singer")
APPEAL_TITLE = (
    "نداء لطفي بوشناق",
    "L'appel de Lotfi Bouchnak",
    "Lotfi Bouchnak's appeal",
)
APPEAL_TEXT = (
    "سخّر الفنان لطفي بوشناق صوته لدعم المبادرة فنيًا وإعلاميًا، ودعا المتبرعين إلى المساهمة عبر المنصة.",
    "Le chanteur Lotfi Bouchnak a prêté sa voix à l'initiative, sur scène et dans les médias, et a invité les donateurs à donner par la plateforme.",
    "The singer Lotfi Bouchnak lent his voice to the initiative, artistically and in the media, and urged donors to give through the platform.",
)
# The clip as the media library lists it (wagtailmedia keeps one title: the source language).
CLIP_MEDIA_TITLE = "الومضة الترويجية لمبادرة جسر المحبة (ومضة بديلة)"
APPEAL_VIDEO_TITLE = (
    "نداء لطفي بوشناق (ومضة بديلة)",
    "L'appel de Lotfi Bouchnak (clip de remplacement)",
    "Lotfi Bouchnak's appeal (stand-in clip)",
)
CHANNEL_NAME = (
    "منصة التضامن المجتمعي",
    "Plateforme de solidarité communautaire",
    "Community solidarity platform",
)
CHANNEL_NOTES = (
    "يمكنكم التبرع عبر الجمعيات الشريكة في كل حملة، نقدًا أو عينيًا.",
    "Vous pouvez donner, en argent ou en nature, par l'intermédiaire des associations partenaires de chaque campagne.",
    "You can give, in cash or in kind, through each campaign's partner associations.",
)
PLATFORM_URL = "https://solidarity.alecso.org/jesr"

CATALOGUE = {
    ar: {"fr": fr, "en": en}
    for ar, fr, en in (
        CLIP_TITLE,
        CLIP_TRANSCRIPT,
        ARTIST_NAME,
        ARTIST_ROLE,
        APPEAL_TITLE,
        APPEAL_TEXT,
        APPEAL_VIDEO_TITLE,
        CHANNEL_NAME,
        CHANNEL_NOTES,
    )
}


def webvtt(cue):
    return f"WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n{cue}\n".encode()


def demo_document(title, filename, content, former_title=None):
    """The document titled ``title``; one a former demo titled ``former_title`` takes the new
    title, so loading the demo again over an old database adds no copy."""
    Document = get_document_model()
    existing = Document.objects.filter(title__in=[title, former_title]).order_by("pk").first()
    if existing:
        if existing.title != title:
            existing.title = title
            existing.save(update_fields=["title"])
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def demo_media(title, former_title):
    """The media item titled ``title``; one a former demo titled ``former_title`` (in English)
    takes the new title, so loading the demo again over an old database adds no copy."""
    Media = get_media_model()
    existing = Media.objects.filter(title__in=[title, former_title]).order_by("pk").first()
    if existing and existing.title != title:
        existing.title = title
        existing.save(update_fields=["title"])
    return existing


def demo_clip(title, former_title, filename, colour):
    """A tiny real MP4 showing a ring on the campaign's colour (3 s, a few kilobytes), titled
    ``title`` (Arabic: wagtailmedia keeps one title, in the source language), stored as
    ``filename`` (Latin letters, safe in any storage and URL)."""
    existing = demo_media(title, former_title)
    if existing:
        return existing
    picture = PILImage.new("RGB", (64, 36), colour)
    ImageDraw.Draw(picture).ellipse((20, 6, 44, 30), outline="#ffffff", width=2)
    media = get_media_model()(title=title, type="video", width=64, height=36, duration=3)
    media.file.save(filename, ContentFile(make_clip(picture)), save=False)
    media.save()
    return media


def arabic_language_name(code):
    """«العربية», «الفرنسية», «الإنجليزية»: a language as an Arabic sentence names it (the
    documents' titles are in the source language), never its code."""
    with translation.override("ar"):
        return pgettext("language in a sentence", LANG_INFO[code]["name"])


def video_value(title_ar, transcript_ar, clip, poster, cue):
    captions = [
        {
            "language": code,
            "file": demo_document(
                f"ترجمة مصاحبة ب{arabic_language_name(code)}: {clip.title}",
                f"{os.path.splitext(os.path.basename(clip.file.name))[0]}.{code}.vtt",
                webvtt(cue[i]),
                former_title=f"ترجمة مصاحبة ({code}): {clip.title}",
            ).pk,
        }
        for i, code in enumerate(LANGS)
    ]
    return [
        {
            "type": "video",
            "value": {
                "title": title_ar,
                "video": clip.pk,
                "embed_url": "",
                "poster": poster.pk,
                "captions": captions,
                "transcript": f"<p>{transcript_ar}</p>" if transcript_ar else "",
            },
        }
    ]


def build_media(context, log):
    campaign = context["campaign"]
    catalogue = {**context.get("catalogue", {}), **CATALOGUE}
    created_any = False

    if not campaign.promo_video:
        poster = demo_image("Bridge of Love clip poster", 1280, 720, "#0b6e4f", "Jesr")
        clip = demo_clip(
            CLIP_MEDIA_TITLE,
            "Bridge of Love promotional clip (stand-in)",
            "bridge-of-love-promotional-clip-stand-in.mp4",
            "#0b6e4f",
        )
        campaign.promo_video = video_value(
            CLIP_TITLE[AR], CLIP_TRANSCRIPT[AR], clip, poster, CLIP_CUE
        )
        if not campaign.giving_channels.exists():
            campaign.giving_channels.add(
                GivingChannel(
                    kind="online",
                    name=CHANNEL_NAME[AR],
                    url=PLATFORM_URL,
                    notes=CHANNEL_NOTES[AR],
                    locale=campaign.locale,
                )
            )
        campaign.save_revision().publish()
        retranslate(campaign, catalogue, strict=False)
        created_any = True

    portrait = demo_image("Portrait: Lotfi Bouchnak (stand-in)", 640, 640, "#6a4c93", "LB")
    appeal_clip = demo_clip(
        APPEAL_VIDEO_TITLE[AR],
        "Lotfi Bouchnak appeal (stand-in)",
        "lotfi-bouchnak-appeal-stand-in.mp4",
        "#6a4c93",
    )
    appeal, created = child_page(
        campaign,
        AppealPage,
        "lotfi-bouchnak",
        title=APPEAL_TITLE[AR],
        person_name=ARTIST_NAME[AR],
        person_role=ARTIST_ROLE[AR],
        person_country="TN",
        portrait=portrait,
        spoken_language="ar",
        transcript=f"<p>{APPEAL_TEXT[AR]}</p>",
        video=video_value(APPEAL_VIDEO_TITLE[AR], "", appeal_clip, portrait, CLIP_CUE),
    )
    created_any |= created
    translate(appeal, catalogue)

    context.update(appeal=appeal, catalogue=catalogue)
    log("Media and appeals: " + ("created or completed" if created_any else "already present"))
