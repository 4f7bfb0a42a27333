"""E-mails to the people this app deals with, each in the person's own language.

Sent through Django's mail backend: the console in development, SMTP from the environment
(``EMAIL_URL``) in production, an in-memory outbox in tests.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def _send(template, language, recipient, context):
    with translation.override(language):
        subject = render_to_string(f"people/emails/{template}_subject.txt", context)
        body = render_to_string(f"people/emails/{template}.txt", context)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [recipient],
        fail_silently=False,
    )


def _campaign_in(offer):
    """The campaign page in the language the person used, for a readable title and link."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=offer.language).first()
    translated = offer.campaign.get_translation_or_none(locale) if locale else None
    return translated or offer.campaign


def send_offer_received(offer):
    _send(
        "offer_received",
        offer.language,
        offer.email,
        {"offer": offer, "campaign": _campaign_in(offer)},
    )


def send_offer_decision(offer):
    _send(
        "offer_decision",
        offer.language,
        offer.email,
        {"offer": offer, "campaign": _campaign_in(offer), "accepted": offer.status == "accepted"},
    )


def send_invitation(invitation, url):
    from wagtail.models import Locale

    from campaigns.tracker.services import source_of

    partner = source_of(invitation.partner)
    locale = Locale.objects.filter(language_code=invitation.language).first()
    partner = (partner.get_translation_or_none(locale) if locale else None) or partner
    _send(
        "invitation",
        invitation.language,
        invitation.email,
        {
            "invitation": invitation,
            "partner": partner,
            "url": url,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
