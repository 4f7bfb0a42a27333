import pytest


@pytest.fixture(scope="session")
def test_need_table(django_db_setup, django_db_blocker):
    """The table of the test-only snippet, created once, outside the per-test transactions."""
    from .testmodels import create_table

    with django_db_blocker.unblock():
        create_table()
