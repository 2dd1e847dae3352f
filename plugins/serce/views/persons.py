"""Person register: search, create, view (with every area the user may see), edit personal data."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from przystan.accounts import access as core_access
from przystan.audit.api import record_read
from przystan.audit.models import AuditEntry

from .. import access
from ..forms import PersonForm
from ..models import IdentityDocument, Person
from ..services import stays
from ..services.search import search_persons
from .common import serce_view


@serce_view()
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
            "can_create": core_access.can(request.user, "serce.add_person"),
            "nav": "persons",
        },
    )


@serce_view("serce.add_person")
def person_create(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.office = request.office
        person.save()
        messages.success(
            request,
            _("The person was registered with number %(number)s.") % {"number": person.register_number},
        )
        return redirect("serce:person-detail", pk=person.pk)
    return render(request, "serce/person_form.html", {"form": form, "nav": "persons"})


@serce_view()
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.person_for(request, pk, access.PERSONAL_CHANGE)
    form = PersonForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("serce:person-detail", pk=person.pk)
    return render(request, "serce/person_form.html", {"form": form, "person": person, "nav": "persons"})


def person_history(person: Person, user: Any) -> list[AuditEntry]:
    """Audit entries of the person and of the records of every area the user may view."""
    areas = access.area_access(user)
    related: list[tuple[type, list[Any]]] = [
        (IdentityDocument, list(person.documents.values_list("pk", flat=True)))
    ]
    for slug, area in access.AREAS.items():
        if not areas[slug]["view"]:
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


@serce_view()
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.person_for(request, pk, None)
    record_read(person, request=request, reason="person page")
    areas = access.area_access(request.user)
    sections = {}
    if areas["stays"]["view"]:
        sections["stays"] = person.stays.select_related("centre")
    if areas["addresses"]["view"]:
        sections["addresses"] = person.addresses.all()
    if areas["benefits"]["view"]:
        sections["benefits"] = person.benefits.all()
    if areas["education"]["view"]:
        sections["enrolments"] = person.enrolments.all()
        sections["supplies"] = person.school_supplies.all()
    if areas["food"]["view"]:
        sections["food"] = person.food_arrangements.all()
    household = []
    if person.household_id:
        visible = access.visible_persons(request.user, request.office)
        household = visible.filter(household_id=person.household_id).exclude(pk=person.pk)
    return render(
        request,
        "serce/person_detail.html",
        {
            "person": person,
            "areas": areas,
            "sections": sections,
            "household": household,
            "documents": person.documents.all(),
            "current_stay": stays.current_stay(person),
            "can_edit_personal": core_access.can(request.user, access.PERSONAL_CHANGE),
            "history": person_history(person, request.user),
            "nav": "persons",
        },
    )
