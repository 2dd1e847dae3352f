"""Inquiries to other authorities and the paper file's movements."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Authority(models.TextChoices):
    BORDER_GUARD = "border_guard", _("Border Guard")
    POLICE = "police", _("Police")
    ABW = "abw", _("Internal Security Agency (ABW)")
    CONSUL = "consul", _("Consul")
    LABOUR_OFFICE = "labour_office", _("Labour Office")


class Inquiry(models.Model):
    case = models.ForeignKey("legalisation.Case", on_delete=models.CASCADE, related_name="inquiries")
    authority = models.CharField(_("authority"), max_length=20, choices=Authority.choices)
    sent_on = models.DateField(_("sent on"))
    due_on = models.DateField(_("answer due"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.authority} {self.sent_on}"

    @property
    def overdue(self) -> bool:
        return self.answered_on is None and self.due_on < timezone.localdate()


class FileMove(models.Model):
    """Where the paper file went (room, shelf or person), who moved it and when."""

    case = models.ForeignKey("legalisation.Case", on_delete=models.CASCADE, related_name="file_moves")
    location = models.CharField(_("location"), max_length=120)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.location
