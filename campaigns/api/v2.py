"""Wagtail API v2 endpoints (/api/v2/) with the portal's rules on top.

* Every GET carries an ``ETag`` (and pages a ``Last-Modified``) and answers ``304``.
* Anonymous clients are throttled like the tracker API (``429`` + ``Retry-After``).
* Languages: ``/pages/<id>/?locale=fr`` answers with the page's French translation;
  ``?translation_of=<id>&locale=fr`` lists it; ``find/?html_path=/fr/jesr/`` finds it. When
  the page has no live translation in that language the answer is ``404`` with
  ``"reason": "not_translated"`` — never another language in its place.
* ``?search=…&locale=fr`` stems the query in French (the portal's Arabic-aware backend,
  ``docs/search.md``), whatever ``Accept-Language`` says.
"""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.fields import ReadOnlyField
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, Site
from wagtailmedia.api.serializers import MediaItemSerializer
from wagtailmedia.api.views import MediaAPIViewSet

from .http import conditional
from .localization import LANGUAGE_CODES
from .search import query_words
from .throttling import AnonymousClientThrottle


class NotTranslated(Http404):
    """The page exists, but not (live) in the language asked for."""

    def __init__(self, page, language):
        super().__init__(f"No translation in {language}")
        self.page = page
        self.language = language

    def as_json(self):
        available = sorted(
            Page.objects.live()
            .public()
            .filter(translation_key=self.page.translation_key)
            .values_list("locale__language_code", flat=True)
        )
        return {
            "message": _("This page has no translation in the language asked for."),
            "reason": "not_translated",
            "locale": self.language,
            "available_locales": available,
            "translation_of": self.page.pk,
        }


UNKNOWN_PARAMETERS = "query parameter is not an operation or a recognised field: "
# Wagtail's messages that do not begin with the parameter's own name.
PARAMETER_OF_MESSAGE = {
    "cannot order by": "order",
    "random ordering": "order",
    "unknown fields": "fields",
    "fields error": "fields",
    "'": "fields",  # "'x' does not support nested fields"
    "parent page": "child_of",
    "ancestor page": "descendant_of",
    "descendant page": "ancestor_of",
    "filtering by descendant_of": "descendant_of",
    "filtering by tag": "tag",
    "cannot filter by": "search",
    "search is disabled": "search",
}


def bad_request_body(message):
    """Wagtail's ``{"message"}`` (kept for its clients) in the tracker API's error shape,
    naming the query parameter: ``{"message", "detail", "code", "errors": {name: [...]}}``."""
    if message.startswith(UNKNOWN_PARAMETERS):
        names = message.removeprefix(UNKNOWN_PARAMETERS).split(", ")
    elif message.startswith("field filter error"):  # "... is not a valid value for <name> (…)"
        names = [message.rsplit(" for ", 1)[-1].split(" ", 1)[0]]
    else:
        prefix = next((p for p in PARAMETER_OF_MESSAGE if message.startswith(p)), None)
        names = [PARAMETER_OF_MESSAGE[prefix] if prefix else message.split(" ", 1)[0]]
    return {
        "message": message,
        "detail": message,
        "code": "bad_request",
        "errors": {name: [message] for name in names},
    }


# Far beyond any list here; a larger offset overflowed SQLite's 64-bit OFFSET (a 500).
MAX_OFFSET = 1_000_000_000


class PortalPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:  # as Wagtail reads it: int() also takes "+5" and " 5"
            offset = int(request.GET.get("offset", ""))
        except ValueError:
            offset = None  # not a number: Wagtail's own error names it
        if offset is not None and offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class ConditionalGetMixin:
    """ETag / Last-Modified / Cache-Control on successful reads; anonymous throttling;
    query parameters Wagtail would hand the database unchecked are refused with ``400``."""

    throttle_classes = [AnonymousClientThrottle]
    pagination_class = PortalPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Wagtail's filters (locale, html_path, search, …) query with the raw text, and
        # PostgreSQL refuses a NUL byte in a query's text (a 500).
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(f"{name.replace(chr(0), '')} cannot contain a NUL character")

    def find_object(self, queryset, request):
        # Wagtail looks ``find/?id=`` up as given: a non-number raised ValueError (a 500).
        if "id" in request.GET and not request.GET["id"].isdecimal():
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def last_modified_of(self, response):
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            response = conditional(request, response, self.last_modified_of(response))
        return response

    def handle_exception(self, exc):
        if isinstance(exc, NotTranslated):
            return Response(exc.as_json(), status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response(bad_request_body(str(exc)), status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


class PortalPagesAPIViewSet(ConditionalGetMixin, PagesAPIViewSet):
    """Pages, with a language-aware detail, listing and ``find``."""

    def last_modified_of(self, response):
        obj = getattr(self, "_cached_object", None)
        return getattr(obj, "last_published_at", None) if self.action == "detail_view" else None

    def get_queryset(self):
        # Each listed page shows its locale: fetch it in the same query, not once per page.
        return super().get_queryset().select_related("locale")

    def _locale(self, language):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise Http404(_("Unknown language."))
        return locale

    def get_object(self):
        language = self.request.GET.get("locale")
        if language is None or hasattr(self, "_cached_object"):
            return super().get_object()
        base = self.get_base_queryset()
        page = base.filter(pk=self.kwargs["pk"]).first()
        if page is None:
            raise Http404(_("No page with this id."))
        locale = self._locale(language)
        if page.locale_id != locale.pk:
            translation = base.filter(translation_key=page.translation_key, locale=locale).first()
            if translation is None:
                raise NotTranslated(page, language)
            page = translation
        self._cached_object = page
        return page.specific

    def listing_view(self, request):
        # ``search`` is stemmed in the active language: make it the one asked for (``locale``).
        if "search" in request.GET and not query_words(request.GET["search"]):
            # Punctuation alone: no word can match (and the backend cannot parse it).
            return Response({"meta": {"total_count": 0}, "items": []})
        language = request.GET.get("locale")
        if language is None:
            response = super().listing_view(request)
        elif language not in LANGUAGE_CODES:  # was Wagtail's 404 "No Locale matches"
            raise BadRequestError(f"locale must be one of: {', '.join(LANGUAGE_CODES)}")
        else:
            with translation.override(language):
                response = super().listing_view(request)
        asked = request.GET.get("translation_of"), request.GET.get("locale")
        if all(asked) and response.data["meta"]["total_count"] == 0:
            page = self.get_base_queryset().filter(pk=asked[0]).first()
            if page is not None and page.locale.language_code != asked[1]:
                raise NotTranslated(page, asked[1])
        return response

    def find_object(self, queryset, request):
        """``html_path`` with its language prefix (``/fr/jesr/``), routed in that language."""
        site = Site.find_for_request(request)
        path = request.GET.get("html_path")
        if path is None or site is None:
            return super().find_object(queryset, request)
        parts = [part for part in path.split("/") if part]
        language = (
            parts[0] if parts and Locale.objects.filter(language_code=parts[0]).exists() else None
        )
        if language is None:
            return super().find_object(queryset, request)
        root = site.root_page.get_translation_or_none(self._locale(language))
        source_root = site.root_page
        try:
            if root is None:
                raise Http404
            page, _args, _kwargs = root.specific.route(request, parts[1:])
        except Http404:
            # Say "not translated" when the same path exists in the source language.
            try:
                page, _args, _kwargs = source_root.specific.route(request, parts[1:])
            except Http404:
                return None
            raise NotTranslated(page, language) from None
        return page if queryset.filter(pk=page.pk).exists() else None


class PortalImagesAPIViewSet(ConditionalGetMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(ConditionalGetMixin, DocumentsAPIViewSet):
    pass


class PosterUrlField(ReadOnlyField):
    """The absolute URL of a media item's poster image (its thumbnail), or null."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, media):
        if not media.thumbnail:
            return None
        return get_full_url(self.context["request"], media.thumbnail.url)


class PortalMediaSerializer(MediaItemSerializer):
    thumbnail_url = PosterUrlField()


class PortalMediaAPIViewSet(ConditionalGetMixin, MediaAPIViewSet):
    """Video and audio files (wagtailmedia): file URL, poster (thumbnail), duration, size."""

    base_serializer_class = PortalMediaSerializer
    body_fields = MediaAPIViewSet.body_fields + ["duration"]
    meta_fields = MediaAPIViewSet.meta_fields + ["thumbnail_url"]
    listing_default_fields = [
        field for field in MediaAPIViewSet.listing_default_fields if field != "thumbnail"
    ] + ["duration", "thumbnail_url"]
