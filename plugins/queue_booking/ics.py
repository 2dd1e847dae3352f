"""An iCalendar (RFC 5545) event for a booked visit."""

from __future__ import annotations

from typing import Any

from django.utils import timezone


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _utc(moment: Any) -> str:
    return moment.astimezone(timezone.UTC).strftime("%Y%m%dT%H%M%SZ")


def visit_ics(booking: Any, *, summary: str, description: str) -> str:
    office = booking.office
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Przystan//queue_booking//PL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.reference}@{office.code}.przystan",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(booking.slot.starts_at)}",
        f"DTEND:{_utc(booking.slot.ends_at)}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"LOCATION:{_escape(f'{office.name}, {office.street}, {office.postal_code} {office.city}')}",
        "BEGIN:VALARM",
        "TRIGGER:-PT2H",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
