"""Validators for office data (Polish bank account numbers, language lists)."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_IBAN_PL = re.compile(r"^PL\d{26}$")


def normalize_iban(value: str) -> str:
    value = re.sub(r"\s+", "", value or "").upper()
    if re.fullmatch(r"\d{26}", value):
        value = "PL" + value
    return value


def iban_checksum_ok(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


def validate_polish_iban(value: str) -> None:
    iban = normalize_iban(value)
    if not _IBAN_PL.match(iban):
        raise ValidationError(
            _("Enter a Polish account number: PL followed by 26 digits."), code="iban_format"
        )
    if not iban_checksum_ok(iban):
        raise ValidationError(_("This account number has a wrong check digit."), code="iban_checksum")


def validate_languages(value: list[str]) -> None:
    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one language."), code="languages_empty")
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown languages: %(codes)s."),
            params={"codes": ", ".join(map(str, unknown))},
            code="languages",
        )
