"""StreamField blocks of the information portal; each has an icon and its own template."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

T = "cms_content/blocks/"


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = T + "rich_text.html"
        label = _("Text")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"))
    text = blocks.RichTextBlock(label=_("what to do"), required=False)


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        template = T + "steps.html"
        label = _("Steps")


class ChecklistItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("requirement"))
    note = blocks.CharBlock(label=_("note"), required=False)
    optional = blocks.BooleanBlock(label=_("only in some cases"), required=False)


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(ChecklistItemBlock(), label=pgettext_lazy("checklist", "items"))

    class Meta:
        icon = "tasks"
        template = T + "checklist.html"
        label = _("Requirement checklist")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("success", _("Tip"))],
        default="info",
        label=_("kind"),
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"))

    class Meta:
        icon = "warning"
        template = T + "callout.html"
        label = _("Callout")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(label=_("answer"))


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"))

    class Meta:
        icon = "help"
        template = T + "faq.html"
        label = _("Frequently asked questions")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False)
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        template = T + "attachment.html"
        label = _("Attachment")


class RelatedLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)
    title = blocks.CharBlock(label=_("title"), required=False)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": blocks.BlockValidationError(_("Choose a page or give an address."))}
            )
        return value


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    links = blocks.ListBlock(RelatedLinkBlock(), label=_("links"))

    class Meta:
        icon = "link"
        template = T + "related_links.html"
        label = _("Related links")


class LegalActBlock(blocks.StructBlock):
    act = SnippetChooserBlock("cms_content.LegalAct", label=_("legal act"))
    provision = blocks.CharBlock(label=_("provision (e.g. art. 114)"), required=False)

    class Meta:
        icon = "clipboard-list"
        template = T + "legal_act.html"
        label = _("Legal basis")


class FormBlock(blocks.StructBlock):
    """An official form with how to fill it in and the mistakes officers see most often."""

    name = blocks.CharBlock(label=_("form"))
    document = DocumentChooserBlock(label=_("blank form"), required=False)
    url = blocks.URLBlock(label=_("or address of the form"), required=False)
    instructions = blocks.RichTextBlock(label=_("how to fill it in"))
    common_mistakes = blocks.ListBlock(blocks.CharBlock(label=_("mistake")), label=_("most common mistakes"))

    class Meta:
        icon = "form"
        template = T + "form.html"
        label = _("Form")


class DeadlineBlock(blocks.StructBlock):
    what = blocks.CharBlock(label=_("deadline"))
    period = blocks.CharBlock(label=_("how long"))
    note = blocks.CharBlock(label=_("counted from / note"), required=False)

    class Meta:
        icon = "time"
        template = T + "deadline.html"
        label = _("Legal deadline")


def content_blocks() -> list[tuple[str, blocks.Block]]:
    """Blocks available in the body of information pages."""
    return [
        ("text", RichTextBlock()),
        ("steps", StepsBlock()),
        ("checklist", ChecklistBlock()),
        ("callout", CalloutBlock()),
        ("faq", FAQBlock()),
        ("attachment", AttachmentBlock()),
        ("related_links", RelatedLinksBlock()),
        ("legal_basis", LegalActBlock()),
    ]


class OpeningHoursBlock(blocks.StructBlock):
    weekday = blocks.ChoiceBlock(
        choices=[
            ("0", _("Monday")),
            ("1", _("Tuesday")),
            ("2", _("Wednesday")),
            ("3", _("Thursday")),
            ("4", _("Friday")),
            ("5", _("Saturday")),
            ("6", _("Sunday")),
        ],
        label=_("day"),
    )
    opens = blocks.TimeBlock(label=_("opens"))
    closes = blocks.TimeBlock(label=_("closes"))


class HoursExceptionBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    closed = blocks.BooleanBlock(label=_("closed all day"), required=False)
    opens = blocks.TimeBlock(label=_("opens"), required=False)
    closes = blocks.TimeBlock(label=_("closes"), required=False)
    note = blocks.CharBlock(label=_("note"), required=False)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not value.get("closed") and not (value.get("opens") and value.get("closes")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "opens": blocks.BlockValidationError(_("Give the hours or mark the day as closed."))
                }
            )
        return value


class ServicePointBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=pgettext_lazy("office location", "service point"))
    services = blocks.CharBlock(label=_("matters handled"), required=False)
    room = blocks.CharBlock(label=_("room / floor"), required=False)
    hours = blocks.ListBlock(OpeningHoursBlock(), label=_("opening hours"))
    exceptions = blocks.ListBlock(HoursExceptionBlock(), label=_("exceptions"), default=[])

    class Meta:
        icon = "time"
        label = pgettext_lazy("office location", "Service point")
