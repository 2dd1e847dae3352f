"""Models of the information portal: pages, legal acts and what they need."""

from .legal import LegalAct, LegalActVersion
from .pages import (
    ContactPage,
    InformationIndexPage,
    InformationPage,
    LocationPage,
    PortalHomePage,
    ProcedurePage,
    SearchPage,
)
from .statements import AccessibilityDeclarationPage, PrivacyPage

__all__ = [
    "AccessibilityDeclarationPage",
    "ContactPage",
    "InformationIndexPage",
    "InformationPage",
    "LegalAct",
    "LegalActVersion",
    "LocationPage",
    "PortalHomePage",
    "PrivacyPage",
    "ProcedurePage",
    "SearchPage",
]
