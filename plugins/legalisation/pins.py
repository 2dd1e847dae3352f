"""A new status-check PIN for a person who lost theirs.

The new PIN is sent only to the e-mail address and phone number recorded on the case (never shown
to whoever asked), the old PIN stops working at once, at most ``PIN_RESETS_PER_DAY`` PINs are issued
per case in 24 hours, and each reset is audited (the case change with the PIN hash masked, plus a
:class:`~.models.PinReset` row).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from przystan.audit.api import acting_as
from przystan.offices.enablement import plugin_config

from .numbering import hash_pin, new_pin

PIN_RESETS_PER_DAY = 3


def resets_per_day(office: Any) -> int:
    return int(plugin_config(office, "legalisation").get("pin_resets_per_day", PIN_RESETS_PER_DAY))


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
        transaction.on_commit(lambda: announce_new_pin(locked, pin))
    case.refresh_from_db()
    return True
