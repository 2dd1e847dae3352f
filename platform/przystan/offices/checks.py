"""Database check (``manage.py check --database default``): stored plugin settings are valid."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.database)
def check_stored_plugin_settings(app_configs: Any = None, databases: Any = None, **kwargs: Any) -> list[Any]:
    if not databases:
        return []
    from .enablement import validate_stored_enablements

    try:
        problems = validate_stored_enablements()
    except DatabaseError:
        return []  # not migrated yet
    return [Error(problem, id="przystan.E010") for problem in problems]
