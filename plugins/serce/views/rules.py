"""Benefit rules (amounts as data): the rules valid on a day, later and earlier ones, each with its
source and whether the office has confirmed it. Office administrators add and edit them; a
supervisor or a finance officer confirms them. Every change, the confirmation too, is audited."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access as policy

from ..forms import BenefitRuleForm
from ..models import BenefitRule
from ..services import rules as rule_service
from .common import serce_view

RULE = "serce.benefit_rule"


def _day(request: HttpRequest) -> dt.date:
    try:
        return parse_date(request.GET.get("on") or "") or dt.date.today()
    except ValueError:
        return dt.date.today()


@serce_view(RULE, "view")
def rule_list(request: HttpRequest) -> HttpResponse:
    day = _day(request)
    rules = BenefitRule.objects.filter(office=request.office).select_related("confirmed_by")
    current = [r for r in rules if r.is_valid_on(day)]
    later = [r for r in rules if r.valid_from > day]
    earlier = [r for r in rules if r.valid_until is not None and r.valid_until < day]
    manage = policy.allows(request.user, "manage", RULE, office=request.office)
    return render(
        request,
        "serce/rules.html",
        {
            "day": day,
            "groups": [
                ("current", _("Valid on the day"), current),
                ("later", _("Valid later"), later),
                ("earlier", _("No longer valid (history)"), earlier),
            ],
            "to_confirm": sum(1 for r in current if not r.is_confirmed),
            "can_add": manage,
            "can_change": manage,
            "can_confirm": policy.allows(request.user, "approve", RULE, office=request.office),
            "nav": "rules",
        },
    )


@serce_view(RULE, "manage")
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk:
        rule = policy.get_or_404(request, "manage", RULE, BenefitRule.objects.all(), pk=pk)
    else:
        rule = BenefitRule(office=request.office)
    form = BenefitRuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        if saved.to_confirm:
            messages.warning(
                request, _("Saved. The rule is to be confirmed by the office before lists use it.")
            )
        else:
            messages.success(request, _("Saved."))
        return redirect("serce:rule-list")
    return render(request, "serce/rule_form.html", {"form": form, "rule": rule, "nav": "rules"})


@serce_view(RULE, "approve")  # the policy first: a visitor is sent to log in, not told the method
@require_POST
def rule_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The office confirms a rule's amount, dates and source (recorded: who and when, audited)."""
    rule = policy.get_or_404(request, "approve", RULE, BenefitRule.objects.all(), pk=pk)
    try:
        rule_service.confirm(rule, request.user)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("The rule is confirmed."))
    return (
        redirect(request.POST.get("next") or "serce:rule-list")
        if _safe(request)
        else redirect("serce:rule-list")
    )


def _safe(request: HttpRequest) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or ""
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
