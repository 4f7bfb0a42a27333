"""An API error answers in the language of ``?locale=``, as ``Accept-Language`` does: the
``Content-Language`` header and the message agree, whatever the error (bad id, bad query
value, unknown entry, bad page)."""

import pytest

BAD = [
    "/api/v1/needs/abc/",
    "/api/v1/needs/?campaign=x",
    "/api/v1/needs/99999/",
    "/api/v1/needs/?page=0",
    "/api/v1/contributions/?status=nope",
]


@pytest.mark.parametrize("path", BAD)
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_an_error_follows_the_locale_parameter(anon, path, language):
    separator = "&" if "?" in path else "?"
    by_parameter = anon.get(f"{path}{separator}locale={language}")
    by_header = anon.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert 400 <= by_parameter.status_code < 500
    assert by_parameter.status_code == by_header.status_code
    assert by_parameter["Content-Language"] == language
    assert by_parameter.json()["detail"] == by_header.json()["detail"]
    assert by_parameter.json()["errors"] == by_header.json()["errors"]
