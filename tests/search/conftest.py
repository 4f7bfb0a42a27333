"""Pages in three languages written the way the portal's content is written, for search tests."""

import pytest
from wagtail.models import Locale

from campaigns.models import StandardPage
from home.models import HomePage


@pytest.fixture(scope="session")
def test_need_table(django_db_setup, django_db_blocker):
    """The table of the test-only snippet, created once, outside the per-test transactions."""
    from tests.i18n.testmodels import create_table

    with django_db_blocker.unblock():
        create_table()


def add_page(language, slug, title, text):
    home = HomePage.objects.get(locale=Locale.objects.get(language_code=language))
    page = StandardPage(
        title=title, slug=slug, body=[{"type": "paragraph", "value": f"<p>{text}</p>"}]
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def trilingual(demo):
    """One page per language about medicine for families, plus an unrelated Arabic page."""
    return {
        "ar": add_page(
            "ar",
            "adwiya",
            "توزيع الأدوية على الأسر",
            "وزّعت الجمعيات الشريكة أدوية إغاثة على الأسر المحتاجة في ولاية القصرين سنة 2020.",
        ),
        "ar_other": add_page(
            "ar", "madaris", "اللوازم المدرسية", "كراسات وأقلام لتلاميذ المدارس الابتدائية."
        ),
        "fr": add_page(
            "fr",
            "medicaments",
            "Distribution de médicaments aux familles",
            "Les associations partenaires ont distribué des médicaments et du matériel "
            "d'éducation aux familles de Kasserine en 2020.",
        ),
        "en": add_page(
            "en",
            "medicine",
            "Medicine for families",
            "Partner associations handed out medicine to families in Kasserine in 2020.",
        ),
    }
