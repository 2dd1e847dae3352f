"""Form fields of applications as data, with their validation rules and hints of common mistakes.

A field is a :class:`FieldSpec`; its ``rules`` name functions of :data:`RULES` so application types
stay plain data. :func:`validate_value` returns a translated error or ``None``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

Text = Promise | str


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: Text
    kind: str = "text"  # text, date, email, tel, number, choice, textarea
    required: bool = True
    rules: tuple[str, ...] = ()
    hint: Text = ""  # the most common mistake for this field
    choices: tuple[tuple[str, Text], ...] = ()
    max_length: int = 200


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _pesel_ok(value: str) -> bool:
    if not re.fullmatch(r"\d{11}", value):
        return False
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    total = sum(int(d) * w for d, w in zip(value[:10], weights, strict=True))
    return (10 - total % 10) % 10 == int(value[10])


def _nip_ok(value: str) -> bool:
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    check = sum(int(d) * w for d, w in zip(digits[:9], weights, strict=True)) % 11
    return check != 10 and check == int(digits[9])


def rule_latin_name(value: str) -> str | None:
    if not re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-žĄąĆćĘęŁłŃńÓóŚśŹźŻż' -]+", value):
        return gettext("Write the name in Latin letters exactly as in the passport (not in Cyrillic).")
    return None


def rule_past_date(value: str) -> str | None:
    day = _date(value)
    if day is None:
        return gettext("Enter a date as YYYY-MM-DD.")
    today = timezone.localdate()
    if day >= today:
        return gettext("The date of birth must be in the past.")
    if day < today.replace(year=today.year - 120):
        return gettext("Check the year: the date is more than 120 years ago.")
    return None


def rule_future_date(value: str) -> str | None:
    day = _date(value)
    if day is None:
        return gettext("Enter a date as YYYY-MM-DD.")
    if day <= timezone.localdate():
        return gettext("The passport has expired: it must be valid on the day you file.")
    return None


def rule_date(value: str) -> str | None:
    return None if _date(value) else gettext("Enter a date as YYYY-MM-DD.")


def rule_passport(value: str) -> str | None:
    if not re.fullmatch(r"[A-Z0-9]{6,12}", value.replace(" ", "").upper()):
        return gettext("A passport number has 6 to 12 letters and digits, without spaces or dashes.")
    return None


def rule_postal_code(value: str) -> str | None:
    if not re.fullmatch(r"\d{2}-\d{3}", value.strip()):
        return gettext("A Polish postal code looks like 00-624.")
    return None


def rule_phone(value: str) -> str | None:
    if not re.fullmatch(r"\+?[0-9 ]{9,16}", value.strip()):
        return gettext("Give a mobile number with the country code, e.g. +48 600 100 200.")
    return None


def rule_pesel(value: str) -> str | None:
    return (
        None
        if _pesel_ok(value.strip())
        else gettext("This PESEL number is not valid (check the last digit).")
    )


def rule_nip(value: str) -> str | None:
    return None if _nip_ok(value) else gettext("This NIP (tax number) is not valid: it has 10 digits.")


def rule_positive_amount(value: str) -> str | None:
    try:
        amount = float(value.replace(",", ".").replace(" ", ""))
    except ValueError:
        return gettext("Enter an amount in złoty, digits only.")
    if amount <= 0:
        return gettext("The amount must be greater than zero.")
    return None


def rule_email(value: str) -> str | None:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value.strip()):
        return gettext("Enter a valid e-mail address.")
    return None


RULES: dict[str, Callable[[str], str | None]] = {
    "latin_name": rule_latin_name,
    "past_date": rule_past_date,
    "future_date": rule_future_date,
    "date": rule_date,
    "passport": rule_passport,
    "postal_code": rule_postal_code,
    "phone": rule_phone,
    "pesel": rule_pesel,
    "nip": rule_nip,
    "positive_amount": rule_positive_amount,
    "email": rule_email,
}


def validate_value(spec: FieldSpec, raw: Any) -> str | None:
    """The translated error for ``raw`` in field ``spec`` (``None`` when it is valid)."""
    value = str(raw or "").strip()
    if not value:
        return gettext("This field is required.") if spec.required else None
    if len(value) > spec.max_length:
        return gettext("This answer is too long (at most %(count)d characters).") % {"count": spec.max_length}
    if spec.kind == "choice" and value not in {code for code, _label in spec.choices}:
        return gettext("Choose one of the options.")
    for rule in spec.rules:
        error = RULES[rule](value)
        if error:
            return error
    return None


# ----------------------------------------------------------------------------- rules between fields

CROSS_CHECKS: dict[str, Callable[[datetime.date, datetime.date], bool]] = {
    "after": lambda value, other: value > other,
    "on_or_after": lambda value, other: value >= other,
    "before": lambda value, other: value < other,
}


@dataclass(frozen=True)
class CrossRule:
    """A rule between two date answers, kept as data on the application type.

    ``field`` must be ``check`` (a key of :data:`CROSS_CHECKS`) ``other``; the error is shown at
    ``field``. Answers that are empty or not dates are left to the rules of the field itself.
    """

    check: str
    field: str
    other: str
    message: Text


def cross_errors(rules: tuple[CrossRule, ...], data: dict[str, Any]) -> dict[str, str]:
    """The translated errors of ``rules`` for the answers ``data``, keyed by field name."""
    errors: dict[str, str] = {}
    for rule in rules:
        value, other = _date(str(data.get(rule.field) or "")), _date(str(data.get(rule.other) or ""))
        if value is None or other is None or rule.field in errors:
            continue
        if not CROSS_CHECKS[rule.check](value, other):
            errors[rule.field] = str(rule.message)
    return errors


PASSPORT_VALID_FOR_STAY = CrossRule(
    "after",
    "passport_expiry",
    "stay_from",
    _("The passport must still be valid on the day the requested stay starts."),
)
EMPLOYMENT_END_AFTER_START = CrossRule(
    "after",
    "employment_end",
    "employment_start",
    _("The end of employment must be after its start."),
)
EMPLOYMENT_AFTER_BIRTH = CrossRule(
    "after",
    "employment_start",
    "birth_date",
    _("The start of employment must be after the date of birth."),
)
STUDY_END_AFTER_STAY = CrossRule(
    "after",
    "study_end",
    "stay_from",
    _("Studies must end after the day the requested stay starts."),
)


# ----------------------------------------------------------------------------- common fields

SURNAME = FieldSpec(
    "surname",
    _("Surname"),
    rules=("latin_name",),
    hint=_(
        "Copy it from the passport's machine-readable line; do not translate or transliterate it yourself."
    ),
)
GIVEN_NAMES = FieldSpec(
    "given_names",
    _("Given names"),
    rules=("latin_name",),
    hint=_("All given names, as in the passport. The father's name (patronymic) goes in its own field."),
)
FATHERS_NAME = FieldSpec("fathers_name", _("Father's name"), required=False, rules=("latin_name",))
BIRTH_DATE = FieldSpec(
    "birth_date",
    _("Date of birth"),
    kind="date",
    rules=("past_date",),
    hint=_("Use the format YYYY-MM-DD; people often type today's date by mistake."),
)
CITIZENSHIP = FieldSpec(
    "citizenship",
    _("Citizenship"),
    hint=_("Your present citizenship, not the country where you live."),
    max_length=60,
)
PASSPORT_NUMBER = FieldSpec(
    "passport_number",
    _("Passport number"),
    rules=("passport",),
    hint=_("Letters and digits only; the letter O and the digit 0 are often confused."),
    max_length=20,
)
PASSPORT_EXPIRY = FieldSpec(
    "passport_expiry",
    _("Passport valid until"),
    kind="date",
    rules=("future_date",),
    hint=_("An expired passport is the most frequent reason for a request to supplement."),
)
STAY_FROM = FieldSpec(
    "stay_from",
    _("Stay requested from"),
    kind="date",
    required=False,
    rules=("date",),
    hint=_("The first day of the stay you ask for; the passport must be valid on that day."),
)
EMAIL = FieldSpec("email", _("E-mail"), kind="email", rules=("email",), max_length=254)
PHONE = FieldSpec(
    "phone",
    _("Mobile phone"),
    kind="tel",
    rules=("phone",),
    hint=_("With the country code, e.g. +48."),
    max_length=20,
)
STREET = FieldSpec("street", _("Street and number in Poland"), hint=_("The address where you actually live."))
POSTAL_CODE = FieldSpec(
    "postal_code", _("Postal code"), rules=("postal_code",), hint=_("Format 00-000."), max_length=6
)
CITY = FieldSpec("city", _("City"), max_length=80)
EMPLOYER_NAME = FieldSpec("employer_name", _("Employer's name"))
EMPLOYER_NIP = FieldSpec(
    "employer_nip",
    _("Employer's NIP"),
    rules=("nip",),
    hint=_("Ten digits; ask the employer, it is on their invoices."),
    max_length=13,
)
EMPLOYMENT_START = FieldSpec(
    "employment_start",
    _("Employment starts on"),
    kind="date",
    rules=("date",),
    hint=_("The start date written in the contract, not the day you signed it."),
)
EMPLOYMENT_END = FieldSpec(
    "employment_end",
    _("Employment ends on"),
    kind="date",
    required=False,
    rules=("date",),
    hint=_("Leave empty for a contract without an end date."),
)
POSITION = FieldSpec("position", _("Position"), hint=_("As written in the contract."))
SALARY = FieldSpec(
    "monthly_salary",
    _("Gross monthly salary (PLN)"),
    kind="number",
    rules=("positive_amount",),
    hint=_("Gross (before tax), per month, in złoty — not per hour."),
    max_length=12,
)
COMPANY_NIP = FieldSpec("company_nip", _("Your company's NIP"), rules=("nip",), max_length=13)
UNIVERSITY = FieldSpec("university", _("University"))
STUDY_END = FieldSpec("study_end", _("Studies end on"), kind="date", rules=("date",))
INSTITUTE = FieldSpec("institute", _("Research institution"))
SPONSOR_NAME = FieldSpec("sponsor_name", _("Family member in Poland"), rules=("latin_name",))
SPONSOR_PESEL = FieldSpec(
    "sponsor_pesel",
    _("PESEL of the spouse"),
    rules=("pesel",),
    hint=_("Eleven digits; the last one is a check digit, so a typo is detected."),
    max_length=11,
)
CARD_NUMBER = FieldSpec("card_number", _("Current residence card number"), rules=("passport",), max_length=20)
PESEL = FieldSpec("pesel", _("PESEL"), rules=("pesel",), max_length=11)
PURPOSE = FieldSpec("purpose", _("Purpose of stay"), kind="textarea", max_length=2000)
INVITED_NAME = FieldSpec("invited_name", _("Invited person's full name"), rules=("latin_name",))
VISA_NUMBER = FieldSpec("visa_number", _("Visa number"), rules=("passport",), max_length=20)
