"""Refunds: full or partial, with a reason, the staff member who asked and a second one who approved
(four eyes; both audited)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RefundStatus(models.TextChoices):
    AWAITING = "awaiting", _("Awaiting approval")
    REQUESTED = "requested", pgettext_lazy("refund", "Requested")
    COMPLETED = "completed", _("Completed")
    REJECTED = "rejected", _("Rejected")


class RefundGround(models.TextChoices):
    REFUSED = "refused", _("the application was refused")
    DISCONTINUED = "discontinued", _("the proceedings were discontinued")
    NOT_DUE = "not_due", _("paid but not due, or paid too much")
    OTHER = "other", _("other reason")


def new_uuid() -> str:
    return uuid.uuid4().hex[:32]


class Refund(models.Model):
    payment = models.ForeignKey("payments.Payment", on_delete=models.PROTECT, related_name="refunds")
    amount_grosze = models.PositiveIntegerField(_("amount (grosze)"))
    reason = models.CharField(_("reason"), max_length=300)
    ground = models.CharField(
        _("ground"), max_length=15, choices=RefundGround.choices, default=RefundGround.OTHER
    )
    filed_on = models.DateField(_("application filed on"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    request_id = models.CharField(max_length=45, unique=True, default=new_uuid)
    refunds_uuid = models.CharField(max_length=35, unique=True, default=new_uuid)
    status = models.CharField(
        _("status"), max_length=10, choices=RefundStatus.choices, default=RefundStatus.AWAITING
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    message = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"refund {self.amount_grosze} of {self.payment_id}"


class RefundRule(models.Model):
    """When a paid fee is NOT refunded, as data with its effective date: e.g. stamp duty for an
    application filed from 5 March 2026 is kept after a refusal or a discontinuation."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="refund_rules")
    payee = models.CharField(
        _("payee"), max_length=20, default="stamp_duty", help_text=_("Whose payments the rule covers.")
    )
    fee_codes = models.CharField(
        _("fees"),
        max_length=500,
        blank=True,
        help_text=_("Codes separated by spaces; empty: all of the payee."),
    )
    grounds = models.CharField(
        _("grounds"), max_length=100, help_text=_("Refund grounds the rule refuses, separated by spaces.")
    )
    filed_from = models.DateField(_("applications filed from"))
    filed_until = models.DateField(_("applications filed until"), null=True, blank=True)
    explanation_pl = models.CharField(_("explanation (Polish)"), max_length=400)
    explanation_en = models.CharField(_("explanation (English)"), max_length=400)
    explanation_uk = models.CharField(_("explanation (Ukrainian)"), max_length=400)
    explanation_ru = models.CharField(_("explanation (Russian)"), max_length=400)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("refund rule")
        verbose_name_plural = _("refund rules")
        ordering = ["office", "-filed_from"]

    def __str__(self) -> str:
        return f"no refund of {self.payee} ({self.grounds}) from {self.filed_from}"

    def explanation_in(self, language: str) -> str:
        lang = (language or "pl")[:2]
        return getattr(self, f"explanation_{lang}", "") or self.explanation_pl

    def covers(self, *, payee: str, fee_codes: list[str], ground: str, filed_on: object) -> bool:
        """Does the rule refuse a refund of a ``payee`` payment of ``fee_codes`` on ``ground``?"""
        if payee != self.payee or ground not in self.grounds.split() or filed_on is None:
            return False
        if filed_on < self.filed_from or (self.filed_until and filed_on > self.filed_until):
            return False
        codes = set(self.fee_codes.split())
        return not codes or bool(codes & set(fee_codes))
