"""The media kit download: one click, the whole kit as a ZIP with its credits."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from campaigns.press.kit_archive import ArchiveNotReady, archive_file_name, ready_archive
from campaigns.press.models import MediaKit


@require_safe
def media_kit_zip(request, kit_id):
    kit = get_object_or_404(MediaKit.objects.select_related("campaign", "locale"), pk=kit_id)
    if not kit.campaign.live:
        raise Http404
    # A kit from another language's press room is served in this language when it exists.
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale and kit.locale_id != locale.pk:
        kit = (
            MediaKit.objects.select_related("campaign", "locale")
            .filter(translation_key=kit.translation_key, locale=locale)
            .first()
            or kit
        )
    try:
        archive = ready_archive(kit)
    except ArchiveNotReady as pending:
        # The ZIP is being rebuilt by a worker: say so, and when to come back.
        response = HttpResponse(
            _("The media kit is being prepared. Please try again in a few seconds."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(pending.retry_after)
        response["Cache-Control"] = "no-store"
        return response
    response = FileResponse(
        archive.file.open("rb"),
        as_attachment=True,
        filename=archive_file_name(kit),
        content_type="application/zip",
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
