"""The admin's CSV import page: partner staff import needs, contributions or deliveries.

The page calls ``run_import`` as the person importing, so the services apply the same
ownership rules as to the entries they add by hand (their own organisation, its needs, the
campaigns whose *Partners* list it), and the page needs the same permission as adding that
kind of entry. As with the command, every row is checked and nothing is kept if one is bad.
"""

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from portal.localization.date_formats import nowrap_date_formats_lazy
from portal.localization.page_title_fields import ReaderTitleChoiceField

from . import services
from .import_aliases import column_guide
from .import_columns import COLUMNS, KINDS
from .import_files import ImportRefused
from .imports import run_import
from .models import Contribution, Delivery, Need, Region
from .services.common import default_locale_id

MODELS = {"needs": Need, "contributions": Contribution, "deliveries": Delivery}
KIND_LABELS = {
    "needs": _("Needs"),
    "contributions": _("Contributions"),
    "deliveries": _("Deliveries"),
}
MAX_BYTES = 5 * 1024 * 1024


def kinds_for(user):
    """The kinds ``user`` may import: those whose entries they may add."""
    kinds = [
        kind
        for kind in KINDS
        if ModelPermissionPolicy(MODELS[kind]).user_has_permission(user, "add")
    ]
    return kinds if kinds and services.partners_for(user).exists() else []


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What to import"), widget=forms.RadioSelect)
    partner = ReaderTitleChoiceField(
        label=_("Partner organisation"), queryset=None, empty_label=None
    )
    campaign = ReaderTitleChoiceField(
        label=_("Campaign"),
        queryset=None,
        required=False,
        help_text=_("For rows without a “campaign” column (not needed for deliveries)."),
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=nowrap_date_formats_lazy(
            format_lazy(
                "{} {}",
                _(
                    "Saved as CSV by Excel or LibreOffice: separated by commas or semicolons, "
                    "dates as dd/mm/yyyy or yyyy-mm-dd. At most 5 MB."
                ),
                _("An .xlsx workbook (such as the admin’s XLSX export) is read too."),
            )
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv,.xlsx"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, KIND_LABELS[k]) for k in kinds_for(user)]
        self.fields["partner"].queryset = services.partners_for(user).order_by("title")
        self.fields["campaign"].queryset = services.campaigns_for(user).filter(
            locale_id=default_locale_id()
        ).order_by("-first_published_at")  # fmt: skip

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."), code="too_large")
        return upload


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "tracker/admin/import.html"
    form_class = ImportForm
    page_title = _("Import from a CSV file")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        # Wagtail's slim header shows the breadcrumbs, not the title: with «Home» alone the
        # page was headed «الرئيسية» (the second trial of issue 19).
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not kinds_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        campaign = data["campaign"].slug if data["campaign"] else None
        try:
            report = run_import(
                data["file"], data["kind"], data["partner"].slug, campaign=campaign,
                user=self.request.user,
            )  # fmt: skip
        except ImportRefused as refused:
            form.add_error("file", str(refused))
            return self.form_invalid(form)
        if not report.ok:
            return self.render_to_response(self.get_context_data(form=form, report=report))
        messages.success(self.request, imported_message(report))
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["templates"] = [
            (KIND_LABELS[kind], reverse(f"tracker_import:template_{kind}"))
            for kind in kinds_for(self.request.user)
        ]
        # What each column may hold, in the reader's language, and the regions of the
        # countries of the campaigns they may import into (issue #19's fresh-eyes trial).
        context["guides"] = [
            (KIND_LABELS[kind], column_guide(kind)) for kind in kinds_for(self.request.user)
        ]
        countries = services.campaigns_for(self.request.user).values_list("country", flat=True)
        context["regions"] = Region.objects.filter(country__in=set(countries))
        return context


def imported_message(report):
    created = ngettext("%(count)s row imported", "%(count)s rows imported", report.imported) % {
        "count": report.imported
    }
    skipped = ngettext(
        "%(count)s row already imported (skipped).",
        "%(count)s rows already imported (skipped).",
        report.skipped,
    ) % {"count": report.skipped}
    return _("%(imported)s, %(skipped)s") % {"imported": created, "skipped": skipped}


def template_view(kind):
    """A CSV with the kind's columns (required first), UTF-8 with a byte-order mark so that
    Excel opens the Arabic in it correctly."""

    def download(request):
        if kind not in kinds_for(request.user):
            raise PermissionDenied
        text = io.StringIO()
        csv.writer(text).writerow(COLUMNS[kind]["required"] + COLUMNS[kind]["optional"])
        response = HttpResponse(
            ("\ufeff" + text.getvalue()).encode(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{kind}-template.csv"'
        return response

    return download


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(kinds_for(request.user))


class TrackerImportViewSet(ViewSet):
    """The import page and its template files, in the tracker's admin menu."""

    name = "tracker_import"
    url_prefix = "tracker-import"
    icon = "upload"
    menu_label = _("Import from a CSV file")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", ImportView.as_view(), name="index")] + [
            path(f"template/{kind}.csv", template_view(kind), name=f"template_{kind}")
            for kind in KINDS
        ]
