"""What the serce register knows about a person's health and food, read for placement and transfers.

The medical filter, special needs and food arrangements are serce's records (the hotel base does
not keep copies); this module turns them into plain values. Reading them is a read of special-category
data, so callers in views record it in the audit log (:func:`record_reads`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from plugins.serce.models import Person

MISSING = "missing"  # no medical filter recorded at all
ISOLATION = "isolation"
UNFINISHED = {MISSING, "pending"}
CASH = "cash"


@dataclass
class RegisterData:
    filter_result: str = MISSING
    filter_label: str = ""
    filter_date: str = ""
    medical_notes: str = ""
    special_needs: list[str] = field(default_factory=list)
    food_mode: str = "meals"
    food_label: str = ""
    diet_label: str = ""
    records: list[Any] = field(default_factory=list)  # the serce rows read (for the audit log)

    @property
    def filter_unfinished(self) -> bool:
        return self.filter_result in UNFINISHED

    @property
    def isolation(self) -> bool:
        return self.filter_result == ISOLATION

    @property
    def cash_food(self) -> bool:
        return self.food_mode == CASH


def register_data(person: Person) -> RegisterData:
    data = RegisterData()
    if not hasattr(person, "medical_filters"):  # a serce without the medical records
        return data
    medical = person.medical_filters.order_by("-examined_on", "-id").first()
    if medical is not None:
        data.filter_result = medical.result
        data.filter_label = str(medical.get_result_display())
        data.filter_date = medical.examined_on.isoformat()
        data.medical_notes = medical.notes
        data.records.append(medical)
    today = timezone.localdate()
    for need in person.special_needs.filter(since__lte=today).order_by("since"):
        if need.until and need.until < today:
            continue
        label = str(need.get_category_display())
        data.special_needs.append(f"{label}: {need.description}" if need.description else label)
        data.records.append(need)
    food = person.food_arrangements.filter(date_from__lte=today).order_by("-date_from", "-id").first()
    if food is not None and not (food.date_to and food.date_to < today):
        data.food_mode = food.mode
        data.food_label = str(food.get_mode_display())
        diet = str(food.get_diet_display()) if food.diet != "none" else ""
        data.diet_label = ", ".join(x for x in (diet, food.diet_notes) if x)
        data.records.append(food)
    return data


def record_reads(records: list[Any], request: Any, reason: str) -> None:
    from przystan.audit.api import record_read

    for record in records:
        record_read(record, request=request, reason=reason)
