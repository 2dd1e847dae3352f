"""Validators for account data: the Polish tax identification number (NIP) and phone numbers."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_PHONE_RE = re.compile(r"^\+?[0-9]{9,15}$")


def normalize_nip(value: str) -> str:
    """Digits only: "PL 123-456-32-18" -> "1234563218"."""
    value = value.strip().upper().removeprefix("PL")
    return re.sub(r"[\s-]", "", value)


def nip_is_valid(value: str) -> bool:
    digits = normalize_nip(value)
    if not re.fullmatch(r"[0-9]{10}", digits):
        return False
    checksum = sum(int(d) * w for d, w in zip(digits, NIP_WEIGHTS, strict=False)) % 11
    return checksum != 10 and checksum == int(digits[9])


def validate_nip(value: str) -> None:
    if not nip_is_valid(value):
        raise ValidationError(
            _("Enter a valid NIP: 10 digits with a correct check digit."), code="invalid_nip"
        )


def normalize_phone(value: str) -> str:
    return re.sub(r"[\s()-]", "", value.strip())


def validate_phone(value: str) -> None:
    if value and not _PHONE_RE.match(normalize_phone(value)):
        raise ValidationError(
            _("Enter a mobile phone number of 9 to 15 digits, optionally starting with +."),
            code="invalid_phone",
        )
