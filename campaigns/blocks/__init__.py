"""The shared body stream block used by every page with a free-form body.

One block per concern: text blocks in ``text``, pictures in ``images``, video and
external embeds in ``video``. Keep the list in ``BodyBlock`` stable: every change is a
migration for each page type that uses it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .images import GalleryBlock, ImageBlock
from .text import (
    CallToActionBlock,
    HeadingBlock,
    KeyFiguresBlock,
    PullQuoteBlock,
    paragraph_block,
)
from .video import CaptionBlock, EmbedBlock, VideoBlock

__all__ = [
    "BodyBlock",
    "CallToActionBlock",
    "CaptionBlock",
    "EmbedBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFiguresBlock",
    "PullQuoteBlock",
    "VideoBlock",
]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = paragraph_block()
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = PullQuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    embed = EmbedBlock()

    class Meta:
        template = "blocks/body_block.html"
        label = _("Body")
