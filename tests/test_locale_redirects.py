"""Only public pages are redirected to a language prefix; admin and API 404s stay 404s."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/no-such-screen/", "/api/v1/no-such-resource/"])
def test_unknown_admin_and_api_paths_are_404_not_redirects(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 404


def test_unknown_public_path_still_gets_a_language(client):
    response = client.get("/jesr/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/jesr/"
