"""Public pages of this app: the "offer help" form and accepting an invitation."""

from django.conf import settings
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from wagtail.models import Locale

from campaigns.models import CampaignPage

from . import invitations, offers, ratelimit
from .forms import AcceptInvitationForm, OfferForm
from .models import InvitationStatus

RATE_SCOPE = "offer"


def _campaign(slug):
    campaign = (
        CampaignPage.objects.live()
        .public()
        .filter(slug=slug, locale=Locale.get_active())
        .select_related("locale")
        .first()
    )
    if campaign is None:
        raise Http404
    return campaign


def accepts_offers(campaign):
    """Offers are taken while a campaign runs (settings.PEOPLE_OFFER_STATES); never once it has
    ended, whatever the settings say (a closed campaign's partners no longer answer)."""
    states = getattr(settings, "PEOPLE_OFFER_STATES", ["running"])
    return campaign.state != "closed" and campaign.state in states


def _too_big(request):
    limit = getattr(settings, "PEOPLE_OFFER_MAX_BYTES", 16 * 1024)
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return True


@never_cache
@csrf_protect
def offer_help(request, slug):
    """Offer cash or aid in kind to a running campaign; works without JavaScript."""
    campaign = _campaign(slug)
    context = {"campaign": campaign, "accepting": accepts_offers(campaign)}
    if not context["accepting"]:
        return render(
            request, "people/offer_form.html", context, status=409 if request.POST else 200
        )
    if request.method != "POST":
        context["form"] = OfferForm(campaign=campaign)
        return render(request, "people/offer_form.html", context)
    if _too_big(request):
        context["form"] = OfferForm(campaign=campaign)
        context["form_error"] = _("Your offer is too long to send. Please shorten the message.")
        return render(request, "people/offer_form.html", context, status=413)
    form = OfferForm(request.POST, campaign=campaign)
    context["form"] = form
    if ratelimit.is_limited(RATE_SCOPE, request):
        context["form_error"] = _(
            "Too many offers were sent from your connection. Please try again in an hour."
        )
        response = render(request, "people/offer_form.html", context, status=429)
        response["Retry-After"] = str(ratelimit.limits()[1])
        return response
    if form.is_spam:
        ratelimit.hit(RATE_SCOPE, request)
        return redirect("people:offer_thanks", slug=campaign.slug)  # nothing kept
    if not form.is_valid():
        # A form shown again with its errors is a 200 (Django's convention): a 4xx document
        # is logged by browsers as a failed resource. 4xx stays for what no field can fix.
        return render(request, "people/offer_form.html", context)
    ratelimit.hit(RATE_SCOPE, request)
    offers.submit(campaign, language=request.LANGUAGE_CODE, **form.offer_fields())
    return redirect("people:offer_thanks", slug=campaign.slug)


@never_cache
def offer_thanks(request, slug):
    campaign = _campaign(slug)
    return render(request, "people/offer_thanks.html", {"campaign": campaign})


@never_cache
@csrf_protect
def accept_invitation(request, token):
    """Set a password from an invitation link and land in the admin as the partner's staff."""
    invitation = invitations.find(token)
    if invitation is None:
        return render(request, "people/invitation_closed.html", {"status": "unknown"}, status=404)
    status = invitations.check_usable(invitation)
    if status != InvitationStatus.PENDING:
        return render(request, "people/invitation_closed.html", {"status": status}, status=410)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except invitations.InvitationUnusable as refused:
            return render(
                request, "people/invitation_closed.html", {"status": refused.status}, status=410
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("wagtailadmin_home")
    return render(
        request,
        "people/invitation_accept.html",
        {"invitation": invitation, "form": form},
    )
