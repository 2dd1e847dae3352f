"""Core hooks of przystan.notifications (registered as the always-enabled plugin core.notifications)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import NotificationType
from przystan.pluginsys.markers import hookimpl

TEST_MESSAGE = "core.test_message"


@hookimpl
def notification_types() -> list[NotificationType]:
    return [
        NotificationType(
            TEST_MESSAGE,
            label=_("Test message"),
            channels=("email", "sms"),
            placeholders=("office_name", "sent_by"),
            description=_("Sent from the outbox by staff to check that e-mail and SMS delivery work."),
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from przystan.access import Action, Resource

    return [
        Resource(
            "notifications.outbox",
            label=_("Outbox"),
            actions=(Action.VIEW, Action.MANAGE),
            model="notifications.OutboundMessage",
            description=_(
                "E-mails and SMS sent or waiting; manage: retry a failed one, send a test message."
            ),
        ),
        Resource(
            "notifications.template",
            label=_("Message templates"),
            actions=(Action.VIEW, Action.MANAGE),
            model="notifications.MessageTemplate",
            description=_(
                "The office's own wording of e-mails and SMS (installation-wide ones have no office)."
            ),
        ),
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Scope, grants

    both = ("view", "manage")
    return [
        *grants("office_admin", Scope.OFFICE, {"notifications.outbox": both, "notifications.template": both}),
        *grants("supervisor", Scope.OFFICE, {"notifications.outbox": "view"}),
        *grants(
            "platform_admin",
            Scope.INSTALLATION,
            {"notifications.outbox": both, "notifications.template": both},
        ),
    ]
