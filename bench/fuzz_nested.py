"""``make fuzz``'s own strategy: deeply nested bodies and Unicode-heavy text.

schemathesis generates values from the schema's types; real clients also send what no type
allows: an object where a number belongs, lists of lists, text mixing scripts, bidi controls
and combining marks. Each generated request must be answered below 500, as JSON, with a
status and body the schema documents (checked by schemathesis against the served schema).
"""

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.core.transport import Response

TRICKY = [
    "\u200f", "\u202e", "\u2066", "\u200d", "\ufeff", "\u0000", "\ud7ff", "\U0001f9e1",
    "مُحَمَّد", "جـــسر", "١٢٣٫٥", "۱۲۳", "e\u0301", "\U0001d518", "ﷺ", "TN-42\n", " ", "",
    "a" * 5000, "0", "-1", "1e309", "NaN", "null", "[]", "{}", "<script>", "' OR 1=1 --",
]  # fmt: skip
text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(
            categories=("Lo", "Mn", "Cf", "Nd", "So", "Zs", "Lu", "Po"),
            exclude_characters="\ud800\udfff",
        ),
        max_size=80,
    ),
)
leaf = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), text,
)  # fmt: skip
nested = st.recursive(
    leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=30,
)


def _fields(operation, components):
    """The request body's documented fields (an empty list for bodyless operations)."""
    for body in operation.body:
        schema = body.definition.get("schema") or {}
        if "$ref" in schema:  # schemathesis bundles references beside the schema
            name = schema["$ref"].rsplit("/", 1)[1]
            schema = schema.get("x-bundled", {}).get(name) or components.get(name, {})
        return list(schema.get("properties", {}))
    return []


def _targets(schema):
    """``(method, path, operation, body fields)`` for every operation of ``schema``."""
    components = schema.raw_schema.get("components", {}).get("schemas", {})
    for result in schema.get_all_operations():
        operation = result.ok()
        fields = _fields(operation, components)
        yield operation.method.upper(), operation.path, operation, fields


@st.composite
def requests_for(draw, operations):
    method, path, operation, fields = draw(st.sampled_from(operations))
    url = path
    for name in ("id", "code"):
        url = url.replace("{" + name + "}", draw(st.sampled_from(["1", "2", "TN-42"]) | text))
    query, body = {}, None
    names = [p.name for p in operation.query] + ["search", "locale", "by"]
    for name in draw(st.lists(st.sampled_from(names), max_size=3)):
        query[name] = draw(text)
    if method == "POST":
        fields = fields or ["status", "note"]
        body = draw(st.dictionaries(st.sampled_from(fields), nested, max_size=len(fields)) | nested)
    return method, url, operation, query, body


def nested_run(base, token, examples, seed):
    """Send ``examples`` generated requests; returns ``(failures, sent)``."""
    schema = schemathesis.openapi.from_url(f"{base}/api/schema/?format=json")
    operations = list(_targets(schema))
    session = requests.Session()
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    failures, sent = [], [0]

    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=True,
        phases=[Phase.generate], suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(requests_for(operations))
    def check(generated):
        method, url, operation, query, body = generated
        sent[0] += 1
        try:
            response = session.request(
                method, base + url, params=query, json=body if method == "POST" else None,
                timeout=30,
            )  # fmt: skip
        except requests.RequestException as error:
            failures.append(f"{method} {url} {query}: no answer ({error})")
            return
        where = f"{method} {url} {query} {str(body)[:200]}"
        if response.status_code >= 500:
            failures.append(f"{where}: {response.status_code}")
            return
        if not url.startswith(operation.path.split("{")[0]) or response.status_code == 404:
            return  # an address outside the operation: JSON 404 is all that is asked
        try:
            operation.validate_response(Response.from_requests(response, verify=True))
        except Exception as error:  # schemathesis names the violation
            failures.append(f"{where}: {str(error)[:300]}")

    check()
    return failures, sent[0]
