"""Benefit rules: which rules an office has on a day, and the office's confirmation of a rule.

A confirmation says "we checked this amount, its dates and its source against the law in force"; it
is a change of the (audited) rule, so who confirmed and when is in its history as well as on the row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import BenefitRule


def valid_on(office: Any, day: dt.date) -> QuerySet[BenefitRule]:
    return BenefitRule.objects.filter(office=office, valid_from__lte=day).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )


def confirm(rule: BenefitRule, user: Any) -> BenefitRule:
    """The office confirms ``rule`` (its amount, dates and source); refused if already confirmed."""
    with transaction.atomic():
        rule = BenefitRule.objects.select_for_update().get(pk=rule.pk)
        if rule.is_confirmed:
            raise ValidationError(_("This rule is already confirmed."))
        rule.to_confirm = False
        rule.confirmed_by = user
        rule.confirmed_at = timezone.now()
        rule.save(update_fields=["to_confirm", "confirmed_by", "confirmed_at"])
    return rule
