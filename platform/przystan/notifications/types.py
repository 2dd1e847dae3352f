"""Notification types come from the plugin system's ``notification_types`` registry."""

from __future__ import annotations

from django.utils.translation import gettext as _

from przystan.pluginsys.contributions import NotificationType
from przystan.pluginsys.manager import get_plugin_system

from .errors import UnknownNotificationType

CHANNELS = ("email", "sms")


def registered_types() -> list[NotificationType]:
    return list(get_plugin_system().registry("notification_types"))


def get_type(type_key: str) -> NotificationType:
    """The registered type ``type_key`` or :class:`UnknownNotificationType` naming the known ones."""
    registry = get_plugin_system().registry("notification_types")
    if type_key not in registry:
        known = ", ".join(sorted(item.name for item in registry)) or "-"
        raise UnknownNotificationType(
            _(
                "Unknown notification type '%(type)s'; a plugin must register it first. Registered types: %(known)s."
            )
            % {"type": type_key, "known": known}
        )
    return registry.get(type_key)


def type_choices() -> list[tuple[str, str]]:
    return [(item.name, f"{item.label} ({item.name})") for item in registered_types()]
