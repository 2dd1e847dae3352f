"""A new status-check PIN for a person who lost theirs.

The new PIN is sent only to the e-mail address and phone number recorded on the case (never shown
to whoever asked), the old PIN stops working at once, at most ``PIN_RESETS_PER_DAY`` PINs are issued
per case in 24 hours, and each reset is audited (the case change with the PIN hash masked, plus a
:class:`~.models.PinReset` row).
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from przystan.audit.api import acting_as
from przystan.offices.enablement import plugin_config

from .numbering import hash_pin, new_pin

PIN_RESETS_PER_DAY = 3


def resets_per_day(office: Any) -> int:
    return int(plugin_config(office, "legalisation").get("pin_resets_per_day", PIN_RESETS_PER_DAY))


def _may_unlock(case: Any, by: Any) -> bool:
    """The signed-in applicant, or staff who may edit the case (access policy), lift a PIN lock."""
    from przystan import access

    from .policy import CASE

    if by is None:
        return False
    return by.pk == case.applicant_id or access.allows(by, "edit", CASE, case, office=case.office)


def reset_pin(case: Any, *, by: Any = None) -> bool:
    """Issue and send a new PIN; ``False`` when the case has no contact or its daily limit is reached."""
    from .models import Case, PinReset
    from .notifying import announce_new_pin
    from .services import _pin_length

    channels = ",".join(name for name, value in (("email", case.email), ("sms", case.phone)) if value)
    if not channels:
        return False
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        since = timezone.now() - datetime.timedelta(days=1)
        if locked.pin_resets.filter(at__gte=since).count() >= resets_per_day(locked.office):
            return False
        pin = new_pin(_pin_length(locked.office))
        locked.pin_hash = hash_pin(locked.number, pin)
        with acting_as(by, reason="status PIN reset"):
            locked.save(update_fields=["pin_hash", "updated_at"])
        PinReset.objects.create(case=locked, requested_by=by, channels=channels)
        if _may_unlock(locked, by):
            unlock(locked)  # asked for by the signed-in applicant or an officer: usable at once
        transaction.on_commit(lambda: announce_new_pin(locked, pin))
    case.refresh_from_db()
    return True


# ----------------------------------------------------------------------------- wrong-PIN lock per case

MAX_FAILURES = 10
FAILURE_WINDOW_SECONDS = 3600
LOCK_SECONDS = 3600


class PinCheck(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class PinOutcome:
    result: PinCheck
    locked_until: datetime.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.result is PinCheck.OK


def max_failures() -> int:
    return int(getattr(settings, "LEGALISATION_PIN_MAX_FAILURES", MAX_FAILURES))


def failure_window() -> datetime.timedelta:
    return datetime.timedelta(
        seconds=int(getattr(settings, "LEGALISATION_PIN_FAILURE_WINDOW", FAILURE_WINDOW_SECONDS))
    )


def lock_period() -> datetime.timedelta:
    return datetime.timedelta(seconds=int(getattr(settings, "LEGALISATION_PIN_LOCK_SECONDS", LOCK_SECONDS)))


def check_status_pin(case: Any, pin: str) -> PinOutcome:
    """Check a status PIN for ``case`` and count a wrong one against the case, from any address.

    While the case is locked the PIN is not even compared: the right one is refused too. The wrong
    PIN that reaches the limit locks the case and tells the person (:func:`.notifying.announce_pin_locked`).
    The counter row is locked (``SELECT … FOR UPDATE``), so parallel guesses in several processes
    are all counted.
    """
    from .models import PinGuard
    from .numbering import pin_matches

    now = timezone.now()
    with transaction.atomic():
        PinGuard.objects.get_or_create(case=case)
        guard = PinGuard.objects.select_for_update().get(case=case)
        if guard.locked_until is not None and guard.locked_until > now:
            return PinOutcome(PinCheck.LOCKED, guard.locked_until)
        if pin_matches(case, pin):
            if guard.failures or guard.locked_until:
                guard.failures, guard.window_started_at, guard.locked_until = 0, None, None
                guard.save(update_fields=["failures", "window_started_at", "locked_until"])
            return PinOutcome(PinCheck.OK)
        if guard.window_started_at is None or now - guard.window_started_at >= failure_window():
            guard.failures, guard.window_started_at = 0, now
        guard.failures += 1
        if guard.failures < max_failures():
            guard.save(update_fields=["failures", "window_started_at"])
            return PinOutcome(PinCheck.WRONG)
        failures = guard.failures
        guard.failures, guard.window_started_at = 0, None
        guard.locked_until = now + lock_period()
        guard.locks += 1
        guard.save()
        until = guard.locked_until
        transaction.on_commit(lambda: _announce_lock(case, until, failures))
    return PinOutcome(PinCheck.LOCKED, until)


def _announce_lock(case: Any, until: datetime.datetime, failures: int) -> None:
    from przystan.audit.api import record_event

    from .notifying import announce_pin_locked

    record_event(
        "denied", case, user=None, reason=f"status PIN check locked after {failures} wrong PINs until {until}"
    )
    announce_pin_locked(case, until)


def unlock(case: Any) -> None:
    """Clear the wrong-PIN counter and lock of ``case`` (a new PIN was issued)."""
    from .models import PinGuard

    PinGuard.objects.filter(case=case).update(failures=0, window_started_at=None, locked_until=None)


def pin_locked_message(until: datetime.datetime | None) -> str:
    """What the person checking a locked case is told (in the active language)."""
    from django.utils import formats
    from django.utils.translation import gettext as _

    when = formats.date_format(timezone.localtime(until), "DATETIME_FORMAT") if until else ""
    return _(
        "Too many wrong PINs were entered for this case, so its status check is locked until %(until)s, "
        "also for the right PIN. The person the case belongs to is told by e-mail or text message where "
        "the case has them. If you lost the PIN, ask for a new one."
    ) % {"until": when}
