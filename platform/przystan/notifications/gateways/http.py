"""A gateway for an SMSAPI.pl-style REST provider.

Request: ``POST <URL>`` with form fields ``to``, ``message``, ``from``, ``encoding=utf-8``,
``format=json`` and the header ``Authorization: Bearer <token>``. Success: JSON with
``list[0].id`` (and ``points``, ``parts``). Failure: JSON ``{"error": <code>, "message": ...}``, possibly
with HTTP 200. Timeouts, connection errors, 5xx, 429 and the provider's internal-error codes are
retryable; other 4xx and errors are not. The token never appears in logs or error messages.

Idempotency: every message is sent with ``idx=<the message's delivery key>`` and ``check_idx=1``;
the provider refuses a second message with the same ``idx`` (error code ``53`` by default, or any
code in ``PRZYSTAN_SMS_GATEWAY["DUPLICATE_CODES"]``), which this gateway reports as the message
having been accepted already. A re-send after a crash or a timeout therefore never doubles a message.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from ..sms import sms_info
from .base import GatewayError, SmsGateway, SmsResult

logger = logging.getLogger("przystan.notifications.sms")

RETRYABLE_PROVIDER_CODES = frozenset({8, 201, 999})  # request error / internal errors of the provider
DUPLICATE_IDX_CODES = frozenset({53})  # "a message with this idx was already sent" (check_idx=1)


class HttpSmsGateway(SmsGateway):
    name = "http"
    supports_idempotency = True

    def __init__(
        self,
        url: str,
        token: str,
        timeout: float = 10.0,
        duplicate_codes: frozenset[int] = DUPLICATE_IDX_CODES,
    ) -> None:
        if not url:
            raise GatewayError(
                "The HTTP SMS gateway has no URL (settings.PRZYSTAN_SMS_GATEWAY['URL']).", retryable=False
            )
        self.url = url
        self._token = token
        self.timeout = timeout
        self.duplicate_codes = frozenset(duplicate_codes)

    def __repr__(self) -> str:
        return f"HttpSmsGateway(url={self.url!r})"  # never the token

    def send(self, to: str, text: str, sender: str, idempotency_key: str = "") -> SmsResult:
        form = {
            "to": to.removeprefix("+"),
            "message": text,
            "from": sender,
            "encoding": "utf-8",
            "format": "json",
        }
        if idempotency_key:
            form.update({"idx": idempotency_key, "check_idx": "1"})
        try:
            with httpx.Client(timeout=self.timeout) as client:
                response = client.post(
                    self.url, data=form, headers={"Authorization": f"Bearer {self._token}"}
                )
        except httpx.TimeoutException as exc:
            raise GatewayError(f"SMS gateway timed out ({type(exc).__name__})", retryable=True) from None
        except httpx.HTTPError as exc:
            raise GatewayError(f"SMS gateway unreachable ({type(exc).__name__})", retryable=True) from None
        payload = self._json(response)
        if response.status_code >= 500 or response.status_code == 429:
            raise GatewayError(self._describe(response, payload), retryable=True)
        if response.status_code >= 400:
            raise GatewayError(self._describe(response, payload), retryable=False)
        if not isinstance(payload, dict):
            raise GatewayError(
                f"SMS gateway answered HTTP {response.status_code} without JSON", retryable=True
            )
        if payload.get("error") is not None:
            code = payload.get("error")
            if idempotency_key and code in self.duplicate_codes:
                logger.info(
                    "SMS with idx %s was already accepted by %s: not sent again", idempotency_key, self.url
                )
                return SmsResult(f"idx:{idempotency_key}", sms_info(text).parts)
            raise GatewayError(self._describe(response, payload), retryable=code in RETRYABLE_PROVIDER_CODES)
        try:
            first = payload["list"][0]
            message_id = str(first["id"])
        except (KeyError, IndexError, TypeError):
            raise GatewayError("SMS gateway answered without list[0].id", retryable=False) from None
        parts = first.get("parts") or sms_info(text).parts
        logger.info(
            "SMS %s accepted by %s for %s (points %s, parts %s)",
            message_id,
            self.url,
            to,
            first.get("points"),
            parts,
        )
        return SmsResult(message_id, int(parts))

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            return None

    @staticmethod
    def _describe(response: httpx.Response, payload: Any) -> str:
        if isinstance(payload, dict) and payload.get("error") is not None:
            return f"SMS gateway error {payload.get('error')}: {payload.get('message', '')} (HTTP {response.status_code})"
        return f"SMS gateway answered HTTP {response.status_code}"
