"""The ``sign`` rule of Przelewy24: sha384 of compact JSON of listed fields in order, ``crc`` last."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from typing import Any

REGISTER_FIELDS = ("sessionId", "merchantId", "amount", "currency")
NOTIFICATION_FIELDS = (
    "merchantId",
    "posId",
    "sessionId",
    "amount",
    "originAmount",
    "currency",
    "orderId",
    "methodId",
    "statement",
)
VERIFY_FIELDS = ("sessionId", "orderId", "amount", "currency")
REFUND_NOTIFICATION_FIELDS = (
    "orderId",
    "sessionId",
    "refundsUuid",
    "merchantId",
    "amount",
    "currency",
    "status",
)


def sign(values: Mapping[str, Any], fields: Sequence[str], crc: str) -> str:
    """sha384 hex of ``{field: value, ..., "crc": crc}`` as compact JSON, non-ASCII kept as UTF-8."""
    ordered = {name: values[name] for name in fields}
    ordered["crc"] = crc
    payload = json.dumps(ordered, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha384(payload.encode("utf-8")).hexdigest()


def sign_matches(values: Mapping[str, Any], fields: Sequence[str], crc: str) -> bool:
    """Constant-time check of ``values["sign"]`` (missing fields never match)."""
    given = values.get("sign")
    if not isinstance(given, str):
        return False
    try:
        expected = sign(values, fields, crc)
    except KeyError:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
