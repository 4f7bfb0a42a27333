"""axe-core on a page state shown with JavaScript off.

axe's ``run`` never finishes in a page whose scripting is off (its timers and promises never
settle, even when script execution is switched back on over the DevTools protocol), so the
JS-off state is judged in a mirror: a tab of a JavaScript-enabled context of the same width
that loads, at the same address, the DOM the JS-off tab shows (``page.content()``), with every
script request of the page refused. No page script runs there, so what axe sees is what the
JS-off visitor gets (the ``js`` class never set, no enhancement, the same stylesheets, images
and media); axe itself is evaluated by Playwright, not fetched by the page.
"""

from .checks import AXE_RUN


class AxeMirror:
    """One JS-enabled tab, reused, that mirrors JS-off states for axe-core."""

    def __init__(self, chromium, media_root, viewport):
        from .conftest import Visit

        self.context = chromium.new_context(viewport=viewport)
        self.page = Visit(self.context, media_root).page
        self.url, self.html = None, ""
        # Registered after Visit's media route, so it is asked first (Playwright's order).
        self.page.route("**/*", self._route)

    def _route(self, route):
        request = route.request
        if request.resource_type == "document" and request.url == self.url:
            return route.fulfill(
                status=200, body=self.html, content_type="text/html; charset=utf-8"
            )
        if request.resource_type == "script":
            return route.abort()
        return route.fallback()

    def violations(self, page, axe):
        """Serious and critical axe violations (``"id (impact): targets"``) of what ``page``
        (a tab with JavaScript off) shows now, its DOM loaded in the mirror."""
        self.url, self.html = page.url.split("#")[0], page.content()
        self.page.goto(self.url, wait_until="load")
        self.page.evaluate("(source) => { if (!window.axe) (0, eval)(source); }", axe)
        return self.page.evaluate(AXE_RUN)

    def close(self):
        self.context.close()
