"""The press room of the demo: the launch press conference in full, coverage, contact, kit.

Only the seed's facts about people and bodies. Stand-ins, named as such in docs/press.md:
the conference's time of day (not in the seed), the drawn photos, the video file, the
press office's placeholder e-mail address.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from campaigns.press.kit_archive import ensure_archives
from campaigns.press.models import (
    Coverage,
    GalleryPhoto,
    MediaKit,
    MediaKitItem,
    Medium,
    PressContact,
    Speaker,
)

from . import facts
from .images import PALETTE, demo_image
from .media import demo_media
from .translate import retranslate, translate

AR = 0
ASSETS = Path(__file__).resolve().parent / "assets"

SPEAKERS = [
    (
        ("محمد ولد أعمر", "Mohamed Ould Amar", "Mohamed Ould Amar"),
        (
            "الأستاذ الدكتور، المدير العام للمنظمة العربية للتربية والثقافة والعلوم",
            "Professeur, directeur général de l'ALECSO",
            "Prof. Dr, Director-General of ALECSO",
        ),
    ),
    (
        ("العياشي الهمامي", "Ayachi Hammami", "Ayachi Hammami"),
        (
            "وزير حقوق الإنسان والعلاقة مع الهيئات الدستورية والمجتمع المدني",
            "Ministre des Droits de l'homme et des Relations avec les instances constitutionnelles et la société civile",  # noqa: E501
            "Minister of Human Rights and Relations with Constitutional Bodies and Civil Society",
        ),
    ),
    (
        ("لطفي بوشناق", "Lotfi Bouchnak", "Lotfi Bouchnak"),
        (
            "فنان تونسي، سخّر صوته لدعم المبادرة",
            "Chanteur tunisien, a prêté sa voix à l'initiative",
            "Tunisian singer, lent his voice to the initiative",
        ),
    ),
    (
        ("لطفي البحري", "Lotfi Bahri", "Lotfi Bahri"),
        (
            "إعلامي تونسي، قدّم المؤتمر وأنتج ومضة النداء",
            "Animateur tunisien, a présenté la conférence et produit le clip d'appel",
            "Tunisian media figure, presented the conference and produced the appeal clip",
        ),
    ),
    (
        ("محمد الجمني", "Mohamed Jemni", "Mohamed Jemni"),
        (
            "الأستاذ الدكتور، مدير تكنولوجيا المعلومات والاتصال بالألكسو",
            "Professeur, directeur des TIC à l'ALECSO",
            "Prof. Dr, Director of ICT at ALECSO",
        ),
    ),
]
VENUE = ("مقر المنظمة العربية للتربية والثقافة والعلوم", "Siège de l'ALECSO", "ALECSO headquarters")
VENUE_ADDRESS = ("تونس", "Tunis", "Tunis")
CREDIT = ("الألكسو", "ALECSO", "ALECSO")
LICENCE = (
    "الاستعمال الصحفي مسموح مع ذكر المصدر",
    "Libre pour un usage éditorial avec mention de la source",
    "Free for editorial use with credit",
)
PHOTOS = [
    (
        "Launch press conference: opening",
        (
            "افتتاح المؤتمر الصحفي لإطلاق مبادرة جسر المحبة",
            "Ouverture de la conférence de presse de lancement du Pont de l'amour",
            "Opening of the Bridge of Love launch press conference",
        ),
    ),
    (
        "Launch press conference: agreement",
        (
            "توقيع اتفاقية التعاون والشراكة بين الألكسو ووزارة حقوق الإنسان",
            "Signature de l'accord de coopération et de partenariat entre l'ALECSO et le ministère des Droits de l'homme",  # noqa: E501
            "Signing of the cooperation and partnership agreement between ALECSO and the Ministry of Human Rights",  # noqa: E501
        ),
    ),
    (
        "Launch press conference: platform",
        (
            "تقديم الخصائص الوظيفية والفنية للمنصة",
            "Présentation des fonctions de la plateforme",
            "Presentation of the platform's features",
        ),
    ),
]
TRANSCRIPT = (
    "تغطية التلفزة التونسية للمؤتمر الصحفي لإطلاق مبادرة التضامن المجتمعي – جسر المحبة يوم 15 مايو 2020 بمقر الألكسو بتونس.",  # noqa: E501
    "Couverture par la Télévision tunisienne de la conférence de presse de lancement de l'initiative « Pont de l'amour », le 15 mai 2020 au siège de l'ALECSO à Tunis.",  # noqa: E501
    "Tunisian Television's coverage of the launch press conference of the \"Bridge of Love\" initiative, 15 May 2020, at ALECSO's headquarters in Tunis.",  # noqa: E501
)
CONTACT_NAME = ("المكتب الإعلامي للألكسو", "Bureau de presse de l'ALECSO", "ALECSO press office")
CONTACT_ROLE = ("العلاقات مع وسائل الإعلام", "Relations avec les médias", "Media relations")
CONTACT_EMAIL = "press@solidarity.example.org"  # placeholder: the seed gives no address
KIT_TITLE = (
    "ملف الصحافة – جسر المحبة",
    "Dossier de presse – Pont de l'amour",
    "Media kit – Bridge of Love",
)
KIT_INTRO = (
    "الشعار وصور المؤتمر الصحفي وبطاقة تعريف بالمبادرة، للاستعمال الصحفي مع ذكر المصدر.",
    "Le logo, les photos de la conférence de presse et une fiche sur l'initiative, libres pour un usage éditorial avec mention de la source.",  # noqa: E501
    "The logo, photos of the press conference and a fact sheet, free for editorial use with credit.",  # noqa: E501
)
LOGO_TITLE = ("شعار جسر المحبة", "Logo du Pont de l'amour", "Bridge of Love logo")
FACT_SHEET_TITLE = ("بطاقة تعريف بالمبادرة", "Fiche de l'initiative", "Fact sheet")
VIDEO_CAPTIONS = """WEBVTT

00:00.000 --> 00:03.000
{text}
"""
TV_MEDIA_TITLE = "التلفزة التونسية: الندوة الصحفية لإطلاق المبادرة"
TV_HEADLINE = "إطلاق مبادرة التضامن المجتمعي – جسر المحبة بمقر الألكسو"
FACEBOOK_HEADLINE = "صفحة مبادرة جسر المحبة على فيسبوك: الإعلان عن إطلاق المنصة"


def _tv_video():
    media = demo_media(TV_MEDIA_TITLE, "Tunisian Television: launch press conference")
    if media is None:
        media = get_media_model()(title=TV_MEDIA_TITLE, type="video")
        media.file.save(
            "tv-coverage-launch.webm",
            ContentFile((ASSETS / "tv-coverage-standin.webm").read_bytes()),
            save=False,
        )
        media.duration = 3
        media.width, media.height = 320, 180
        media.save()
    return media


def _fact_sheet():
    Document = get_document_model()
    document = Document.objects.filter(title="Bridge of Love fact sheet").first()
    if document is None:
        text = "\n\n".join(
            "\n".join(version)
            for version in zip(
                facts.CAMPAIGN_TITLE,
                facts.CAMPAIGN_SUMMARY,
                facts.RELEASE_SUMMARY,
                strict=True,
            )
        )
        document = Document(title="Bridge of Love fact sheet")
        document.file.save("bridge-of-love-fact-sheet.txt", ContentFile(text.encode()), save=False)
        document.save()
    return document


def _complete_release(release, photos, video):
    """Give the launch release its event details, speakers, gallery and video (once)."""
    if release.event_start is not None:
        return False
    tunis_time = timezone.get_default_timezone()
    release.event_start = datetime.datetime(2020, 5, 15, 10, 0, tzinfo=tunis_time)
    release.event_end = datetime.datetime(2020, 5, 15, 12, 0, tzinfo=tunis_time)
    release.venue = VENUE[AR]
    release.venue_address = VENUE_ADDRESS[AR]
    release.speakers = [Speaker(name=name[AR], role=role[AR]) for name, role in SPEAKERS]
    release.gallery = [
        GalleryPhoto(image=image, caption=caption[AR], credit=CREDIT[AR], licence=LICENCE[AR])
        for image, (_title, caption) in zip(photos, PHOTOS, strict=True)
    ]
    release.video = video
    release.video_poster = photos[0]
    release.video_captions.save(
        "tv-coverage-launch.ar.vtt",
        ContentFile(VIDEO_CAPTIONS.format(text=TRANSCRIPT[AR]).encode()),
        save=False,
    )
    release.video_transcript = TRANSCRIPT[AR]
    release.save_revision().publish()
    return True


def build_press(context, log):
    campaign, release = context["campaign"], context["release"]
    created_any = False
    photos = [
        demo_image(title, 1200, 800, PALETTE[(i + 2) % len(PALETTE)], "15.05.2020")
        for i, (title, _caption) in enumerate(PHOTOS)
    ]
    video = _tv_video()
    release = release.specific
    release_completed = _complete_release(release, photos, video)
    created_any |= release_completed

    if not Coverage.objects.filter(campaign=campaign).exists():
        Coverage.objects.create(
            outlet="التلفزة التونسية",
            headline=TV_HEADLINE,
            url=facts.FACEBOOK_URL,
            date=datetime.date(2020, 5, 15),
            medium=Medium.TV,
            language="ar",
            country="TN",
            campaign=campaign,
            clip=video,
        )
        Coverage.objects.create(
            outlet="Facebook – solidarity.alecso",
            headline=FACEBOOK_HEADLINE,
            url=facts.FACEBOOK_URL,
            date=datetime.date(2020, 5, 15),
            medium=Medium.SOCIAL,
            language="ar",
            country="TN",
            campaign=campaign,
        )
        created_any = True

    contact = PressContact.objects.filter(locale=release.locale, email=CONTACT_EMAIL).first()
    if contact is None:
        contact = PressContact.objects.create(
            locale=release.locale,
            name=CONTACT_NAME[AR],
            role=CONTACT_ROLE[AR],
            email=CONTACT_EMAIL,
            languages="ar, fr, en",
        )
        created_any = True

    kit = MediaKit.objects.filter(campaign=campaign, locale=release.locale).first()
    if kit is None:
        logo = demo_image("Bridge of Love logo", 800, 800, "#0b6e4f", "Jesr")
        kit = MediaKit(
            locale=release.locale, campaign=campaign, title=KIT_TITLE[AR], intro=KIT_INTRO[AR]
        )
        kit.items = [
            MediaKitItem(
                kind="logo",
                title=LOGO_TITLE[AR],
                image=logo,
                credit=CREDIT[AR],
                licence=LICENCE[AR],
            ),
            *(
                MediaKitItem(
                    kind="photo",
                    title=caption[AR],
                    image=image,
                    credit=CREDIT[AR],
                    licence=LICENCE[AR],
                )
                for image, (_title, caption) in zip(photos, PHOTOS, strict=True)
            ),
            MediaKitItem(
                kind="document",
                title=FACT_SHEET_TITLE[AR],
                document=_fact_sheet(),
                credit=CREDIT[AR],
                licence=LICENCE[AR],
            ),
        ]
        kit.save()
        created_any = True

    catalogue = dict(context.get("catalogue", {}))
    catalogue.update(
        facts.catalogue(
            VENUE,
            VENUE_ADDRESS,
            CREDIT,
            LICENCE,
            TRANSCRIPT,
            CONTACT_NAME,
            CONTACT_ROLE,
            KIT_TITLE,
            KIT_INTRO,
            LOGO_TITLE,
            FACT_SHEET_TITLE,
            *(name for name, _role in SPEAKERS),
            *(role for _name, role in SPEAKERS),
            *(caption for _title, caption in PHOTOS),
        )
    )
    if release_completed:
        _translate_captions(retranslate(release, catalogue))
    translate(contact, catalogue)
    kits = translate(kit, catalogue)
    ensure_archives([kit, *kits.values()])

    context.update(press_contact=contact, media_kit=kit, tv_video=video)
    log("Press room: " + ("created or completed" if created_any else "already present"))


@transaction.atomic
def _translate_captions(translations):
    """Each translation of the release gets captions in its own language."""
    texts = dict(zip(("fr", "en"), TRANSCRIPT[1:], strict=True))
    for code, page in translations.items():
        page = page.specific
        page.video_captions.save(
            f"tv-coverage-launch.{code}.vtt",
            ContentFile(VIDEO_CAPTIONS.format(text=texts[code]).encode()),
            save=False,
        )
        page.save_revision().publish()
