"""Snapshots of model rows as JSON-safe values, and their differences."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.functional import Promise

MASKED = "[masked]"


def json_safe(value: Any) -> Any:
    """Dates, decimals, UUIDs and files become strings; containers are converted item by item."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    if isinstance(value, decimal.Decimal | uuid.UUID | Promise):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} bytes>"
    if isinstance(value, dict):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [json_safe(item) for item in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)


def tracked_fields(model: type[models.Model], exclude: frozenset[str]) -> list[models.Field]:
    """Concrete fields worth recording: FKs as ids; the primary key (it is the entry's ``object_id``) and
    ``auto_now`` timestamps (they change on every save) are left out."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in exclude
        and field.attname not in exclude
        and not getattr(field, "auto_now", False)
    ]


def snapshot(instance: models.Model, fields: list[models.Field]) -> dict[str, Any]:
    return {field.name: json_safe(field.value_from_object(instance)) for field in fields}


def diff(
    before: dict[str, Any] | None, after: dict[str, Any] | None, mask: frozenset[str] = frozenset()
) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for fields whose value differs; masked fields hide both values."""
    before = before or {}
    after = after or {}
    changes: dict[str, list[Any]] = {}
    for name in list(dict.fromkeys([*before, *after])):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if name in mask:
            changes[name] = [
                MASKED if old not in (None, "") else old,
                MASKED if new not in (None, "") else new,
            ]
        else:
            changes[name] = [old, new]
    return changes
