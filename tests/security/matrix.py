# ruff: noqa: E501  (the tables are wider than code: one readable row per pattern)
"""The permission matrix: every admin URL and every API operation, classified per role.

The URLs come from Django's URL resolver and the operations from the OpenAPI schema, so a
view or an operation added later is unclassified until someone adds it to a table below:
the tests fail until then. Print the tables with ``python -m tests.security.matrix``.

Roles (columns, in this order): ``anon`` (not logged in / no key), ``A`` and ``B`` (staff of
partner A and of partner B; on the API: each partner's key), ``editor``, ``moderator``,
``translator``, ``press`` (communications roles) and ``admin`` (superuser).

Outcomes: ``ok`` (answered, 2xx/3xx not to the login page), ``own`` (ok on the role's own
organisation's object, refused on the other's), ``no`` (refused: 401/403/404/405, or the
admin's login or "no permission" redirect), ``login`` (anonymous: sent to the login page),
``-`` (not asserted; the private-marker check still applies to every response), ``x`` (not
requested: Wagtail's deliberate error page).
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anon", "A", "B", "editor", "moderator", "translator", "press", "admin")

# fmt: off
# Admin URL patterns (regex over the resolver's route) → outcome per role. First match wins.
ADMIN = [
    # pattern                                                          anon  A    B    editor mod  transl press admin
    (r"^admin/snippets/(choose/)?tracker/(need|contribution|delivery)/(edit|inspect|history|history-results|usage|chosen)/",
                                                                       "login own own no    no   no    no   ok"),
    (r"^admin/snippets/tracker/(need|contribution|delivery)/delete/",  "login no  no  no    no   no    no   no"),
    (r"^admin/snippets/(choose/)?tracker/(need|contribution|delivery)/",
                                                                       "login ok  ok  no    no   no    no   ok"),
    # The CSV import page and its template files (campaigns/tracker/admin_import.py): whoever
    # may add tracker entries for a partner (partner staff for their own organisation).
    (r"^admin/tracker-import/",                                        "login ok  ok  no    no   no    no   ok"),
    # Communications staff open campaigns in new countries: they add and correct regions.
    (r"^admin/snippets/(choose/)?tracker/region/(add|edit|copy)",      "login no  no  ok    ok   no    no   ok"),
    (r"^admin/snippets/(choose/)?tracker/region/delete",               "login no  no  no    no   no    no   ok"),
    # "-": regions are public reference data (no private marker), and these paths (index,
    # history, usage, chooser) aim at whichever region has the home page's id.
    (r"^admin/snippets/(choose/)?tracker/region/",                     "login -   -   -     -    -     -    ok"),
    # admin "-": the object paths name a membership id that may not exist (404).
    (r"^admin/snippets/(choose/)?tracker/partnermembership/",          "login no  no  no    no   no    no   -"),
    # "-": the press room's snippets hold no tracker entry or offer (markers still checked);
    # they follow the press officers' model permissions (docs/roles.md), not asserted here.
    (r"^admin/snippets/(choose/)?press/(coverage|mediakit|presscontact)/",
                                                                       "login -   -   -     -    -     -    -"),
    # Offers: "-" where the paths name an offer id that may not exist (admin; partners'
    # listing is per campaign, tested in tests/people/).
    (r"^admin/people_offers/(edit|delete|new)",                        "login no  no  no    no   no    no   -"),
    (r"^admin/people_offers/",                                         "login -   -   no    no   no    no   -"),
    # Video renditions (campaigns/video): made by the worker; no tracker entry or offer
    # ("-": the communications roles' access follows their media permissions, not asserted).
    (r"^admin/video_renditions/",                                      "login no  no  -     -    -     -    -"),
    # admin "-": the object paths name a key id that may not exist (404).
    (r"^admin/partner_api_keys/",                                      "login no  no  no    no   no    no   -"),
    # Reports: partner staff open only the site history, scoped to their own entries (its
    # filters too); the page reports follow each role's page rights (locking: moderators,
    # press officers); searches made by visitors: administrators.
    # The background task report (campaigns/background): administrators (its retry is
    # POST only: a GET answers 405 to everyone).
    (r"^admin/reports/tasks/<int:pk>/retry/",                          "login no  no  no    no   no    no   no"),
    (r"^admin/reports/tasks/",                                         "login no  no  no    no   no    no   ok"),
    (r"^admin/reports/site-history/",                                  "login ok  ok  ok    ok   ok    ok   ok"),
    (r"^admin/reports/locked/",                                        "login no  no  no    ok   no    ok   ok"),
    (r"^admin/reports/visitor-searches/",                              "login no  no  no    no   no    no   ok"),
    (r"^admin/reports/",                                               "login no  no  ok    ok   ok    ok   ok"),
    # wagtail-localize (paths aimed at B's need translated to French, and the Arabic home
    # page): partner staff never; sending for translation and the report need the
    # translators' permission; a need's translation needs the right to change the need
    # (campaigns/tracker/localize_guard.py, docs/roles.md).
    (r"^admin/localize/jsi18n/",                                       "login ok  ok  ok    ok   ok    ok   ok"),
    (r"^admin/localize/submit/page/",                                  "login no  no  no    no   ok    no   ok"),
    (r"^admin/localize/reports/",                                      "login no  no  no    no   ok    no   ok"),
    (r"^admin/localize/(update/|api/snippets/|translate/<int:translation_id>/pofile/download/)",
                                                                       "login no  no  no    no   no    no   ok"),
    # The rest are POST-only (a GET answers 405), a preview of a need (none: 404), a page's
    # alias conversion, or sending a contribution (not translatable: 404): refused to all.
    (r"^admin/localize/",                                              "login no  no  no    no   no    no   no"),
    # Bulk actions (?id= A's and B's contributions): partner staff see a page naming their
    # own entry only (which nobody may delete); for the others no id exists (404).
    (r"^admin/bulk/",                                                  "login ok  ok  no    no   no    no   ok"),
    # Search promotions: administrators only (admin: "-", the edit and delete paths name a
    # promotion that does not exist, 404).
    (r"^admin/searchpicks/",                                           "login no  no  no    no   no    no   -"),
    # The translators' desk (campaigns/people/translation_desk.py): translators and
    # administrators; its submit is POST only (a GET answers 405 to everyone).
    (r"^admin/translate/<",                                            "login no  no  no    no   no    no   no"),
    (r"^admin/translate/$",                                            "login no  no  no    no   ok    no   ok"),
    (r"^admin/failwhale/",                                             "x     x   x   x     x    x     x    x"),
    # "-": public by design (login, password reset, the static catalogue and sprite).
    (r"^admin/(login|password_reset|logout|jsi18n|test404|sprite)",
                                                                       "-     -   -   -     -    -     -    -"),
    # Wagtail's own areas (pages, media, users, settings, …): no tracker entry or offer;
    # "-": each follows Wagtail's own permissions (tested upstream), markers still checked.
    (r"^admin/((pages|images|documents|media|collections|users|groups|sites|locales|workflows"
     r"|redirects|forms|settings|embeds|choose-[a-z-]+|tag-autocomplete|editing-sessions"
     r"|dismissibles|block-preview|account|api|people_invitations|snippets)/|\.\*/|$)",
                                                                       "login -   -   -     -    -     -    -"),
]

# API operations ("METHOD path" from /api/schema/, regex) → outcome per role. For the API,
# the communications roles and the administrator are logged-in sessions without a key: the
# API ignores sessions, so they are anonymous there.
API = [
    # pattern                                                         anon  A    B    editor mod  transl press admin
    (r"^GET ",                                                        "ok    ok   ok   ok     ok   ok    ok    ok"),
    (r"^POST /api/v1/(needs|contributions|deliveries)/$",             "no    own  own  no     no   no    no    no"),
    (r"^POST /api/v1/contributions/\{id\}/status/$",                  "no    own  own  no     no   no    no    no"),
    (r"^POST /api/v1/deliveries/\{id\}/confirm/$",                    "no    own  own  no     no   no    no    no"),
]
# fmt: on


def markers(org):
    """The private values seeded for partner ``org`` ("A" or "B"): unique, greppable."""
    return {
        "donor": f"PRIVATE-{org}-DONOR-7f3a",
        "contact": f"PRIVATE-{org}-CONTACT-91c2",
        "reference": f"PRIVATE-{org}-REF-5d0e",
        "note": f"PRIVATE-{org}-NOTE-b44f",
        "delivery_note": f"PRIVATE-{org}-DNOTE-2a9c",
    }


def may_see(role, org):
    """Whether ``role`` may read partner ``org``'s private values: its own staff, admins."""
    return role in (org, "admin")


def parse(table):
    """``[(compiled pattern, {role: outcome})]`` from a table above."""
    rows = []
    for pattern, outcomes in table:
        words = outcomes.split()
        assert len(words) == len(ROLES), (pattern, words)
        rows.append((re.compile(pattern), dict(zip(ROLES, words, strict=True))))
    return rows


def classify(rows, text, fallback=True):
    """The outcomes of the first row matching ``text`` (``None`` if none)."""
    for pattern, outcomes in rows:
        if pattern.search(text):
            return outcomes
    return None


def _kwargs(pattern):
    if hasattr(pattern, "converters"):
        return list(pattern.converters)
    return list(pattern.regex.groupindex)


def admin_urls():
    """Every admin URL pattern: ``[(route, name, kwarg names)]`` from the URL resolver."""

    def walk(patterns, prefix, namespace, names):
        for item in patterns:
            route = prefix + str(item.pattern)
            found = names + _kwargs(item.pattern)
            if isinstance(item, URLResolver):
                space = ":".join(n for n in (namespace, item.namespace) if n)
                yield from walk(item.url_patterns, route, space, found)
            elif isinstance(item, URLPattern):
                name = f"{namespace}:{item.name}" if namespace and item.name else item.name
                yield route.replace("^", "").replace("$", ""), name, found

    urls = walk(get_resolver().url_patterns, "", "", [])
    return [url for url in urls if url[0].startswith("admin/")]


def api_operations(schema):
    """``["METHOD /path/"]`` for every operation in the OpenAPI document ``schema``."""
    methods = ("get", "post", "put", "patch", "delete")
    return [
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in methods
        if method in item
    ]


def table_text():
    """The two tables as text, one line per row, with the columns' roles."""
    lines = []
    for title, table in (("Admin URL patterns", ADMIN), ("API operations", API)):
        lines.append(f"{title}\n{'pattern':<62} " + " ".join(f"{r:<10}" for r in ROLES))
        for pattern, outcomes in table:
            cells = " ".join(f"{w:<10}" for w in outcomes.split())
            lines.append(f"{pattern or '(anything else)':<62} {cells}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from drf_spectacular.generators import SchemaGenerator

    print(table_text())
    operations = api_operations(SchemaGenerator().get_schema(request=None, public=True))
    print(f"{len(admin_urls())} admin URL patterns, {len(operations)} API operations, "
          f"{len(ROLES)} roles: {', '.join(ROLES)}")  # fmt: skip
