"""SMS gateways behind one interface; :func:`get_gateway` builds the configured one.

``settings.PRZYSTAN_SMS_GATEWAY = {"BACKEND": "console"|"file"|"http", "URL", "TOKEN", "SENDER",
"FILE_DIR", "TIMEOUT"}``.
"""

from __future__ import annotations

from django.conf import settings

from .base import GatewayError, SmsGateway, SmsResult
from .console import ConsoleSmsGateway
from .file import FileSmsGateway
from .http import HttpSmsGateway

__all__ = [
    "ConsoleSmsGateway",
    "FileSmsGateway",
    "GatewayError",
    "HttpSmsGateway",
    "SmsGateway",
    "SmsResult",
    "channel_is_idempotent",
    "get_gateway",
    "sms_sender",
]


def gateway_settings() -> dict:
    return dict(getattr(settings, "PRZYSTAN_SMS_GATEWAY", {}) or {})


def get_gateway() -> SmsGateway:
    config = gateway_settings()
    backend = config.get("BACKEND", "console")
    if backend == "console":
        return ConsoleSmsGateway()
    if backend == "file":
        return FileSmsGateway(config.get("FILE_DIR") or "sms")
    if backend == "http":
        duplicate_codes = config.get("DUPLICATE_CODES")
        return HttpSmsGateway(
            config.get("URL", ""),
            config.get("TOKEN", ""),
            float(config.get("TIMEOUT", 10.0)),
            **({"duplicate_codes": frozenset(duplicate_codes)} if duplicate_codes else {}),
        )
    raise GatewayError(
        f"Unknown SMS gateway backend {backend!r}; use console, file or http.", retryable=False
    )


def sms_sender() -> str:
    return gateway_settings().get("SENDER") or "PRZYSTAN"


def channel_is_idempotent(channel: str) -> bool:
    """True if re-sending a message of ``channel`` with its delivery key cannot deliver it twice."""
    if channel != "sms":
        return False  # SMTP has no idempotency key: a Message-ID does not stop a second delivery
    try:
        return get_gateway().supports_idempotency
    except GatewayError:
        return False
