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
    queryset = (
        Fee.objects.filter(office=office)
        .valid_on(day)
        .order_by("code", "-valid_from")
        .prefetch_related("reliefs")
    )
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


def payable_online(fees: dict[str, Fee]) -> dict[str, Fee]:
    """The fees a payment here can carry: amounts in złoty (a fee set in euro is paid in złoty at the
    rate of the filing day, which the office states; it is never charged here at a guessed rate)."""
    return {code: fee for code, fee in fees.items() if not fee.in_euro}


def case_reliefs(office: Any, case_reference: str) -> dict[str, Any]:
    """``{fee_code: CaseFeeRelief}`` granted on the case."""
    from .models import CaseFeeRelief

    if not case_reference:
        return {}
    return {
        granted.fee_code: granted
        for granted in CaseFeeRelief.objects.filter(
            office=office, case_reference=case_reference
        ).select_related("relief")
    }
