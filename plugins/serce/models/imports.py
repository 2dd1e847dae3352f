"""Runs of the Pobyt v.2 import, with their result counts and conflict report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    office = models.ForeignKey(
        "offices.Office", on_delete=models.PROTECT, related_name="serce_import_runs", verbose_name=_("office")
    )
    filename = models.CharField(_("file"), max_length=200, blank=True)
    file_format = models.CharField(_("format"), max_length=4)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    conflicts = models.JSONField(_("conflicts"), default=list, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    class Meta:
        verbose_name = _("Pobyt v.2 import")
        verbose_name_plural = _("Pobyt v.2 imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        from ..dates import staff_date

        return f"{self.filename} {staff_date(self.created_at)}"
