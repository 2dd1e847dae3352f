"""Paid / unpaid per fee for a case (for the officer and the ``case_payments`` hook)."""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .catalogue import case_reliefs, current_fees
from .models import Fee, PaymentLine, PaymentStatus, ReliefKind

STATUS_RANK = {"paid": 4, "refunded": 3, "exempt": 2, "pending": 2, "unpaid": 1}


def case_fee_codes(office: Any, case_reference: str) -> list[str]:
    """The fees the case's application type asks for (the case plugin names the type)."""
    from przystan.offices.enablement import hooks_for_office

    from .defaults import FEES_BY_APPLICATION_TYPE

    found = hooks_for_office(office).case_lookup(office=office, reference=case_reference, secret=None)
    return list(FEES_BY_APPLICATION_TYPE.get((found or {}).get("application_type", ""), ()))


def case_payment_rows(
    office: Any, case_reference: str, language: str, fee_codes: list[str] | None = None
) -> list[dict[str, Any]]:
    """One row per fee asked for on the case (or named in ``fee_codes``), with its best status."""
    lines = (
        PaymentLine.objects.filter(payment__office=office, payment__checkout__case_reference=case_reference)
        .select_related("payment")
        .order_by("pk")
    )
    rows: dict[str, dict[str, Any]] = {}
    for line in lines:
        payment = line.payment
        day = timezone.localdate(payment.paid_at or payment.created_at)
        status = {
            PaymentStatus.PAID: "paid",
            PaymentStatus.REFUNDED: "refunded",
            PaymentStatus.PENDING: "pending",
        }.get(payment.status, "unpaid")
        row = {
            "fee_code": line.fee_code,
            "name": _fee_name(office, line, day, language),
            "amount_grosze": line.amount_grosze,
            "status": status,
            "paid_at": payment.paid_at if status in ("paid", "refunded") else None,
            "receipt_url": _receipt_url(payment.reference) if status in ("paid", "refunded") else None,
            "reference": payment.reference,
        }
        current = rows.get(line.fee_code)
        if current is None or STATUS_RANK[status] > STATUS_RANK[current["status"]]:
            rows[line.fee_code] = row
    granted = case_reliefs(office, case_reference)
    wanted = list(dict.fromkeys([*(fee_codes or []), *granted]))
    for code, fee in current_fees(office, wanted).items() if wanted else []:
        rows.setdefault(
            code,
            {
                "fee_code": code,
                "name": fee.name_in(language),
                "amount_grosze": fee.amount_grosze,
                "amount_text": fee.amount_text(language),
                "status": "unpaid",
                "paid_at": None,
                "receipt_url": None,
                "reference": "",
            },
        )
    for code, row in rows.items():
        _apply_relief(row, granted.get(code), language)
    return list(rows.values())


def _apply_relief(row: dict[str, Any], granted: Any, language: str) -> None:
    """A relief granted on the case: an unpaid fee is due at the reduced amount, or not at all."""
    row.setdefault("amount_text", "")
    row["relief"] = granted.relief.sentence(language) if granted is not None else ""
    row["relief_note"] = granted.note if granted is not None else ""
    row["relief_kind"] = granted.relief.kind if granted is not None else ""
    if granted is None or row["status"] != "unpaid":
        return
    row["full_amount_grosze"] = row["amount_grosze"]
    row["amount_grosze"] = granted.relief.amount_after(row["amount_grosze"])
    row["amount_text"] = ""
    if granted.relief.kind == ReliefKind.EXEMPT:
        row["status"] = "exempt"


def _fee_name(office: Any, line: Any, day: Any, language: str) -> str:
    """The fee in the reader's language: the catalogue's version valid that day, else the name frozen
    in the line (the payer's language)."""
    fee = Fee.objects.filter(office=office, code=line.fee_code).valid_on(day).order_by("-valid_from").first()
    return fee.name_in(language) if fee is not None else line.name


def _receipt_url(reference: str) -> str | None:
    try:
        return reverse("payments-staff:receipt", args=[reference])
    except NoReverseMatch:  # a public-only instance has no staff URLs
        return None
