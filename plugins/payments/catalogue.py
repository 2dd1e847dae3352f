"""Reading the fee catalogue: the fees valid today, as data other plugins can use."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from .models import Fee


def current_fees(
    office: Any, codes: Iterable[str] | None = None, day: datetime.date | None = None
) -> dict[str, Fee]:
    """``{code: Fee}`` valid on ``day`` (today); with overlapping rows the latest ``valid_from`` wins."""
    queryset = Fee.objects.filter(office=office).valid_on(day).order_by("code", "-valid_from")
    if codes is not None:
        queryset = queryset.filter(code__in=list(codes))
    fees: dict[str, Fee] = {}
    for fee in queryset:
        fees.setdefault(fee.code, fee)
    return fees


def fee_dicts(office: Any, codes: list[str] | None, language: str) -> list[dict[str, Any]]:
    fees = current_fees(office, codes)
    order = codes if codes is not None else sorted(fees)
    return [fees[code].as_dict(language) for code in order if code in fees]
