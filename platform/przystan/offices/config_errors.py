"""A plugin's per-office configuration checked against its JSON Schema, with messages for people.

jsonschema's own messages are English and technical ("500 is greater than the maximum of 180"); each
problem here is a translated sentence naming the plugin and the setting (the schema's ``title`` of the
property, else its key).
"""

from __future__ import annotations

from typing import Any

import jsonschema
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TYPE_NAMES = {
    "string": gettext_lazy("text (in quotes)"),
    "integer": gettext_lazy("a whole number"),
    "number": gettext_lazy("a number"),
    "boolean": gettext_lazy("yes or no (true/false)"),
    "array": gettext_lazy("a list"),
    "object": gettext_lazy("a group of settings (a JSON object)"),
    "null": gettext_lazy("empty (null)"),
}


def _type_name(value: Any) -> str:
    names = value if isinstance(value, list) else [value]
    return _(" or ").join(str(TYPE_NAMES.get(name, name)) for name in names)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


def _setting(error: jsonschema.ValidationError, key: str | None = None) -> str:
    """The setting's name: the schema title of the property, else its path of keys."""
    parts = [str(p) for p in error.absolute_path]
    if key is not None:
        parts.append(key)
        schema = (error.schema.get("properties") or {}).get(key, {}) if isinstance(error.schema, dict) else {}
    else:
        schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get("title") if isinstance(schema, dict) else None
    return str(title) if title else ".".join(parts)


def problem(error: jsonschema.ValidationError) -> tuple[str, str]:
    """``(setting, what is wrong)`` for one error, translated."""
    kind, limit, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [key for key in limit if isinstance(value, dict) and key not in value]
        key = missing[0] if missing else ""
        return _setting(error, key), _("this setting is required")
    if kind == "additionalProperties":
        known = set((error.schema.get("properties") or {}) if isinstance(error.schema, dict) else ())
        extra = sorted(k for k in (value if isinstance(value, dict) else {}) if k not in known)
        return _setting(error, extra[0] if extra else ""), _("this is not a setting of this module")
    setting = _setting(error) or _("the configuration")
    messages = {
        "type": lambda: (
            _("must be %(type)s, not %(value)s") % {"type": _type_name(limit), "value": _shown(value)}
        ),
        "minimum": lambda: (
            _("must be at least %(limit)s (it is %(value)s)") % {"limit": limit, "value": value}
        ),
        "maximum": lambda: (
            _("must be at most %(limit)s (it is %(value)s)") % {"limit": limit, "value": value}
        ),
        "exclusiveMinimum": lambda: (
            _("must be more than %(limit)s (it is %(value)s)") % {"limit": limit, "value": value}
        ),
        "exclusiveMaximum": lambda: (
            _("must be less than %(limit)s (it is %(value)s)") % {"limit": limit, "value": value}
        ),
        "minLength": lambda: _("must have at least %(limit)s characters") % {"limit": limit},
        "maxLength": lambda: _("may have at most %(limit)s characters") % {"limit": limit},
        "pattern": lambda: _("%(value)s is not in the expected format") % {"value": _shown(value)},
        "format": lambda: _("%(value)s is not in the expected format") % {"value": _shown(value)},
        "enum": lambda: _("must be one of: %(choices)s") % {"choices": ", ".join(_shown(c) for c in limit)},
        "const": lambda: _("must be %(choice)s") % {"choice": _shown(limit)},
        "minItems": lambda: _("must list at least %(limit)s items") % {"limit": limit},
        "maxItems": lambda: _("may list at most %(limit)s items") % {"limit": limit},
        "uniqueItems": lambda: _("must not list an item twice"),
    }
    build = messages.get(kind)
    return setting, build() if build else _("%(value)s is not an allowed value") % {"value": _shown(value)}


def config_errors(slug: str, schema: dict[str, Any], config: Any, plugin_name: str = "") -> list[str]:
    """Validate ``config`` against a plugin's JSON Schema; one translated sentence per problem."""
    validator = jsonschema.Draft202012Validator(schema or {"type": "object"})
    messages = []
    for error in sorted(validator.iter_errors(config), key=lambda e: [str(p) for p in e.absolute_path]):
        setting, what = problem(error)
        messages.append(
            _("Module “%(plugin)s”, setting “%(setting)s”: %(problem)s.")
            % {"plugin": plugin_name or slug, "setting": setting, "problem": what}
        )
    return messages
