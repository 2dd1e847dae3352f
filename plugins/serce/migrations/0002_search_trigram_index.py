"""Trigram index for name-fragment search on PostgreSQL (SQLite falls back to a plain LIKE scan)."""

from django.db import migrations


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS serce_person_search_trgm ON serce_person USING gin (search_key gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS serce_person_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("serce", "0001_initial")]

    operations = [migrations.RunPython(create_trigram_index, drop_trigram_index)]
