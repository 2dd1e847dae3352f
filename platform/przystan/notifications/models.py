"""Office overrides of message templates, and the outbox of rendered messages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template import TemplateSyntaxError, engines
from django.utils.translation import gettext_lazy as _

from .errors import UnknownNotificationType
from .sms import sms_info
from .types import get_type


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will retry")
    DEAD = "dead", _("Failed permanently")
    UNCERTAIN = "uncertain", _("Unknown whether sent: check")


def compile_template(source: str) -> Any:
    """Compile a template text with the project's engine (``{% load i18n %}`` etc. work)."""
    return engines["django"].engine.from_string(source)


class MessageTemplate(models.Model):
    """An office's (or, with no office, the platform's) replacement text for one type, language and channel."""

    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="message_templates",
        verbose_name=_("office"),
        help_text=_("Leave empty to change the text for every office."),
    )
    type = models.CharField(_("notification type"), max_length=100)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    subject = models.CharField(
        _("subject"), max_length=255, blank=True, help_text=_("E-mail only. Django template syntax.")
    )
    body = models.TextField(
        _("text"), help_text=_("Django template syntax; placeholders are written as {{ name }}.")
    )
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        ordering = ["type", "language", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "type", "language", "channel"],
                condition=models.Q(office__isnull=False),
                name="notifications_one_template_per_office",
                violation_error_message=_(
                    "This office already has a template for this type, language and channel."
                ),
            ),
            models.UniqueConstraint(
                fields=["type", "language", "channel"],
                condition=models.Q(office__isnull=True),
                name="notifications_one_global_template",
                violation_error_message=_(
                    "A template for all offices already exists for this type, language and channel."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} · {self.language} · {self.get_channel_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, list[Any]] = {}
        try:
            notification_type = get_type(self.type)
        except UnknownNotificationType as exc:
            errors.setdefault("type", []).append(str(exc))
        else:
            if self.channel and self.channel not in notification_type.channels:
                errors.setdefault("channel", []).append(
                    _("Type '%(type)s' is not sent by %(channel)s.")
                    % {"type": self.type, "channel": self.get_channel_display()}
                )
        if self.channel == Channel.EMAIL and not self.subject.strip():
            errors.setdefault("subject", []).append(_("An e-mail needs a subject."))
        for field in ("subject", "body"):
            try:
                compile_template(getattr(self, field))
            except TemplateSyntaxError as exc:
                errors.setdefault(field, []).append(_("Template syntax error: %(error)s") % {"error": exc})
        if errors:
            raise ValidationError(errors)

    @property
    def sms_cost(self) -> str:
        from .sms import sms_cost_text

        return sms_cost_text(self.body) if self.channel == Channel.SMS else ""


class OutboundMessage(models.Model):
    """One rendered message to one recipient over one channel, with its delivery state.

    The text is stored as rendered so what was sent stays auditable.
    """

    wagtail_reference_index_ignore = True  # a delivery record, not content: no index task per message

    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outbound_messages",
        verbose_name=_("office"),
    )
    type = models.CharField(_("notification type"), max_length=100)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    recipient = models.CharField(
        _("recipient"), max_length=254, help_text=_("E-mail address or phone number.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(_("provider message ID"), max_length=100, blank=True)
    # written (committed) with the "sending" state before the first provider call and kept for every
    # later try: a gateway that supports it drops a second request with the same key
    delivery_key = models.CharField(_("delivery key"), max_length=40, blank=True)
    sms_encoding = models.CharField(_("SMS encoding"), max_length=8, blank=True)
    sms_parts = models.PositiveSmallIntegerField(_("SMS parts"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [
            # the worker's and the sweep's query: due messages by status
            models.Index(fields=["status", "next_attempt_at"], name="notif_out_due_idx"),
            models.Index(fields=["office", "-created_at"], name="notif_out_office_idx"),
            models.Index(fields=["type", "-created_at"], name="notif_out_type_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.type} → {self.recipient} ({self.get_channel_display()})"

    def fill_sms_info(self) -> None:
        if self.channel == Channel.SMS:
            info = sms_info(self.body)
            self.sms_encoding, self.sms_parts = info.encoding, info.parts

    @property
    def can_retry(self) -> bool:
        return self.status in (Status.FAILED, Status.DEAD, Status.UNCERTAIN)
