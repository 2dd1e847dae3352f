"""The SMS gateway contract: ``send(to, text, sender) -> SmsResult`` or :class:`GatewayError`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SmsResult:
    message_id: str
    parts: int


class GatewayError(Exception):
    """Sending failed. ``retryable`` says whether trying again later may succeed."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class SmsGateway:
    """Base class of SMS gateways. ``to`` is E.164, ``sender`` the alphanumeric sender name."""

    name = "base"
    #: True if ``send(..., idempotency_key=k)`` twice with the same ``k`` delivers one message only
    supports_idempotency = False

    def send(self, to: str, text: str, sender: str, idempotency_key: str = "") -> SmsResult:
        raise NotImplementedError
