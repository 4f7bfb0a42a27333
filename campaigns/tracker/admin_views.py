"""Admin views for tracker entries: every query scoped to the user's organisation(s), every
write through the service layer (so the admin refuses exactly what the API refuses)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import get_language
from wagtail.log_actions import registry as log_registry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from campaigns.wagtail_chooser_labels import LazyLabelsChooserViewSet
from portal.readable_exports import ReadableExportMixin
from search.admin_search import FoldedSearchMixin

from . import services
from .errors import TrackerPermissionDenied, TrackerValidationError
from .models import Contribution, Delivery
from .models.entries import remember_names


class TrackerEntryPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's partners; nothing is deleted (close or
    cancel instead, so no figure is lost)."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        ids = services.partner_ids_for(user)
        return ids is None or instance.partner_id in ids

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return services.scope_queryset(self.model.objects.all(), user)


class ScopedObjectMixin:
    """A partner user opening another partner's entry gets 403, whatever the view."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        ids = services.partner_ids_for(self.request.user)
        if ids is not None and instance.partner_id not in ids:
            raise PermissionDenied
        return instance


class ServiceFormMixin:
    """Save through the viewset's service call; service errors go next to the fields
    (``error_fields``: ``{service field: form field}`` for a field the form names otherwise)."""

    error_fields = {}

    def refuse(self, form):
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)

    def form_valid(self, form):
        self.form = form
        try:
            with transaction.atomic():
                self.object = self.save_through_service(form)
        except TrackerValidationError as error:
            for name, messages in error.message_dict.items():
                field = self.error_fields.get(name, name)
                form.add_error(field if field in form.fields else None, messages)
            return self.refuse(form)
        except TrackerPermissionDenied as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
            return self.refuse(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response

    def service_values(self, form):
        return {
            name: form.cleaned_data[name]
            for name in self.service_fields
            if name in form.cleaned_data
        }

    def save_through_service(self, form):
        raise NotImplementedError


class FoldedIndexView(FoldedSearchMixin, ReadableExportMixin, snippet_views.IndexView):
    """A snippet listing whose search box folds Arabic and never fails (search/admin_search),
    and whose exports are readable in the user's language (portal/readable_exports)."""


class ScopedIndexView(FoldedIndexView):
    def get_base_queryset(self):
        return services.scope_queryset(super().get_base_queryset(), self.request.user)

    def get_table(self, object_list):
        """The page's rows, named in the reader's language at a fixed number of queries
        (a contribution's or delivery's name shows its need's title: ``remember_names``)."""
        if self.model in (Contribution, Delivery):
            object_list = list(object_list)
            remember_names(object_list)
        return super().get_table(object_list)


def needs_in_language(queryset, language_code):
    """One row per need: its translation in ``language_code`` when there is one, else its
    source (the need in its campaign's own locale)."""
    translated = queryset.model.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language_code
    )
    return queryset.filter(
        Q(locale__language_code=language_code)
        | (Q(locale_id=F("campaign__locale_id")) & ~Exists(translated))
    )


class NeedIndexView(ScopedIndexView):
    """Needs in the user's language, one row each; the language filter shows one locale's."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.request.GET.get("language"):
            return queryset
        return needs_in_language(queryset, (get_language() or "ar").split("-")[0])


class ScopedInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    def get_table(self, object_list):
        """The lines, each given the entry they are about (``history_log.logged_object``):
        a line whose amount reads as money asks it for its currency, without a query."""
        object_list = list(object_list)
        for line in object_list:
            line.logged_object = self.object
        return super().get_table(object_list)

    def get_base_queryset(self):
        """The entry's log lines, the newest per request and action *of this entry*.

        Wagtail keeps the newest line per request id and action across every object
        (``latest_by_uuid_and_action``): an import logs each row's «Recorded» in one request,
        so every entry but the last had an empty History tab (issue 19's third trial).
        """
        lines = log_registry.get_logs_for_instance(self.object)
        newest = (
            lines.model._default_manager.filter(
                uuid=OuterRef("uuid"),
                action=OuterRef("action"),
                content_type_id=OuterRef("content_type_id"),
                object_id=OuterRef("object_id"),
            )
            .order_by("-timestamp", "-id")
            .values("id")[:1]
        )
        lines = lines.filter(Q(uuid__isnull=True) | Q(id=Subquery(newest)))
        return self._annotate_queryset(lines)


class ScopedUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class ChooserAccessMixin:
    """A tracker chooser (any of its views) is for users with a permission on its model,
    and lists or returns only what they may see (Wagtail's choosers only ask for admin
    access, so a communications editor could list needs, or a partner pick another's)."""

    scoped = True

    def dispatch(self, request, *args, **kwargs):
        opts = self.model_class._meta
        actions = ("add", "change", "view")
        if not any(
            request.user.has_perm(f"{opts.app_label}.{a}_{opts.model_name}") for a in actions
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def scope(self, queryset):
        if not self.scoped:
            return queryset
        return services.scope_queryset(queryset, self.request.user)


class ScopedChooseView(ChooserAccessMixin, snippet_chooser.ChooseView):
    def get_object_list(self):
        return self.scope(super().get_object_list())


class ScopedChooseResultsView(ChooserAccessMixin, snippet_chooser.ChooseResultsView):
    def get_object_list(self):
        return self.scope(super().get_object_list())


class ScopedChosenView(ChooserAccessMixin, snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return self.scope(self.model_class.objects.all()).get(pk=pk)


class ScopedChosenMultipleView(ChooserAccessMixin, snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.scope(self.model_class.objects.filter(pk__in=pks))


class ScopedChooserCreateView(ChooserAccessMixin, snippet_chooser.SnippetCreateView):
    pass


class ScopedChooserViewSet(LazyLabelsChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = ScopedChooserCreateView


class PermissionChooserViewSet(ScopedChooserViewSet):
    """For models without a partner (regions): the permission check alone."""

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scoped=False, **kwargs)
