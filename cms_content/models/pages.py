"""Page types of the portal. Every page is translatable (pl source, en/uk/ru translations)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms_content import blocks
from cms_content.application_types import APPLICATION_TYPES, validate_fee_codes
from cms_content.cache import CachedPageMixin

SEARCH_PAGE_SIZE = 10


class ReviewMixin(models.Model):
    """Pages citing legal acts carry a review flag the legal-acts check raises.

    The check raises the flag on the live page, not in its revisions. A revision drafted before the
    flag was raised (a scheduled publication, an older draft) therefore does not carry it: when such a
    revision becomes the page (:meth:`with_content_json`), the flag, its reason and its time are kept
    from the live page. A revision made after the flag was raised (the editor saw it) decides itself,
    so a reviewer can clear the flag by publishing.
    """

    needs_review = models.BooleanField(_("needs review"), default=False, db_index=True)
    review_reason = models.CharField(_("why it needs review"), max_length=500, blank=True)
    review_flagged_at = models.DateTimeField(
        _("flagged for review at"), null=True, blank=True, editable=False
    )

    review_panels = [
        MultiFieldPanel([FieldPanel("needs_review"), FieldPanel("review_reason")], heading=_("Legal review"))
    ]

    class Meta:
        abstract = True

    def superseded_citations(self) -> list[tuple[Any, Any]]:
        """(cited consolidated text, the text to cite instead) for every superseded text the page cites."""
        cited = self.cited_texts.all()  # type: ignore[attr-defined]
        return [(text, text.latest()) for text in cited if not text.is_current]

    def with_content_json(self, content: dict[str, Any]) -> Any:
        obj = super().with_content_json(content)  # type: ignore[misc]
        flagged_at = self.review_flagged_at
        if not (self.needs_review and flagged_at):
            return obj
        drafted = parse_datetime(str(content.get("review_flagged_at") or ""))
        if drafted is None or drafted < flagged_at:  # drafted before the check flagged the page
            obj.needs_review = True
            obj.review_reason = self.review_reason
            obj.review_flagged_at = flagged_at
        return obj


class PortalPage(CachedPageMixin, Page):
    """Common base of portal pages: extra search keywords and the response cache."""

    search_keywords = models.CharField(
        _("search keywords"),
        max_length=300,
        blank=True,
        help_text=_("Words people type when looking for this page, in the language of the page."),
    )
    promote_panels = [*Page.promote_panels, FieldPanel("search_keywords")]
    search_fields = [*Page.search_fields, index.SearchField("search_keywords")]

    class Meta:
        abstract = True


class PortalHomePage(PortalPage):
    """The home page of an office's portal (the root page of the office's Site)."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(blocks.content_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "cms_content/pages/home_page.html"

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["procedures"] = ProcedurePage.objects.live().public().descendant_of(self).order_by("title")
        context["locations"] = LocationPage.objects.live().public().descendant_of(self).order_by("title")
        context["sections"] = [p for p in children if isinstance(p, InformationIndexPage)]
        return context


class InformationIndexPage(PortalPage):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "cms_content.InformationPage",
        "cms_content.ProcedurePage",
        "cms_content.InformationIndexPage",
        "cms_content.LocationPage",
    ]
    template = "cms_content/pages/index_page.html"
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("information index")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class InformationPage(ReviewMixin, PortalPage):
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(blocks.content_blocks(), verbose_name=_("body"))
    cited_texts = ParentalManyToManyField(
        "cms_content.LegalActVersion",
        blank=True,
        related_name="information_pages",
        verbose_name=_("legal basis (consolidated texts cited)"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("cited_texts"),
    ]
    settings_panels = [*Page.settings_panels, *ReviewMixin.review_panels]
    search_fields = [*PortalPage.search_fields, index.SearchField("summary"), index.SearchField("body")]
    subpage_types: list[str] = []
    template = "cms_content/pages/information_page.html"

    class Meta:
        verbose_name = _("information page")

    def __str__(self) -> str:
        return self.title


class ProcedurePage(ReviewMixin, PortalPage):
    """How to obtain one application type: who, documents, fees, stages, deadlines, forms, actions."""

    application_type = models.CharField(_("application type"), max_length=40, choices=APPLICATION_TYPES)
    summary = models.TextField(_("summary"))
    who_for = RichTextField(_("who it is for"))
    documents = StreamField(
        [("checklist", blocks.ChecklistBlock())], verbose_name=_("required documents"), blank=True
    )
    fee_codes = models.CharField(
        _("fee codes"),
        max_length=300,
        blank=True,
        validators=[validate_fee_codes],
        help_text=_(
            "Used when the case plugin does not say which fees apply, e.g. 'stamp_temp_work card_issue'."
        ),
    )
    fees_fallback = RichTextField(_("fees (shown only while the payments plugin is disabled)"), blank=True)
    stages_fallback = StreamField(
        [("steps", blocks.StepsBlock())],
        blank=True,
        verbose_name=_("stages (shown only while the case plugin is disabled)"),
    )
    deadlines = StreamField(
        [("deadline", blocks.DeadlineBlock())], blank=True, verbose_name=_("legal deadlines")
    )
    forms = StreamField([("form", blocks.FormBlock())], blank=True, verbose_name=_("forms"))
    body = StreamField(blocks.content_blocks(), blank=True, verbose_name=_("more information"))
    cited_texts = ParentalManyToManyField(
        "cms_content.LegalActVersion",
        blank=True,
        related_name="procedure_pages",
        verbose_name=_("legal basis (consolidated texts cited)"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("application_type"),
        FieldPanel("summary"),
        FieldPanel("who_for"),
        FieldPanel("documents"),
        MultiFieldPanel([FieldPanel("fee_codes"), FieldPanel("fees_fallback")], heading=_("Fees")),
        FieldPanel("stages_fallback"),
        FieldPanel("deadlines"),
        FieldPanel("forms"),
        FieldPanel("body"),
        FieldPanel("cited_texts"),
    ]
    settings_panels = [*Page.settings_panels, *ReviewMixin.review_panels]
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_for"),
        index.SearchField("documents"),
        index.SearchField("body"),
        index.FilterField("application_type"),
    ]
    subpage_types: list[str] = []
    template = "cms_content/pages/procedure_page.html"
    # wagtail-localize: codes are shared data, not text to translate
    override_translatable_fields = [
        SynchronizedField("application_type"),
        SynchronizedField("fee_codes"),
        SynchronizedField("cited_texts"),
    ]

    class Meta:
        verbose_name = _("procedure page")

    def __str__(self) -> str:
        return self.title

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms_content.procedures import procedure_details

        context = super().get_context(request, *args, **kwargs)
        context["procedure"] = procedure_details(self, getattr(request, "office", None))
        return context


class LocationPage(PortalPage):
    """A building of the office with its service points, opening hours and accessibility."""

    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("city"), max_length=80)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    directions = RichTextField(_("how to get there"), blank=True)
    accessibility = RichTextField(_("accessibility of the building"))
    service_points = StreamField(
        [("service_point", blocks.ServicePointBlock())],
        verbose_name=pgettext_lazy("office location", "service points"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        FieldPanel("directions"),
        FieldPanel("accessibility"),
        FieldPanel("service_points"),
    ]
    search_fields = [*PortalPage.search_fields, index.SearchField("street"), index.SearchField("city")]
    subpage_types: list[str] = []
    template = "cms_content/pages/location_page.html"
    override_translatable_fields = [
        SynchronizedField("postal_code"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    class Meta:
        verbose_name = _("office location")

    @property
    def map_url(self) -> str:
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        import datetime as dt

        from cms_content.hours import (
            closed_day_names,
            first_day_shown,
            week_for_service_point,
            week_navigation,
        )

        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        start = first_day_shown(request.GET.get("from") if request is not None else None)
        office = getattr(request, "office", None)
        names = closed_day_names(office, start, start + dt.timedelta(days=6), language)
        context["schedules"] = [
            (block.value, week_for_service_point(block.value, start=start, language=language, names=names))
            for block in self.service_points
        ]
        context["week_nav"] = week_navigation(start)
        return context


class ContactPage(PortalPage):
    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(blocks.content_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "cms_content/pages/contact_page.html"

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        home = self.get_parent()
        context["locations"] = LocationPage.objects.live().public().descendant_of(home).order_by("title")
        return context


class SearchPage(Page):
    """Search over the portal pages of the page's own language (not cached: results depend on the query)."""

    max_count_per_parent = 1
    subpage_types: list[str] = []
    template = "cms_content/pages/search_page.html"

    class Meta:
        verbose_name = _("search page")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms_content.search import search_portal

        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:200]
        results = search_portal(self.get_parent(), self.locale, query) if query else []
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        context["query"] = query
        context["results"] = paginator.get_page(request.GET.get("page"))
        context["result_count"] = paginator.count if query else 0
        return context
