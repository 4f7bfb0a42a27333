"""Pagination reads Arabic-Indic (٠-٩) and Persian (۰-۹) digits as every other filter does:
``?page_size=٢`` answered 400 while ``?campaign=١`` was read. Generated over every list
operation of the served schema, with each pagination parameter it documents."""

import pytest

from .openapi import operations

PAGINATION = ("page", "page_size", "limit", "offset")
DIGIT_SETS = {"arabic-indic": "٠١٢٣٤٥٦٧٨٩", "eastern-arabic-indic": "۰۱۲۳۴۵۶۷۸۹"}


def list_operations():
    return [
        pytest.param(path, names, id=path)
        for method, path, operation in operations()
        if method == "get"
        and (
            names := sorted(
                p["name"]
                for p in operation.get("parameters", [])
                if p["in"] == "query" and p["name"] in PAGINATION
            )
        )
    ]


def test_the_list_operations_are_found():
    assert len(list_operations()) >= 5


@pytest.mark.parametrize("digits", DIGIT_SETS.values(), ids=DIGIT_SETS.keys())
@pytest.mark.parametrize(("path", "names"), list_operations())
def test_pagination_reads_any_digits(anon, path, names, digits):
    western = {name: "1" for name in names if name in ("page", "offset")} | {
        name: "2" for name in names if name in ("page_size", "limit")
    }
    typed = {
        name: value.translate(str.maketrans("0123456789", digits))
        for name, value in western.items()
    }
    expected = anon.get(path, western)
    answer = anon.get(path, typed)
    assert answer.status_code == expected.status_code == 200, (path, typed, answer.content)
    assert answer.json()["results"] == expected.json()["results"], path
