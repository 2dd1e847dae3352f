"""Przelewy24 as a :class:`~przystan.payments_contract.PaymentProvider` (the flow never sees P24 details)."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.payments_contract import (
    PaymentNotification,
    PaymentOrder,
    PaymentProvider,
    PaymentProviderError,
    RegisteredPayment,
)

from .client import P24Credentials, P24Error, Przelewy24Client, RegisterRequest
from .languages import gateway_language

LOOKUP_STATES = {0: "none", 1: "advance", 2: "paid", 3: "returned"}


class Przelewy24Provider(PaymentProvider):
    """``config``: merchant_id, pos_id, crc, api_key, sandbox, api_url (loopback simulator), language_fallback."""

    name = "przelewy24"
    label = _("Przelewy24 (bank transfer, card, BLIK)")

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        try:
            credentials = P24Credentials(
                merchant_id=int(config["merchant_id"]),
                pos_id=int(config.get("pos_id") or config["merchant_id"]),
                crc=str(config["crc"]),
                api_key=str(config["api_key"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PaymentProviderError("Przelewy24 is not configured for this office") from exc
        self.client = Przelewy24Client(
            credentials, sandbox=bool(config.get("sandbox", True)), base_url=config.get("api_url") or None
        )

    def __repr__(self) -> str:
        return f"<Przelewy24Provider {self.client!r}>"

    @property
    def redirect_origin(self) -> str:
        """Where payers are sent (a page with a form leading there must allow it in its CSP)."""
        return self.client.base_url

    def close(self) -> None:
        self.client.close()

    def payer_language(self, language: str) -> tuple[str, bool]:
        return gateway_language(language, self.config.get("language_fallback") or "en")

    def register(self, order: PaymentOrder) -> RegisteredPayment:
        language, _exact = self.payer_language(order.language)
        try:
            token = self.client.register(
                RegisterRequest(
                    session_id=order.session_id,
                    amount=order.amount_grosze,
                    currency=order.currency,
                    description=order.description,
                    email=order.payer_email,
                    url_return=order.return_url,
                    url_status=order.notify_url,
                    language=language,
                    client=str(order.extra.get("payer_name", "")),
                    transfer_label=str(order.extra.get("transfer_label", "")),
                )
            )
        except P24Error as exc:
            raise PaymentProviderError(str(exc), retryable=exc.retryable) from exc
        return RegisteredPayment(
            session_id=order.session_id,
            redirect_url=self.client.redirect_url(token),
            provider_reference=token,
        )

    def parse_notification(self, body: bytes, headers: dict[str, str]) -> PaymentNotification:
        payload = _json_object(body)
        if not self.client.notification_is_authentic(payload):
            raise PaymentProviderError("bad signature")
        try:
            return PaymentNotification(
                session_id=str(payload["sessionId"]),
                amount_grosze=int(payload["amount"]),
                currency=str(payload["currency"]),
                provider_order_id=str(payload["orderId"]),
                raw=payload,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PaymentProviderError("malformed notification") from exc

    def confirm(self, notification: PaymentNotification) -> None:
        try:
            ok = self.client.verify(
                session_id=notification.session_id,
                order_id=int(notification.provider_order_id),
                amount=notification.amount_grosze,
                currency=notification.currency,
            )
        except P24Error as exc:
            raise PaymentProviderError(str(exc), retryable=exc.retryable) from exc
        if not ok:
            raise PaymentProviderError("verify refused")

    def lookup(self, session_id: str) -> dict[str, Any]:
        try:
            transaction = self.client.lookup(session_id)
        except P24Error as exc:
            raise PaymentProviderError(str(exc), retryable=exc.retryable) from exc
        if transaction is None:
            return {"state": "unknown"}
        return {
            "state": LOOKUP_STATES.get(transaction.status, "unknown"),
            "order_id": str(transaction.order_id or ""),
            "amount_grosze": transaction.amount,
            "currency": transaction.currency,
        }

    def refund(self, notification: PaymentNotification, amount_grosze: int, reason: str) -> dict[str, Any]:
        extra = notification.raw
        try:
            results = self.client.refund(
                request_id=str(extra["request_id"]),
                refunds_uuid=str(extra["refunds_uuid"]),
                order_id=int(notification.provider_order_id),
                session_id=notification.session_id,
                amount=amount_grosze,
                description=reason,
                url_status=str(extra.get("url_status", "")),
            )
        except P24Error as exc:
            raise PaymentProviderError(str(exc), retryable=exc.retryable) from exc
        accepted = bool(results) and all(r.status for r in results)
        return {"accepted": accepted, "message": "; ".join(r.message for r in results if r.message)}

    def parse_refund_notification(self, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        parsed = self.client.parse_refund_notification(_json_object(body))
        if parsed is None:
            raise PaymentProviderError("bad signature")
        return {
            "session_id": parsed.session_id,
            "refunds_uuid": parsed.refunds_uuid,
            "amount_grosze": parsed.amount,
            "completed": parsed.completed,
        }


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested too deeply
        raise PaymentProviderError("malformed notification") from exc
    if not isinstance(payload, dict):
        raise PaymentProviderError("malformed notification")
    return payload
