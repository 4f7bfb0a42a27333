"""Video blocks: a self-hosted clip (poster, captions, transcript) or an external video.

No video byte and no third-party request happens on page load: a self-hosted clip is a
``<video preload="none" poster=…>``; an external video (YouTube, Facebook, Vimeo) is a
poster link to the provider until the visitor clicks it.
"""

import copy
import re
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia import blocks as media_blocks

from campaigns.video.loading import media_in_bulk

PROVIDERS = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "facebook.com": "Facebook",
    "fb.watch": "Facebook",
    "vimeo.com": "Vimeo",
}
POSTER_SPEC = "fill-1280x720|format-webp"
PHONE_POSTER_SPEC = "fill-640x360|format-webp"
POSTER_SPECS = (POSTER_SPEC, PHONE_POSTER_SPEC)
YOUTUBE_ID = re.compile(r"(?:v=|youtu\.be/|embed/|shorts/)([\w-]{6,})")


def poster_pictures(stream):
    """``[(image, POSTER_SPECS)]`` for the posters of a stream of video blocks (for
    ``home.renditions.prefetch_renditions``); empty for an empty stream."""
    return [(child.value.get("poster"), POSTER_SPECS) for child in stream or []]


def provider_of(url):
    """The video site's display name for an address, or None if it is not supported."""
    host = (urlsplit(url or "").hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return PROVIDERS.get(host)


def player_url(url):
    """The provider's player address, loaded only after the visitor clicks (JS enhancement)."""
    provider = provider_of(url)
    if provider == "YouTube":
        match = YOUTUBE_ID.search(url)
        if match:
            return f"https://www.youtube-nocookie.com/embed/{match.group(1)}?autoplay=1"
    if provider == "Facebook":
        return "https://www.facebook.com/plugins/video.php?autoplay=1&href=" + quote(url, safe="")
    if provider == "Vimeo":
        video_id = urlsplit(url).path.strip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1"
    return ""


def site_languages():
    return list(settings.LANGUAGES)


def validate_provider(url):
    if url and provider_of(url) is None:
        raise ValidationError(_("Use the address of a YouTube, Facebook or Vimeo video."))


class VideoChooserBlock(media_blocks.VideoChooserBlock):
    """wagtailmedia's video chooser, whose values come with the renditions of their file.

    A page with a video gets the video and its <source> list in one query
    (``campaigns.video.loading``), instead of one for the video and one for its renditions.
    """

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        """The videos for these primary keys, in order, None kept; a repeated key gets its
        own copy (as Wagtail's ``ChooserBlock.bulk_to_python``)."""
        found = media_in_bulk(values)
        seen, result = set(), []
        for pk in values:
            media = found.get(pk)
            result.append(copy.copy(media) if media is not None and pk in seen else media)
            seen.add(pk)
        return result

    def deconstruct(self):
        # Same stored value and editor's form as wagtailmedia's block: migrations keep its name.
        _path, args, kwargs = super().deconstruct()
        return "wagtailmedia.blocks.VideoChooserBlock", args, kwargs


class CaptionBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=site_languages, label=_("language of the captions"))
    file = DocumentChooserBlock(
        label=_("captions file (WebVTT)"), help_text=_("A .vtt file, one per language.")
    )

    class Meta:
        icon = "doc-full"


class VideoValue(blocks.StructValue):
    """A video as the templates need it: tracks, provider and player address."""

    def tracks(self):
        names = dict(settings.LANGUAGES)
        return [
            {"code": c["language"], "label": names.get(c["language"]), "url": c["file"].url}
            for c in self.get("captions") or []
            if c.get("file") is not None
        ]

    def _posters(self):
        # Both sizes in one query; computed once (page markup and JSON-LD share them).
        if not hasattr(self, "_poster_renditions"):
            poster = self.get("poster")
            renditions = poster.get_renditions(*POSTER_SPECS) if poster else {}
            self._poster_renditions = (
                renditions.get(POSTER_SPEC),
                renditions.get(PHONE_POSTER_SPEC),
            )
        return self._poster_renditions

    def poster_rendition(self):
        """The poster as shown by the player on a wide screen (1280×720 WebP)."""
        return self._posters()[0]

    def phone_poster_rendition(self):
        """The poster sent first, sized for a phone (640×360 WebP): the page's largest paint."""
        return self._posters()[1]

    def caption_languages(self):
        return {c["language"] for c in self.get("captions") or []}

    def provider(self):
        return provider_of(self.get("embed_url"))

    def player(self):
        return player_url(self.get("embed_url"))


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), help_text=_("What the video is, in a few words."))
    video = VideoChooserBlock(
        label=_("video file"),
        required=False,
        help_text=_("Upload under Media. Leave empty to use a YouTube or Facebook address."),
    )
    embed_url = blocks.URLBlock(
        label=_("or: YouTube, Facebook or Vimeo address"),
        required=False,
        validators=[validate_provider],
    )
    poster = ImageChooserBlock(
        label=_("poster image"), help_text=_("Shown before the visitor presses play. Required.")
    )
    captions = blocks.ListBlock(
        CaptionBlock(),
        label=_("captions"),
        help_text=_("Required for a video file: at least the page's language."),
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("Everything that is said, for people who cannot play the video."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _(
            "A video file with poster and captions, or a YouTube/Facebook video shown as a "
            "poster link. Nothing is downloaded until the visitor presses play."
        )
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("video") and not value.get("embed_url"):
            errors["video"] = [_("Choose a video file or give a YouTube or Facebook address.")]
        languages = [c["language"] for c in value.get("captions") or []]
        if value.get("video") and not languages:
            errors["captions"] = [_("A video file needs captions (a WebVTT .vtt file).")]
        elif len(set(languages)) != len(languages):
            errors["captions"] = [_("Give one captions file per language.")]
        for caption in value.get("captions") or []:
            document = caption.get("file")
            if document is not None and not document.filename.lower().endswith(".vtt"):
                errors["captions"] = [_("Captions must be WebVTT files (.vtt).")]
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


def missing_caption_language(stream_value, language_code):
    """True when a video file in the stream has no captions in ``language_code``."""
    for child in stream_value or []:
        if child.block_type != "video":
            continue
        value = child.value
        if value.get("video") and language_code not in value.caption_languages():
            return True
    return False


class EmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("address of the video"),
        validators=[validate_provider],
        help_text=_("A YouTube, Facebook or Vimeo video page."),
    )
    title = blocks.CharBlock(label=_("title"))
    poster = ImageChooserBlock(
        label=_("poster image"),
        required=False,
        help_text=_("Shown instead of the video until the visitor clicks."),
    )

    class Meta:
        icon = "code"
        template = "blocks/embed_block.html"
        label = _("External video")
        description = _(
            "A video hosted on YouTube, Facebook or Vimeo, shown as a poster link: the "
            "provider is only contacted when the visitor clicks."
        )
        preview_value = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": "Video"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"] = provider_of(value.get("url"))
        context["player"] = player_url(value.get("url"))
        return context
