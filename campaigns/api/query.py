"""Query parameters: only those the OpenAPI schema documents for the operation, each once.

An unknown parameter (``?households_reached=7``, ``?foo=1``) would otherwise be ignored and
the unfiltered list answered as if it had been applied; a repeated one (``?by=need&by=region``)
would silently take the last value. Both are a ``400`` naming the parameter. The accepted
names are read from the served schema itself, so a documented parameter is always accepted
and an undocumented one never is.
"""

import re
from functools import lru_cache

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

# Accepted on every operation: DRF's format override (``?format=json``, it changes nothing
# here) and ``locale``, which sets the language of an error answer wherever one can occur.
ALWAYS = frozenset({"format", "locale"})


@lru_cache(maxsize=1)
def documented_parameters():
    """``[(compiled path regex, method, frozenset of query parameter names)]`` for every
    operation of the served schema (built once per process)."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in schema["paths"].items():
        pieces = re.split(r"\{[^/}]+\}", path)
        pattern = re.compile("^" + "[^/]+".join(re.escape(piece) for piece in pieces) + r"\Z")
        for method, operation in item.items():
            names = frozenset(
                parameter["name"]
                for parameter in operation.get("parameters", [])
                if parameter.get("in") == "query"
            )
            operations.append((pattern, method.upper(), names))
    return operations


def check_query_parameters(request):
    """Raise a ``400`` (``ValidationError``) naming each query parameter that the request's
    operation does not document, or that is given more than once."""
    method = "GET" if request.method == "HEAD" else request.method
    allowed = None
    for pattern, operation_method, names in documented_parameters():
        if operation_method == method and pattern.match(request.path):
            allowed = names | ALWAYS
            break
    if allowed is None:
        return
    errors = {}
    for name in request.query_params:
        if name not in allowed:
            errors[name] = [_("Unknown parameter.")]
        elif len(request.query_params.getlist(name)) > 1:
            errors[name] = [_("Give this parameter once.")]
    if errors:
        raise ValidationError(errors)
