"""Revoke an account's API tokens when what they were issued for changes.

Kind, staff flags, password (change or reset) or activity of the account (``pre_save`` of the user
compared with its stored row), or its groups and permissions (``m2m_changed``). Changes made with
``QuerySet.update()`` send no signal and are not seen.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, pre_save

WATCHED_FIELDS = ("kind", "is_staff", "is_superuser", "is_active", "password")


def revoke_tokens(user_id: Any, reason: str) -> int:
    from .models import ApiToken

    return ApiToken.objects.filter(user_id=user_id).revoke(reason)


def _user_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None:
        return
    fields = [name for name in WATCHED_FIELDS if hasattr(instance, name)]
    stored = sender._base_manager.filter(pk=instance.pk).values(*fields).first()
    if stored is None:
        return
    changed = [name for name in fields if stored[name] != getattr(instance, name)]
    if changed:
        revoke_tokens(instance.pk, f"changed: {', '.join(changed)}"[:60])


def _memberships_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any
) -> None:
    reason = "changed: groups or permissions"
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            revoke_tokens(instance.pk, reason)
        return
    # group.user_set.add(...): the users are in pk_set; clear(): the members, known only before
    if action in ("post_add", "post_remove") and pk_set:
        for user_id in pk_set:
            revoke_tokens(user_id, reason)
    elif action == "pre_clear":
        link = next(f for f in sender._meta.fields if f.is_relation and isinstance(instance, f.related_model))
        for user_id in sender.objects.filter(**{link.name: instance}).values_list("user_id", flat=True):
            revoke_tokens(user_id, reason)


def connect() -> None:
    user_model = get_user_model()
    pre_save.connect(_user_saved, sender=user_model, dispatch_uid="przystan.api.revoke_on_user_change")
    for through in (user_model.groups.through, user_model.user_permissions.through):
        m2m_changed.connect(
            _memberships_changed,
            sender=through,
            dispatch_uid=f"przystan.api.revoke_on_m2m.{through.__name__}",
        )
