"""``{% load payments_money %}``: amounts in złote (``{{ grosze|zl }}``), never grosze, on every screen."""

from __future__ import annotations

from typing import Any

from django import template

from ..models.payments import format_pln

register = template.Library()


@register.filter
def zl(grosze: Any) -> str:
    try:
        return format_pln(int(grosze))
    except (TypeError, ValueError):
        return ""


@register.filter
def iban(account: Any) -> str:
    """An account number in groups of four, as printed on Polish transfer forms."""
    from ..bank_transfer import grouped_account

    return grouped_account(str(account or ""))
