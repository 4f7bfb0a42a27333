"""«Request changes» needs a comment: the editor is asked to change the page, and the
e-mail they receive is all they are told (Wagtail's moderation accepts an empty one).

Workaround: Wagtail 8's ``GroupApprovalTask`` offers the same optional comment form for every
action (``Task.get_form_for_action``); the project's workflow uses that task (``roles.py``),
so its form for the ``reject`` action («Request changes») is replaced here, at start-up,
rather than by a task model of our own and a migration of the workflow to it. Both the
modal's own check (``WorkflowActionModal``) and the direct action view
(``WorkflowAction``) validate with this form. Tested by
``tests/people/test_people_workflow_changes_requested.py``.

Wagtail's ``TaskStateCommentForm`` labels its comment with ``gettext`` at import, in the
language active then (Arabic): the French admin read «تعليق*». Every comment form the task
gives is relabelled here, lazily, in the reader's language; delete ``CommentForm`` when
Wagtail's label is lazy.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask


class CommentForm(TaskStateCommentForm):
    """Wagtail's optional comment, labelled in the reader's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].label = pgettext_lazy("workflow comment field", "Comment")


class ChangesRequestedForm(CommentForm):
    """The moderator's comment, required: what should change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.required = True
        field.error_messages["required"] = _(
            "Write what should change: the editor reads it in the e-mail they receive."
        )

    def clean_comment(self):
        comment = (self.cleaned_data.get("comment") or "").strip()
        if not comment:
            raise forms.ValidationError(self.fields["comment"].error_messages["required"])
        return comment


_original = GroupApprovalTask.get_form_for_action


def get_form_for_action(self, action):
    """Wagtail's form for ``action``, the required comment for «Request changes»."""
    if action == "reject":
        return ChangesRequestedForm
    form = _original(self, action)
    return CommentForm if form is TaskStateCommentForm else form


def connect():
    """Give the workflow's group approval task its required comment for «Request changes»."""
    GroupApprovalTask.get_form_for_action = get_form_for_action
