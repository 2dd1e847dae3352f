"""Deterministic factories for serce tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plugins.serce.models import Centre, Person


def make_centre(office: Any, code: str = "debak", **fields: Any) -> Centre:
    defaults = {
        "name": f"Ośrodek {code}",
        "kind": Centre.Kind.RESIDENTIAL,
        "street": "Dębak 1",
        "postal_code": "05-807",
        "city": "Podkowa Leśna",
        "capacity": 100,
    }
    defaults.update(fields)
    centre, _created = Centre.objects.update_or_create(office=office, code=code, defaults=defaults)
    return centre


def make_person(
    office: Any, first_name: str = "Olena", last_name: str = "Shevchenko", **fields: Any
) -> Person:
    fields.setdefault("date_of_birth", dt.date(1990, 5, 17))
    fields.setdefault("nationality", "UA")
    fields.setdefault("sex", Person.Sex.FEMALE)
    return Person.objects.create(office=office, first_name=first_name, last_name=last_name, **fields)
