"""Payments: a checkout (what the payer asked to pay) splits into one payment per payee account."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .fees import Payee


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Checkout(models.Model):
    """What one payer asked to pay at once (one or more fees, maybe for a case)."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    case_reference = models.CharField(_("case reference"), max_length=60, blank=True, db_index=True)
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    payer_email = models.EmailField(_("payer e-mail"))
    payer_name = models.CharField(_("payer name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, default="pl")
    return_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("checkout")
        verbose_name_plural = _("checkouts")

    def __str__(self) -> str:
        return f"checkout {self.pk}"


class PaymentStatus(models.TextChoices):
    NEW = "new", _("Not started")
    PENDING = "pending", _("Waiting for confirmation")
    PAID = "paid", _("Paid")
    EXPIRED = "expired", _("Expired")
    REFUNDED = "refunded", _("Refunded")


class Method(models.TextChoices):
    ONLINE = "online", _("Online payment")
    TRANSFER = "transfer", _("Bank transfer")


class Payment(models.Model):
    """One transaction to one payee account; the unit that a gateway registers and settles."""

    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="payments")
    reference = models.CharField(pgettext_lazy("payment", "reference"), max_length=20, unique=True)
    session_id = models.CharField(max_length=100, unique=True)
    payee = models.CharField(_("payee"), max_length=20, choices=Payee.choices)
    payee_name = models.CharField(_("payee name"), max_length=200)
    payee_iban = models.CharField(_("payee account"), max_length=34)
    amount_grosze = models.PositiveIntegerField(_("amount (grosze)"))
    currency = models.CharField(max_length=3, default="PLN")
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, blank=True)
    provider = models.CharField(_("provider"), max_length=40, blank=True)
    provider_order_id = models.CharField(max_length=40, blank=True)
    gateway_url = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.NEW, db_index=True
    )
    refunded_grosze = models.PositiveIntegerField(_("refunded (grosze)"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    registered_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    receipt_pdf = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at"]
        permissions = [
            ("refund_payment", _("Can refund payments")),
            ("view_finance_report", _("Can see the daily finance report")),
            ("import_statement", _("Can import bank statements")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(refunded_grosze__lte=models.F("amount_grosze")),
                name="payments_refund_not_above_amount",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def amount_pln(self) -> str:
        return format_pln(self.amount_grosze)

    @property
    def transfer_title(self) -> str:
        """The title a bank transfer must carry: our reference is what reconciliation looks for."""
        return f"{self.reference} {self.checkout.case_reference}".strip()[:32]

    @property
    def refundable_grosze(self) -> int:
        return self.amount_grosze - self.refunded_grosze if self.status in {"paid", "refunded"} else 0


def format_pln(grosze: int) -> str:
    return f"{grosze // 100:,}".replace(",", "\u00a0") + f",{grosze % 100:02d}\u00a0zł"


class PaymentLine(models.Model):
    """A fee inside a payment, with the amount and name frozen when the payment was created."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="lines")
    fee_code = models.CharField(max_length=50)
    name = models.CharField(max_length=200)
    amount_grosze = models.PositiveIntegerField()
    legal_basis = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.fee_code}: {self.amount_grosze}"


class Settlement(models.Model):
    """The single settlement of a payment: the one-to-one key makes a second one impossible."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="settlement")
    settled_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=20)  # notification / reconciliation / statement
    provider_order_id = models.CharField(max_length=40, blank=True)
    listeners_notified = models.BooleanField(default=False)
    listeners_error = models.TextField(blank=True)
    payer_notified = models.BooleanField(default=False)  # the "payment confirmed" e-mail is queued

    def __str__(self) -> str:
        return f"settlement of {self.payment_id}"


class GatewayEvent(models.Model):
    """Every notification a gateway sent us, with what we made of it (rejected ones included)."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+", null=True)
    provider = models.CharField(max_length=40)
    kind = models.CharField(max_length=30)
    session_id = models.CharField(max_length=100, blank=True, db_index=True)
    outcome = models.CharField(max_length=30, db_index=True)
    detail = models.TextField(blank=True)
    remote_addr = models.CharField(max_length=45, blank=True)
    body = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.session_id}: {self.outcome}"
