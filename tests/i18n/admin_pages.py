"""What a user reads on an admin page: its HTML (asserting it answered 200) and its texts."""

from .test_i18n_admin_walk import visible_texts


def page_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def texts(response):
    return set(visible_texts(page_of(response)))
