"""Partner staff accept their invitation in a real browser (CSRF enforced, as in production).

The landing page once carried ``<meta name="referrer" content="no-referrer">`` to keep the
token out of Referer headers; Chromium then sends ``Origin: null`` with the form, Django's
CSRF check refuses it, and nobody invited could create an account.
"""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

from campaigns.models import PartnerPage
from campaigns.people import invitations

PASSWORD = "Jesr-tunis-2020!"


def test_an_invited_partner_creates_the_account_in_chromium(demo_site, visit):
    admin = get_user_model().objects.create_superuser("inviter", "i@example.org", "inviter-42")
    partner = PartnerPage.objects.filter(locale__language_code="ar").first()
    _, link = invitations.invite(
        email="amina@partner.example", partner=partner, invited_by=admin, language="ar"
    )
    tab = visit(viewport={"width": 390, "height": 844})
    tab.page.goto(demo_site + urlsplit(link).path)
    tab.page.fill("[name=first_name]", "Amina")
    tab.page.fill("[name=last_name]", "K.")
    tab.page.fill("[name=password1]", PASSWORD)
    tab.page.fill("[name=password2]", PASSWORD)
    with tab.page.expect_navigation():
        tab.page.click("form [type=submit]")
    assert "/admin/" in tab.page.url, tab.page.content()[:500]
    assert get_user_model().objects.filter(email="amina@partner.example").exists()
