"""Signal receivers that record create/update/delete and many-to-many changes of registered models."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .models import AuditAction
from .recorder import build_entry, write
from .registry import AuditOptions, options_for
from .values import diff, json_safe, snapshot

_BEFORE = "_audit_before"
_M2M_BEFORE = "_audit_m2m_before"


def fields_for_save(options: AuditOptions, update_fields: Any) -> list[models.Field]:
    if update_fields is None:
        return list(options.fields)
    named = set(update_fields)
    return [field for field in options.fields if field.name in named or field.attname in named]


def creation_changes(instance: models.Model, options: AuditOptions) -> dict[str, list[Any]]:
    after = {
        name: value
        for name, value in snapshot(instance, list(options.fields)).items()
        if value not in (None, "")
    }
    return diff(None, after, options.mask)


def on_pre_save(sender: type[models.Model], instance: models.Model, using: str, **kwargs: Any) -> None:
    options = options_for(sender)
    if options is None:
        return
    before = None
    if not instance._state.adding and instance.pk is not None:
        old = sender._base_manager.using(using).filter(pk=instance.pk).first()
        before = snapshot(old, list(options.fields)) if old is not None else None
    instance.__dict__[_BEFORE] = before


def on_post_save(
    sender: type[models.Model],
    instance: models.Model,
    created: bool,
    using: str,
    update_fields: Any = None,
    **kwargs: Any,
) -> None:
    options = options_for(sender)
    if options is None:
        return
    before = instance.__dict__.pop(_BEFORE, None)
    if created or before is None:
        write(
            build_entry(AuditAction.CREATE, obj=instance, changes=creation_changes(instance, options)), using
        )
        return
    fields = fields_for_save(options, update_fields)
    names = {field.name for field in fields}
    changes = diff({k: v for k, v in before.items() if k in names}, snapshot(instance, fields), options.mask)
    if changes:
        write(build_entry(AuditAction.UPDATE, obj=instance, changes=changes), using)


def on_post_delete(sender: type[models.Model], instance: models.Model, using: str, **kwargs: Any) -> None:
    options = options_for(sender)
    if options is None:
        return
    before = {
        name: value for name, value in snapshot(instance, list(options.fields)).items() if value is not None
    }
    entry = build_entry(AuditAction.DELETE, obj=instance, changes=diff(before, None, options.mask))
    if (
        entry.actor_id is not None
        and isinstance(instance, type(entry.actor))
        and entry.actor_id == instance.pk
    ):
        entry.actor = None  # a user deleting their own account: the row is gone, actor_repr keeps who it was
    write(entry, using)


# ------------------------------------------------------------------ many-to-many


def _m2m_field(owner: type[models.Model], through: type[models.Model]) -> models.ManyToManyField | None:
    for field in owner._meta.many_to_many:
        if field.remote_field.through is through:
            return field
    return None


def _related_ids(
    through: type[models.Model], field: models.ManyToManyField, owner_pks: list[Any], using: str
) -> dict[Any, list[Any]]:
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    result: dict[Any, list[Any]] = {pk: [] for pk in owner_pks}
    rows = (
        through._base_manager.using(using).filter(**{f"{source}__in": owner_pks}).values_list(source, target)
    )
    for owner_pk, target_pk in rows:
        result.setdefault(owner_pk, []).append(json_safe(target_pk))
    return {pk: sorted(ids, key=str) for pk, ids in result.items()}


def on_m2m_changed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    model: type[models.Model],
    pk_set: set[Any] | None,
    using: str,
    **kwargs: Any,
) -> None:
    owner = model if reverse else type(instance)
    options = options_for(owner)
    if options is None:
        return
    field = _m2m_field(owner._meta.concrete_model, sender)
    if field is None or field.name in options.exclude:
        return
    phase, _sep, kind = action.partition("_")
    pending = instance.__dict__.setdefault(_M2M_BEFORE, {})
    if phase == "pre":
        if not reverse:
            owner_pks = [instance.pk]
        elif pk_set is not None:
            owner_pks = list(pk_set)
        else:  # reverse clear: every owner currently linked to this instance
            target = sender._meta.get_field(field.m2m_reverse_field_name()).attname
            source = sender._meta.get_field(field.m2m_field_name()).attname
            owner_pks = list(
                sender._base_manager.using(using)
                .filter(**{target: instance.pk})
                .values_list(source, flat=True)
            )
        pending[(sender, kind)] = (owner_pks, _related_ids(sender, field, owner_pks, using))
        return
    owner_pks, before = pending.pop((sender, kind), ([], {}))
    if not owner_pks:
        return
    after = _related_ids(sender, field, owner_pks, using)
    owners = {instance.pk: instance} if not reverse else owner._base_manager.using(using).in_bulk(owner_pks)
    for pk in owner_pks:
        changes = diff({field.name: before.get(pk, [])}, {field.name: after.get(pk, [])}, options.mask)
        if changes and pk in owners:
            write(build_entry(AuditAction.UPDATE, obj=owners[pk], changes=changes), using)


def connect_model(model: type[models.Model]) -> None:
    """Delete receivers are bound to the model (so other models keep Django's fast delete)."""
    uid = f"przystan.audit:{model._meta.label_lower}"
    post_delete.connect(on_post_delete, sender=model, dispatch_uid=f"{uid}:post_delete")
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            on_m2m_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}:{field.name}"
        )


def connect_save_receivers() -> None:
    """Save receivers listen to every model (proxies included) and ignore unregistered ones."""
    pre_save.connect(on_pre_save, dispatch_uid="przystan.audit:pre_save")
    post_save.connect(on_post_save, dispatch_uid="przystan.audit:post_save")
