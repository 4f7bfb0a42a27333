"""Item 5 of issue 14: forty wrong passwords on the admin login, then the right one, is refused
(django-axes), in the visitor's language; an administrator unlocks with one command."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

LOGIN = "/admin/login/"
PASSWORD = "the-right-one-42"  # noqa: S105


@pytest.fixture
def lockout(settings, db):
    settings.AXES_ENABLED = True
    return get_user_model().objects.create_superuser("ops", "ops@example.org", PASSWORD)


def attempt(client, password, language="en", address="198.51.100.7"):
    return client.post(
        LOGIN,
        {"username": "ops", "password": password},
        HTTP_ACCEPT_LANGUAGE=language,
        REMOTE_ADDR=address,
    )


def hammer(client, times=40):
    for number in range(times):
        assert attempt(client, f"guess-{number}").status_code in (200, 429)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Too many failed login attempts"),
        ("fr", "Trop de tentatives de connexion"),
        ("ar", "محاولات دخول فاشلة كثيرة"),
    ],
)
def test_forty_wrong_passwords_then_the_right_one_is_refused(client, lockout, language, words):
    hammer(client)
    response = attempt(client, PASSWORD, language)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert words in html and 'name="password"' in html  # the login page, with the reason


def test_an_administrator_unlocks_with_one_command(client, lockout):
    hammer(client, 12)
    assert attempt(client, PASSWORD).status_code == 429
    call_command("axes_reset_username", "ops")
    assert attempt(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(lockout.pk)


def test_a_few_mistakes_do_not_lock_and_success_resets_the_count(client, lockout):
    hammer(client, 5)
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    hammer(client, 5)
    assert attempt(client, PASSWORD).status_code == 302


def test_the_lock_is_per_address_so_an_attacker_cannot_lock_staff_out(client, lockout):
    hammer(client)
    assert attempt(client, PASSWORD, address="192.0.2.10").status_code == 302
