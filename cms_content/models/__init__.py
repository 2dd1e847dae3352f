"""Models of the information portal: pages, legal acts and what they need."""

from .legal import LegalAct
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
    "LocationPage",
    "PortalHomePage",
    "ProcedurePage",
    "SearchPage",
]
