"""Identity of the person a booking is bound to: document numbers checked and stored only as HMACs.

A document number is normalised (upper case, no spaces or dashes), checked against the format of its
kind and stored as HMAC-SHA256 keyed with ``PRZYSTAN_BOOKING_IDENTITY_KEY`` (falls back to a key
derived from ``SECRET_KEY``), so the database never holds the number while check-in can still compare.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from .errors import CaseNotFound, InvalidIdentity
from .models import DocumentKind

FORMATS: dict[str, re.Pattern[str]] = {
    # passports: 6-9 letters/digits with at least 5 digits (PL: AB1234567, UA: FA123456, ...)
    DocumentKind.PASSPORT: re.compile(r"^(?=(?:[A-Z]*\d){5})[A-Z0-9]{6,9}$"),
    # Polish residence card: two letters and seven digits
    DocumentKind.RESIDENCE_CARD: re.compile(r"^[A-Z]{2}\d{7}$"),
    DocumentKind.TRAVEL_DOCUMENT: re.compile(r"^(?=(?:[A-Z]*\d){5})[A-Z0-9]{6,12}$"),
}


def normalise_document(number: str) -> str:
    return re.sub(r"[\s\-./]", "", number or "").upper()


def validate_document(kind: str, number: str) -> str:
    """The normalised number, or :class:`InvalidIdentity` with a translated message."""
    pattern = FORMATS.get(kind)
    normalised = normalise_document(number)
    if pattern is None or not pattern.match(normalised):
        raise InvalidIdentity()
    return normalised


def _key() -> bytes:
    configured = getattr(settings, "PRZYSTAN_BOOKING_IDENTITY_KEY", "")
    if configured:
        return configured.encode()
    return hashlib.sha256(f"przystan.queue_booking.identity:{settings.SECRET_KEY}".encode()).digest()


def identity_hash(kind: str, number: str) -> str:
    """HMAC-SHA256 (hex) of the validated, normalised document number and its kind."""
    normalised = validate_document(kind, number)
    return hmac.new(_key(), f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Applicant:
    """Who a booking is for, after the identity checks (document hashed, case verified)."""

    full_name: str
    document_kind: str
    identity_hash: str
    person_key: str
    case_reference: str = ""
    email: str = ""
    phone: str = ""
    language: str = "pl"


def resolve_applicant(
    office: Any,
    *,
    service_type: Any,
    full_name: str,
    document_kind: str,
    document_number: str,
    case_reference: str = "",
    case_code: str = "",
    email: str = "",
    phone: str = "",
    language: str = "pl",
) -> Applicant:
    """Validate the identity; a service requiring a live case asks the case module through ``case_lookup``.

    The person key is the case's ``person_key`` when a case backs the booking (so one person cannot
    book twice with two documents), otherwise the document HMAC.
    """
    from przystan.offices.enablement import hooks_for_office

    hashed = identity_hash(document_kind, document_number)
    person_key = hashed
    reference = ""
    hooks = hooks_for_office(office)
    case_module_answers = bool(hooks.case_lookup.get_hookimpls())
    if case_module_answers and (service_type.requires_live_case or (case_reference or "").strip()):
        reference = (case_reference or "").strip().upper()
        if not reference:
            raise CaseNotFound()
        found = hooks.case_lookup(office=office, reference=reference, secret=(case_code or "").strip())
        if not found or not found.get("live"):
            raise CaseNotFound()
        person_key = str(found.get("person_key") or hashed)[:64]
    return Applicant(
        full_name=" ".join((full_name or "").split())[:150],
        document_kind=document_kind,
        identity_hash=hashed,
        person_key=person_key,
        case_reference=reference,
        email=(email or "").strip(),
        phone=(phone or "").strip(),
        language=language or "pl",
    )
