"""Models of the legalisation plugin: applications, cases and everything that happens to a case."""

from .applications import Application, ApplicationStatus, Attachment
from .cases import Case, CaseCounter, CaseReceipt, CaseSource, PinGuard, PinReset, StageChange, Team
from .communication import Message, SupplementRequest
from .tracking import FileMove, Inquiry

__all__ = [
    "Application",
    "ApplicationStatus",
    "Attachment",
    "Case",
    "CaseCounter",
    "CaseSource",
    "CaseReceipt",
    "FileMove",
    "Inquiry",
    "Message",
    "PinGuard",
    "PinReset",
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
