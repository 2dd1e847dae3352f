"""Template filters naming stages, fee statuses and document kinds in the active language, and amounts."""

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from ..stages import STAGES_BY_CODE

register = template.Library()


@register.filter
def stage_label(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.name) if found else code


@register.filter
def stage_meaning(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.meaning) if found else ""


@register.filter
def stage_action(code: str) -> str:
    found = STAGES_BY_CODE.get(code)
    return str(found.next_action) if found else ""


@register.filter
def zl(grosze: Any) -> str:
    """An amount in grosze as złote: ``34000`` → ``340,00 zł`` (never the grosze themselves)."""
    try:
        value = int(grosze)
    except (TypeError, ValueError):
        return ""
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 100:,}".replace(",", "\u00a0") + f",{value % 100:02d}\u00a0zł"


PAYMENT_STATUS = {
    "paid": _("paid"),
    "pending": _("pending"),
    "refunded": _("refunded"),
    "unpaid": _("unpaid"),
    "exempt": _("exempt (no payment)"),
}
ATTACHMENT_KINDS = {
    "message": _("Attachment to a message"),
    "supplement": _("Documents sent on request"),
    "employer_annex": _("Employer's annex"),
}


@register.filter
def payment_status(code: str) -> str:
    """A fee's status from the ``case_payments`` hook, in words."""
    return str(PAYMENT_STATUS.get(code, code))


@register.filter
def attachment_kind(code: str) -> str:
    """The name of a document kind (an application type's attachment, or a message/supplement file)."""
    from ..application_types import TYPES

    if code in ATTACHMENT_KINDS:
        return str(ATTACHMENT_KINDS[code])
    for kind in TYPES:
        for spec in kind.attachments:
            if spec.code == code:
                return str(spec.label)
    return code


@register.filter
def type_label(code: str) -> str:
    """The name of an application type."""
    from ..application_types import type_name

    return type_name(code)
