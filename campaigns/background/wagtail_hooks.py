"""Admin: Reports → Background tasks (failed and waiting tasks, with a retry button)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import health, views


@hooks.register("health_report")
def queue_health_report():
    """``/healthz``'s ``queue`` (``portal.health``)."""
    return ("queue", health.queue_report)


@hooks.register("register_admin_urls")
def register_task_report_urls():
    return [
        path("reports/tasks/", views.TaskReportView.as_view(), name="background_task_report"),
        path(
            "reports/tasks/results/",
            views.TaskReportView.as_view(results_only=True),
            name="background_task_report_results",
        ),
        path("reports/tasks/<int:pk>/retry/", views.retry_task, name="background_task_retry"),
    ]


class TaskReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.permission_policy.user_has_permission(request.user, "retry")


@hooks.register("register_reports_menu_item")
def register_task_report_menu_item():
    return TaskReportMenuItem(
        _("Background tasks"),
        reverse("background_task_report"),
        name="background-tasks",
        icon_name="cogs",
        order=900,
    )
