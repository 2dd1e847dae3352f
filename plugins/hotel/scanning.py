"""What happens when a card is scanned at a centre: check-in, check-out or a meal.

A keyboard-wedge scanner types the card number followed by Enter into the scan page. The lookup is
one indexed query (card number → valid card → person and open placement); a second meal in the same
service is refused by a unique constraint, so two desks scanning at once cannot both hand it out.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from plugins.serce.models import Centre, Person
from przystan.offices.enablement import plugin_config

from .models import IdCard, MealIssue, MealKind, MealService, Placement, ScanEvent
from .register_data import register_data

DEFAULT_ABSENCE_DAYS = 3
CHECK_IN, CHECK_OUT, MEAL = "in", "out", "meal"
ACTIONS = (CHECK_IN, CHECK_OUT, MEAL)
_CODE = re.compile(r"[^A-Z0-9-]")


@dataclass
class ScanResult:
    ok: bool
    message: str
    code: str
    person: Person | None = None
    placement: Placement | None = None
    card: IdCard | None = None
    absent_days: int | None = None  # set when the person had not been seen for the configured days


def absence_days(office: Any) -> int:
    return int(plugin_config(office, "hotel").get("absence_after_days", DEFAULT_ABSENCE_DAYS))


def normalise(raw: str) -> str:
    """Scanner input as typed: upper-case, without spaces or stray characters a wedge may add."""
    return _CODE.sub("", (raw or "").strip().upper())


def find_card(code: str) -> IdCard | None:
    """The card with this number (valid or not), with its person: one indexed query."""
    return IdCard.objects.select_related("person").filter(number=code).first()


def lookup(code: str, centre: Centre) -> tuple[IdCard | None, Placement | None]:
    card = find_card(code)
    if card is None or card.revoked_at is not None:
        return card, None
    placement = (
        Placement.objects.select_related("bed__room")
        .filter(person_id=card.person_id, centre=centre, ended_at__isnull=True)
        .first()
    )
    return card, placement


def scan(
    *,
    office: Any,
    centre: Centre,
    raw: str,
    action: str,
    user: Any,
    meal: str | None = None,
    now: datetime.datetime | None = None,
) -> ScanResult:
    now = now or timezone.now()
    code = normalise(raw)
    if not code:
        return ScanResult(False, _("Nothing was scanned. Scan the card again."), code)
    card, placement = lookup(code, centre)
    if card is None:
        return _refuse(centre, code, user, None, _("Unknown card %(code)s.") % {"code": code})
    person = card.person
    if card.revoked_at is not None:
        return _refuse(
            centre,
            code,
            user,
            person,
            _("Card %(code)s is no longer valid (a new card was issued).") % {"code": code},
        )
    if placement is None:
        return _refuse(
            centre, code, user, person, _("%(person)s does not live in this centre.") % {"person": person}
        )

    absent = None
    threshold = absence_days(office)
    away = now - placement.last_seen_at
    if away >= datetime.timedelta(days=threshold):
        absent = away.days

    result = ScanResult(True, "", code, person=person, placement=placement, card=card, absent_days=absent)
    if action == MEAL:
        return _meal(result, centre, meal, user, now)
    if action == CHECK_OUT:
        placement.present = False
        result.message = _("%(person)s checked out.") % {"person": person}
        kind = ScanEvent.Kind.CHECK_OUT
    else:
        placement.present = True
        result.message = _("%(person)s checked in.") % {"person": person}
        kind = ScanEvent.Kind.CHECK_IN
    placement.last_seen_at = now
    placement.save(update_fields=["present", "last_seen_at"])
    ScanEvent.objects.create(centre=centre, person=person, card_number=code, kind=kind, by=user)
    return result


def _meal(
    result: ScanResult, centre: Centre, meal: str | None, user: Any, now: datetime.datetime
) -> ScanResult:
    person, placement = result.person, result.placement
    if meal not in MealKind.values:
        result.ok = False
        result.message = _("Choose the meal being served.")
        return result
    if register_data(person).cash_food:
        result.ok = False
        result.message = _("%(person)s receives the food equivalent instead of meals.") % {"person": person}
        ScanEvent.objects.create(
            centre=centre,
            person=person,
            card_number=result.code,
            kind=ScanEvent.Kind.REFUSED,
            detail=result.message,
            by=user,
        )
        return result
    service, _created = MealService.objects.get_or_create(
        centre=centre, date=timezone.localdate(now), kind=meal
    )
    try:
        with transaction.atomic():
            MealIssue.objects.create(service=service, person=person, issued_by=user)
    except IntegrityError:
        first = MealIssue.objects.filter(service=service, person=person).first()
        result.ok = False
        result.message = _("BLOCKED: %(person)s already received %(meal)s today at %(time)s.") % {
            "person": person,
            "meal": service.get_kind_display(),
            "time": time_format(timezone.localtime(first.issued_at), "H:i") if first else "",
        }
        ScanEvent.objects.create(
            centre=centre,
            person=person,
            card_number=result.code,
            kind=ScanEvent.Kind.REFUSED,
            detail=result.message,
            by=user,
        )
        return result
    placement.last_seen_at = now
    placement.present = True
    placement.save(update_fields=["present", "last_seen_at"])
    ScanEvent.objects.create(
        centre=centre, person=person, card_number=result.code, kind=ScanEvent.Kind.MEAL, detail=meal, by=user
    )
    result.message = _("%(meal)s for %(person)s.") % {
        "meal": service.get_kind_display().capitalize(),
        "person": person,
    }
    return result


def _refuse(centre: Centre, code: str, user: Any, person: Person | None, message: str) -> ScanResult:
    ScanEvent.objects.create(
        centre=centre,
        person=person,
        card_number=code[:64],
        kind=ScanEvent.Kind.REFUSED,
        detail=message[:200],
        by=user,
    )
    return ScanResult(False, message, code, person=person)


def current_meal(now: datetime.datetime | None = None) -> str:
    """The meal usually served at this hour (the scan page preselects it)."""
    hour = timezone.localtime(now or timezone.now()).hour
    if hour < 11:
        return MealKind.BREAKFAST
    if hour < 16:
        return MealKind.LUNCH
    return MealKind.DINNER
