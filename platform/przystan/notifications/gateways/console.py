"""A gateway that only logs the message (development)."""

from __future__ import annotations

import logging
import uuid

from ..sms import sms_info
from .base import SmsGateway, SmsResult

logger = logging.getLogger("przystan.notifications.sms")


class ConsoleSmsGateway(SmsGateway):
    name = "console"

    def send(self, to: str, text: str, sender: str, idempotency_key: str = "") -> SmsResult:
        info = sms_info(text)
        message_id = f"console-{uuid.uuid4()}"
        logger.info(
            "SMS %s from %s to %s (%s, %d parts):\n%s",
            message_id,
            sender,
            to,
            info.encoding,
            info.parts,
            text,
        )
        return SmsResult(message_id, info.parts)
