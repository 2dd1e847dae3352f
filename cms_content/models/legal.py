"""Legal acts cited by portal pages: the act (the law itself) and its consolidated texts.

A page cites a *consolidated text* (tekst jednolity: a journal reference with its own ELI). An act has
a chain of them; a text that a newer one replaced carries ``superseded_by``. Which texts are current
is data kept by editors and refreshed by the legal-acts check (``legal_check``) from the Sejm's
ELI API, so "this page cites a superseded consolidated text" is computed, never written into a page.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

ELI_PATTERN = re.compile(r"^(?P<publisher>DU|MP)/(?P<year>\d{4})/(?P<position>\d+)$")


def validate_eli(value: str) -> None:
    if not ELI_PATTERN.match(value):
        raise ValidationError(_("Write the ELI as publisher/year/position, for example DU/2025/1079."))


def isap_url_for(eli: str) -> str:
    """The ISAP address of a Journal of Laws (DU) or Monitor Polski (MP) position given by its ELI."""
    match = ELI_PATTERN.match(eli or "")
    if not match:
        return ""
    prefix = "WDU" if match["publisher"] == "DU" else "WMP"
    return (
        f"https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id={prefix}{match['year']}"
        f"{int(match['position']):07d}"
    )


def journal_reference_for(eli: str) -> str:
    """``DU/2025/1079`` → ``Dz.U. 2025 poz. 1079`` (``MP/…`` → ``M.P. …``)."""
    match = ELI_PATTERN.match(eli or "")
    if not match:
        return eli
    journal = "Dz.U." if match["publisher"] == "DU" else "M.P."
    return f"{journal} {match['year']} poz. {match['position']}"


def eli_order(eli: str) -> tuple[int, int]:
    """Sort key: a later year/position is a later publication."""
    match = ELI_PATTERN.match(eli or "")
    return (int(match["year"]), int(match["position"])) if match else (0, 0)


class LegalAct(RevisionMixin, index.Indexed, ClusterableModel):
    """A legal act (the law itself, e.g. the Act on foreigners of 12 December 2013), identified by the ELI
    of its first publication; its consolidated texts are :class:`LegalActVersion` rows."""

    title = models.CharField(_("title"), max_length=500)
    journal_reference = models.CharField(
        _("journal reference of the act as published"),
        max_length=120,
        help_text=_("For example: Dz.U. 2013 poz. 1650"),
    )
    eli = models.CharField(
        _("ELI identifier"),
        max_length=60,
        unique=True,
        help_text=_(
            "Of the act as first published (publisher/year/position), for example DU/2013/1650. "
            "The legal-acts check reads the act's in-force status and its consolidated texts there."
        ),
    )
    isap_url = models.URLField(_("ISAP / ELI link"), max_length=300)
    verify_note = models.CharField(
        _("still to be confirmed"),
        max_length=300,
        blank=True,
        help_text=_("What has not been confirmed at the source yet, e.g. the current consolidated text."),
    )
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
        FieldPanel("verify_note"),
        InlinePanel("versions", heading=_("Consolidated texts"), label=_("consolidated text")),
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
        return self.title

    @property
    def current_version(self) -> LegalActVersion | None:
        """The consolidated text to cite now: not superseded, the latest publication if several."""
        current = [v for v in self.versions.all() if v.superseded_by_id is None]
        return max(current, key=lambda v: eli_order(v.eli), default=None)

    @property
    def current_reference(self) -> str:
        version = self.current_version
        return version.citation if version else self.journal_reference

    @property
    def current_url(self) -> str:
        version = self.current_version
        return version.isap_url if version else self.isap_url

    def citing_pages(self) -> list[Any]:
        """Every page (in every language) citing one of this act's consolidated texts."""
        pages: dict[int, Any] = {}
        for version in self.versions.all():
            for page in version.citing_pages():
                pages[page.pk] = page
        return list(pages.values())


class LegalActVersion(Orderable):
    """One consolidated text of an act (tekst jednolity), as published in the Journal of Laws."""

    act = ParentalKey(LegalAct, on_delete=models.CASCADE, related_name="versions", verbose_name=_("act"))
    journal_reference = models.CharField(
        _("journal reference"), max_length=120, help_text=_("For example: Dz.U. 2025 poz. 1079")
    )
    eli = models.CharField(
        _("ELI identifier"),
        max_length=60,
        unique=True,
        validators=[validate_eli],
        help_text=_("For example DU/2025/1079."),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    amended_by = models.CharField(
        _("later amendments"),
        max_length=200,
        blank=True,
        help_text=_("Amending acts published after this text, e.g. Dz.U. 2025 poz. 1794."),
    )
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("superseded by"),
        help_text=_("The newer consolidated text that replaced this one; empty while this one is current."),
    )

    panels = [
        FieldPanel("journal_reference"),
        FieldPanel("eli"),
        FieldPanel("published_on"),
        FieldPanel("amended_by"),
        FieldPanel("superseded_by"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("consolidated text")
        verbose_name_plural = _("consolidated texts")

    def __str__(self) -> str:
        return f"{self.act.title} ({self.citation})"

    @property
    def is_current(self) -> bool:
        return self.superseded_by_id is None

    @property
    def citation(self) -> str:
        """``Dz.U. 2025 poz. 1079`` with the later amendments, as a citation is written."""
        if self.amended_by:
            amended = _("as amended by")
            return f"{self.journal_reference}, {amended} {self.amended_by}"
        return self.journal_reference

    @property
    def isap_url(self) -> str:
        return isap_url_for(self.eli)

    def latest(self) -> LegalActVersion:
        """Follow ``superseded_by`` to the text that replaced this one last (stops at a cycle)."""
        seen = {self.pk}
        version = self
        while version.superseded_by_id and version.superseded_by_id not in seen:
            seen.add(version.superseded_by_id)
            version = version.superseded_by
        return version

    def citing_pages(self) -> list[Any]:
        return [*self.procedure_pages.all(), *self.information_pages.all()]
