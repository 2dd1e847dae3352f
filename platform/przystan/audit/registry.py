"""Which models are audited, and how."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

from .values import tracked_fields


@dataclass(frozen=True)
class AuditOptions:
    model: type[models.Model]
    sensitive: bool = False
    exclude: frozenset[str] = frozenset()
    mask: frozenset[str] = frozenset()
    office_field: str | None = None  # FK to offices.Office used to tag entries with the record's office
    fields: tuple[models.Field, ...] = field(default=(), compare=False)


_registry: dict[type[models.Model], AuditOptions] = {}


def options_for(model_or_obj: Any) -> AuditOptions | None:
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    model = getattr(model._meta, "concrete_model", model) if hasattr(model, "_meta") else model
    return _registry.get(model)


def is_registered(model_or_obj: Any) -> bool:
    return options_for(model_or_obj) is not None


def is_sensitive(model_or_obj: Any) -> bool:
    options = options_for(model_or_obj)
    return bool(options and options.sensitive)


def default_office_field(model: type[models.Model]) -> str | None:
    for candidate in model._meta.concrete_fields:
        if candidate.name == "office" and candidate.is_relation:
            return candidate.name
    return None


def add(
    model: type[models.Model],
    *,
    sensitive: bool,
    exclude: frozenset[str],
    mask: frozenset[str],
    office_field: str | None,
) -> AuditOptions:
    options = AuditOptions(
        model=model,
        sensitive=sensitive,
        exclude=exclude,
        mask=mask,
        office_field=office_field if office_field is not None else default_office_field(model),
        fields=tuple(tracked_fields(model, exclude)),
    )
    _registry[model] = options
    return options


def remove(model: type[models.Model]) -> AuditOptions | None:
    return _registry.pop(model, None)


def registered_models() -> list[type[models.Model]]:
    return list(_registry)
