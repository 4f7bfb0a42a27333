"""The admin's report of background tasks that failed or still wait, with a retry button."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import TaskRecord, TaskState
from .retry import retry_record

permission_policy = ModelPermissionPolicy(TaskRecord)


def report_queryset():
    """Failed tasks not retried yet, then waiting and running ones, oldest first."""
    return TaskRecord.objects.filter(
        Q(status=TaskState.FAILED, retried_as="")
        | Q(status__in=[TaskState.READY, TaskState.RUNNING])
    ).order_by("enqueued_at")


class TaskReportView(ReportView):
    page_title = gettext_lazy("Background tasks")
    header_icon = "cogs"
    results_template_name = "background/task_report_results.html"
    index_url_name = "background_task_report"
    index_results_url_name = "background_task_report_results"
    permission_policy = permission_policy
    permission_required = "retry"
    no_results_message = gettext_lazy("No task failed or waits: the queue is empty.")
    list_export = ["task_name", "status", "attempt", "enqueued_at", "finished_at", "error_summary"]

    def get_queryset(self):
        return report_queryset()


@require_POST
def retry_task(request, pk):
    """Enqueue a failed task again (from its first attempt); back to the report."""
    if not permission_policy.user_has_permission(request.user, "retry"):
        return permission_denied(request)
    record = get_object_or_404(TaskRecord, pk=pk)
    try:
        retry_record(record)
    except ValueError:
        messages.error(request, _("This task is not a failed task waiting for a retry."))
    else:
        messages.success(request, _("“%(task)s” was queued again.") % {"task": record.task_name})
    return redirect(reverse("background_task_report"))
