"""``{{ page|page_version }}`` and ``{{ page|page_version:"press" }}`` for ``{% cache %}`` keys."""

from django import template

from portal import caching

register = template.Library()
register.filter("page_version", caching.page_version)
