"""Work a new gunicorn worker would otherwise do on its first requests, done once beforehand.

With ``preload_app`` the master imports the project and forks workers from it; whatever the
master has loaded, every worker shares. Without this, each worker (and gunicorn recycles them
every ``max_requests``) pays on its first requests for importing every URLconf (the admin's,
the APIs'), loading the gettext catalogues of each language and compiling the page templates:
about a second during which its visitors wait. ``gunicorn.conf.py`` calls :func:`warm` in the
master before the first fork.
"""

import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def _template_names(folders):
    names = set()
    for folder in folders:
        for pattern in ("*.html", "*.txt"):  # pages, partials, e-mails
            names.update(str(file.relative_to(folder)) for file in folder.rglob(pattern))
    return names


def project_templates():
    """Names of the project's own templates (its apps' and ``templates/``), not libraries',
    nor the project's overrides of a library's template (an admin cell, an editor page)."""
    root = Path(settings.BASE_DIR).resolve()
    ours = [Path(folder) for folder in settings.TEMPLATES[0].get("DIRS", [])]
    libraries = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        own = path.is_relative_to(root) and ".venv" not in path.parts
        (ours if own else libraries).append(path / "templates")
    return sorted(_template_names(ours) - _template_names(libraries))


def warm():
    """Import every URLconf, the cache and database clients, load each language's catalogues,
    compile the project's templates and call each of ``settings.WARMUP_CALLABLES`` (dotted
    paths: the apps' own once-per-process work, such as the API's documented parameters).

    Returns the number of templates compiled. Leaves no database connection open: a connection
    opened in the master must never be shared by forked workers.
    """
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports every urls module
    resolver._populate()
    for alias in settings.CACHES:  # imports the cache client (django-redis); no connection yet
        caches[alias]  # noqa: B018
    for alias in settings.DATABASES:
        connections[alias].ops  # noqa: B018 - imports the database driver's modules
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")
    compiled = 0
    for name in project_templates():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError) as error:  # a partial, not a page
            logger.debug("warm-up skipped %s: %s", name, error)
        else:
            compiled += 1
    for path in getattr(settings, "WARMUP_CALLABLES", ()):
        import_string(path)()
    connections.close_all()
    return compiled
