"""Person register: search, create, view (with every area the user may see), edit personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan import access as policy
from przystan.audit.api import record_read
from przystan.audit.models import AuditEntry

from .. import access
from ..forms import PersonForm
from ..models import IdentityDocument, Person
from ..services import stays
from ..services.search import search_persons
from .common import serce_view


@serce_view("serce.person", "view")
def person_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    persons = access.visible_persons(request.user, request.office)
    result = search_persons(persons, query) if query else None
    if result and result.exact and len(result.persons) == 1:
        return redirect("serce:person-detail", pk=result.persons[0].pk)
    return render(
        request,
        "serce/person_list.html",
        {
            "query": query,
            "result": result,
            "can_create": policy.allows(request.user, "edit", access.PERSON, office=request.office),
            "nav": "persons",
        },
    )


def _centre_scoped(request: HttpRequest) -> bool:
    return policy.widest_scope(request.user, "edit", access.PERSON) == policy.Scope.CENTRE


@serce_view("serce.person", "edit")
def person_create(request: HttpRequest) -> HttpResponse:
    """Register a person; staff working in centres register them as a resident of one of their centres
    (otherwise the person would be outside their scope the moment it is saved)."""
    centres = access.staff_centres(request.user, request.office) if _centre_scoped(request) else None
    form = PersonForm(request.POST or None, request.FILES or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person = form.save(commit=False)
            person.office = request.office
            person.save()
            if form.cleaned_data.get("centre"):
                stays.admit(person, form.cleaned_data["centre"], timezone.localdate())
        messages.success(
            request,
            _("The person was registered with number %(number)s.") % {"number": person.register_number},
        )
        return redirect("serce:person-detail", pk=person.pk)
    return render(request, "serce/person_form.html", {"form": form, "nav": "persons"})


@serce_view("serce.person", "edit")
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.person_for(request, pk, "edit")
    form = PersonForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("serce:person-detail", pk=person.pk)
    return render(request, "serce/person_form.html", {"form": form, "person": person, "nav": "persons"})


def person_history(person: Person, user: Any, office: Any) -> list[AuditEntry]:
    """Audit entries of the person and of the records of every area the user may view."""
    related: list[tuple[type, list[Any]]] = [
        (IdentityDocument, list(person.documents.values_list("pk", flat=True)))
    ]
    for area in access.AREAS.values():
        if not policy.allows(user, "view", area.resource, office=office):
            continue
        for model in area.models:
            ids = list(model.objects.filter(person=person).values_list("pk", flat=True))
            related.append((model, ids))
    condition = Q(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
    for model, ids in related:
        if ids:
            condition |= Q(
                content_type=ContentType.objects.get_for_model(model), object_id__in=[str(i) for i in ids]
            )
    return list(
        AuditEntry.objects.filter(condition)
        .exclude(action="read")
        .select_related("actor", "content_type")[:100]
    )


def _area(request: HttpRequest, slug: str, queryset: Any) -> Any:
    """The records of an area the user may view (``None``: the area is not shown at all)."""
    resource = access.AREAS[slug].resource
    if not policy.allows(request.user, "view", resource, office=request.office):
        return None
    return policy.visible(request.user, "view", resource, queryset, office=request.office)


def _with_rules_today(person: Any, benefits: Any) -> list[Any]:
    """The benefits, each rule-based one with the rule valid today (``rule_today``; ``None``: no rule)."""
    from ..models.benefits import COST_KINDS
    from ..services.payments import RuleBook, family_size_of

    today = dt.date.today()
    book, size = RuleBook(person.office, today), family_size_of(person)
    found = list(benefits)
    for benefit in found:
        current = benefit.date_from <= today and (benefit.date_to is None or today <= benefit.date_to)
        benefit.rule_checked = current and benefit.amount_grosze is None and benefit.kind not in COST_KINDS
        benefit.rule_today = book.rule(benefit.kind, size, today) if benefit.rule_checked else None
    return found


@serce_view("serce.person", "view")
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.person_for(request, pk, "view")
    record_read(person, request=request, reason="serce person page")
    areas = access.area_access(request.user, request.office)
    sections = {}
    for name, slug, queryset in (
        ("stays", "stays", person.stays.select_related("centre")),
        ("addresses", "addresses", person.addresses.all()),
        ("benefits", "benefits", person.benefits.all()),
        ("enrolments", "education", person.enrolments.all()),
        ("supplies", "education", person.school_supplies.all()),
        ("food", "food", person.food_arrangements.all()),
    ):
        found = _area(request, slug, queryset)
        if found is not None:
            sections[name] = found
    if "benefits" in sections:
        sections["benefits"] = _with_rules_today(person, sections["benefits"])
    household = []
    if person.household_id:
        visible = access.visible_persons(request.user, request.office)
        household = visible.filter(household_id=person.household_id).exclude(pk=person.pk)
    sensitive = policy.allows(request.user, "read_sensitive", access.PERSON, person, office=request.office)
    return render(
        request,
        "serce/person_detail.html",
        {
            "person": person,
            "areas": areas,
            "sections": sections,
            "household": household,
            "documents": person.documents.all() if sensitive else [],
            "show_contact": sensitive,
            "current_stay": stays.current_stay(person),
            "can_edit_personal": policy.allows(
                request.user, "edit", access.PERSON, person, office=request.office
            ),
            "history": person_history(person, request.user, request.office) if sensitive else [],
            "nav": "persons",
        },
    )
