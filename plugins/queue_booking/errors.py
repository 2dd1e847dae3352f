"""Booking failures, each with a translated message for the person who made the request."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class BookingError(Exception):
    """Base class; ``code`` is stable for the API, ``message`` is shown to people."""

    code = "booking_error"
    message = _("The booking could not be made.")
    status = 400

    def __init__(self, message: object = None) -> None:
        super().__init__(str(message or self.message))
        if message is not None:
            self.message = message


class SlotGone(BookingError):
    code = "slot_gone"
    message = _("This time is no longer available. Please choose another one; nothing was booked.")
    status = 409


class DayFull(SlotGone):
    """No free time is left on the day of the time asked for (booking with ``if_taken="nearest"``)."""

    code = "day_full"
    message = _("No free time is left on that day. Please choose another day; nothing was booked.")


class SlotNotReleased(BookingError):
    code = "slot_not_released"
    message = _("This time cannot be booked yet.")
    status = 409


class AlreadyBooked(BookingError):
    code = "already_booked"
    message = _(
        "This person already has an active booking for this service. Cancel or reschedule it instead."
    )
    status = 409


class InvalidIdentity(BookingError):
    code = "invalid_identity"
    message = _("The identity document number does not have a valid format.")


class CaseNotFound(BookingError):
    code = "case_not_found"
    message = _("No live case matches this case number and code.")


class RateLimited(BookingError):
    code = "rate_limited"
    message = _("Too many attempts. Please try again later.")
    status = 429


class HoldExpired(BookingError):
    code = "hold_expired"
    message = _("The time held for you has expired and was offered to the next person.")
    status = 410


class IdempotencyConflict(BookingError):
    code = "idempotency_conflict"
    message = _("This request key was already used for a different booking.")
    status = 409


class IdempotencyMismatch(BookingError):
    code = "idempotency_key_reused"
    message = _(
        "This Idempotency-Key was already used with a different request. "
        "Send a new key for a new request, or repeat the first request unchanged."
    )
    status = 422


class NotCancellable(BookingError):
    code = "not_cancellable"
    message = _("This booking can no longer be changed.")
    status = 409


class IdentityMismatch(BookingError):
    code = "identity_mismatch"
    message = _("The document shown does not match the person who booked this visit.")
    status = 403


class RoundClosed(BookingError):
    code = "round_closed"
    message = _("This allocation round does not accept requests now.")
    status = 409


class NotVisitDay(BookingError):
    """Check-in is refused outside the visit's own day (office time zone)."""

    code = "not_visit_day"
    message = _("Check-in is possible only on the day of the visit.")
    status = 409

    def __init__(self, day: object = None) -> None:
        if day is None:
            super().__init__()
            return
        from django.utils.formats import date_format

        super().__init__(
            _("This visit is booked for %(date)s; check-in is possible only on the day of the visit.")
            % {"date": date_format(day, "d.m.Y")}
        )
