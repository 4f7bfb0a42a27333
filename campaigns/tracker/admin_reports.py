"""*Reports → Site history* whose every filter choice follows the listing's scope (issue 14).

The listing already shows only the log lines the user may see (each log table's
``viewable_by_user``: for tracker entries and offers, ``models.log.ScopedLogEntry``), and so
do its *Type* and *Action* choices. Its *User* choices do not (Wagtail 8.0): the filter set
lists the authors of every page log line, so partner staff read the names of communications
staff (and anyone else who edited a page) whose lines they cannot see. Here the *User* choices
are the authors of the lines the user may see, as Wagtail's own ``get_users_for_filter`` finds
them. Partner staff read no line by another organisation's users, on any log table. These
views are mounted at Wagtail's own paths, before Wagtail's admin URLs
(``portal/urls.py``), so every link to the report reaches them.

Delete when Wagtail's ``SiteHistoryReportFilterSet`` uses its ``get_user_choices`` (it
defines it, but the base filter set only calls ``get_users_queryset``).
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.models import Page

from portal.localization.page_titles import reader_titles

from .history_log import name_log_entries
from .services.scope import other_organisations_users


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The site history's filters, each listing only what the user's lines hold."""

    def get_users_queryset(self):
        """The authors of the log lines the user may see (of any log table)."""
        users = get_users_for_filter(self.request.user)
        others = other_organisations_users(self.request.user)
        return users if others is None else users.exclude(pk__in=others)

    class Meta(SiteHistoryReportFilterSet.Meta):
        pass


class ScopedSiteHistoryView(LogEntriesView):
    """Wagtail's site history report with ``ScopedSiteHistoryFilterSet``; a page's line is
    named by the title of its translation in the reader's language when there is one (a
    French reader read «جسر المحبة» for the campaign's lines), a tracker entry's or an
    offer's by its name in the reader's language (``history_log.name_log_entries``)."""

    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        """Each log table's lines, without another organisation's users' actions for
        partner staff (whatever the object: an offer both organisations may see)."""
        queryset = super().filter_queryset(queryset)
        others = other_organisations_users(self.request.user)
        return queryset if others is None else queryset.exclude(user_id__in=others)

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        page_ids = {entry.page_id for entry in entries if getattr(entry, "page_id", None)}
        if page_ids:
            pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
            titles = reader_titles(pages.values())
            for entry in entries:
                page = pages.get(getattr(entry, "page_id", None))
                if page is not None and titles[page.pk] != page.title:
                    entry.label = titles[page.pk]
        return name_log_entries(entries)


urlpatterns = [
    path(
        "site-history/",
        require_admin_access(ScopedSiteHistoryView.as_view()),
        name="tracker_site_history",
    ),
    path(
        "site-history/results/",
        require_admin_access(ScopedSiteHistoryView.as_view(results_only=True)),
        name="tracker_site_history_results",
    ),
]
