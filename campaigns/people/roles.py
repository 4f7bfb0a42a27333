"""The portal's roles: one Wagtail group each, with exactly the permissions of its job.

Administrators are superusers and need no group. ``sync_roles`` creates the groups, their
permissions and the campaign-content workflow; it only ever adds, so it runs safely from
the data migration, after every ``migrate`` (permissions of models added later, such as the
press room's) and when a locale's home page or a press room is published (page trees that
did not exist when the roles were first made). It is written against an app registry so
the data migration can pass its historical models.
"""

from django.conf import settings
from django.utils.translation import gettext_noop

# Stored in English, shown in the reader's language (workflow_names.py).
EDITOR = gettext_noop("Communications editors")
MODERATOR = gettext_noop("Communications moderators")
TRANSLATOR = gettext_noop("Translators")
PRESS_OFFICER = gettext_noop("Press officers")
PARTNER_STAFF = gettext_noop("Partner staff")
ROLE_NAMES = (EDITOR, MODERATOR, TRANSLATOR, PRESS_OFFICER, PARTNER_STAFF)

# Stored in English, shown in the reader's language (workflow_names.py).
WORKFLOW_NAME = gettext_noop("Campaign content moderation")
TASK_NAME = gettext_noop("Approval by a communications moderator")
# Wagtail's own sample groups and workflow, replaced by the roles above.
WAGTAIL_SAMPLE_GROUPS = ("Moderators", "Editors")
WAGTAIL_SAMPLE_WORKFLOW = gettext_noop("Moderators approval")  # its task has the same name

ADMIN = ["wagtailadmin.access_admin"]
# Kept as model permissions too (existing groups have them; sync_roles only adds), but
# wagtailmedia's CollectionOwnershipPermissionPolicy reads collection permissions only:
# MEDIA_UPLOADS below is what opens *Media*.
MEDIA = ["wagtailmedia.add_media", "wagtailmedia.change_media"]

# Communications staff open campaigns in new countries: they add and correct regions.
REGIONS = [f"tracker.{action}_region" for action in ("add", "change", "view")]

# Model ("app_label.codename") permissions of each role.
MODEL_PERMISSIONS = {
    EDITOR: ADMIN + MEDIA + REGIONS,
    MODERATOR: ADMIN + MEDIA + REGIONS,
    TRANSLATOR: ADMIN + ["wagtail_localize.submit_translation"],
    PRESS_OFFICER: ADMIN + MEDIA,
    PARTNER_STAFF: ADMIN
    + [
        f"tracker.{action}_{model}"
        for model in ("need", "contribution", "delivery")
        for action in ("add", "change", "view")
    ]
    + ["tracker.view_region", "people.view_offer", "people.change_offer"],
}
# Every permission of every non-page model of these apps (e.g. the press room's coverage,
# contacts and media kit, whatever models it grows).
APP_PERMISSIONS = {PRESS_OFFICER: ["press"]}

# Page permissions: where in the page tree, and which actions.
PAGE_PERMISSIONS = {
    EDITOR: ("root", ["add_page", "change_page"]),
    MODERATOR: ("root", ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
    TRANSLATOR: ("translated_homes", ["add_page", "change_page"]),
    PRESS_OFFICER: (
        "press_rooms",
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ),
}

# Image, document and media permissions on the root collection. wagtailmedia registers no
# choose_media permission: its chooser lists what the user may change.
UPLOADS = [
    f"{action}_{kind}" for kind in ("image", "document") for action in ("add", "change", "choose")
]
MEDIA_UPLOADS = ["add_media", "change_media"]
COLLECTION_PERMISSIONS = {
    EDITOR: UPLOADS + MEDIA_UPLOADS,
    MODERATOR: UPLOADS + MEDIA_UPLOADS,
    TRANSLATOR: ["choose_image", "choose_document"],
    PRESS_OFFICER: UPLOADS + MEDIA_UPLOADS,
}
COLLECTION_PERMISSION_APPS = {
    "image": "wagtailimages",
    "document": "wagtaildocs",
    "media": "wagtailmedia",
}


# Permissions that a library creates in a data migration, not through post_migrate:
# dotted name -> (content type's model, name), as those migrations create them.
MIGRATION_PERMISSIONS = {
    "wagtailadmin.access_admin": ("admin", "Can access Wagtail admin"),
    "wagtail_localize.submit_translation": ("translation", "Can submit translations"),
}


def _permission(apps, dotted):
    """The ``auth.Permission`` named ``"app_label.codename"``, or None if it does not exist.

    Those in ``MIGRATION_PERMISSIONS`` are recreated when missing: a flushed database (the
    browser tests' live server) loses the rows a data migration wrote, and post_migrate,
    which restores the model permissions, does not write them again.
    """
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    if dotted in MIGRATION_PERMISSIONS:
        model, name = MIGRATION_PERMISSIONS[dotted]
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return permission
    # None only in a flushed test database, where data migrations' permissions are gone;
    # the roles tests check every group's exact permissions on a migrated database.
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _app_permissions(apps, app_label):
    Permission = apps.get_model("auth", "Permission")
    page_models = _page_model_names(apps, app_label)
    return Permission.objects.filter(content_type__app_label=app_label).exclude(
        content_type__model__in=page_models
    )


def _page_model_names(apps, app_label):
    """Page types get their rights from the page tree, not from model permissions."""
    return [
        model._meta.model_name
        for model in apps.get_app_config(app_label).get_models()
        if any(field.name == "page_ptr" for field in model._meta.get_fields())
    ]


def _pages(apps, where):
    Page = apps.get_model("wagtailcore", "Page")
    if where == "root":
        return list(Page.objects.filter(depth=1))
    default_language = settings.LANGUAGE_CODE
    if where == "translated_homes":
        return list(
            Page.objects.filter(
                depth=2, content_type__app_label="home", content_type__model="homepage"
            ).exclude(locale__language_code=default_language)
        )
    if where == "press_rooms":
        return list(
            Page.objects.filter(
                content_type__app_label="press", content_type__model="pressindexpage"
            )
        )
    raise ValueError(where)


def sync_roles(apps):
    """Create (or complete) every role's group, its permissions and the workflow."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    groups = {}
    for name in ROLE_NAMES:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        wanted = [_permission(apps, dotted) for dotted in MODEL_PERMISSIONS.get(name, [])]
        for app_label in APP_PERMISSIONS.get(name, []):
            wanted.extend(_app_permissions(apps, app_label))
        group.permissions.add(*[permission for permission in wanted if permission])
        where, codenames = PAGE_PERMISSIONS.get(name, (None, []))
        if where:
            for page in _pages(apps, where):
                for codename in codenames:
                    permission = _permission(apps, f"wagtailcore.{codename}")
                    if permission:
                        GroupPagePermission.objects.get_or_create(
                            group=group, page=page, permission=permission
                        )
        root_collection = Collection.objects.filter(depth=1).first()
        # A flushed test database has no root collection until content is built again.
        for codename in COLLECTION_PERMISSIONS.get(name, []) if root_collection else []:
            app_label = COLLECTION_PERMISSION_APPS[codename.split("_", 1)[1]]
            permission = _permission(apps, f"{app_label}.{codename}")
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    _sync_workflow(apps, groups[MODERATOR])
    return groups


def _sync_workflow(apps, moderators):
    """Campaign content goes editor → moderator: one group approval task on the whole tree."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.add(moderators)
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail ships sample "Moderators"/"Editors" groups and a workflow for them; the roles
    # above replace them, so unused samples are removed rather than left to confuse.
    Workflow.objects.filter(name=WAGTAIL_SAMPLE_WORKFLOW, workflow_pages__isnull=True).update(
        active=False
    )
    Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS, user__isnull=True).delete()
