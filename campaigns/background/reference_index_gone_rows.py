"""Workaround: Wagtail 8.0's reference-index task fails on a row deleted before it runs.

Wagtail queues ``wagtail.tasks.update_reference_index_task`` for every saved row it tracks,
child rows included (a campaign's *Partners*, ``CampaignPartner``), and the task fetches the
row with ``get``. wagtail-localize and modelcluster replace a page's child rows within one
transaction when they translate or save it, so by the time a worker runs the task the row is
gone: ``CampaignPartner.DoesNotExist``, a failed task in Reports → Background tasks for
every translation. Nothing was lost (the page's own task indexes its current rows).

So the rows Wagtail tracks queue :func:`update_reference_index_unless_gone` instead: the
same update, which skips a row (or a row's parent) that no longer exists. Wagtail's receiver
is public (``wagtail.signal_handlers``) and so is the switch it honours
(``disable_reference_index_auto_update``). Delete this module when Wagtail's task ignores
missing rows (``tests/i18n/test_i18n_translate_reference_index.py`` pins Wagtail 8.0).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_migrate, post_save, pre_migrate
from django_tasks import task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import (
    reference_index_auto_update_disabled,
    update_reference_index_on_save,
)
from wagtail.tasks import update_reference_index_task


@task()
def update_reference_index_unless_gone(app_label, model_name, pk):
    """Wagtail's reference-index update of one row; nothing if the row was deleted since."""
    try:
        update_reference_index_task.call(app_label, model_name, pk)
    except ObjectDoesNotExist:
        return  # replaced or deleted before the worker ran: nothing of it left to index


def queue_reference_index_update(instance, raw=False, **kwargs):
    """Wagtail's ``update_reference_index_on_save``, queueing the task above.

    A model with ``index_references_on_save = True`` (the tracker's ledger entries: many
    small rows a day, each with a few foreign keys) is indexed in the save's own transaction
    instead: the update is a few queries, as many as queueing it, and a queued task cost the
    worker far more than the update itself (claim, run, result: 1.2 ms of work in about
    13 ms of a database-queue worker's CPU, measured on 1 December 2026).
    """
    if raw or getattr(reference_index_auto_update_disabled, "value", False):
        return
    if getattr(instance, "index_references_on_save", False):
        ReferenceIndex.create_or_update_for_object(instance)
        return
    update_reference_index_unless_gone.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def swap_receivers(**kwargs):
    """Our receiver instead of Wagtail's on every model Wagtail tracks (pages and their child
    rows: ``wagtail`` is ready before this app)."""
    for model in list(ReferenceIndex.tracked_models):
        if post_save.disconnect(update_reference_index_on_save, sender=model):
            post_save.connect(queue_reference_index_update, sender=model)


def disconnect_receivers(**kwargs):
    for model in list(ReferenceIndex.tracked_models):
        post_save.disconnect(queue_reference_index_update, sender=model)


def install():
    """Swap the receivers now, and again after each ``migrate``: Wagtail disconnects its own
    while migrations run and connects them again afterwards (its receivers run first)."""
    swap_receivers()
    pre_migrate.connect(disconnect_receivers, dispatch_uid="background.reference_index.pre")
    post_migrate.connect(swap_receivers, dispatch_uid="background.reference_index.post")
