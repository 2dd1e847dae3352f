"""Nobody — not the ORM, not raw SQL, not an administrator — can change or remove audit entries."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.utils import ConnectionHandler

from przystan.audit import triggers
from przystan.audit.api import record_event
from przystan.audit.models import AppendOnlyError, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(user_factory, office):
    actor = user_factory(email="actor@example.gov.pl", kind="staff")
    return record_event("export", office, actor, reason="monthly report")


def test_model_refuses_update_and_delete(entry):
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).reason == "monthly report"


def test_queryset_refuses_update_and_delete(entry):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(pk=entry.pk, reason="monthly report").exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET reason = 'rewritten' WHERE id = %s",
        "UPDATE audit_auditentry SET actor_repr = 'someone else', actor_id = NULL WHERE id = %s",
        "UPDATE audit_auditentry SET changes = '{}' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ],
)
def test_database_refuses_raw_update_and_delete(entry, sql):
    assert connection.vendor == "postgresql"
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).reason == "monthly report"


def test_database_allows_only_nulling_the_actor(entry):
    """What ON DELETE SET NULL does when a user account is deleted; who it was stays in actor_repr."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor_id = NULL WHERE id = %s", [entry.pk])
    reloaded = AuditEntry.objects.get(pk=entry.pk)
    assert reloaded.actor_id is None and reloaded.actor_repr.startswith("actor@example.gov.pl")


def test_truncate_still_works_for_the_test_framework(entry):
    with connection.cursor() as cursor:
        # run the deferred FK checks of the inserted row first, as a new transaction would
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE audit_auditentry")
    assert not AuditEntry.objects.exists()


@pytest.fixture
def sqlite_audit_db():
    """An in-memory SQLite database with the real audit table DDL and the real trigger SQL."""
    handler = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
    sqlite = handler["default"]
    with sqlite.schema_editor() as editor:
        editor.create_model(ContentType)
        editor.create_model(AuditEntry)
        triggers.install(None, editor)  # the function the migration runs
    with sqlite.cursor() as cursor:
        cursor.execute("CREATE TABLE accounts_user (id integer PRIMARY KEY)")  # target of the actor FK
        cursor.execute("INSERT INTO accounts_user (id) VALUES (7), (8)")
        cursor.execute("INSERT INTO django_content_type (app_label, model) VALUES ('offices', 'office')")
        cursor.execute(
            "INSERT INTO audit_auditentry (at, actor_id, actor_repr, action, content_type_id, object_id, "
            "object_repr, changes, reason, request_id, user_agent) "
            "VALUES ('2026-01-01 10:00:00', 7, 'officer (#7)', 'update', 1, '1', 'UW', '{}', '', '', '')"
        )
    yield sqlite
    sqlite.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET reason = 'rewritten'",
        "UPDATE audit_auditentry SET actor_id = 8",
        "UPDATE audit_auditentry SET actor_id = NULL, actor_repr = 'someone else'",
        "DELETE FROM audit_auditentry",
    ],
)
def test_sqlite_trigger_refuses_update_and_delete(sqlite_audit_db, sql):
    assert sqlite_audit_db.vendor == "sqlite"
    with pytest.raises(DatabaseError, match="append-only"), sqlite_audit_db.cursor() as cursor:
        cursor.execute(sql)
    with sqlite_audit_db.cursor() as cursor:
        cursor.execute("SELECT count(*), max(reason), max(actor_id) FROM audit_auditentry")
        assert cursor.fetchone() == (1, "", 7)


def test_sqlite_trigger_allows_nulling_the_actor_and_inserts(sqlite_audit_db):
    with sqlite_audit_db.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor_id = NULL")
        cursor.execute(
            "INSERT INTO audit_auditentry (at, actor_repr, action, object_id, object_repr, changes, reason, "
            "request_id, user_agent) VALUES ('2026-01-02', '', 'read', '', '', '{}', '', '', '')"
        )
        cursor.execute("SELECT count(*), count(actor_id) FROM audit_auditentry")
        assert cursor.fetchone() == (2, 0)


def test_triggers_exist_in_the_migrated_database():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditentry'::regclass AND NOT tgisinternal"
        )
        assert [row[0] for row in cursor.fetchall()] == ["audit_auditentry_append_only"]
