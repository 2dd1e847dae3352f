"""Models of the queue_booking plugin (one module per concern)."""

from .bookings import ACTIVE_STATUSES, Booking, BookingSource, BookingStatus, DocumentKind, TicketCounter
from .fairness import (
    AllocationRequest,
    AllocationRound,
    OutOfQueueKind,
    OutOfQueueRequest,
    OutOfQueueStatus,
    WaitingListEntry,
    WaitingStatus,
)
from .pages import VisitBookingPage
from .setup import ScheduleException, ServiceCode, ServicePoint, ServiceType, Slot, WeeklySchedule

__all__ = [
    "ACTIVE_STATUSES",
    "AllocationRequest",
    "AllocationRound",
    "Booking",
    "BookingSource",
    "BookingStatus",
    "DocumentKind",
    "OutOfQueueKind",
    "OutOfQueueRequest",
    "OutOfQueueStatus",
    "ScheduleException",
    "ServiceCode",
    "ServicePoint",
    "ServiceType",
    "Slot",
    "TicketCounter",
    "VisitBookingPage",
    "WaitingListEntry",
    "WaitingStatus",
    "WeeklySchedule",
]
