"""Models of the legalisation plugin: applications, cases and everything that happens to a case."""

from .applications import Application, ApplicationStatus, Attachment
from .cases import Case, CaseCounter, CaseReceipt, CaseSource, PinGuard, PinReset, StageChange, Team
from .communication import Message, SupplementRequest
from .counter import CounterCheck, CounterStatus
from .deadline_rules import DeadlineRule, DeadlineUnit, SuspensionPeriod
from .intake import ClaimAttempt, ClaimCode, MosPackage, QuarantinedPackage, QuarantineReason
from .routes import FilingRoute, FilingRouteKind, PreparationChecklist
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
    "DeadlineRule",
    "DeadlineUnit",
    "SuspensionPeriod",
    "CounterCheck",
    "CounterStatus",
    "FileMove",
    "FilingRoute",
    "FilingRouteKind",
    "Inquiry",
    "Message",
    "MosPackage",
    "PinGuard",
    "PinReset",
    "PreparationChecklist",
    "QuarantineReason",
    "QuarantinedPackage",
    "StageChange",
    "SupplementRequest",
    "Team",
]

from .letters import (  # noqa: E402
    DecisionRegister,
    Dispatch,
    InquiryReminder,
    Letter,
    LetterKind,
    LetterTemplate,
    LetterTemplateVersion,
)

__all__ += [
    "DecisionRegister",
    "Dispatch",
    "InquiryReminder",
    "Letter",
    "LetterKind",
    "LetterTemplate",
    "LetterTemplateVersion",
]
