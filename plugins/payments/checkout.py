"""Turning fee codes into payments: amounts from the catalogue, one payment per payee account."""

from __future__ import annotations

import re
import secrets
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .catalogue import case_reliefs, current_fees
from .models import Checkout, Payee, Payment, PaymentLine

REFERENCE_RE = re.compile(r"\bP\d{2}-[0-9A-F]{8}\b")


class CheckoutError(Exception):
    """The request cannot become a payment (unknown fees, ...): the message is for the payer."""


def new_reference() -> str:
    return f"P{timezone.now():%y}-{secrets.token_hex(4).upper()}"


def payee_account(office: Any, payee: str) -> tuple[str, str]:
    if payee == Payee.STAMP_DUTY:
        return office.stamp_duty_payee, _digits_iban(office.stamp_duty_iban)
    return office.fees_payee, _digits_iban(office.fees_iban)


def _digits_iban(iban: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", (iban or "").upper())


@transaction.atomic
def create_checkout(
    office: Any,
    fee_codes: list[str],
    *,
    payer_email: str,
    language: str,
    case_reference: str = "",
    payer: Any = None,
    payer_name: str = "",
    return_url: str = "",
) -> Checkout:
    codes = list(dict.fromkeys(code for code in fee_codes if code))
    if not codes:
        raise CheckoutError(_("Choose at least one fee."))
    fees = current_fees(office, codes)
    unknown = [code for code in codes if code not in fees]
    if unknown:
        raise CheckoutError(
            _("These fees are not in the office's current catalogue: %(codes)s.")
            % {"codes": ", ".join(unknown)}
        )
    in_euro = [fees[code].name_in(language) for code in codes if fees[code].in_euro]
    if in_euro:
        raise CheckoutError(
            _(
                "%(fees)s: this fee is set in euro and paid in złoty at the rate of the day you file; "
                "pay it by transfer to the account the office gives."
            )
            % {"fees": ", ".join(in_euro)}
        )
    granted = case_reliefs(office, case_reference)
    due = {
        code: granted[code].relief.amount_after(fees[code].amount_grosze) if code in granted else None
        for code in codes
    }
    codes = [code for code in codes if due[code] != 0]  # an exempt fee is not paid at all
    if not codes:
        raise CheckoutError(_("Nothing to pay: the office exempted this case from these fees."))
    checkout = Checkout.objects.create(
        office=office,
        case_reference=case_reference,
        payer=payer if getattr(payer, "pk", None) else None,
        payer_email=payer_email,
        payer_name=payer_name[:200],
        language=(language or "pl")[:2],
        return_url=return_url if _is_local(return_url) else "",
    )
    by_payee: dict[str, list] = {}
    for code in codes:
        by_payee.setdefault(fees[code].payee, []).append(fees[code])
    for payee in (Payee.STAMP_DUTY, Payee.OFFICE):
        if payee not in by_payee:
            continue
        name, iban = payee_account(office, payee)
        payment = Payment.objects.create(
            office=office,
            checkout=checkout,
            reference=new_reference(),
            session_id=f"{office.code[:20]}-{uuid.uuid4().hex}",
            payee=payee,
            payee_name=name,
            payee_iban=iban,
            amount_grosze=sum(_due(fee, due) for fee in by_payee[payee]),
        )
        PaymentLine.objects.bulk_create(
            PaymentLine(
                payment=payment,
                fee_code=fee.code,
                name=_line_name(fee, granted.get(fee.code), checkout.language),
                amount_grosze=_due(fee, due),
                legal_basis=fee.legal_basis,
            )
            for fee in by_payee[payee]
        )
    return checkout


def _due(fee: Any, due: dict[str, int | None]) -> int:
    reduced = due.get(fee.code)
    return fee.amount_grosze if reduced is None else reduced


def _line_name(fee: Any, granted: Any, language: str) -> str:
    """The fee's name; with a relief granted on the case, the relief too ("… — 50 % less: …")."""
    name = fee.name_in(language)
    return f"{name} — {granted.relief.sentence(language)}"[:200] if granted is not None else name


def _is_local(url: str) -> bool:
    """Only same-site paths may be used as the "back" link (no open redirect)."""
    return bool(url) and url.startswith("/") and not url.startswith("//") and "\\" not in url


def description_for(payment: Payment) -> str:
    names = ", ".join(line.name for line in payment.lines.all())
    case = f" — {payment.checkout.case_reference}" if payment.checkout.case_reference else ""
    return f"{payment.reference}: {names}{case}"[:1024]


def payer_from(payer: Any) -> dict[str, str]:
    """``payment_request`` callers pass a user or a dict; we need an e-mail, a name and a language."""
    if isinstance(payer, dict):
        return {
            "email": str(payer.get("email", "")),
            "name": str(payer.get("name", "")),
            "language": str(payer.get("language", "")),
        }
    return {
        "email": str(getattr(payer, "email", "") or ""),
        "name": str(getattr(payer, "get_full_name", lambda: "")() or ""),
        "language": str(getattr(payer, "language", "") or getattr(payer, "preferred_language", "") or ""),
    }
