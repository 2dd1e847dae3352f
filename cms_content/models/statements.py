"""Statements the law requires on every office's portal: the accessibility declaration and the privacy page.

Both are linked from every footer. Their facts (dates, contacts, deadlines, buildings) are fields the
office edits; the fixed wording of the law is in the templates, translated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from cms_content import blocks
from cms_content.statement_blocks import BuildingAccessibilityBlock, InaccessibleContentBlock

from .pages import PortalPage

#: Where a person turns when the office refuses an accessibility request (act of 4 April 2019, art. 18).
OMBUDSMAN = (
    "Biuro Rzecznika Praw Obywatelskich, al. Solidarności 77, 00-090 Warszawa, https://bip.brpo.gov.pl/"
)


def next_review_deadline(reviewed_on: dt.date) -> dt.date:
    """31 March of the year after ``reviewed_on``: a review made in a year counts for that year's
    31 March deadline, so the next one is due by 31 March of the following year (default only)."""
    return dt.date(reviewed_on.year + 1, 3, 31)


class AccessibilityDeclarationPage(PortalPage):
    """The accessibility declaration the act of 4 April 2019 on digital accessibility (Dz.U. 2023 poz. 1440)
    requires, in the structure of the Ministry's technical conditions v2.0 (31 July 2024)."""

    COMPLIANCE = [
        ("full", _("fully compliant")),
        ("partial", _("partially compliant")),
        ("none", _("not compliant")),
    ]
    ASSESSMENT = [
        ("self", _("self-assessment carried out by the public entity")),
        ("external", _("assessment carried out by an external entity")),
    ]
    compliance = models.CharField(
        _("compliance status"), max_length=10, choices=COMPLIANCE, default="partial"
    )
    non_accessible = StreamField(
        [("item", InaccessibleContentBlock())], blank=True, verbose_name=_("non-accessible content")
    )
    published_on = models.DateField(_("website published on"))
    updated_on = models.DateField(_("website last updated on"))
    prepared_on = models.DateField(_("declaration prepared on"))
    reviewed_on = models.DateField(_("declaration last reviewed on"))
    next_review_by = models.DateField(
        _("next review by"),
        null=True,
        blank=True,
        help_text=_("The declaration is reviewed and updated every year by 31 March."),
    )
    assessment = models.CharField(
        _("declaration prepared on the basis of"), max_length=10, choices=ASSESSMENT, default="self"
    )
    assessor = models.CharField(_("external assessor"), max_length=200, blank=True)
    contact_name = models.CharField(_("person responsible for accessibility"), max_length=200, blank=True)
    contact_email = models.EmailField(_("their e-mail"), blank=True)
    contact_phone = models.CharField(_("their phone"), max_length=40, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("days to answer a request"),
        default=7,
        help_text=_("Act of 4 April 2019, art. 18: without delay, at most 7 days."),
    )
    extension_months = models.PositiveSmallIntegerField(
        _("months to which the answer may be put off"),
        default=2,
        help_text=_("Act of 4 April 2019, art. 18: when it cannot be done in time, at most 2 months."),
    )
    complaint_authority = models.TextField(_("authority for complaints"), default=OMBUDSMAN)
    buildings = StreamField(
        [("building", BuildingAccessibilityBlock())],
        blank=True,
        verbose_name=_("architectural accessibility"),
    )
    sign_language = RichTextField(_("sign-language contact"), blank=True)
    mobile_apps = RichTextField(_("mobile applications"), blank=True)
    body = StreamField(blocks.content_blocks(), blank=True, verbose_name=_("additional information"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("non_accessible")], heading=_("Compliance status")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("published_on"), FieldPanel("updated_on")]),
                FieldRowPanel(
                    [FieldPanel("prepared_on"), FieldPanel("reviewed_on"), FieldPanel("next_review_by")]
                ),
                FieldRowPanel([FieldPanel("assessment"), FieldPanel("assessor")]),
            ],
            heading=_("Dates and preparation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldRowPanel([FieldPanel("response_days"), FieldPanel("extension_months")]),
                FieldPanel("complaint_authority"),
            ],
            heading=_("Feedback, requests and complaints"),
        ),
        FieldPanel("buildings"),
        FieldPanel("sign_language"),
        FieldPanel("mobile_apps"),
        FieldPanel("body"),
    ]
    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "cms_content/pages/accessibility_page.html"
    override_translatable_fields = [
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]

    class Meta:
        verbose_name = _("accessibility declaration")

    @property
    def review_deadline(self) -> dt.date:
        return self.next_review_by or next_review_deadline(self.reviewed_on)

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        reasons = dict(InaccessibleContentBlock.REASONS)
        context["inaccessible"] = [
            {**dict(block.value), "reason_label": reasons.get(block.value["reason"], "")}
            for block in self.non_accessible
        ]
        site = self.get_site()
        context["site_url"] = site.root_url if site else ""
        return context


class PrivacyPage(PortalPage):
    """The office's full information on the processing of personal data (GDPR art. 13 and 14).

    The controller and the data protection officer come from the office's data; one section per
    processing purpose comes from the privacy clauses of the core and the office's enabled plugins
    (with the office's own wording); ``body`` holds anything else the office processes (e.g. CCTV).
    """

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(blocks.content_blocks(), blank=True, verbose_name=_("further processing"))
    updated_on = models.DateField(_("last updated on"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("updated_on"), FieldPanel("body")]
    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "cms_content/pages/privacy_page.html"

    class Meta:
        verbose_name = _("privacy page")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from przystan.offices.privacy_notices import office_notices

        context = super().get_context(request, *args, **kwargs)
        office = getattr(request, "office", None)
        context["notices"] = office_notices(office, self.locale.language_code)
        return context
