"""The fee catalogue of an office: amounts are data (grosze, or euro cents for a fee set in euro),
with validity dates, a payee, the legal basis and where the amount was checked (source); who pays
less or nothing is data too (:class:`~plugins.payments.models.reliefs.FeeRelief`)."""

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


class Currency(models.TextChoices):
    PLN = "PLN", _("złoty (PLN)")
    EUR = "EUR", _("euro (paid as its equivalent in złoty)")


#: "the PLN equivalent of €30" in each language (a fee set in euro is paid in złoty)
EURO_EQUIVALENT = {
    "pl": "równowartość {n} euro",
    "en": "the equivalent of €{n} in złoty",
    "uk": "еквівалент {n} євро в злотих",
    "ru": "эквивалент {n} евро в злотых",
}


def whole_or_cents(minor: int) -> str:
    """340 → "340", 1250 → "12,50": whole amounts without ",00" for people reading a fee list."""
    whole = f"{minor // 100:,}".replace(",", "\u00a0")
    return whole if minor % 100 == 0 else f"{whole},{minor % 100:02d}"


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
        _("amount (grosze)"),
        validators=[MinValueValidator(1)],
        help_text=_("440 zł is 44000; a fee set in euro is in euro cents (€30 is 3000)."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.PLN)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_(
            "Where the amount was checked (an act in ISAP, the office for foreigners' page) and when."
        ),
    )
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

    @property
    def in_euro(self) -> bool:
        return self.currency == Currency.EUR

    def amount_text(self, language: str) -> str:
        """The amount as people read it: "340 zł", or "równowartość 30 euro" for a fee set in euro."""
        lang = (language or "pl")[:2]
        if self.in_euro:
            return EURO_EQUIVALENT.get(lang, EURO_EQUIVALENT["en"]).format(
                n=whole_or_cents(self.amount_grosze)
            )
        return f"{whole_or_cents(self.amount_grosze)}\u00a0zł"

    def relief_list(self) -> list:
        cached = getattr(self, "_prefetched_objects_cache", {}).get("reliefs")
        return list(cached) if cached is not None else list(self.reliefs.all())

    def exemptions_in(self, language: str) -> str:
        """Who pays less or nothing, in ``language``: the relief rules, else the office's free text."""
        reliefs = self.relief_list()
        if reliefs:
            return " ".join(relief.sentence(language) for relief in reliefs)
        return self.exemptions

    def as_dict(self, language: str) -> dict:
        return {
            "code": self.code,
            "name": self.name_in(language),
            "amount_grosze": self.amount_grosze,
            "currency": self.currency,
            "amount_text": self.amount_text(language),
            "legal_basis": self.legal_basis,
            "source": self.source,
            "payee": self.payee,
            "exemptions": self.exemptions_in(language),
            "reliefs": [relief.as_dict(language) for relief in self.relief_list()],
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
        }
