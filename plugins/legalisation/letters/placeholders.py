"""The placeholders a letter template may use, their validation on save and the rendering of a text.

A placeholder is a name in braces, ``{case_number}``. A name not listed in :data:`PLACEHOLDERS` is a
validation error when the template is saved (with the allowed names in the message), so a letter can
never go out with ``{typo}`` in it. Rendering substitutes plain values (no attribute access, no format
specifications); ``{{`` and ``}}`` stay literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS: dict[str, object] = {
    "case_number": _("the case number"),
    "applicant_name": _("the name of the party"),
    "passport_number": _("the party's passport number"),
    "application_type": _("the kind of application"),
    "filed_on": _("the date the application was filed"),
    "office_name": _("the office's name"),
    "office_address": _("the office's address"),
    "due_date": _("the date by which to act or answer"),
    "legal_basis": _("the legal basis of the template"),
    "decision_number": _("the number from the decision register"),
    "date": _("the date of the letter"),
    "place": _("the place of the letter"),
    "signatory": _("who signs"),
    "authority": _("the authority asked (inquiries)"),
    "details": _("what the officer writes when issuing (what is missing, the appointment, the question)"),
}

TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names used in ``text``, in order (``{{``/``}}`` are literal braces)."""
    return [m.group(1) for m in TOKEN.finditer(text or "") if m.group(1) is not None]


def unknown_placeholders(texts: Iterable[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for name in placeholders_in(text):
            if name not in PLACEHOLDERS and name not in found:
                found.append(name)
    return found


def validate_placeholders(text: str) -> None:
    """A field validator: every ``{name}`` in ``text`` must be a known placeholder."""
    unknown = unknown_placeholders([text])
    if unknown:
        raise ValidationError(
            _("Unknown placeholder %(names)s. Allowed: %(allowed)s."),
            code="unknown_placeholder",
            params={
                "names": ", ".join("{" + name + "}" for name in unknown),
                "allowed": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
            },
        )


def render_text(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every placeholder replaced by its value (a missing value becomes empty)."""

    def substitute(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return str(values.get(match.group(1), ""))

    return TOKEN.sub(substitute, text or "")
