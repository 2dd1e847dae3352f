"""PostgreSQL roles: migrations run as the owner role, the application as a runtime role that may only
INSERT and SELECT the audit table (docs/security.md, "Database roles").

An owner of a table can TRUNCATE it, disable or drop its triggers and drop it; the append-only triggers
(:mod:`.triggers`) therefore protect the log only from a role that does not own it. The runtime role gets
ordinary privileges on every other table, and on the audit table SELECT, INSERT and the one column
update Django makes when a user account is deleted (``actor_id`` set to NULL, which the trigger allows
and nothing else). :func:`grant_statements` is what ``manage.py grant_runtime_role`` runs (or prints).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .triggers import TABLE

TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
SEQUENCE_PRIVILEGES = "USAGE, SELECT, UPDATE"


def quote(name: str) -> str:
    """A PostgreSQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def grant_statements(role: str, *, database: str, owner: str, schema: str = "public") -> list[str]:
    """SQL that gives ``role`` the runtime privileges; run it as ``owner`` after every ``migrate``."""
    r, s, o = quote(role), quote(schema), quote(owner)
    return [
        f"GRANT CONNECT ON DATABASE {quote(database)} TO {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT {TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"GRANT {SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        # tables a later migration creates get the same; the audit table is narrowed again by a re-run
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT {TABLE_PRIVILEGES} ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT {SEQUENCE_PRIVILEGES} ON SEQUENCES TO {r}",
        f"REVOKE ALL ON TABLE {s}.{TABLE} FROM {r}",
        f"GRANT SELECT, INSERT ON TABLE {s}.{TABLE} TO {r}",
        f"GRANT UPDATE (actor_id) ON TABLE {s}.{TABLE} TO {r}",
    ]


@dataclass(frozen=True)
class RoleFacts:
    """What a role may do to the audit table (``None`` table: not migrated yet)."""

    role: str
    superuser: bool
    table_exists: bool
    owner: str
    administers: bool  # owns the table, or is a member of (or superuser over) its owner
    may_update: bool
    may_delete: bool
    may_truncate: bool

    @property
    def dangerous(self) -> list[str]:
        return [
            name
            for name, allowed in (
                ("UPDATE", self.may_update),
                ("DELETE", self.may_delete),
                ("TRUNCATE", self.may_truncate),
            )
            if allowed
        ]


FACTS_SQL = """
SELECT r.rolname, r.rolsuper, c.oid IS NOT NULL,
       COALESCE(pg_get_userbyid(c.relowner), ''),
       COALESCE(pg_has_role(r.oid, c.relowner, 'MEMBER'), false),
       COALESCE(has_table_privilege(r.oid, c.oid, 'UPDATE'), false),
       COALESCE(has_table_privilege(r.oid, c.oid, 'DELETE'), false),
       COALESCE(has_table_privilege(r.oid, c.oid, 'TRUNCATE'), false)
FROM pg_roles r
LEFT JOIN pg_class c ON c.oid = to_regclass(%s::text)
WHERE r.rolname = COALESCE(%s::text, current_user::text)
"""


def role_facts(connection: Any, role: str | None = None) -> RoleFacts | None:
    """Facts about ``role`` (default: the connection's own role); ``None`` if the role does not exist."""
    with connection.cursor() as cursor:
        cursor.execute(FACTS_SQL, [TABLE, role])
        row = cursor.fetchone()
    return None if row is None else RoleFacts(*row)
