"""Text blocks: headings, paragraphs, pull quotes, calls to action and key figures."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading inside the page body.")
        preview_value = "جسر المحبة"


def paragraph_block():
    return blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        label=_("Text"),
        template="blocks/paragraph_block.html",
        description=_("Paragraphs of text with links and lists."),
        preview_value="<p>نص المبادرة</p>",
    )


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("who said it"), required=False, help_text=_("Name, and role if useful.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Pull quote")
        description = _("A short, striking sentence from someone, set large.")
        preview_value = {"quote": "ساهموا عبر المنصة", "attribution": "—"}


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"))
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"))
    page = blocks.PageChooserBlock(
        label=_("page"), required=False, help_text=_("A page of this site, or an address below.")
    )
    url = blocks.URLBlock(label=pgettext_lazy("web", "address"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with one button, e.g. 'Give now'.")
        preview_value = {
            "heading": "ساهموا في جسر المحبة",
            "text": "",
            "button_label": "كيف تساهم",
            "url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or type an address.")]}
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("figure"), max_length=20, help_text=_("e.g. 8 or 24. Use Western digits.")
    )
    label = blocks.CharBlock(label=_("what it counts"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("Up to six numbers with what they count, e.g. '8 partners'.")
        preview_value = {
            "heading": "",
            "figures": [
                {"figure": "8", "label": "شركاء"},
                {"figure": "16", "label": "يومًا"},
            ],
        }
