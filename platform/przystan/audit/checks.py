"""Deploy checks of the audit log: the running application must not be able to wipe it."""

from __future__ import annotations

from typing import Any

from django.core.checks import Tags, Warning, register
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from .db_roles import role_facts


@register(Tags.security, deploy=True)
def check_runtime_role(app_configs: Any = None, databases: Any = None, **kwargs: Any) -> list[Any]:
    """przystan.W030/W031/W032: on PostgreSQL the connection's role must not own or be able to empty
    the audit table (``manage.py check --deploy``; docs/security.md "Database roles")."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        return []
    try:
        facts = role_facts(connection)
    except DatabaseError as exc:
        return [
            Warning(
                f"Could not check the database role's privileges on the audit table: {exc}",
                id="przystan.W032",
            )
        ]
    if facts is None or not facts.table_exists:
        return []
    hint = (
        "Run migrations as an owner role and the application as another role; after migrate run "
        "'manage.py grant_runtime_role <role>' as the owner (docs/security.md, Database roles)."
    )
    if facts.superuser or facts.administers:
        what = "is a superuser" if facts.superuser else f"owns the audit table (owner: {facts.owner})"
        return [
            Warning(
                f"The application's database role {facts.role!r} {what}: it can TRUNCATE the audit log, "
                "disable or drop its append-only triggers, or drop it.",
                hint=hint,
                id="przystan.W030",
            )
        ]
    if facts.dangerous:
        return [
            Warning(
                f"The application's database role {facts.role!r} may {', '.join(facts.dangerous)} the audit "
                "table; it should only INSERT and SELECT.",
                hint=hint,
                id="przystan.W031",
            )
        ]
    return []
