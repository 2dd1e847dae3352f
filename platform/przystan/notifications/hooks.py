"""Core hooks of przystan.notifications (registered as the always-enabled plugin core.notifications)."""

from __future__ import annotations

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
