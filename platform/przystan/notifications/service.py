"""The public API of the notifications service: :func:`notify` and :func:`deliver_due`.

``notify`` renders the message at once in the recipient's language, stores the rendered text in the
outbox (so what was sent is auditable) and enqueues its delivery when the transaction commits.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from przystan.offices.enablement import is_enabled

from .delivery import deliver_due, enqueue_delivery
from .errors import InvalidEmailAddress, InvalidPhoneNumber, MissingRecipient, UnsupportedChannel
from .models import Channel, OutboundMessage, Status
from .phones import normalize_phone
from .rendering import render_message
from .types import get_type

__all__ = ["deliver_due", "notify", "resolve_language"]

logger = logging.getLogger(__name__)


def resolve_language(language: str | None) -> str:
    """A language of ``settings.LANGUAGES`` for ``language`` ("uk-UA" → "uk"); the default otherwise."""
    if language:
        try:
            return translation.get_supported_language_variant(language)
        except LookupError:
            logger.warning("Unsupported notification language %r; using %s", language, settings.LANGUAGE_CODE)
    return settings.LANGUAGE_CODE


def _recipients(
    user: Any, email: str | None, phone: str | None, requested: tuple[str, ...] | None
) -> dict[str, str]:
    address = (email or getattr(user, "email", "") or "").strip()
    if address:
        try:
            validate_email(address)
        except ValidationError:
            raise InvalidEmailAddress(
                _("'%(email)s' is not a valid e-mail address.") % {"email": address}
            ) from None
    number = ""
    raw_phone = phone or getattr(user, "phone", "") or ""
    if raw_phone:
        try:
            number = normalize_phone(raw_phone)
        except InvalidPhoneNumber:
            if phone or (requested and Channel.SMS in requested):
                raise
            logger.warning("User %s has an invalid phone number; no SMS sent", getattr(user, "pk", None))
    return {Channel.EMAIL: address, Channel.SMS: number}


def notify(
    type_key: str,
    *,
    office: Any = None,
    user: Any = None,
    email: str | None = None,
    phone: str | None = None,
    language: str | None = None,
    context: dict[str, Any],
    channels: tuple[str, ...] | None = None,
) -> list[OutboundMessage]:
    """Render and queue ``type_key`` for the recipient on each channel; return the outbox rows.

    Recipient address, phone and language default from ``user``; ``channels`` default to the type's
    channels that have a recipient. Raises :class:`~.errors.UnknownNotificationType` for a type no
    plugin registered, :class:`~.errors.InvalidPhoneNumber`, :class:`~.errors.InvalidEmailAddress`,
    :class:`~.errors.UnsupportedChannel` or :class:`~.errors.MissingRecipient`.
    """
    notification_type = get_type(type_key)
    if office is not None and not is_enabled(office, notification_type.plugin):
        logger.info(
            "Not sending %s: plugin %s is disabled for office %s",
            type_key,
            notification_type.plugin,
            office.pk,
        )
        return []
    requested = tuple(channels) if channels is not None else None
    recipients = _recipients(user, email, phone, requested)
    if requested is None:
        selected = [channel for channel in notification_type.channels if recipients.get(channel)]
    else:
        for channel in requested:
            if channel not in notification_type.channels:
                raise UnsupportedChannel(
                    _("Notification type '%(type)s' is not sent by '%(channel)s' (it uses: %(channels)s).")
                    % {
                        "type": type_key,
                        "channel": channel,
                        "channels": ", ".join(notification_type.channels),
                    }
                )
            if not recipients.get(channel):
                raise MissingRecipient(
                    _(
                        "No recipient for channel '%(channel)s' of '%(type)s': give an e-mail address or phone "
                        "number, or a user who has one."
                    )
                    % {"channel": channel, "type": type_key}
                )
        selected = list(dict.fromkeys(requested))
    if not selected:
        logger.warning("Notification %s has no recipient on any channel; nothing queued", type_key)
        return []
    language = resolve_language(language or getattr(user, "preferred_language", None))
    now = timezone.now()
    messages = []
    with transaction.atomic():
        for channel in selected:
            rendered = render_message(type_key, channel, language, context, office)
            message = OutboundMessage(
                office=office,
                type=type_key,
                channel=channel,
                recipient=recipients[channel],
                user=user if getattr(user, "pk", None) else None,
                language=language,
                subject=rendered.subject,
                body=rendered.body,
                html_body=rendered.html_body,
                status=Status.QUEUED,
                next_attempt_at=now,
            )
            message.fill_sms_info()
            message.save()
            transaction.on_commit(lambda pk=message.pk: enqueue_delivery(pk), robust=True)
            messages.append(message)
    return messages
