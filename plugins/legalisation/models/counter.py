"""What an officer compared at the counter: the originals the foreigner showed against the application."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from przystan.audit.api import audited


class CounterStatus(models.TextChoices):
    SEEN = "seen", _("original seen")
    MISSING = "missing", _("missing")


@audited(sensitive=True)
class CounterCheck(models.Model):
    """One comparison at the counter: for each required document of the type, whether the original was
    seen or is missing (with a note), and a general note. ``items`` is a list of
    ``{"code": attachment code, "status": "seen" | "missing", "note": str}``."""

    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="+"
    )  # the audit's office
    case = models.ForeignKey("legalisation.Case", on_delete=models.CASCADE, related_name="counter_checks")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("checked at"), auto_now_add=True)
    items = models.JSONField(_("documents"), default=list)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("counter check")
        verbose_name_plural = _("counter checks")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.at}"

    @property
    def missing(self) -> list[dict]:
        return [item for item in self.items if item.get("status") == CounterStatus.MISSING]
