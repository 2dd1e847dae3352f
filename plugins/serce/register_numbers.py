"""Register numbers of persons: ``SE`` + 9 digits + a Luhn check digit (barcode and typing friendly)."""

from __future__ import annotations

import re
import secrets

PREFIX = "SE"
PATTERN = re.compile(r"^SE\d{10}$")


def luhn_check_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def is_valid(number: str) -> bool:
    """True if ``number`` has the register-number shape and a correct check digit."""
    number = number.strip().upper()
    return bool(PATTERN.match(number)) and luhn_check_digit(number[2:-1]) == number[-1]


def from_serial(serial: int) -> str:
    """The register number for a serial (deterministic; used by bulk generators)."""
    body = f"{serial:09d}"
    return f"{PREFIX}{body}{luhn_check_digit(body)}"


def random_number() -> str:
    """A fresh random register number (uniqueness is enforced by the database)."""
    return from_serial(secrets.randbelow(10**9 - 1) + 1)
