"""Human labels for recorded field names and values (for the history page and the trail tag)."""

from __future__ import annotations

import json
import re
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

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


#: ``(app_label.model, field) -> callable(value) -> str``: how a plugin names its codes (a nationality
#: code as the country's name). Registered with :func:`register_value_display`.
_VALUE_DISPLAY: dict[tuple[str, str], Any] = {}


def register_value_display(model: type[models.Model], name: str, display: Any) -> None:
    """Show the recorded values of ``model.name`` through ``display`` (e.g. ``nationality_name``)."""
    _VALUE_DISPLAY[(model._meta.label_lower, name)] = display


def _related_label(field: Any, value: Any) -> str:
    """A recorded foreign key (an id) as the related record's name; an id no longer there stays ``#id``."""
    try:
        found = field.related_model._base_manager.filter(pk=value).first()
    except (ValueError, TypeError):
        found = None
    return str(found) if found is not None else f"#{value}"


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
    custom = _VALUE_DISPLAY.get((model._meta.label_lower, name)) if model is not None else None
    if custom is not None:
        return str(custom(value))
    if field is not None and field.many_to_one and not isinstance(value, list | dict):
        return _related_label(field, value)
    choices = dict(getattr(field, "flatchoices", None) or [])
    if isinstance(value, str | int) and value in choices:
        return str(choices[value])
    if isinstance(value, str) and isinstance(field, models.DateField):
        return _date_value(value, moment=isinstance(field, models.DateTimeField))
    return str(value)


def _date_value(value: str, *, moment: bool) -> str:
    """A recorded (ISO) date as staff read dates: dd.mm.rrrr, a moment with HH:MM in office time."""
    from django.utils import timezone
    from django.utils.dateparse import parse_date, parse_datetime
    from django.utils.formats import date_format

    try:
        if moment:
            parsed = parse_datetime(value)
            if parsed is None:
                return value
            if timezone.is_aware(parsed):
                parsed = timezone.localtime(parsed)
            return date_format(parsed, "SHORT_DATETIME_FORMAT")
        day = parse_date(value[:10])
        return date_format(day, "SHORT_DATE_FORMAT") if day else value
    except ValueError:
        return value


#: Policy actions in words, for the reasons of refusals (``"serce.medical:view"``).
ACTION_WORDS = {
    "view": _lazy("viewing"),
    "edit": _lazy("editing"),
    "approve": _lazy("approving"),
    "export": _lazy("exporting"),
    "read_sensitive": _lazy("reading sensitive data"),
    "manage": _lazy("managing"),
    "mark_paid": _lazy("marking as paid"),
}
_POLICY_REASON = re.compile(r"^(?P<resource>[a-z0-9_]+(?:\.[a-z0-9_]+)+):(?P<action>[a-z_]+)$")


def action_words(action: str) -> str:
    """A policy action in words (an action a plugin adds and nobody named: its code, readable)."""
    return str(ACTION_WORDS.get(action) or action.replace("_", " "))


def reason_label(reason: str) -> str:
    """The reason of an entry in the reader's language.

    A refusal's reason is the policy entry it was refused (``"serce.medical:view"``): it is shown as
    the resource's label and the action in words. Other reasons are the recorder's short English texts
    (``"serce person page"``); a plugin translates them in its catalogue, text typed by staff is kept.
    """
    if not reason:
        return ""
    found = _POLICY_REASON.match(reason)
    if found:
        from przystan.access.table import policy_table

        try:
            resource = policy_table().resource(found["resource"])
        except LookupError:
            resource = None
        if resource is not None:
            return _("%(resource)s — %(action)s") % {
                "resource": resource.label,
                "action": action_words(found["action"]),
            }
    return _(reason)
