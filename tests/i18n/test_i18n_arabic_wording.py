"""Our Arabic addresses its reader one way: the polite plural imperative (اكتبوا، صحّحوا)
that most of our strings use, never a singular «اكتب» or «صحّح» beside it; «إعدادات» with its
hamza; a region's name headed «الاسم», not «عنوان»; a language by its name, not its code
(the fresh-eyes trial of the Arabic admin)."""

import re
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from portal.catalogues import project_catalogues

ROOT = Path(__file__).resolve().parents[2]
ARABIC = project_catalogues("ar")
# The singular (masculine) imperatives of the verbs our strings use; a style rule, so a list
# of known forms, each also with «و»/«ف» before it and «ه»/«ها» (it) after it.
SINGULAR = [
    "اكتب", "أدخل", "اختر", "صحّح", "صحح", "أرسل", "استعمل", "استخدم", "أعد", "أضف", "ارفع",
    "اترك", "احذف", "غيّر", "افتح", "ابحث", "اعرض", "انسخ", "استورد", "حدّد", "انقر", "اضغط",
    "راجع", "ألغِ",
]  # fmt: skip
LETTER = "\u0600-\u06ff"
IMPERATIVE = re.compile(rf"(?<![{LETTER}\w])[وف]?(?:{'|'.join(SINGULAR)})(?:ه|ها)?(?![{LETTER}\w])")
NO_HAMZA = "اعدادات"


def msgstrs(path):
    for entry in polib.pofile(str(path)):
        yield from [entry.msgstr, *entry.msgstr_plural.values()]


def test_our_arabic_catalogues_are_found():
    assert len(ARABIC) >= 9


def test_the_imperative_catches_the_singular_not_the_plural():
    assert IMPERATIVE.search("صحّح هذه الصفوف") and IMPERATIVE.search("إن ضاع فألغِه")
    assert not IMPERATIVE.search("صحّحوا هذه الصفوف ثم استوردوا الملف، أو أعدّ غيرهم")


@pytest.mark.parametrize("path", ARABIC, ids=lambda p: str(p.relative_to(ROOT)))
def test_our_arabic_addresses_the_reader_in_the_plural(path):
    singular = [text for text in msgstrs(path) if IMPERATIVE.search(text)]
    assert singular == []


@pytest.mark.parametrize("path", ARABIC, ids=lambda p: str(p.relative_to(ROOT)))
def test_our_arabic_writes_settings_with_its_hamza(path):
    assert [text for text in msgstrs(path) if NO_HAMZA in text] == []


def test_wagtails_settings_read_with_the_hamza_in_the_admin():
    """Wagtail's own Arabic (contrib.settings) writes «اعدادات»: our catalogue overrides it."""
    import wagtail

    upstream = Path(wagtail.__file__).parent.glob("**/locale/ar/LC_MESSAGES/django.po")
    msgids = {e.msgid for p in upstream for e in polib.pofile(str(p)) if NO_HAMZA in e.msgstr}
    assert msgids  # else the upstream text changed: this test no longer checks anything
    with translation.override("ar"):
        assert [m for m in msgids if NO_HAMZA in gettext(m)] == []


@pytest.mark.django_db
def test_the_region_chooser_heads_the_regions_name_as_a_name(client):
    user = get_user_model().objects.create_superuser("regions", "r@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailsnippetchoosers_tracker_region:choose")).json()["html"]
    headings = [
        re.sub(r"<[^>]+>|\s+", " ", h).strip()
        for h in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
    ]
    assert "الاسم" in headings and not [h for h in headings if "عنوان" in h], headings


@pytest.mark.django_db
def test_the_demos_captions_name_their_language_not_its_code():
    titles = list(get_document_model().objects.values_list("title", flat=True))
    assert [t for t in titles if t.startswith("ترجمة مصاحبة")], titles
    assert [t for t in titles if re.search(r"\((ar|fr|en)\)", t)] == []


# The tracker's Need as a noun in an English message: «the need», «this need», «a need's»,
# «Need» alone (a label)… but not the verb («you do not need to», «not needed»).
NEED_NOUN = re.compile(
    r"(?:^|\b(?:the|a|this|that|each|every|its|their|your|one|per|of|for|toward|no)\s+)"
    r"needs?\b(?!\s+to\b)|\bneeds?['’]s?\b|^needs?\W*$",
    re.IGNORECASE,
)
# «حاجة» is an ordinary word («لا حاجة للرد»: no need to answer); as the tracker's Need it
# is «الاحتياج» everywhere, as the admin's menus, columns and forms say.
HAJA = re.compile(rf"(?<![{LETTER}])(?:[وفبل]|لل)?(?:ال)?حاج(?:ة|ات|تها|ته)(?![{LETTER}])")


def test_the_trackers_need_is_always_al_ihtiyaj_never_al_haja():
    """The offer-of-help form said «لفائدة الحاجة» where the admin says «الاحتياج»."""
    found = [
        (path.relative_to(ROOT).as_posix(), entry.msgid, text)
        for path in ARABIC
        for entry in polib.pofile(str(path))
        if NEED_NOUN.search(entry.msgid)
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if HAJA.search(text)
    ]
    assert not found, found
