"""Human labels for recorded field names and values (for the history page and the trail tag)."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .values import MASKED

EMPTY = "—"


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    return str(capfirst(getattr(field, "verbose_name", None) or name)) if field is not None else name


def field_order(model: type[models.Model] | None, name: str) -> int:
    names = [field.name for field in model._meta.get_fields()] if model is not None else []
    return names.index(name) if name in names else len(names)


def display_value(model: type[models.Model] | None, name: str, value: Any) -> str:
    """Choice labels instead of codes, yes/no, "hidden" for masked values, a dash for nothing."""
    if value is None or value == "" or value == []:
        return EMPTY
    if value == MASKED:
        return _("(hidden)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    field = _field(model, name)
    choices = dict(getattr(field, "flatchoices", None) or [])
    if isinstance(value, str | int) and value in choices:
        return str(choices[value])
    return str(value)
