"""The audit log cannot be wiped by the application's own database role (PostgreSQL).

Two real roles made by the test: an owner role (not a superuser) that owns a fresh database and runs
``migrate`` into it, and a runtime role that gets its privileges from ``grant_runtime_role``. The
runtime role can INSERT and SELECT audit rows (and the application writes an entry through it), and
every way of destroying them fails: TRUNCATE, DELETE, UPDATE, disabling or dropping the trigger,
dropping the table. The deploy check warns for the owner's connection and not for the runtime's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from django.conf import settings

from .live import ROOT

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), reason="PostgreSQL roles"
)

TABLE = "audit_auditentry"
TRIGGER = f"{TABLE}_append_only"


@dataclass
class Roles:
    database: str
    owner: str
    runtime: str

    def url(self, role: str) -> str:
        db = settings.DATABASES["default"]
        return f"postgres://{role}:{role}-pw@{db['HOST']}:{db['PORT']}/{self.database}"

    def connect(self, role: str) -> psycopg.Connection:
        return psycopg.connect(self.url(role), autocommit=True)


def _admin() -> psycopg.Connection:
    db = settings.DATABASES["default"]
    return psycopg.connect(
        host=db["HOST"],
        port=db["PORT"],
        user=db["USER"],
        password=db.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def _manage(url: str, *args: str, program: str | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.test",
        "PYTHONPATH": f"{ROOT / 'platform'}{os.pathsep}{ROOT}",
    }
    command = [sys.executable, "-c", program] if program else [sys.executable, "platform/manage.py", *args]
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def roles() -> Iterator[Roles]:
    tag = uuid.uuid4().hex[:8]
    made = Roles(
        database=f"{settings.DATABASES['default']['NAME']}_roles_{tag}",
        owner=f"przystan_owner_{tag}",
        runtime=f"przystan_runtime_{tag}",
    )
    with _admin() as admin:
        for role in (made.owner, made.runtime):
            admin.execute(
                f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{role}-pw'"
            )
        admin.execute(f"CREATE DATABASE {made.database} OWNER {made.owner}")
    try:
        migrated = _manage(made.url(made.owner), "migrate", "--noinput", "-v0")
        assert migrated.returncode == 0, migrated.stderr[-3000:]
        granted = _manage(made.url(made.owner), "grant_runtime_role", made.runtime)
        assert granted.returncode == 0, granted.stderr[-3000:]
        yield made
    finally:
        with _admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {made.database} WITH (FORCE)")
            for role in (made.runtime, made.owner):
                admin.execute(f"DROP ROLE IF EXISTS {role}")


INSERT = (
    f"INSERT INTO {TABLE} (at, actor_repr, action, object_id, object_repr, changes, reason, request_id, "
    "user_agent) VALUES (now(), 'test', 'create', '1', 'row', '{}', '', 'req', '') RETURNING id"
)


def test_runtime_role_may_insert_and_select_audit_rows(roles):
    with roles.connect(roles.runtime) as conn:
        (row_id,) = conn.execute(INSERT).fetchone()
        assert conn.execute(f"SELECT count(*) FROM {TABLE} WHERE id = %s", [row_id]).fetchone() == (1,)


@pytest.mark.parametrize(
    "statement",
    [
        f"TRUNCATE {TABLE}",
        f"DELETE FROM {TABLE}",
        f"UPDATE {TABLE} SET reason = 'rewritten'",
        f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}",
        f"ALTER TABLE {TABLE} DISABLE TRIGGER ALL",
        f"DROP TRIGGER {TRIGGER} ON {TABLE}",
        f"DROP TABLE {TABLE} CASCADE",
        f"ALTER TABLE {TABLE} OWNER TO CURRENT_USER",
    ],
)
def test_runtime_role_cannot_destroy_the_audit_log(roles, statement):
    with roles.connect(roles.runtime) as conn:
        conn.execute(INSERT)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    with roles.connect(roles.owner) as owner:
        assert owner.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] >= 1
        assert owner.execute("SELECT tgenabled FROM pg_trigger WHERE tgname = %s", [TRIGGER]).fetchone() == (
            "O",
        )


def test_owner_role_could_wipe_it_which_is_why_the_app_must_not_be_the_owner(roles):
    """The premise: the table owner, though no superuser, can switch the trigger off (rolled back)."""
    with roles.connect(roles.owner) as conn, conn.transaction(force_rollback=True):
        conn.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}")
        conn.execute(f"TRUNCATE {TABLE}")


APP_PROGRAM = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from przystan.audit.api import record_event
from przystan.audit.models import AuditEntry
user = get_user_model().objects.create_user(username="rola@example.com", email="rola@example.com", password="x")
entry = record_event("export", AuditEntry, user=user, reason="written by the runtime role")
user.delete()  # the one update allowed: actor_id set to NULL
entry = AuditEntry.objects.get(pk=entry.pk)
checks = [m.id for m in run_checks(include_deployment_checks=True) if m.id.startswith("przystan.W03")]
print(json.dumps({"reason": entry.reason, "actor_id": entry.actor_id, "actor": entry.actor_repr, "checks": checks}))
"""


def test_the_application_writes_audit_entries_as_the_runtime_role(roles):
    done = _manage(roles.url(roles.runtime), program=APP_PROGRAM)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["reason"] == "written by the runtime role"
    assert result["actor_id"] is None and "rola@example.com" in result["actor"]
    assert result["checks"] == []  # the runtime role passes the deploy check


def test_deploy_check_warns_when_the_app_connects_as_the_owner(roles):
    program = (
        "import django; django.setup(); from przystan.audit.checks import check_runtime_role; "
        "print([m.id for m in check_runtime_role()])"
    )
    as_owner = _manage(roles.url(roles.owner), program=program)
    assert as_owner.returncode == 0, as_owner.stderr[-3000:]
    assert as_owner.stdout.strip().splitlines()[-1] == "['przystan.W030']"


@pytest.mark.django_db
def test_deploy_check_warns_for_a_superuser_connection():
    from przystan.audit.checks import check_runtime_role

    with _admin() as admin:
        superuser = admin.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    if not superuser:
        pytest.skip("the suite's database user is not a superuser here")
    assert [m.id for m in check_runtime_role()] == ["przystan.W030"]


def test_grant_command_prints_the_sql_and_refuses_the_owner(roles):
    printed = _manage(roles.url(roles.owner), "grant_runtime_role", "app_rt", "--sql")
    assert printed.returncode == 0, printed.stderr[-2000:]
    assert f'GRANT SELECT, INSERT ON TABLE "public".{TABLE} TO "app_rt"' in printed.stdout
    refused = _manage(roles.url(roles.owner), "grant_runtime_role", roles.owner)
    assert refused.returncode != 0 and "could wipe the log" in refused.stderr


def test_deploy_check_warns_when_the_runtime_role_may_delete_audit_rows(roles):
    program = (
        "import django; django.setup(); from przystan.audit.checks import check_runtime_role; "
        "print([m.id for m in check_runtime_role()])"
    )
    with roles.connect(roles.owner) as owner:
        owner.execute(f"GRANT DELETE ON {TABLE} TO {roles.runtime}")
        try:
            widened = _manage(roles.url(roles.runtime), program=program)
        finally:
            owner.execute(f"REVOKE DELETE ON {TABLE} FROM {roles.runtime}")
    assert widened.returncode == 0, widened.stderr[-3000:]
    assert widened.stdout.strip().splitlines()[-1] == "['przystan.W031']"
