from wagtail import hooks

from portal import route_cache

# First of the before_serve_page hooks: the route is kept before Wagtail checks restrictions.
hooks.register("before_serve_page", route_cache.keep, order=-100)
