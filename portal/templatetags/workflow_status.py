"""Who took a moderation workflow's last step, and when, for the page editor's status panel.

{% load workflow_status %}
{% workflow_last_action workflow_state as last %}   {{ last.user }}, {{ last.at }}

Wagtail's panel names the person who submitted the page (``requested_by``) beside every
status, so after a moderator asked for changes it read «changes requested … by <the editor>».
"""

from django import template

register = template.Library()


@register.simple_tag
def workflow_last_action(workflow_state):
    """The user who took the workflow's last action and when, as ``{"user", "at"}``.

    - changes requested: the moderator who asked for them (the task state's ``finished_by``)
      at the time they did;
    - waiting at a task the previous task's approval led to: the approver, when they approved;
    - otherwise (submitted, or resubmitted after changes): the person who submitted
      (``requested_by``) when the current task started.
    ``user`` may be ``None`` (a deleted account, or a task that finished by itself).
    """
    task_state = workflow_state.current_task_state
    if task_state is None:
        return {"user": workflow_state.requested_by, "at": workflow_state.created_at}
    if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        return {"user": task_state.finished_by, "at": task_state.finished_at}
    previous = workflow_state.task_states.filter(pk__lt=task_state.pk).order_by("-pk").first()
    if previous is not None and previous.status == previous.STATUS_APPROVED:
        return {"user": previous.finished_by, "at": previous.finished_at}
    return {"user": workflow_state.requested_by, "at": task_state.started_at}
