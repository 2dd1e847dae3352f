"""Models of the information portal: pages, legal acts and what they need."""

from .legal import LegalAct, LegalActVersion
from .pages import (
    AccessibilityDeclarationPage,
    ContactPage,
    InformationIndexPage,
    InformationPage,
    LocationPage,
    PortalHomePage,
    ProcedurePage,
    SearchPage,
)

__all__ = [
    "AccessibilityDeclarationPage",
    "ContactPage",
    "InformationIndexPage",
    "InformationPage",
    "LegalAct",
    "LegalActVersion",
    "LocationPage",
    "PortalHomePage",
    "ProcedurePage",
    "SearchPage",
]
