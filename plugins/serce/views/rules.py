"""Benefit rules (amounts as data): office administrators list, add and edit them; changes are audited."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from przystan import access as policy

from ..forms import BenefitRuleForm
from ..models import BenefitRule
from .common import serce_view

RULE = "serce.benefit_rule"


@serce_view(RULE, "view")
def rule_list(request: HttpRequest) -> HttpResponse:
    rules = BenefitRule.objects.filter(office=request.office)
    return render(
        request,
        "serce/rules.html",
        {
            "rules": rules,
            "can_add": policy.allows(request.user, "manage", RULE, office=request.office),
            "can_change": policy.allows(request.user, "manage", RULE, office=request.office),
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
        form.save()
        messages.success(request, _("Saved."))
        return redirect("serce:rule-list")
    return render(request, "serce/rule_form.html", {"form": form, "rule": rule, "nav": "rules"})
