"""The moderation workflow's, its task's and the roles' (groups') names in the reader's language.

Wagtail stores a workflow's and a task's name once, as data, and shows it as is: in the
publish menu ("Submit to …"), the status panel, the workflow history and the moderation
e-mails (which Wagtail renders in each recipient's language). The portal's own names
(``roles.WORKFLOW_NAME``, ``roles.TASK_NAME``) are stored in English and translated in the
catalogues; on loading, the stored name becomes a :class:`SourceName`, which reads in the
active language wherever Wagtail turns it into text, while the database, queries and the
JSON of log entries keep the English source. A name typed in the admin is stored as typed,
unless it is a translation of one of ours (the edit form shows it translated). The roles'
groups (``roles.ROLE_NAMES``, listed in *Users* and *Groups*) and Wagtail's own sample
workflow and task (inactive, still listed) are read the same way, and so are the "Root" page
and collection that Wagtail's migrations make (the explorer's and the choosers' top level).
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext_noop
from wagtail.models import Collection, Page, Task, Workflow

from .roles import ROLE_NAMES, TASK_NAME, WAGTAIL_SAMPLE_WORKFLOW, WORKFLOW_NAME

TRANSLATED_NAMES = frozenset({WORKFLOW_NAME, TASK_NAME, WAGTAIL_SAMPLE_WORKFLOW, *ROLE_NAMES})
ROOT_NAME = gettext_noop("Root")  # Wagtail's root page and root collection (its migrations)
ROOT_FIELDS = ("title", "draft_title", "name")


class SourceName(str):
    """A stored English name that reads in the active language.

    Its ``str`` value (what the database, a query and a JSON encoder see) is the source;
    ``str()``, ``%s`` formatting, ``format()`` and template output give the translation.
    """

    def __str__(self):
        return translation.gettext(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)


def source_of(name):
    """The English source of ``name`` if it is one of ours in any site language, else None."""
    for source in TRANSLATED_NAMES:
        if name == source:
            return source
        for code, _label in settings.LANGUAGES:
            with translation.override(code):
                if translation.gettext(source) == name:
                    return source
    return None


def name_in_message(text):
    """``text`` (a history message) with each of our names in the active language."""
    for source in TRANSLATED_NAMES:
        text = text.replace(source, translation.gettext(source))
    return text


def translate_workflow_log_messages(actions):
    """Wagtail's workflow history lines ("'…' started. Next step '…'") quote the names as
    logged, in English: each formatter is wrapped so the names read in the reader's language.
    Runs after Wagtail's own ``register_log_actions`` hook (``order``)."""
    for action, formatter in list(actions.formatters.items()):
        if not action.startswith("wagtail.workflow.") or getattr(formatter, "names_read", False):
            continue
        parent = type(formatter)

        def format_message(self, log_entry, parent=parent):
            return name_in_message(str(parent.format_message(self, log_entry)))

        wrapped = type(parent.__name__, (parent,), {"format_message": format_message})
        actions.formatters[action] = wrapped()
        actions.formatters[action].names_read = True


def read_translated(sender, instance, **kwargs):
    """On loading: one of our names becomes a SourceName."""
    name = instance.__dict__.get("name")
    if isinstance(name, str) and name in TRANSLATED_NAMES:
        instance.name = SourceName(name)


def store_source(sender, instance, **kwargs):
    """On saving: a translation of one of our names (as the edit form shows it) is stored
    as its English source, so every reader keeps seeing it in their own language."""
    source = source_of(str.__str__(instance.name)) if isinstance(instance.name, str) else None
    if source is not None:
        instance.name = source


def read_root(sender, instance, **kwargs):
    """On loading: the root page's title and the root collection's name read translated."""
    if instance.__dict__.get("depth") != 1:
        return
    for field in ROOT_FIELDS:
        if instance.__dict__.get(field) == ROOT_NAME:
            instance.__dict__[field] = SourceName(ROOT_NAME)


def store_root(sender, instance, **kwargs):
    """On saving: the root's name is stored as the plain English source."""
    for field in ROOT_FIELDS:
        if isinstance(instance.__dict__.get(field), SourceName):
            instance.__dict__[field] = str.__str__(instance.__dict__[field])


def connect():
    """Workflows, groups and every task type (Wagtail's and any app's) read and store our names."""
    senders = [Workflow, Group] + [model for model in apps.get_models() if issubclass(model, Task)]
    for model in senders:
        post_init.connect(read_translated, sender=model, dispatch_uid=f"names_in_{model}")
        pre_save.connect(store_source, sender=model, dispatch_uid=f"names_out_{model}")
    for model in (Page, Collection):
        post_init.connect(read_root, sender=model, dispatch_uid=f"root_in_{model}")
        pre_save.connect(store_root, sender=model, dispatch_uid=f"root_out_{model}")
