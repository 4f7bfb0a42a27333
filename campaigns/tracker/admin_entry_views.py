"""Create and edit views for needs, contributions and deliveries (each calls its service)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views import snippets as snippet_views

from . import services
from .admin_views import ScopedObjectMixin, ServiceFormMixin
from .errors import TrackerValidationError
from .history_log import Action
from .models import Source
from .services.common import diff, log_change, snapshot
from .services.contributions import CONTRIBUTION_FIELDS
from .services.deliveries import DELIVERY_FIELDS
from .services.needs import NEED_FIELDS, SYNCHRONISED


class CopyRefused:
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


# --- Needs ---------------------------------------------------------------------------


class NeedCreateView(ServiceFormMixin, snippet_views.CreateView):
    service_fields = NEED_FIELDS

    def save_through_service(self, form):
        status = form.cleaned_data.get("status") or "open"
        return services.create_need(
            user=self.request.user, status=status, **self.service_values(form)
        )


class NeedEditView(ScopedObjectMixin, ServiceFormMixin, snippet_views.EditView):
    service_fields = NEED_FIELDS

    def save_through_service(self, form):
        need = self.object
        values = self.service_values(form)
        if need.locale_id != need.campaign.locale_id:
            return self._save_translation(need, values, form)
        need = services.update_need(need, user=self.request.user, **values)
        status = form.cleaned_data.get("status")
        if status and status != need.status:
            need = services.change_need_status(need, status, user=self.request.user)
        return need

    def _save_translation(self, need, values, form):
        """A translation changes its text only; its figures follow the source need."""
        fresh = type(need).objects.get(pk=need.pk)
        changed = [
            name
            for name in SYNCHRONISED
            if name in form.cleaned_data and form.cleaned_data[name] != getattr(fresh, name)
        ]
        if changed:
            raise TrackerValidationError(
                {name: [_("Change the figures on the source (Arabic) need.")] for name in changed}
            )
        services.check_partner(self.request.user, fresh.partner)
        before = snapshot(fresh, ("title", "description"))
        fresh.title = (values.get("title") or "").strip() or fresh.title
        fresh.description = values.get("description") or ""
        fresh.save(update_fields=["title", "description", "updated_at"])
        changes = diff(before, snapshot(fresh, ("title", "description")))
        if changes:
            log_change(fresh, Action.EDITED, user=self.request.user, changes=changes)
        return fresh


# --- Contributions -------------------------------------------------------------------


class ContributionCreateView(ServiceFormMixin, snippet_views.CreateView):
    service_fields = CONTRIBUTION_FIELDS

    def save_through_service(self, form):
        return services.record_contribution(
            user=self.request.user,
            source=Source.ADMIN,
            status=form.cleaned_data.get("status") or "pledged",
            **self.service_values(form),
        )


class ContributionEditView(ScopedObjectMixin, ServiceFormMixin, snippet_views.EditView):
    service_fields = CONTRIBUTION_FIELDS

    def save_through_service(self, form):
        contribution = services.update_contribution(
            self.object, user=self.request.user, **self.service_values(form)
        )
        status = form.cleaned_data.get("status")
        if status and status != contribution.status:
            contribution = services.change_contribution_status(
                contribution, status, user=self.request.user
            )
        return contribution


# --- Deliveries ----------------------------------------------------------------------


# The service refuses a confirmation by the person who recorded the delivery on
# ``confirmed_by``: the form's field for it is the «I confirm» box.
CONFIRM_ERRORS = {"confirmed_by": "confirm"}


class DeliveryCreateView(ServiceFormMixin, snippet_views.CreateView):
    service_fields = DELIVERY_FIELDS
    error_fields = CONFIRM_ERRORS

    def save_through_service(self, form):
        delivery = services.record_delivery(
            user=self.request.user,
            override=bool(form.cleaned_data.get("over_received")),
            override_reason=form.cleaned_data.get("override_reason") or "",
            **self.service_values(form),
        )
        # The box ticked by the person recording the delivery was ignored (saved as awaiting
        # confirmation, no word said): the service's rule refuses it, and nothing is kept.
        if form.cleaned_data.get("confirm"):
            delivery = services.confirm_delivery(delivery, user=self.request.user)
        return delivery


class DeliveryEditView(ScopedObjectMixin, ServiceFormMixin, snippet_views.EditView):
    service_fields = DELIVERY_FIELDS
    error_fields = CONFIRM_ERRORS

    def save_through_service(self, form):
        delivery = services.update_delivery(
            self.object,
            user=self.request.user,
            override=bool(form.cleaned_data.get("over_received")),
            override_reason=form.cleaned_data.get("override_reason") or "",
            **self.service_values(form),
        )
        # Only a tick the person gave now confirms: on a confirmed delivery the box is shown
        # ticked and disabled, and a change of its figures has just withdrawn the confirmation.
        ticked = form.cleaned_data.get("confirm") and not form.fields["confirm"].disabled
        if ticked and not delivery.is_confirmed:
            delivery = services.confirm_delivery(delivery, user=self.request.user)
        return delivery
