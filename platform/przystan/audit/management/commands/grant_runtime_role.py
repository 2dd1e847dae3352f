"""``manage.py grant_runtime_role <role>``: give the application's runtime role its privileges.

Run it connected as the owner role that ran ``migrate`` (the same ``DATABASE_URL``), after every
``migrate``. ``--sql`` prints the statements instead, for a database administrator to run.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from przystan.audit.db_roles import grant_statements, role_facts


class Command(BaseCommand):
    help = "Grant a PostgreSQL role the runtime privileges (INSERT/SELECT only on the audit table)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="the role the running application connects as")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)")
        parser.add_argument("--sql", action="store_true", help="print the SQL instead of running it")

    def handle(self, *args: Any, role: str, database: str, sql: bool, **options: Any) -> None:
        connection = connections[database]
        if connection.vendor != "postgresql":
            raise CommandError(
                "Database roles are a PostgreSQL feature; this database is " + connection.vendor
            )
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user, current_database()")
            owner, name = cursor.fetchone()
        statements = grant_statements(role, database=name, owner=owner)
        if sql:
            self.stdout.write(";\n".join(statements) + ";")
            return
        facts = role_facts(connection, role)
        if facts is None:
            raise CommandError(
                f"Role {role!r} does not exist. Create it first, e.g. CREATE ROLE {role} LOGIN PASSWORD '…';"
            )
        if not facts.table_exists:
            raise CommandError("The audit table does not exist yet: run migrate (as the owner role) first.")
        if role == owner or facts.superuser or facts.administers:
            raise CommandError(
                f"Role {role!r} is a superuser, owns the audit table or is a member of its owner "
                f"({facts.owner}): it could wipe the log. Use a role of its own for the application."
            )
        with transaction.atomic(using=database), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(
            self.style.SUCCESS(f"Granted runtime privileges to {role} on {name} (owner {owner}).")
        )
