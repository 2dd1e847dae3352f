"""Models of the legalisation plugin: applications, cases and everything that happens to a case."""

from .applications import Application, ApplicationStatus, Attachment
from .cases import Case, CaseCounter, CaseReceipt, CaseSource, PinGuard, PinReset, StageChange, Team
from .communication import Message, SupplementRequest
from .intake import ClaimAttempt, ClaimCode, MosPackage, QuarantinedPackage, QuarantineReason
from .tracking import FileMove, Inquiry

__all__ = [
    "Application",
    "ApplicationStatus",
    "Attachment",
    "Case",
    "CaseCounter",
    "ClaimAttempt",
    "ClaimCode",
    "CaseSource",
    "CaseReceipt",
    "FileMove",
    "Inquiry",
    "Message",
    "MosPackage",
    "PinGuard",
    "PinReset",
    "QuarantineReason",
    "QuarantinedPackage",
    "StageChange",
    "SupplementRequest",
    "Team",
]
