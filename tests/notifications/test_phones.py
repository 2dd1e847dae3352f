from __future__ import annotations

import pytest
from django.utils import translation

from przystan.notifications.errors import InvalidPhoneNumber
from przystan.notifications.phones import normalize_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("601 234 567", "+48601234567"),
        ("601-234-567", "+48601234567"),
        ("+48 601 234 567", "+48601234567"),
        ("0048601234567", "+48601234567"),
        ("48601234567", "+48601234567"),
        ("+380 67 123 4567", "+380671234567"),
        ("+7 (912) 345-67-89", "+79123456789"),
    ],
)
def test_normalised_to_e164(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "12345", "060123456", "+48 601 234 56", "+48 601 234 5678", "phone", "+0123456789"]
)
def test_invalid_numbers_are_refused_with_a_clear_message(raw):
    with translation.override("en"), pytest.raises(InvalidPhoneNumber, match="not a valid"):
        normalize_phone(raw)
    with translation.override("pl"), pytest.raises(InvalidPhoneNumber, match="nie jest prawidłowym"):
        normalize_phone(raw)
