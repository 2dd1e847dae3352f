"""Invitations to book a visit when a case reaches a stage that needs one (via ``case_status_changed``)."""

from __future__ import annotations

from typing import Any

from ..models import ServiceCode, ServiceType
from .notifications import INVITATION, send, site_url


def invite_to_book(office: Any, service: str, case_reference: str, context: dict[str, Any]) -> int:
    """Send the invitation in the person's language; nothing when the office does not offer the service."""
    if not ServiceType.objects.filter(office=office, code=service, active=True).exists():
        return 0
    return send(
        INVITATION,
        office=office,
        email=str(context.get("person_email") or ""),
        phone=str(context.get("person_phone") or ""),
        language=str(context.get("language") or "pl"),
        context={
            "office_name": office.name,
            "service": str(ServiceCode(service).label),
            "case_reference": case_reference,
            "booking_url": f"{site_url(office)}/booking/{service}/?case={case_reference}",
        },
    )
