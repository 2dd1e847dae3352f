"""Public API of the audit service.

Register the models whose changes must be accountable (personal data, case data)::

    from przystan.audit.api import audited, register

    register(Person, sensitive=True, mask=("pesel",))

    @audited(exclude=("search_vector",))
    class Case(models.Model):
        objects = AuditedManager()
        ...

Every ``save()``/``delete()`` of a registered model and every change of its many-to-many fields is
recorded with the actor, the request details and ``{field: [before, after]}``. Saves that change
nothing record nothing.

**Bulk updates:** Django's plain ``QuerySet.update()`` sends no signals and so bypasses the audit.
Give audited models :class:`AuditedManager` (or :class:`AuditedQuerySet`) so that ``update()``
records one entry per changed row. (``QuerySet.delete()`` sends the delete signals per row and is
recorded as it is.)

Reads of records registered ``sensitive=True`` are recorded by :func:`record_read`, which the view
mixins in :mod:`przystan.audit.mixins` call for you.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.apps import apps
from django.db import models, transaction
from django.http import HttpRequest

from .context import acting_as
from .labels import register_value_display
from .models import AuditAction, AuditEntry
from .receivers import connect_model, connect_save_receivers
from .recorder import build_entry, write
from .registry import AuditOptions, add, is_registered, is_sensitive, options_for, remove
from .values import diff, snapshot

__all__ = [
    "AuditAction",
    "AuditedManager",
    "AuditedQuerySet",
    "acting_as",
    "audited",
    "is_registered",
    "is_sensitive",
    "record_denied",
    "record_event",
    "record_read",
    "record_reads",
    "register",
    "register_value_display",
    "unregister",
]

M = TypeVar("M", bound=type[models.Model])


def register(
    model: type[models.Model],
    *,
    sensitive: bool = False,
    exclude: Iterable[str] = (),
    mask: Iterable[str] = (),
    office_field: str | None = None,
) -> AuditOptions | None:
    """Audit ``model``.

    ``sensitive`` — reads are recorded too; ``exclude`` — fields never recorded; ``mask`` — fields
    recorded as changed without their values; ``office_field`` — FK to the office the record
    belongs to (default: a field named ``office``).

    Called while models are still being loaded (``@audited`` in a models module), the registration
    is completed when the audit app is ready, and ``None`` is returned.
    """
    if not apps.models_ready:
        _pending.append(
            (model, {"sensitive": sensitive, "exclude": exclude, "mask": mask, "office_field": office_field})
        )
        return None
    connect_save_receivers()
    options = add(
        model,
        sensitive=sensitive,
        exclude=frozenset(exclude),
        mask=frozenset(mask),
        office_field=office_field,
    )
    connect_model(model)
    return options


_pending: list[tuple[type[models.Model], dict[str, Any]]] = []


def complete_pending_registrations() -> None:
    """Called from ``AuditConfig.ready()``: register models decorated before the registry was ready."""
    while _pending:
        model, options = _pending.pop(0)
        register(model, **options)


def unregister(model: type[models.Model]) -> AuditOptions | None:
    """Stop auditing ``model`` (returns its options, e.g. to register it again later)."""
    return remove(model)


def audited(
    *,
    sensitive: bool = False,
    exclude: Iterable[str] = (),
    mask: Iterable[str] = (),
    office_field: str | None = None,
) -> Callable[[M], M]:
    """Class decorator form of :func:`register`."""

    def decorate(model: M) -> M:
        register(model, sensitive=sensitive, exclude=exclude, mask=mask, office_field=office_field)
        return model

    return decorate


def record_read(
    obj: models.Model, *, request: HttpRequest | None = None, user: Any = None, reason: str = ""
) -> AuditEntry:
    """Record that ``obj`` was viewed (by ``user``, else the request's user, else the context's)."""
    return record_event(AuditAction.READ, obj, _who(user, request), reason=reason, request=request)


def record_reads(
    objs: Iterable[models.Model], *, request: HttpRequest | None = None, user: Any = None, reason: str = ""
) -> list[AuditEntry]:
    """Record that each of ``objs`` was viewed (e.g. the records of one API list page), in one INSERT."""
    records = list(objs)
    if not records:
        return []
    who = _who(user, request)
    entries = [
        build_entry(AuditAction.READ, obj=obj, user=who, reason=reason, request=request) for obj in records
    ]
    return AuditEntry.objects.using(records[0]._state.db).bulk_create(entries)


def record_denied(
    user: Any,
    perm: str | None = None,
    obj: models.Model | type[models.Model] | None = None,
    request: HttpRequest | None = None,
    *,
    permission: str | None = None,
) -> AuditEntry:
    """Record a refused attempt: ``perm`` (alias ``permission=``) is the permission that was missing."""
    from .denials import inside_transaction, keep_for_later

    missing = perm or permission or ""
    using = getattr(getattr(obj, "_state", None), "db", None)
    if not inside_transaction(using):
        return record_event(AuditAction.DENIED, obj, _who(user, request), reason=missing, request=request)
    # the refusal usually rolls this transaction back: write the entry when it is over
    entry = _entry_for(AuditAction.DENIED, obj, _who(user, request), reason=missing, request=request)
    keep_for_later(entry, using)
    return entry


def _entry_for(
    action: str, obj: Any, user: Any, *, reason: str, request: HttpRequest | None, changes: Any = None
) -> AuditEntry:
    """The entry about ``obj`` — an instance, a model class or ``None``."""
    if isinstance(obj, type):
        return build_entry(
            action,
            model=obj,
            object_id="",
            object_repr=str(obj._meta.verbose_name_plural),
            changes=changes,
            reason=reason,
            user=user,
            request=request,
        )
    return build_entry(action, obj=obj, changes=changes, reason=reason, user=user, request=request)


def record_event(
    action: str,
    obj: models.Model | type[models.Model] | None,
    user: Any = ...,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    request: HttpRequest | None = None,
    *,
    actor_repr: str | None = None,
) -> AuditEntry:
    """Record any event (e.g. ``"export"``) about ``obj`` — an instance, a model class or ``None``.

    ``actor_repr`` names an actor that is no account (a service credential).
    """
    if action not in AuditAction.values:
        raise ValueError(f"Unknown audit action {action!r}; use one of {AuditAction.values}.")
    entry = _entry_for(action, obj, user, reason=reason, request=request, changes=changes)
    if actor_repr is not None:
        entry.actor_repr = actor_repr[:200]
    return write(entry, getattr(getattr(obj, "_state", None), "db", None))


def _who(user: Any, request: HttpRequest | None) -> Any:
    if user is not None:
        return user
    if request is not None:
        return getattr(request, "user", None)
    return ...


class AuditedQuerySet(models.QuerySet):
    """``update()`` records before/after per changed row of a registered model (in one transaction)."""

    def update(self, **kwargs: Any) -> int:
        options = options_for(self.model)
        if options is None:
            return super().update(**kwargs)
        fields = list(options.fields)
        with transaction.atomic(using=self.db):
            rows = self.select_for_update() if self.db and self._db_supports_locking() else self
            before = {obj.pk: snapshot(obj, fields) for obj in rows}
            count = super().update(**kwargs)
            if before:
                after = self.model._base_manager.using(self.db).filter(pk__in=list(before))
                entries = []
                for obj in after:
                    changes = diff(before.get(obj.pk), snapshot(obj, fields), options.mask)
                    if changes:
                        entries.append(build_entry(AuditAction.UPDATE, obj=obj, changes=changes))
                AuditEntry.objects.using(self.db).bulk_create(entries)
        return count

    update.alters_data = True  # type: ignore[attr-defined]

    def _db_supports_locking(self) -> bool:
        from django.db import connections

        return connections[self.db].features.has_select_for_update and not self.query.distinct


class AuditedManager(models.Manager.from_queryset(AuditedQuerySet)):  # type: ignore[misc]
    """Manager whose querysets record bulk ``update()`` calls in the audit log."""
