"""Tell the person about their case (e-mail/SMS in their language) and tell other plugins (hooks)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.urls import reverse

from przystan.notifications.errors import NotificationError
from przystan.offices.enablement import hooks_for_office

from .stages import stage

logger = logging.getLogger(__name__)

STAGE_CHANGED = "legalisation.stage_changed"
MESSAGE_RECEIVED = "legalisation.message_received"
SUPPLEMENT_REQUESTED = "legalisation.supplement_requested"
PIN_RESET = "legalisation.pin_reset"


def case_url(case: Any) -> str:
    base = str(getattr(settings, "PRZYSTAN_SITE_URL", "")).rstrip("/")
    return base + reverse("legalisation:case", args=[case.number])


def _send(type_key: str, case: Any, context: dict[str, Any]) -> None:
    from przystan.notifications.service import notify

    if not (case.email or case.phone):
        return
    try:
        notify(
            type_key,
            office=case.office,
            user=case.applicant,
            email=case.email or None,
            phone=case.phone or None,
            language=case.language,
            context={"case_number": case.number, "case_url": case_url(case), **context},
        )
    except NotificationError:
        logger.exception("Could not queue %s for case %s", type_key, case.number)


def announce_stage(case: Any, old_stage: str, new_stage: str, actor: Any) -> None:
    """Notify the person and call ``case_status_changed`` for every plugin enabled in the office."""
    info = stage(new_stage)
    _send(
        STAGE_CHANGED,
        case,
        {
            "stage_code": new_stage,
            "stage_name_pl": str(info.name),
            "deadline": case.legal_deadline.isoformat() if case.legal_deadline else "",
        },
    )
    hooks_for_office(case.office).case_status_changed(
        office=case.office,
        case_reference=case.number,
        old_stage=old_stage,
        new_stage=new_stage,
        actor=actor,
        context={
            "application_type": case.application_type,
            "person_email": case.email,
            "person_phone": case.phone,
            "language": case.language,
            "deadline": case.legal_deadline,
        },
    )


def announce_message(case: Any) -> None:
    _send(MESSAGE_RECEIVED, case, {})


def announce_supplement(case: Any, request: Any) -> None:
    _send(SUPPLEMENT_REQUESTED, case, {"due_date": request.due_date.isoformat(), "text": request.text})


def announce_new_pin(case: Any, pin: str) -> None:
    """Send the new status-check PIN to the contact recorded on the case (nowhere else)."""
    _send(PIN_RESET, case, {"pin": pin, "status_url": status_url()})


def status_url() -> str:
    base = str(getattr(settings, "PRZYSTAN_SITE_URL", "")).rstrip("/")
    return base + reverse("legalisation:status")


PIN_LOCKED = "legalisation.pin_locked"


def announce_pin_locked(case: Any, until: Any) -> None:
    """Tell the person that too many wrong PINs locked the status check of their case until ``until``."""
    from django.utils import formats, timezone
    from django.utils.translation import override

    with override(case.language or None):
        when = formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")
    _send(PIN_LOCKED, case, {"locked_until": when, "status_url": status_url()})
