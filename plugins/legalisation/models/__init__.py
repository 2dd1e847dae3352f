"""Models of the legalisation plugin: applications, cases and everything that happens to a case."""

from .applications import Application, ApplicationStatus, Attachment
from .cases import Case, CaseCounter, CaseReceipt, CaseSource, PinGuard, PinReset, StageChange, Team
from .communication import Message, SupplementRequest
from .counter import CounterCheck, CounterStatus
from .tracking import FileMove, Inquiry

__all__ = [
    "Application",
    "ApplicationStatus",
    "Attachment",
    "Case",
    "CaseCounter",
    "CaseSource",
    "CaseReceipt",
    "CounterCheck",
    "CounterStatus",
    "FileMove",
    "Inquiry",
    "Message",
    "PinGuard",
    "PinReset",
    "StageChange",
    "SupplementRequest",
    "Team",
]
