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


def new_uuid() -> str:
    return uuid.uuid4().hex[:32]


class Refund(models.Model):
    payment = models.ForeignKey("payments.Payment", on_delete=models.PROTECT, related_name="refunds")
    amount_grosze = models.PositiveIntegerField(_("amount (grosze)"))
    reason = models.CharField(_("reason"), max_length=300)
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
