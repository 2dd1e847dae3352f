"""Bank-transfer fallback: transfer details and the Polish banks' payment QR code (ZBP format)."""

from __future__ import annotations

import re
import unicodedata

from .models import Payment

# "Rekomendacja ZBP dotycząca wykorzystania QR kodów w procesie inicjowania polecenia przelewu":
# NIP|country|account (26 digits)|amount in grosze (6 digits)|payee (≤20)|title (≤32)|reserve|reserve|reserve
MAX_AMOUNT = 999_999


def _field(text: str, limit: int) -> str:
    cleaned = unicodedata.normalize("NFC", text).replace("|", " ")
    return re.sub(r"\s+", " ", cleaned).strip()[:limit]


def zbp_qr_payload(*, account: str, amount_grosze: int, payee: str, title: str, nip: str = "") -> str:
    """The text a Polish banking app reads from a transfer QR code."""
    digits = re.sub(r"\D", "", account)
    if len(digits) != 26:
        raise ValueError("A Polish account number has 26 digits")
    if not 0 < amount_grosze <= MAX_AMOUNT:
        raise ValueError("The ZBP QR format carries at most 9 999,99 zł")
    return "|".join(
        [
            re.sub(r"\D", "", nip)[:10],
            "PL",
            digits,
            f"{amount_grosze:06d}",
            _field(payee, 20),
            _field(title, 32),
            "",
            "",
            "",
        ]
    )


def payment_qr_payload(payment: Payment) -> str:
    return zbp_qr_payload(
        account=payment.payee_iban,
        amount_grosze=payment.amount_grosze,
        payee=payment.payee_name,
        title=payment.transfer_title,
    )


def grouped_account(iban: str) -> str:
    digits = re.sub(r"\D", "", iban)
    return " ".join([digits[:2], *[digits[i : i + 4] for i in range(2, len(digits), 4)]])
