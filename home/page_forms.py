"""The admin form every portal page type is edited with (``PortalPage.base_form_class``)."""

import datetime

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

# The form shows minutes: a stored expiry with seconds reads back within a minute of itself.
SAME_MOMENT = datetime.timedelta(minutes=1)


class ExpiredScheduleFormMixin:
    """An expiry that has passed, submitted unchanged, is cleared rather than refused.

    A page that went live and expired on schedule keeps its dates; Wagtail then refuses the
    next "save draft" because the expiry is not in the future, until the editor clears it by
    hand. An expiry the editor did not touch has done its job, so it is dropped from the new
    draft (the go-live date is kept: a past one only means "now" when published). A past
    expiry the editor types is still refused, by Wagtail, next to the field.
    """

    def clean(self):
        expire_at = self.cleaned_data.get("expire_at")
        stored = getattr(self.instance, "expire_at", None)
        if (
            expire_at
            and stored
            and self.instance.pk
            and expire_at < timezone.now()
            and abs(expire_at - stored) < SAME_MOMENT
        ):
            self.cleaned_data["expire_at"] = None
        return super().clean()


class PortalPageForm(ExpiredScheduleFormMixin, WagtailAdminPageForm):
    """Wagtail's page form with :class:`ExpiredScheduleFormMixin` (country lists follow the
    editor's language order through ``campaigns.countries.sorted_country_choices``)."""
