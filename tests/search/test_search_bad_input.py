"""Queries with no word in them (punctuation, symbols, a stray byte): an empty result page in
the visitor's language, never a 500. The SQLite backend used to hand FTS5 an empty MATCH."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "empty"),
    [("ar", "لا توجد نتائج"), ("fr", "Aucun résultat"), ("en", "No results")],
)
@pytest.mark.parametrize("query", ["-", "?", "[]", "« »", "\ufffd"])
def test_a_query_with_no_word_is_an_empty_result_page(client, demo, language, empty, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert empty in html


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "media"])
def test_the_page_api_searches_with_no_word_find_nothing(client, demo, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "-"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


def test_a_nul_inside_a_query_is_a_word_break(client, demo):
    assert client.get("/fr/search/", {"q": "\x00"}).status_code == 200  # nothing typed
    response = client.get("/fr/search/", {"q": "pont\x00de l'amour"})
    assert response.status_code == 200
    assert "pont de l&#x27;amour" in response.content.decode()
