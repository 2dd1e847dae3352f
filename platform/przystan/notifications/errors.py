"""Errors raised by the notifications service (messages are meant for developers and staff)."""

from __future__ import annotations


class NotificationError(Exception):
    """Base class of the notifications service's errors."""


class UnknownNotificationType(NotificationError, LookupError):
    """A message of a type no plugin registered was asked for."""


class InvalidPhoneNumber(NotificationError, ValueError):
    """A phone number cannot be turned into E.164."""


class MissingRecipient(NotificationError, ValueError):
    """A channel was requested but there is no address or phone number to send it to."""


class UnsupportedChannel(NotificationError, ValueError):
    """A channel was requested that the notification type does not declare."""


class TemplateMissing(NotificationError, LookupError):
    """Neither an office override nor a template file exists for a type, channel and part."""


class InvalidEmailAddress(NotificationError, ValueError):
    """An e-mail address that cannot be sent to."""
