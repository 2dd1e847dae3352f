"""Render a message of a type in a language: an office's override first, then the template files.

Default templates are ``notifications/<type>/subject.txt``, ``body.txt`` (optional ``body.html``) and
``sms.txt``, found through Django's template loaders in any app, so a plugin ships its own. They are
rendered with the recipient's language active, so ``{% translate %}`` comes out in that language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext as _

from .errors import TemplateMissing
from .models import Channel, MessageTemplate, compile_template

SUBJECT_MAX_LENGTH = 255


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str
    html_body: str = ""
    source: str = ""  # "override:<pk>" or "files", for the audit trail and tests


def find_override(type_key: str, channel: str, language: str, office: Any) -> MessageTemplate | None:
    """The active override for ``office`` if there is one, else the active one for all offices."""
    candidates = MessageTemplate.objects.filter(
        type=type_key, channel=channel, language=language, active=True
    )
    if office is None:
        return candidates.filter(office__isnull=True).first()
    return candidates.filter(office=office).first() or candidates.filter(office__isnull=True).first()


def _render_text(template: Any, context: dict[str, Any]) -> str:
    return template.render(Context(context, autoescape=False))


def _file_template(type_key: str, name: str, *, required: bool = True) -> Any:
    path = f"notifications/{type_key}/{name}"
    try:
        return get_template(path)
    except TemplateDoesNotExist:
        if required:
            raise TemplateMissing(
                _("No template '%(path)s' for notification type '%(type)s' (and no active override).")
                % {"path": path, "type": type_key}
            ) from None
        return None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:SUBJECT_MAX_LENGTH]


def render_message(
    type_key: str, channel: str, language: str, context: dict[str, Any], office: Any = None
) -> RenderedMessage:
    """Render ``type_key`` for ``channel`` in ``language`` (overrides for ``office`` win over files)."""
    full_context = {"office": office, "language": language, **context}
    override = find_override(type_key, channel, language, office)
    with translation.override(language):
        if override is not None:
            subject = (
                _render_text(compile_template(override.subject), full_context) if channel == "email" else ""
            )
            body = _render_text(compile_template(override.body), full_context)
            return RenderedMessage(_one_line(subject), body.strip(), "", f"override:{override.pk}")
        if channel == Channel.SMS:
            body = _render_text(_file_template(type_key, "sms.txt").template, full_context)
            return RenderedMessage("", body.strip(), "", "files")
        subject = _render_text(_file_template(type_key, "subject.txt").template, full_context)
        body = _render_text(_file_template(type_key, "body.txt").template, full_context)
        html_template = _file_template(type_key, "body.html", required=False)
        html = html_template.render(full_context) if html_template is not None else ""
        return RenderedMessage(_one_line(subject), body.strip() + "\n", html, "files")
