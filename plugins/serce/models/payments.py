"""Monthly payment lists of social benefits: prepared, reviewed, approved by a second person, paid.

Entries of an approved list never change; a correction is a new adjustment entry with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PaymentList(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for approval")
        APPROVED = "approved", _("approved")
        PAID = "paid", pgettext_lazy("benefit payout", "paid")

    office = models.ForeignKey(
        "offices.Office",
        on_delete=models.PROTECT,
        related_name="serce_payment_lists",
        verbose_name=_("office"),
    )
    centre = models.ForeignKey(
        "serce.Centre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payment_lists",
        verbose_name=_("centre"),
        help_text=_("Empty: persons living outside centres."),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("prepared by")
    )
    prepared_at = models.DateTimeField(_("prepared at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked paid by"),
    )
    paid_at = models.DateTimeField(pgettext_lazy("benefit payout", "paid at"), null=True, blank=True)
    payment_date = models.DateField(_("payment date"))

    class Meta:
        verbose_name = _("payment list")
        verbose_name_plural = _("payment lists")
        ordering = ["-month", "centre__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "centre", "month"],
                condition=Q(centre__isnull=False),
                name="serce_list_per_centre",
            ),
            models.UniqueConstraint(
                fields=["office", "month"],
                condition=Q(centre__isnull=True),
                name="serce_list_outside_centres",
            ),
        ]
        permissions = [
            ("approve_paymentlist", "Can approve payment lists"),
            ("mark_paid_paymentlist", "Can mark payment lists paid"),
        ]

    def __str__(self) -> str:
        where = self.centre.name if self.centre_id else _("outside centres")
        return f"{self.month:%Y-%m} — {where}"

    @property
    def reference(self) -> str:
        return f"SE/LW/{self.month:%Y/%m}/{self.centre.code if self.centre_id else 'poza'}".upper()

    @property
    def is_locked(self) -> bool:
        """Approved and paid lists are never edited; corrections become adjustment entries."""
        return self.status in (self.Status.APPROVED, self.Status.PAID)


class PaymentEntry(models.Model):
    payment_list = models.ForeignKey(
        PaymentList, on_delete=models.CASCADE, related_name="entries", verbose_name=_("payment list")
    )
    person = models.ForeignKey(
        "serce.Person", on_delete=models.PROTECT, related_name="payment_entries", verbose_name=_("person")
    )
    benefit = models.ForeignKey(
        "serce.Benefit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("benefit"),
    )
    kind = models.CharField(_("benefit"), max_length=20)
    rule = models.ForeignKey(
        "serce.BenefitRule",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("benefit rule"),
        help_text=_("The rule the amount was computed from (empty: a fixed amount or an adjustment)."),
    )
    days = models.PositiveSmallIntegerField(_("days"), null=True, blank=True)
    amount_grosze = models.IntegerField(_("amount (grosze)"))
    is_adjustment = models.BooleanField(_("adjustment"), default=False)
    adjusts = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adjustments",
        verbose_name=_("adjusts"),
    )
    reason = models.TextField(_("reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
        help_text=_("Adjustments only: the second person who approved the correction."),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    paid_at = models.DateTimeField(pgettext_lazy("benefit payout", "paid at"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment entry")
        verbose_name_plural = _("payment entries")
        ordering = ["payment_list", "id"]

    def __str__(self) -> str:
        return f"{self.person} {self.kind} {self.amount_grosze / 100:.2f}"

    @property
    def awaiting_approval(self) -> bool:
        """An adjustment entered after the list was approved waits for a second person's approval."""
        return self.is_adjustment and self.approved_at is None
