"""Blocks of the statements every public office publishes: the accessibility declaration's list of
non-accessible content and the architectural accessibility of each building."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class InaccessibleContentBlock(blocks.StructBlock):
    """Content that is not accessible, why (act of 4 April 2019, art. 3 ust. 2–4 or art. 8) and the way round."""

    REASONS = [
        ("disproportionate", _("disproportionate burden (art. 8 of the act)")),
        ("excluded", _("not covered by the act (art. 3 of the act)")),
        ("noncompliant", _("not yet made accessible")),
    ]
    content = blocks.CharBlock(label=_("content"))
    reason = blocks.ChoiceBlock(choices=REASONS, label=_("reason"), default="noncompliant")
    explanation = blocks.TextBlock(label=_("explanation"), required=False)
    alternative = blocks.TextBlock(label=_("how to get it in an accessible form"), required=False)

    class Meta:
        icon = "warning"


class BuildingAccessibilityBlock(blocks.StructBlock):
    """The architectural accessibility of one building (technical conditions v2.0, section 'Dostępność architektoniczna')."""

    name = blocks.CharBlock(label=_("building"))
    address = blocks.CharBlock(label=_("address"))
    entrances = blocks.TextBlock(label=_("entrances and getting around"))
    lifts = blocks.TextBlock(label=_("lifts, stairs and ramps"))
    parking = blocks.TextBlock(label=_("parking for people with disabilities"))
    assistance_dog = blocks.TextBlock(label=_("assistance dog"))
    induction_loop = blocks.TextBlock(label=_("induction loop"))
    other = blocks.TextBlock(label=_("other facilities"), required=False)

    class Meta:
        icon = "home"
