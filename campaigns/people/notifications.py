"""E-mails to the people this app deals with, each in the person's own language.

Sent through Django's mail backend: the console in development, SMTP from the environment
(``EMAIL_URL``) in production, an in-memory outbox in tests.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from portal.localization import conventions


def _send(template, language, recipient, context):
    # Figures and dates as on the campaign's pages: its digits, month names, currency sign.
    campaign_conventions = conventions.of(context.get("campaign"))
    with translation.override(language), conventions.activate(campaign_conventions):
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
    """The campaign page in the language the person used, for a readable title."""
    return _in_language(offer.campaign, offer.language)


def send_offer_received(offer):
    _send(
        "offer_received",
        offer.language,
        offer.email,
        {"offer": offer, "campaign": _campaign_in(offer)},
    )


def send_offer_decision(offer):
    partner = offer.contribution.partner if offer.contribution_id else None
    _send(
        "offer_decision",
        offer.language,
        offer.email,
        {
            "offer": offer,
            "campaign": _campaign_in(offer),
            "partner": _in_language(partner, offer.language),
            "accepted": offer.status == "accepted",
        },
    )


def _in_language(page, language):
    """A page's translation in ``language`` when there is one (else the page itself)."""
    from wagtail.models import Locale

    if page is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    return (page.get_translation_or_none(locale) if locale else None) or page


def send_invitation(invitation, url):
    partner = _in_language(invitation.partner, invitation.language)
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
