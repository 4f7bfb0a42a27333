"""Partner API keys in the Wagtail admin (Settings → Partner API keys).

Staff with the key permissions create a key for one partner and choose its scopes; the raw
key is shown once, on the page that answers the creation, and never again (only its hash
is kept). Unticking "active" revokes a key at once and for good: a revoked key cannot be
ticked active again (the model refuses it too), so a leaked secret never works again.
"""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import Locale

from campaigns.models import PartnerPage
from portal.localization.page_title_fields import page_column

from .models import PartnerApiKey, Scope


class PartnerApiKeyForm(WagtailAdminModelForm):
    partner = forms.ModelChoiceField(
        label=pgettext_lazy("field label", "partner"),
        queryset=PartnerPage.objects.none(),
        help_text=_("The organisation whose entries this key may write (and no other)."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the key may write. Reading is public and needs no key."),
    )

    class Meta:
        model = PartnerApiKey
        fields = ["name", "partner", "scopes", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = PartnerPage.objects.filter(
            locale_id=Locale.get_default().pk
        ).order_by("title")
        if self.instance.pk:
            # A key stays bound to the partner it was given to.
            self.fields["partner"].disabled = True
            if self.instance.is_revoked:
                # A revoked key stays revoked: its secret may have leaked. Issue a new key.
                self.fields["is_active"].disabled = True
                self.fields["is_active"].help_text = _(
                    "This key was revoked and cannot be activated again; create a new key."
                )
        else:
            del self.fields["is_active"]


class KeyCreateView(generic.CreateView):
    """Creates the key and shows the raw key once (the answer is never cached)."""

    def save_instance(self):
        key = self.form.save(commit=False)
        key.created_by = self.request.user
        self.raw_key = PartnerApiKey.new_secret()
        key.prepare(self.raw_key)
        key.save_with_account()
        log(instance=key, action="wagtail.create", user=self.request.user)
        return key

    def save_action(self):
        response = TemplateResponse(
            self.request,
            "api/admin_key_created.html",
            {
                "key": self.object,
                "raw_key": self.raw_key,
                "index_url": self.get_success_url(),
                "header_title": _("API key created"),
            },
        )
        response["Cache-Control"] = "no-store"
        return response


class PartnerApiKeyViewSet(ModelViewSet):
    model = PartnerApiKey
    icon = "key"
    menu_label = _("Partner API keys")
    add_to_settings_menu = True
    add_view_class = KeyCreateView
    list_display = [
        "name",
        page_column(PartnerApiKey, "partner"),
        "scopes_label",
        "status_label",
        "last_used_at",
        "created_at",
    ]
    list_filter = ["is_active"]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "partner",
        "scopes_label",
        "status_label",
        "lookup",
        "created_by",
        "created_at",
        "revoked_at",
        "last_used_at",
    ]

    def get_form_class(self, for_update=False):
        return PartnerApiKeyForm
