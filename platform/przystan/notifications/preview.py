"""Preview of an office's message template with sample values, and what an SMS of it costs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import translation

from .errors import UnknownNotificationType
from .models import Channel, MessageTemplate, compile_template
from .rendering import _one_line, _render_text
from .sms import sms_cost_text
from .types import get_type


@dataclass(frozen=True)
class TemplatePreview:
    subject: str
    body: str
    sms_cost: str
    error: str = ""


def sample_context(type_key: str) -> dict[str, Any]:
    """Each placeholder of the type shown as ``[name]``."""
    try:
        placeholders = get_type(type_key).placeholders
    except UnknownNotificationType:
        placeholders = ()
    return {name: f"[{name}]" for name in placeholders}


def preview_template(template: MessageTemplate) -> TemplatePreview:
    context = {"office": template.office, "language": template.language, **sample_context(template.type)}
    try:
        with translation.override(template.language or None):
            subject = _render_text(compile_template(template.subject), context) if template.subject else ""
            body = _render_text(compile_template(template.body), context).strip()
    except Exception as exc:  # a preview shows any problem instead of failing the editor
        return TemplatePreview("", "", "", f"{type(exc).__name__}: {exc}")
    cost = sms_cost_text(body) if template.channel == Channel.SMS else ""
    return TemplatePreview(_one_line(subject), body, cost)
