"""Small template filters of accounts."""

from __future__ import annotations

import math
from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def total_minutes(value: timedelta | None) -> int:
    """A cool-off period in whole minutes (rounded up), for the lockout page."""
    if not value:
        return 0
    return max(1, math.ceil(value.total_seconds() / 60))


@register.filter
def role_label(group_name: str) -> str:
    """The translated name of a role group (``{{ group.name|role_label }}``)."""
    from przystan.accounts.roles import role_label as label

    return label(group_name)


@register.filter
def role_groups(user: object) -> list[object]:
    """The account's role groups, in role order (``{% for group in person|role_groups %}``)."""
    from przystan.accounts.roles import ROLES_BY_SLUG

    order = list(ROLES_BY_SLUG)
    found = [group for group in user.groups.all() if group.name in ROLES_BY_SLUG]
    return sorted(found, key=lambda group: order.index(group.name))
