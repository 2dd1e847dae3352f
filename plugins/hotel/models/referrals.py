"""Referrals: the centre suggested for a person (or family), the ranking and the reason."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Referral(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("waiting for admission")
        ADMITTED = "admitted", _("admitted")

    person = models.ForeignKey("serce.Person", on_delete=models.CASCADE, related_name="hotel_referrals")
    family_size = models.PositiveSmallIntegerField(_("family size"))
    suggested_centre = models.ForeignKey(
        "serce.Centre",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("suggested centre"),
    )
    centre = models.ForeignKey(
        "serce.Centre",
        on_delete=models.PROTECT,
        related_name="hotel_referrals",
        verbose_name=_("referred to"),
    )
    reason = models.TextField(_("reason"))
    ranking = models.JSONField(_("ranking"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.person} → {self.centre}"
