"""Database triggers that make the audit table append-only, also for raw SQL and for administrators.

Used by migration ``0002_append_only_triggers``. The one update allowed is the one Django makes when
a user account is deleted: ``actor_id`` set to NULL (``on_delete=SET_NULL``) with every other column
unchanged — ``actor_repr`` still says who acted.

PostgreSQL: row-level triggers do not fire on TRUNCATE, so the test framework can still empty the
table between tests. SQLite: the triggers also block ``DELETE FROM``, so ``manage.py flush`` cannot
empty an SQLite audit table (nothing in Przystań relies on it). If a later migration rebuilds the
table on SQLite (ALTER of a column), it must call :func:`install` again: SQLite drops the triggers
with the old table. The column list below must then match the table.
"""

from __future__ import annotations

from typing import Any

TABLE = "audit_auditentry"
MESSAGE = "audit log is append-only"
# Every column except actor_id (checked separately: it may only become NULL).
COLUMNS = (
    "id",
    "at",
    "actor_repr",
    "office_id",
    "action",
    "content_type_id",
    "object_id",
    "object_repr",
    "changes",
    "reason",
    "request_id",
    "ip",
    "user_agent",
)

POSTGRESQL_INSTALL = [
    f"""
CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
       AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$
""",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"""
CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()
""",
]
POSTGRESQL_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_append_only()",
]

_unchanged = " AND ".join(f"NEW.{column} IS OLD.{column}" for column in COLUMNS)
SQLITE_INSTALL = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
    f"""
CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
FOR EACH ROW WHEN NOT (NEW.actor_id IS NULL AND {_unchanged})
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}');
END
""",
    f"""
CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE}
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}');
END
""",
]
SQLITE_UNINSTALL = [f"DROP TRIGGER IF EXISTS {TABLE}_no_update", f"DROP TRIGGER IF EXISTS {TABLE}_no_delete"]

STATEMENTS = {
    "postgresql": (POSTGRESQL_INSTALL, POSTGRESQL_UNINSTALL),
    "sqlite": (SQLITE_INSTALL, SQLITE_UNINSTALL),
}


def install(apps: Any, schema_editor: Any) -> None:
    """RunPython forward: create the triggers for the database in use (other vendors: none)."""
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(statement)


def uninstall(apps: Any, schema_editor: Any) -> None:
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(statement)
