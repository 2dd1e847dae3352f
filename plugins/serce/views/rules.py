"""Benefit rules (amounts as data): office administrators list, add and edit them; changes are audited."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from przystan.accounts import access as core_access

from ..forms import BenefitRuleForm
from ..models import BenefitRule
from .common import serce_view

VIEW = "serce.view_benefitrule"
ADD = "serce.add_benefitrule"
CHANGE = "serce.change_benefitrule"


@serce_view(VIEW)
def rule_list(request: HttpRequest) -> HttpResponse:
    rules = BenefitRule.objects.filter(office=request.office)
    return render(
        request,
        "serce/rules.html",
        {
            "rules": rules,
            "can_add": core_access.can(request.user, ADD),
            "can_change": core_access.can(request.user, CHANGE),
            "nav": "rules",
        },
    )


@serce_view()
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    rule = (
        get_object_or_404(BenefitRule, pk=pk, office=request.office)
        if pk
        else BenefitRule(office=request.office)
    )
    core_access.require(request, CHANGE if pk else ADD, rule if pk else None)
    form = BenefitRuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("serce:rule-list")
    return render(request, "serce/rule_form.html", {"form": form, "rule": rule, "nav": "rules"})
