"""The audit log: one append-only row per recorded event (who, when, what, before/after)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SYSTEM_ACTOR = ""  # actor_repr of changes made by the platform itself (commands, tasks without acting_as)
ANONYMOUS_ACTOR = "anonymous"  # actor_repr of web requests without a logged-in user


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove a recorded audit entry."""


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    READ = "read", _("viewed")
    DENIED = "denied", _("access denied")
    EXPORT = "export", _("exported")
    USE = "use", _("used")  # a credential (e.g. a service credential) was used


class AuditEntryQuerySet(models.QuerySet):
    """Inserts and reads only: bulk ``update()`` and ``delete()`` are refused."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(_("The audit log is append-only: entries cannot be changed."))

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(_("The audit log is append-only: entries cannot be deleted."))

    def for_object(self, obj: models.Model) -> AuditEntryQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))

    def for_reference(self, content_type: ContentType, object_id: str) -> AuditEntryQuerySet:
        return self.filter(content_type=content_type, object_id=str(object_id))


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
        verbose_name=_("user"),
    )
    actor_repr = models.CharField(_("user (as recorded)"), max_length=200, blank=True)
    # The office id is history: it is kept (no constraint, never nulled) even if the office is removed.
    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("office"),
    )
    action = models.CharField(_("action"), max_length=10, choices=AuditAction.choices)
    content_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("record type"),
    )
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        default_permissions = ("view",)  # nobody may add, change or delete by hand
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="audit_record_idx"),
            models.Index(fields=["actor", "at"], name="audit_actor_idx"),
        ]

    def __str__(self) -> str:
        from django.utils.formats import date_format

        when = date_format(timezone.localtime(self.at), "SHORT_DATETIME_FORMAT")
        return f"{when} {self.actor_label} {self.get_action_display()} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(_("The audit log is append-only: entries cannot be changed."))
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(_("The audit log is append-only: entries cannot be deleted."))

    @property
    def actor_label(self) -> str:
        if self.actor_repr == SYSTEM_ACTOR:
            return str(_("system"))
        if self.actor_repr == ANONYMOUS_ACTOR:
            return str(_("anonymous visitor"))
        # "clerk@example.gov.pl (#2)": the account's number is for the inspect page, not for staff tables
        return re.sub(r" \(#\d+\)$", "", self.actor_repr)

    @property
    def reason_display(self) -> str:
        """The reason in the reader's language (a refusal's policy entry in words)."""
        from .labels import reason_label

        return reason_label(self.reason)

    def change_rows(self) -> list[dict[str, Any]]:
        """``[{"name", "field", "before", "after"}]`` in the model's field order, values made readable."""
        from .labels import display_value, field_label, field_order

        model = self.content_type.model_class() if self.content_type_id else None
        rows = []
        for name, pair in (self.changes or {}).items():
            before, after = ([*pair, None, None][:2]) if isinstance(pair, list) else (None, pair)
            rows.append(
                {
                    "name": name,
                    "field": field_label(model, name),
                    "before": display_value(model, name, before),
                    "after": display_value(model, name, after),
                }
            )
        return sorted(rows, key=lambda row: field_order(model, row["name"]))
