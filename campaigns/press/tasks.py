"""Press-room background work: the media kit's ZIP and scheduled publishing."""

from django_tasks import task


@task()
def build_media_kit_archive(kit_id):
    """Build (or keep) the kit's ZIP in storage; returns its size in bytes, or None if the
    kit was deleted meanwhile."""
    from campaigns.press.kit_archive import current_archive
    from campaigns.press.models import MediaKit

    kit = MediaKit.objects.select_related("campaign", "locale").filter(pk=kit_id).first()
    if kit is None:
        return None
    return current_archive(kit).size


@task()
def publish_scheduled_pages():
    """Publish approved pages whose time has come and unpublish expired ones (Wagtail's
    ``publish_scheduled``); enqueued every minute by the worker's schedule.
    Returns whether it ran (False when another run held the lock)."""
    from campaigns.press.embargo import publish_due

    return publish_due()
