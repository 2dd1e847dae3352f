"""Notices to persons through the core notifications service (SMS and e-mail in the person's language)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from przystan.notifications.errors import NotificationError
from przystan.notifications.rendering import render_message
from przystan.notifications.service import notify
from przystan.notifications.sms import sms_info

from ..models import NoticeBatch, NoticeRecipient, Person, Stay

PAYMENT_DATE_CHANGED = "serce.payment_date_changed"
ASSISTANCE_AVAILABLE = "serce.assistance_available"
SCHOOL_SUPPLIES_AVAILABLE = "serce.school_supplies_available"
LANGUAGES = ("pl", "en", "uk", "ru")
#: Default price of one SMS part in grosze for the cost estimate; an office sets its gateway's price in
#: the plugin config (``sms_part_price_grosze``), since contracts vary.
SMS_PART_PRICE_GROSZE = 8


def sms_part_price(office: Any) -> int:
    """The office's price of one SMS part in grosze (plugin config, else the default)."""
    from przystan.offices.enablement import plugin_config

    return int((plugin_config(office, "serce") or {}).get("sms_part_price_grosze", SMS_PART_PRICE_GROSZE))


@dataclass(frozen=True)
class NoticeKind:
    key: str
    label: Any
    placeholders: tuple[str, ...]


KINDS = {
    PAYMENT_DATE_CHANGED: NoticeKind(
        PAYMENT_DATE_CHANGED, _("Change of the benefit payment date"), ("new_date", "month")
    ),
    ASSISTANCE_AVAILABLE: NoticeKind(
        ASSISTANCE_AVAILABLE, _("Assistance available for collection"), ("what", "where", "from_date")
    ),
    SCHOOL_SUPPLIES_AVAILABLE: NoticeKind(
        SCHOOL_SUPPLIES_AVAILABLE, _("School supplies ready for collection"), ("where", "from_date")
    ),
}


def audience(
    persons: QuerySet[Person],
    *,
    centre: Any = None,
    outside: bool = False,
    nationality: str = "",
    language: str = "",
    with_children: bool = False,
) -> QuerySet[Person]:
    """Active persons of ``persons`` narrowed by the bulk-notice filter."""
    persons = persons.filter(status=Person.Status.ACTIVE)
    open_stays = Stay.objects.filter(date_to__isnull=True)
    if centre is not None:
        persons = persons.filter(pk__in=open_stays.filter(centre=centre).values("person_id"))
    elif outside:
        persons = persons.exclude(pk__in=open_stays.values("person_id"))
    if nationality:
        persons = persons.filter(nationality=nationality.upper())
    if language:
        persons = persons.filter(language=language)
    if with_children:
        persons = (
            persons.filter(household__members__household_role=Person.HouseholdRole.CHILD)
            .exclude(household_role=Person.HouseholdRole.CHILD)
            .distinct()
        )
    return persons.filter(~Q(phone="") | ~Q(email=""))


def preview(office: Any, notice_type: str, context: dict[str, Any]) -> list[dict[str, Any]]:
    """Per language: the SMS text, its parts, encoding and estimated cost (Cyrillic takes UCS-2)."""
    rows = []
    price = sms_part_price(office)
    for language in LANGUAGES:
        text = render_message(
            notice_type, "sms", language, {"person_name": "Olena Shevchenko", **context}, office
        ).body
        info = sms_info(text)
        rows.append(
            {
                "language": language,
                "text": text,
                "parts": info.parts,
                "encoding": info.encoding,
                "units": info.units,
                "cost_grosze": info.parts * price,
            }
        )
    return rows


@transaction.atomic
def send_bulk(
    office: Any,
    notice_type: str,
    persons: QuerySet[Person],
    context: dict[str, Any],
    channels: tuple[str, ...],
    user: Any,
    audience_filter: dict[str, Any],
) -> NoticeBatch:
    """Queue one message per person and channel (in the person's language); failures are recorded per recipient."""
    batch = NoticeBatch.objects.create(
        office=office,
        notice_type=notice_type,
        audience=audience_filter,
        context=context,
        channels=list(channels),
        created_by=user,
    )
    recipients = []
    for person in persons.iterator(chunk_size=500):
        for channel in channels:
            address = person.phone if channel == "sms" else person.email
            if not address:
                continue
            try:
                messages = notify(
                    notice_type,
                    office=office,
                    email=person.email if channel == "email" else None,
                    phone=person.phone if channel == "sms" else None,
                    language=person.language,
                    context={"person_name": person.full_name, **context},
                    channels=(channel,),
                )
                recipients.append(
                    NoticeRecipient(
                        batch=batch, person=person, channel=channel, message=messages[0] if messages else None
                    )
                )
            except NotificationError as exc:
                recipients.append(
                    NoticeRecipient(batch=batch, person=person, channel=channel, error=str(exc))
                )
    NoticeRecipient.objects.bulk_create(recipients)
    return batch


def delivery_summary_labels(batch: NoticeBatch) -> list[tuple[str, int]]:
    """:func:`delivery_summary` with the statuses' names (as staff screens show them)."""
    from django.utils.translation import gettext

    from przystan.notifications.models import Status

    names = {**dict(Status.choices), "error": gettext("not queued")}
    return [(str(names.get(status, status)), count) for status, count in delivery_summary(batch).items()]


def delivery_summary(batch: NoticeBatch) -> dict[str, int]:
    """Counts by delivery status (queued/sent/failed... from the outbox; ``error`` = not queued)."""
    summary: dict[str, int] = {}
    for recipient in batch.recipients.select_related("message"):
        status = recipient.message.status if recipient.message else "error"
        summary[status] = summary.get(status, 0) + 1
    return summary
