import pytest


@pytest.fixture(scope="session")
def test_need_table(django_db_setup, django_db_blocker):
    """The table of the test-only snippet, created once, outside the per-test transactions."""
    from .testmodels import create_table

    with django_db_blocker.unblock():
        create_table()


@pytest.fixture
def admin_speaking(client, django_user_model):
    """A superuser's logged-in client, the admin in the given language (and time zone)."""
    from wagtail.users.models import UserProfile

    def speak(language, time_zone=""):
        user = django_user_model.objects.create_superuser(f"s-{language}", "s@example.org", "pw")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.current_time_zone = time_zone
        profile.save()
        client.force_login(user)
        return client

    return speak
