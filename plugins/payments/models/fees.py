"""The fee catalogue of an office: amounts are data (grosze), with validity dates and a payee."""

from __future__ import annotations

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("pl", "en", "uk", "ru")


class Payee(models.TextChoices):
    STAMP_DUTY = "stamp_duty", _("Municipality (stamp duty)")
    OFFICE = "office", _("Office (own account)")


class FeeQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None = None) -> FeeQuerySet:
        day = day or timezone.localdate()
        return self.filter(Q(valid_from__lte=day) & (Q(valid_until__isnull=True) | Q(valid_until__gte=day)))


class Fee(models.Model):
    """One fee of an office's catalogue (a new amount from a date is a new row with its own validity)."""

    office = models.ForeignKey(
        "offices.Office", on_delete=models.CASCADE, related_name="fees", verbose_name=_("office")
    )
    code = models.SlugField(_("code"), max_length=50)
    name_pl = models.CharField(_("name (Polish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_uk = models.CharField(_("name (Ukrainian)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    amount_grosze = models.PositiveIntegerField(
        _("amount (grosze)"), validators=[MinValueValidator(1)], help_text=_("440 zł is 44000.")
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    payee = models.CharField(_("payee"), max_length=20, choices=Payee.choices)
    exemptions = models.TextField(
        _("exemptions"),
        blank=True,
        help_text=_("Who does not pay, e.g. a power of attorney for close family."),
    )
    valid_from = models.DateField(_("valid from"), default=datetime.date(2000, 1, 1))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = FeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fees")
        ordering = ["office", "code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code", "valid_from"], name="payments_fee_unique_from"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="payments_fee_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.amount_grosze / 100:.2f} PLN)"

    def name_in(self, language: str) -> str:
        lang = (language or "pl")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_pl

    def as_dict(self, language: str) -> dict:
        return {
            "code": self.code,
            "name": self.name_in(language),
            "amount_grosze": self.amount_grosze,
            "legal_basis": self.legal_basis,
            "payee": self.payee,
            "exemptions": self.exemptions,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
        }
