"""Template filters of the register's staff screens: money in złoty and names instead of codes."""

from __future__ import annotations

from typing import Any

from django import template

from ..models import BenefitKind
from ..money import zl
from ..nationalities import nationality_name

register = template.Library()


@register.filter
def money(grosze: Any) -> str:
    """An amount in grosze shown in złoty (``{{ entry.amount_grosze|money }}``)."""
    return zl(None if grosze in (None, "") else int(grosze))


@register.filter
def staff_date(value: Any) -> str:
    """``{{ value|staff_date }}``: dd.mm.rrrr (and HH:MM, office time, for a moment); ISO text too."""
    from ..dates import staff_date as format_staff_date

    return format_staff_date(value)


@register.filter
def nationality(code: Any) -> str:
    return nationality_name(code)


@register.filter
def benefit_kind(code: Any) -> str:
    """The label of a benefit kind code (payment entries keep the code); adjustments too."""
    from django.utils.translation import gettext

    if code == "adjustment":
        return gettext("adjustment")
    return str(dict(BenefitKind.choices).get(code, code))


@register.simple_tag(takes_context=True)
def can(context: Any, resource: str, action: str = "view") -> bool:
    """``{% can "serce.payment_list" "view" as show %}``: the request's user holds the action there."""
    from przystan import access

    request = context.get("request")
    if request is None:
        return False
    return access.allows(request.user, action, resource, office=getattr(request, "office", None))
