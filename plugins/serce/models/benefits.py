"""Social benefits: configurable rules (amounts as data) and the benefits granted to persons."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BenefitKind(models.TextChoices):
    FOOD_EQUIVALENT = "food_equivalent", _("food cash equivalent")
    POCKET_MONEY = "pocket_money", _("pocket money")
    HYGIENE = "hygiene", _("hygiene products allowance")
    CLOTHING = "clothing", _("one-off clothing allowance")
    OUTSIDE_CASH = "outside_cash", _("cash benefit outside a centre")
    TRAVEL = "travel", _("travel reimbursement")


#: Benefit kinds whose amount is the actual cost (tickets to interviews and doctors), never a rule.
COST_KINDS = (BenefitKind.TRAVEL,)


class BenefitRule(models.Model):
    """The amount of a benefit kind for a family size, valid from ``valid_from`` to ``valid_until``.

    Amounts are data, per office, each with its source (act, Dz.U. position, link) and a flag "to be
    confirmed by the office": seeded and migrated rows start unconfirmed, and so does a rule whose
    amount, dates or source are edited. Who confirmed and when is kept on the row (and audited).
    """

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
    valid_until = models.DateField(
        _("valid until (inclusive)"), null=True, blank=True, help_text=_("Empty: until further notice.")
    )
    legal_basis = models.CharField(
        _("legal act"), max_length=300, blank=True, help_text=_("The act that sets the amount.")
    )
    source_reference = models.CharField(
        _("Dz.U. position"), max_length=120, blank=True, help_text=_("For example: Dz.U. 2016 poz. 311.")
    )
    source_url = models.URLField(_("link to the act"), max_length=300, blank=True)
    source_note = models.TextField(
        _("note on the source"), blank=True, help_text=_("For example: a draft, not verified.")
    )
    to_confirm = models.BooleanField(
        _("to be confirmed by the office"),
        default=True,
        help_text=_("Payment lists using the rule cannot be submitted for approval until it is confirmed."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    changed_at = models.DateTimeField(
        _("amount or validity changed at"),
        default=timezone.now,
        help_text=_("Set when the amount, dates or source change (not by a confirmation)."),
    )

    class Meta:
        verbose_name = _("benefit rule")
        verbose_name_plural = _("benefit rules")
        ordering = ["kind", "family_size_min", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="serce_rule_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        from ..money import zl

        return f"{self.get_kind_display()}: {zl(self.amount_grosze)} {self.get_unit_display()}"

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def covers(self, family_size: int) -> bool:
        return self.family_size_min <= family_size and (
            self.family_size_max is None or family_size <= self.family_size_max
        )

    @property
    def is_confirmed(self) -> bool:
        return not self.to_confirm and self.confirmed_at is not None


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
        if self.kind in COST_KINDS and self.amount_grosze is None:
            raise ValidationError(
                {"amount_grosze": _("Enter the cost of the tickets to be reimbursed (no rule sets it).")}
            )
