"""Models of the hotel base, one module per area."""

from .cards import IdCard
from .layout import Bed, Building, HotelCentre, Room
from .referrals import Referral
from .residents import AccommodationNeeds, Placement
from .scans import MealIssue, MealKind, MealService, ScanEvent
from .transfers import Transfer, TransferMember

__all__ = [
    "Bed",
    "Building",
    "HotelCentre",
    "IdCard",
    "MealIssue",
    "MealKind",
    "MealService",
    "Placement",
    "Referral",
    "AccommodationNeeds",
    "Room",
    "ScanEvent",
    "Transfer",
    "TransferMember",
]
