"""Reminders of overdue inquiries: to the authority (an electronic dispatch) and to the handler (shown
on the staff case page), at most once per reminder period (``inquiry_reminder_every_days`` in the
plugin's office configuration, default 7). Run by the periodic job ``legalisation.inquiry-reminders``.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from przystan import dispatch
from przystan.offices.enablement import plugin_config

logger = logging.getLogger(__name__)


def reminder_every_days(office: Any) -> int:
    try:
        return max(1, int(plugin_config(office, "legalisation").get("inquiry_reminder_every_days", 7)))
    except (TypeError, ValueError):
        return 7


def period_of(due_on: datetime.date, today: datetime.date, every: int) -> int:
    """0 for the first ``every`` days after the due date, 1 for the next ``every`` days, …"""
    return ((today - due_on).days - 1) // every


def send_due_reminders(office: Any, today: datetime.date | None = None) -> dict[str, int]:
    """Send the reminders due today for ``office``; returns ``{"sent": n, "failed": n}``."""
    from ..models import Inquiry

    today = today or timezone.localdate()
    every = reminder_every_days(office)
    sent = failed = 0
    overdue = (
        Inquiry.objects.filter(case__office=office, answered_on__isnull=True, due_on__lt=today)
        .exclude(case__stage__in=_done_stages())
        .select_related("case", "case__office")
    )
    for inquiry in overdue:
        period = period_of(inquiry.due_on, today, every)
        try:
            if _remind(inquiry, period, today):
                sent += 1
        except dispatch.DispatchError as exc:
            failed += 1
            logger.warning("inquiry %s: reminder not sent: %s", inquiry.pk, exc)
    return {"sent": sent, "failed": failed}


def _done_stages() -> tuple[str, ...]:
    from ..deadlines import DONE

    return tuple(DONE)


def _remind(inquiry: Any, period: int, today: datetime.date) -> bool:
    """One reminder for ``inquiry`` in ``period``; ``False`` when another run already sent it. A failed
    dispatch keeps nothing, so the next run tries again."""
    from ..models import Dispatch, InquiryReminder

    case = inquiry.case
    with transaction.atomic():
        try:
            with transaction.atomic():
                reminder = InquiryReminder.objects.create(inquiry=inquiry, period=period)
        except IntegrityError:
            return False
        with translation.override("pl"):
            subject = _("Reminder: inquiry in case %(number)s") % {"number": case.number}
            body = _(
                "On %(sent)s we asked for information in case %(number)s (%(name)s); the answer was "
                "due on %(due)s. Please answer as soon as possible."
            ) % {
                "sent": formats.date_format(inquiry.sent_on, "SHORT_DATE_FORMAT"),
                "number": case.number,
                "name": case.person_name,
                "due": formats.date_format(inquiry.due_on, "SHORT_DATE_FORMAT"),
            }
        result = dispatch.send(
            case.office,
            dispatch.OutgoingMessage(
                recipient=inquiry.authority,
                reference=case.number,
                subject=subject,
                body=body,
                purpose="reminder",
            ),
        )
        letter = getattr(inquiry, "letter", None)
        reminder.dispatch = Dispatch.objects.create(
            letter=letter,
            inquiry=inquiry,
            purpose="reminder",
            recipient=inquiry.authority,
            adapter=result.adapter,
            dispatch_id=result.dispatch_id,
            status=result.status,
            delivered_at=result.delivered_at,
        )
        reminder.save(update_fields=["dispatch"])
    return True
