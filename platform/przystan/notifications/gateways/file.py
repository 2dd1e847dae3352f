"""A gateway that writes one JSON file per message into a directory (demo and tests)."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from ..sms import sms_info
from .base import GatewayError, SmsGateway, SmsResult


class FileSmsGateway(SmsGateway):
    name = "file"

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def send(self, to: str, text: str, sender: str, idempotency_key: str = "") -> SmsResult:
        info = sms_info(text)
        message_id = str(uuid.uuid4())
        now = datetime.now(UTC)
        record = {
            "id": message_id,
            "to": to,
            "from": sender,
            "message": text,
            "encoding": info.encoding,
            "parts": info.parts,
            "created_at": now.isoformat(),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            target = self.directory / f"{now:%Y%m%dT%H%M%S%f}-{message_id}.json"
            partial = target.with_suffix(".tmp")
            partial.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
            partial.replace(target)  # readers never see a half-written file
        except OSError as exc:
            raise GatewayError(f"Cannot write SMS file into {self.directory}: {exc}", retryable=True) from exc
        return SmsResult(message_id, info.parts)
