"""Households (family links): create one and attach persons to it; changes are audited."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from przystan import access as policy
from przystan.audit.api import record_denied

from .. import access
from ..forms import HouseholdForm, HouseholdMemberForm
from ..models import Household, Person
from .common import serce_view


@serce_view("serce.person", "edit")
def household_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a household with the person ``pk`` as its first member."""
    person = access.person_for(request, pk, "edit")
    form = HouseholdForm(request.POST or None, initial={"reference": person.last_name})
    if request.method == "POST" and form.is_valid():
        household = form.save(commit=False)
        household.office = request.office
        household.save()
        person.household = household
        person.household_role = person.household_role or Person.HouseholdRole.HEAD
        person.save()
        messages.success(request, _("Saved."))
        return redirect("serce:household", pk=household.pk)
    return render(request, "serce/household_form.html", {"form": form, "person": person, "nav": "persons"})


@serce_view("serce.person", "view")
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The members the user may see; add a person (by register number) or take one out."""
    household = get_object_or_404(Household, pk=pk, office=request.office)
    visible = access.visible_persons(request.user, request.office)
    members = list(visible.filter(household=household))
    if not members and not Household.objects.filter(pk=pk, members__isnull=True).exists():
        record_denied(request.user, f"{access.PERSON}:view", household, request=request)
        raise PermissionDenied(_("This person is not a resident of your centre."))
    form = HouseholdMemberForm(request.POST or None)
    if request.method == "POST":
        policy.require(request, "edit", access.PERSON)
        if "remove" in request.POST:
            chosen = request.POST.get("remove", "")
            if not chosen.isdigit():  # a tampered or empty choice: say so, change nothing
                messages.error(request, _("Choose a member of the household to take out."))
                return redirect("serce:household", pk=household.pk)
            person = access.person_for(request, int(chosen), "edit")
            if person.household_id == household.pk:
                person.household = None
                person.household_role = ""
                person.save()
                messages.success(request, _("Saved."))
            return redirect("serce:household", pk=household.pk)
        if form.is_valid():
            found = visible.filter(
                register_number=form.cleaned_data["register_number"].strip().upper()
            ).first()
            if found is None:
                form.add_error("register_number", _("No person with this register number."))
            else:
                person = access.person_for(request, found.pk, "edit")
                person.household = household
                person.household_role = form.cleaned_data["role"]
                person.save()
                messages.success(request, _("Saved."))
                return redirect("serce:household", pk=household.pk)
    return render(
        request,
        "serce/household.html",
        {
            "household": household,
            "members": members,
            "form": form,
            "can_change": policy.allows(request.user, "edit", access.PERSON, office=request.office),
            "nav": "persons",
        },
    )
