"""Imported bank statements: each credit line is kept once and matched by transfer title."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BankStatement(models.Model):
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=200)
    file_format = models.CharField(max_length=10)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")

    def __str__(self) -> str:
        return self.filename


class StatementLine(models.Model):
    statement = models.ForeignKey(BankStatement, on_delete=models.CASCADE, related_name="lines")
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    booked_on = models.DateField()
    amount_grosze = models.IntegerField()
    title = models.CharField(max_length=300)
    counterparty = models.CharField(max_length=200, blank=True)
    payment = models.ForeignKey(
        "payments.Payment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "fingerprint"], name="payments_statement_line_once")
        ]

    def __str__(self) -> str:
        return self.title
