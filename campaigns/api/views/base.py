"""What every tracker API view shares: JSON only, keys, scopes, limits, caching headers."""

from django.conf import settings
from rest_framework import viewsets
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer

from ..authentication import PartnerKeyAuthentication
from ..errors import RequestTooLarge, exception_handler, positive_whole_number
from ..http import conditional
from ..localization import requested_language
from ..parsers import TextJSONParser
from ..permissions import ReadOrKeyWithScope
from ..query import check_query_parameters
from ..schema import TrackerAutoSchema
from ..throttling import AnonymousClientThrottle, PartnerKeyThrottle


class TrackerPagination(PageNumberPagination):
    """``?page=2&page_size=50``; ``page_size`` is capped at ``TRACKER_API_MAX_PAGE_SIZE``.

    Either value that is not a whole number from 1 is a ``400`` naming it; a page beyond
    the last is a ``404``.
    """

    page_size = 20
    page_size_query_param = "page_size"

    @property
    def max_page_size(self):
        return settings.TRACKER_API_MAX_PAGE_SIZE

    def get_page_number(self, request, paginator):
        number = super().get_page_number(request, paginator)  # "last" is the last page's
        return positive_whole_number(self.page_query_param, number)

    def get_page_size(self, request):
        if self.page_size_query_param in request.query_params:
            positive_whole_number(
                self.page_size_query_param, request.query_params[self.page_size_query_param]
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = {**parameter["schema"], "minimum": 1}
        return parameters


class TrackerAPIViewSet(viewsets.GenericViewSet):
    """Base of the ``/api/v1/`` views.

    Reads are public; writes need a partner key (``Authorization: Bearer …``) with the view's
    ``write_scope``. Bodies are JSON only (``415`` otherwise) and at most
    ``TRACKER_API_MAX_BODY_BYTES`` (``413``). Every successful GET carries an ``ETag``.
    """

    authentication_classes = [PartnerKeyAuthentication]
    permission_classes = [ReadOrKeyWithScope]
    throttle_classes = [AnonymousClientThrottle, PartnerKeyThrottle]
    parser_classes = [TextJSONParser]
    renderer_classes = [JSONRenderer]
    pagination_class = TrackerPagination
    schema = TrackerAutoSchema()
    lookup_value_regex = r"[0-9]+"
    write_scope = None

    def initial(self, request, *args, **kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.TRACKER_API_MAX_BODY_BYTES:
            raise RequestTooLarge()
        if request.method.lower() not in self.http_method_names or not hasattr(
            self, request.method.lower()
        ):
            # A method this address never accepts is 405 for everyone, before keys and scopes.
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            check_query_parameters(request)  # an ignored filter would answer the wrong list
        if request.method in ("POST", "PUT", "PATCH"):
            # Every write's body is parsed (and a bad one refused) even where the view reads
            # nothing from it, so no body is ever silently ignored.
            request.data  # noqa: B018
        self.language = requested_language(request)

    def get_exception_handler(self):
        return exception_handler

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = getattr(self, "language", settings.LANGUAGE_CODE)
        return context

    def last_modified(self, response):
        """The detail's ``updated_at`` (lists have none: a deletion would not show in it)."""
        data = response.data if isinstance(response.data, dict) else {}
        if "results" in data:
            return None
        return data.get("updated_at")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            response = conditional(request, response, self.last_modified(response))
        return response
