"""Social benefits: configurable rules (amounts as data) and the benefits granted to persons."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class BenefitKind(models.TextChoices):
    FOOD_EQUIVALENT = "food_equivalent", _("food cash equivalent")
    POCKET_MONEY = "pocket_money", _("pocket money")
    HYGIENE = "hygiene", _("hygiene products allowance")
    CLOTHING = "clothing", _("one-off clothing allowance")
    OUTSIDE_CASH = "outside_cash", _("cash benefit outside a centre")
    TRAVEL = "travel", _("travel reimbursement")


class BenefitRule(models.Model):
    """The amount of a benefit kind, valid from a date, per family size (amounts are data, per office)."""

    class Unit(models.TextChoices):
        PER_DAY = "day", _("per day")
        PER_MONTH = "month", _("per month")
        ONE_OFF = "once", _("one-off")

    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="serce_benefit_rules",
        verbose_name=_("office"),
    )
    kind = models.CharField(_("benefit"), max_length=20, choices=BenefitKind.choices)
    unit = models.CharField(_("unit"), max_length=5, choices=Unit.choices)
    amount_grosze = models.PositiveIntegerField(_("amount (grosze)"))
    family_size_min = models.PositiveSmallIntegerField(_("family size from"), default=1)
    family_size_max = models.PositiveSmallIntegerField(
        _("family size to"), null=True, blank=True, help_text=_("Empty: no upper limit.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("benefit rule")
        verbose_name_plural = _("benefit rules")
        ordering = ["kind", "family_size_min", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount_grosze / 100:.2f} zł {self.get_unit_display()}"


class Benefit(models.Model):
    """A benefit granted to a person for a period, paid on a monthly schedule (or once)."""

    person = models.ForeignKey(
        "serce.Person", on_delete=models.CASCADE, related_name="benefits", verbose_name=_("person")
    )
    kind = models.CharField(_("benefit"), max_length=20, choices=BenefitKind.choices)
    amount_grosze = models.PositiveIntegerField(
        _("fixed amount (grosze)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to compute the amount from the benefit rules."),
    )
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"), null=True, blank=True)
    payment_day = models.PositiveSmallIntegerField(
        _("payment day of the month"), default=15, help_text=_("Benefits are paid by the 15th of each month.")
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("social benefit")
        verbose_name_plural = _("social benefits")
        ordering = ["-date_from", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__isnull=True) | Q(date_to__gte=F("date_from")),
                name="serce_benefit_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(payment_day__gte=1) & Q(payment_day__lte=28), name="serce_benefit_payment_day"
            ),
        ]
        indexes = [models.Index(fields=["kind", "date_from"], name="serce_benefit_kind_from")]

    def __str__(self) -> str:
        from ..dates import staff_date

        return f"{self.get_kind_display()} ({staff_date(self.date_from)}–{staff_date(self.date_to) or '…'})"

    def clean(self) -> None:
        if self.date_to and self.date_from and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("The end date cannot be before the start date.")})
