"""Admin screens: offers of help (partners decide on them) and invitations (staff send them)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy

from campaigns.models import CampaignPage, PartnerPage
from campaigns.tracker import services
from campaigns.tracker.admin_filters import TitleChoiceFilter
from campaigns.tracker.errors import TrackerValidationError
from campaigns.tracker.models import Need, Region
from portal.localization.page_title_fields import page_column

from . import invitations, offers
from .models import OFFER_DETAILS, Invitation, InvitationStatus, Offer, OfferStatus

User = get_user_model()


class OfferPermissionPolicy(ModelPermissionPolicy):
    """Offers come from the public only and are decided on, never edited in a form."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)


class InvitationPermissionPolicy(ModelPermissionPolicy):
    """Invitations are sent and revoked, never edited or deleted (their history stays)."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)


def source_campaigns(request):
    return CampaignPage.objects.filter(locale__language_code="ar").order_by("title")


class OfferFilterSet(WagtailFilterSet):
    status = ChoiceFilter(label=_("Status"), choices=OfferStatus.choices)
    kind = ChoiceFilter(label=_("Kind"), choices=Offer._meta.get_field("kind").choices)
    category = ChoiceFilter(label=_("Category"), choices=Offer._meta.get_field("category").choices)
    campaign = TitleChoiceFilter(label=_("Campaign"), queryset=source_campaigns)
    region = ModelChoiceFilter(label=_("Region"), queryset=Region.objects.all())
    created_at = DateFromToRangeFilter(label=_("Offered between"))

    class Meta:
        model = Offer
        fields = ["status", "kind", "category", "campaign", "region", "created_at"]


class OfferIndexView(generic.IndexView):
    def get_base_queryset(self):
        return offers.offers_for(self.request.user)


class DecisionForm(forms.Form):
    """Accept: which of your organisations receives it, toward which need (optional)."""

    partner = forms.ModelChoiceField(
        label=_("Receiving partner"), queryset=PartnerPage.objects.none()
    )
    need = forms.ModelChoiceField(
        label=_("Toward the need (optional)"), queryset=Need.objects.none(), required=False
    )
    note = forms.CharField(label=_("Internal note"), required=False, max_length=1000)

    def __init__(self, *args, user, offer, **kwargs):
        super().__init__(*args, **kwargs)
        partners = offers.receiving_partners(user, offer)
        self.fields["partner"].queryset = partners
        if partners.count() == 1:
            self.fields["partner"].initial = partners.first()
        needs = Need.objects.filter(campaign_id=offer.campaign_id, partner__in=partners)
        needs = (
            needs.filter(currency=offer.currency)
            if offer.kind == "cash"
            else needs.filter(unit=offer.unit)
        )
        self.fields["need"].queryset = needs.select_related("region")


class DeclineForm(forms.Form):
    decline_reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person receives this reason by e-mail if they left an address."),
    )


class OfferInspectView(generic.InspectView):
    """An offer in full (contact details included: partners and staff only) and the decision."""

    template_name = "people/admin/offer_inspect.html"
    fields = [
        "campaign",
        "status",
        *OFFER_DETAILS,
        "language",
        "created_at",
        "decided_by",
        "decided_at",
        "decline_reason",
        "contribution",
    ]

    def get_field_display_value(self, field_name, field):
        """A person by their full name, their username only when they gave none (the
        offer's «décision prise par», never «demo-partner» beside a name on file)."""
        if field is not None and field.is_relation and field.related_model is User:
            person = getattr(self.object, field_name)
            return get_user_display_name(person) if person is not None else None
        return super().get_field_display_value(field_name, field)

    def get_object(self, queryset=None):
        offer = offers.offers_for(self.request.user).filter(pk=self.pk).first()
        if offer is None:
            raise Http404
        return offer

    def can_decide(self):
        return self.object.status == OfferStatus.PENDING and self.request.user.has_perm(
            "people.change_offer"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.can_decide():
            context.setdefault(
                "accept_form", DecisionForm(user=self.request.user, offer=self.object)
            )
            context.setdefault("decline_form", DeclineForm())
        context["can_decide"] = self.can_decide()
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_decide():
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "accept":
                form = DecisionForm(request.POST, user=request.user, offer=self.object)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(accept_form=form))
                offers.accept(self.object, user=request.user, **form.cleaned_data)
                messages.success(request, _("Offer accepted: it is now a pledge."))
            elif action == "decline":
                form = DeclineForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(decline_form=form))
                offers.decline(
                    self.object, user=request.user, reason=form.cleaned_data["decline_reason"]
                )
                messages.success(request, _("Offer declined."))
            else:
                raise Http404
        except TrackerValidationError as error:
            form = DecisionForm(request.POST, user=request.user, offer=self.object)
            form.is_valid()
            for field, problems in error.message_dict.items():
                target = field if field in form.fields else None
                for problem in problems:
                    form.add_error(target, problem)
            return self.render_to_response(self.get_context_data(accept_form=form))
        return redirect(request.path)


class OfferViewSet(ModelViewSet):
    model = Offer
    icon = "help"
    menu_label = _("Offers of help")
    form_fields = ["decline_reason"]  # never edited in a form: decided in the inspect view
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = OfferIndexView
    inspect_view_class = OfferInspectView
    inspect_template_name = "people/admin/offer_inspect.html"
    inspect_view_fields = OfferInspectView.fields
    list_display = ["__str__", page_column(Offer, "campaign"), "region", "status", "created_at"]
    filterset_class = OfferFilterSet
    list_export = [
        "pk",
        "created_at",
        "campaign",
        "status",
        *OFFER_DETAILS,
        "decline_reason",
        "contribution_id",
    ]
    export_filename = "offers-of-help"
    search_fields = ["name", "email", "message"]
    search_backend_name = None


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "partner", "language"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = services.partners_for(services.SYSTEM).order_by("title")
        self.fields["email"].max_length = 150

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if len(email) > 150:
            raise ValidationError(_("At most 150 characters."))
        if invitations.email_taken(email):
            raise ValidationError(_("Someone already has an account with this address."))
        return email


class InvitationCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        invitation, url = invitations.invite(
            email=data["email"],
            partner=data["partner"],
            language=data["language"],
            invited_by=self.request.user,
        )
        self.invitation_url = url
        return invitation

    def get_success_message(self, instance):
        return _("Invitation sent to %(email)s. The link (valid once): %(url)s") % {
            "email": instance.email,
            "url": self.invitation_url,
        }

    def get_success_buttons(self):
        return []


class InvitationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Invitation.objects.select_related("partner", "invited_by")


class InvitationInspectView(generic.InspectView):
    template_name = "people/admin/invitation_inspect.html"
    fields = [
        "email",
        "partner",
        "language",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_user",
        "revoked_at",
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status_label"] = self.object.status_label
        context["can_revoke"] = self.object.status == InvitationStatus.PENDING and (
            self.request.user.has_perm("people.add_invitation")
        )
        context["revoke_url"] = reverse("people_invitations:revoke", args=[self.object.pk])
        return context


@require_POST
def revoke_invitation(request, pk):
    if not request.user.has_perm("people.add_invitation"):
        raise PermissionDenied
    invitation = Invitation.objects.filter(pk=pk).first()
    if invitation is None:
        raise Http404
    invitations.revoke(invitation, user=request.user)
    messages.success(request, _("Invitation revoked: its link no longer works."))
    return redirect("people_invitations:inspect", invitation.pk)


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    form_fields = ["email", "partner", "language"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = InvitationCreateView
    index_view_class = InvitationIndexView
    inspect_view_class = InvitationInspectView
    inspect_template_name = "people/admin/invitation_inspect.html"
    inspect_view_fields = InvitationInspectView.fields
    list_display = [
        "email",
        page_column(Invitation, "partner"),
        Column("status_label", label=_("Status")),
        "created_at",
        "expires_at",
    ]
    list_filter = ["partner"]
    search_fields = ["email"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return InvitationForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("revoke/<int:pk>/", revoke_invitation, name="revoke"),
        ]


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 250
    items = (
        OfferViewSet("people_offers"),
        InvitationViewSet("people_invitations"),
    )
