"""The core contract for payment providers (gateways).

``plugins.payments`` owns the payment records and the flow; gateways (Przelewy24, a future Stripe
plugin, ...) implement :class:`PaymentProvider` and are contributed through the ``payment_providers``
hook. The core owns the start/return/notification URLs and dispatches to a provider by its name, so a
new gateway never touches the flow.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PaymentOrder:
    """What we ask a gateway to collect: one payee, an amount in grosze, server-computed."""

    session_id: str
    amount_grosze: int
    currency: str
    description: str
    payer_email: str
    language: str
    return_url: str
    notify_url: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RegisteredPayment:
    session_id: str
    redirect_url: str
    provider_reference: str = ""


@dataclass(frozen=True)
class PaymentNotification:
    """A verified notification from the gateway (signature already checked by the provider)."""

    session_id: str
    amount_grosze: int
    currency: str
    provider_order_id: str
    raw: dict[str, Any] = field(default_factory=dict)


class PaymentProviderError(Exception):
    """The gateway refused or could not be reached; ``retryable`` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class PaymentProvider(abc.ABC):
    """A payment gateway configured for one office (``config`` is the provider's per-office settings)."""

    name: str = ""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @abc.abstractmethod
    def register(self, order: PaymentOrder) -> RegisteredPayment:
        """Register the transaction with the gateway; return where to send the payer."""

    @abc.abstractmethod
    def parse_notification(self, body: bytes, headers: dict[str, str]) -> PaymentNotification:
        """Verify the signature of a gateway notification and parse it (raise PaymentProviderError)."""

    @abc.abstractmethod
    def confirm(self, notification: PaymentNotification) -> None:
        """Confirm (verify) a notified payment with the gateway so that the money is settled."""

    @abc.abstractmethod
    def lookup(self, session_id: str) -> dict[str, Any]:
        """Ask the gateway for the state of a transaction (reconciliation of pending payments)."""

    @abc.abstractmethod
    def refund(self, notification: PaymentNotification, amount_grosze: int, reason: str) -> dict[str, Any]:
        """Refund all or part of a settled payment."""

    def payer_language(self, language: str) -> tuple[str, bool]:
        """The gateway language closest to ``language`` and whether it is an exact match."""
        return language, True
