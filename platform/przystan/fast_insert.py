"""``save()`` of a new model instance with its INSERT statement built once per model and database.

Saving a new row through ``Model.save()`` compiles the same INSERT again every time; on the hottest
paths (a booking at a release storm and the audit entry written with it) that compilation costs
more than the database does. :func:`insert_new` keeps everything ``save()`` does around the INSERT:
the ``pre_save``/``post_save`` signals are sent the same way, the fields' ``pre_save`` (``auto_now_add``,
defaults) and database preparation run as the ORM runs them, and a model it cannot serve so (a
parent model, database-computed columns besides the key, a backend without ``RETURNING``) is simply
saved.
"""

from __future__ import annotations

from typing import Any

from django.db import connections, router
from django.db.models import Model
from django.db.models.signals import post_save, pre_save

_STATEMENTS: dict[tuple[type[Model], str], tuple[list[Any], str]] = {}


def insert_new(instance: Model, using: str | None = None) -> None:
    """Insert ``instance`` (not saved yet) as ``instance.save(force_insert=True)`` would."""
    model = type(instance)
    meta = model._meta
    using = using or router.db_for_write(model, instance=instance)
    conn = connections[using]
    if (
        not instance._state.adding
        or meta.parents
        or meta.proxy
        or not conn.features.can_return_columns_from_insert
        or list(meta.db_returning_fields) != [meta.pk]
    ):
        instance.save(force_insert=True, using=using)
        return
    prepared = _STATEMENTS.get((model, using))
    if prepared is None:
        quote = conn.ops.quote_name
        fields = [field for field in meta.local_concrete_fields if field is not meta.pk]
        sql = (
            f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))}) RETURNING {quote(meta.pk.column)}"
        )
        prepared = _STATEMENTS[(model, using)] = (fields, sql)
    fields, sql = prepared
    instance._prepare_related_fields_for_save(operation_name="save")
    pre_save.send(sender=model, instance=instance, raw=False, using=using, update_fields=None)
    values = [field.get_db_prep_save(field.pre_save(instance, True), connection=conn) for field in fields]
    with conn.cursor() as cursor:
        cursor.execute(sql, values)
        instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = using
    post_save.send(sender=model, instance=instance, created=True, update_fields=None, raw=False, using=using)
