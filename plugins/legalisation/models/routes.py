"""Where an application of a type may be filed, as dated data with its legal basis.

Since 27 April 2026 temporary residence, permanent residence and EU long-term resident applications are
filed only in the national MOS module (ustawa o cudzoziemcach, Dz.U. 2025 poz. 1079, as amended by
Dz.U. 2025 poz. 1794); an office may not take them on paper or in its own portal. A row says which route
applies to a type from a date on; a row with an office overrides the national one (``office`` empty)
for that office. The newest row in force on a day wins, so history is kept and a change is a new row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FilingRouteKind(models.TextChoices):
    MOS = "mos", _("only electronically in the national MOS module")
    LOCAL_ONLINE = "local_online", _("online in this portal")
    PAPER = "paper", _("on paper at the office or by post")


class FilingRoute(models.Model):
    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("Empty: the national rule for every office."),
    )
    type_code = models.CharField(_("application type"), max_length=40, db_index=True)
    route = models.CharField(_("filing route"), max_length=20, choices=FilingRouteKind.choices)
    effective_from = models.DateField(_("in force from"))
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    source_url = models.URLField(_("source"), blank=True)
    filing_url = models.URLField(_("where to file"), blank=True, help_text=_("For MOS: the MOS address."))
    to_verify = models.BooleanField(
        _("to be confirmed by the office"),
        default=False,
        help_text=_("The source is not certain; the office confirms the route before relying on it."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("filing route")
        verbose_name_plural = _("filing routes")
        ordering = ["type_code", "-effective_from", "-pk"]
        indexes = [models.Index(fields=["type_code", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.type_code}: {self.route} ({self.effective_from})"


class PreparationChecklist(models.Model):
    """A foreigner's private list of what is ready before filing in MOS. Not an application: no case
    number, no PIN, no proof of filing; only its owner sees it."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    type_code = models.CharField(max_length=40)
    ticked = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("office", "user", "type_code")]

    def __str__(self) -> str:
        return f"{self.type_code} ({self.user_id})"
