"""The media kit download: one click, the whole kit as a ZIP with its credits."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from campaigns.press.kit_archive import archive_file_name, current_archive
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
    archive = current_archive(kit)
    response = FileResponse(
        archive.file.open("rb"),
        as_attachment=True,
        filename=archive_file_name(kit),
        content_type="application/zip",
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
