"""Legal acts cited by portal pages (a snippet), with the in-force status last checked at the source."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index


class LegalAct(RevisionMixin, index.Indexed, models.Model):
    """A legal act as published in the Journal of Laws (Dziennik Ustaw), identified by its ELI."""

    title = models.CharField(_("title"), max_length=500)
    journal_reference = models.CharField(
        _("journal reference"), max_length=120, help_text=_("For example: Dz.U. 2025 poz. 1079")
    )
    eli = models.CharField(
        _("ELI identifier"),
        max_length=60,
        unique=True,
        help_text=_("Publisher/year/position as in the legal-acts API, for example DU/2013/1650."),
    )
    isap_url = models.URLField(_("ISAP / ELI link"), max_length=300)
    in_force = models.BooleanField(_("in force"), default=True)
    status = models.CharField(_("status at the source"), max_length=200, blank=True)
    changed_on = models.DateField(_("last change at the source"), null=True, blank=True)
    checked_at = models.DateTimeField(_("date checked"), null=True, blank=True)
    check_error = models.CharField(_("last check problem"), max_length=300, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("journal_reference"),
        FieldPanel("eli"),
        FieldPanel("isap_url"),
        MultiFieldPanel(
            [
                FieldPanel("in_force"),
                FieldPanel("status", read_only=True),
                FieldPanel("changed_on", read_only=True),
                FieldPanel("checked_at", read_only=True),
                FieldPanel("check_error", read_only=True),
            ],
            heading=_("Status"),
        ),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("journal_reference")]

    class Meta:
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.journal_reference})"

    def citing_pages(self) -> list:
        """Every page (in every language) that lists this act as its legal basis."""
        return [*self.procedure_pages.all(), *self.information_pages.all()]
