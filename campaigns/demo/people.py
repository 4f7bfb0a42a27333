"""Demo people: one user per role (password printed once), a page waiting in moderation,
and one offer of help waiting for a partner.
"""

import secrets

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from campaigns.models import StandardPage
from campaigns.people import roles
from campaigns.people.models import Offer
from campaigns.tracker import services
from campaigns.tracker.models import Region

DEMO_PARTNER_SLUG = "ltdh"  # the Tunisian League for the Defence of Human Rights
OTHER_PARTNER_SLUG = "unft"  # the National Union of Tunisian Women

# (username, role, admin language, organisation for partner staff): two people of one
# organisation (one confirms the other's delivery) and one of another (who sees none of it).
DEMO_USERS = [
    ("demo-editor", roles.EDITOR, "ar", None),
    ("demo-moderator", roles.MODERATOR, "ar", None),
    ("demo-translator", roles.TRANSLATOR, "fr", None),
    ("demo-press", roles.PRESS_OFFICER, "ar", None),
    ("demo-partner", roles.PARTNER_STAFF, "ar", DEMO_PARTNER_SLUG),
    ("demo-partner-2", roles.PARTNER_STAFF, "ar", DEMO_PARTNER_SLUG),
    ("demo-partner-b", roles.PARTNER_STAFF, "fr", OTHER_PARTNER_SLUG),
]
# The colleague of each partner who confirms its demo deliveries (``confirming_member``).
CONFIRMING_USERNAME = "demo-confirm-{slug}"
PENDING_PAGE_SLUG = "take-part"
PENDING_PAGE_TITLE = "شاركوا في الحملة"
PENDING_PAGE_TEXT = (
    "يمكن لكل شخص أن يعرض مساعدته على حملة جارية عبر استمارة «اعرض المساعدة»؛ "
    "تتولى الجمعيات الشريكة قبول العرض أو الاعتذار عنه."
)


def build_people(context, log):
    roles.sync_roles(global_apps)
    users = _demo_users(context, log)
    _page_in_moderation(context, users["demo-editor"], log)
    _pending_offer(context, log)


@transaction.atomic
def _demo_users(context, log):
    from wagtail.users.models import UserProfile

    User = get_user_model()
    partners = {p.slug: p for p in context["partners"]}
    users, created = {}, []
    for username, role, language, organisation in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                password=password,
                first_name=" ".join(username.split("-")[1:]).capitalize(),
                last_name="Demo",
            )
            user.groups.add(Group.objects.get(name=role))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            created.append((role, username, password))
        if organisation:
            services.add_member(partners[organisation], user)
        users[username] = user
    if created:
        log("Demo users (passwords are shown only this once):")
        for role, username, password in created:
            log(f"  {role:<28} {username:<16} {password}")
    else:
        log("Demo users: already present")
    return users


def confirming_member(partner):
    """The demo colleague who confirms ``partner``'s deliveries, as a second person of the
    receiving organisation does in real use: ``demo-confirm-<partner slug>``, partner staff
    and a member of it. Created once; nobody signs in as them (no usable password)."""
    from wagtail.users.models import UserProfile

    username = CONFIRMING_USERNAME.format(slug=partner.slug)
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.org",
            "first_name": " ".join(username.split("-")[1:]).capitalize(),
            "last_name": "Demo",
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=roles.PARTNER_STAFF))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ar"
        profile.save()
    services.add_member(partner, user)
    return user


def _page_in_moderation(context, editor, log):
    """A new page by the demo editor, submitted to the moderators and waiting for them."""
    home = context["home"]
    if home.get_children().filter(slug=PENDING_PAGE_SLUG).exists():
        return
    page = StandardPage(
        slug=PENDING_PAGE_SLUG,
        title=PENDING_PAGE_TITLE,
        body=[{"type": "paragraph", "value": f"<p>{PENDING_PAGE_TEXT}</p>"}],
        live=False,
        owner=editor,
    )
    home.add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    log(f"Page waiting in moderation: {page.title} (submitted by {editor.username})")


def _pending_offer(context, log):
    campaign = context["campaign"]
    if Offer.objects.filter(campaign=campaign).exists():
        return
    Offer.objects.create(
        campaign=campaign,
        kind="in_kind",
        category="food",
        quantity=20,
        unit="parcel",
        region=Region.objects.filter(code="TN-42").first(),
        message="طرود غذائية جاهزة للتسليم.",
        language="ar",
    )
    log("Offer of help waiting for a partner: 1")
