"""Editors of the areas of a person's record (each guarded by its area's policy resource)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from przystan import access as policy
from przystan.audit.api import record_read

from .. import access
from ..forms import AREA_FORMS
from ..models import MedicalFilter
from .common import serce_view


def _model_and_form(area: str, kind: str):  # noqa: ANN202
    forms = AREA_FORMS.get(area)
    if forms is None or kind not in forms:
        raise Http404
    form_class = forms[kind]
    return form_class._meta.model, form_class


@serce_view("serce.person", "view")
def area_edit(request: HttpRequest, pk: int, area: str, kind: str, item: int | None = None) -> HttpResponse:
    model, form_class = _model_and_form(area, kind)
    resource = access.area_resource(area)
    person = access.person_for(request, pk, "edit" if area == "personal" else "view")
    instance = get_object_or_404(model, pk=item, person=person) if item else model(person=person)
    policy.require(request, "edit", resource, person if area == "personal" else instance)
    kwargs = {}
    if kind == "stay":
        kwargs["centres"] = access.staff_centres(request.user, request.office)
    form = form_class(request.POST or None, instance=instance, **kwargs)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("serce:medical" if area == "medical" else "serce:person-detail", pk=person.pk)
    return render(
        request,
        "serce/area_form.html",
        {
            "form": form,
            "person": person,
            "area": area,
            "model_name": model._meta.verbose_name,
            "nav": "persons",
        },
    )


@serce_view("serce.medical", "view")
def medical(request: HttpRequest, pk: int) -> HttpResponse:
    """Medical filter and special needs; reading them is recorded, per record, in the audit log."""
    person = access.person_for(request, pk, "view")
    policy.require(request, "view", "serce.medical", MedicalFilter(person=person))
    filters = list(person.medical_filters.all())
    needs = list(person.special_needs.all())
    for record in (*filters, *needs):
        record_read(record, request=request, reason="serce medical")
    if not filters and not needs:
        record_read(person, request=request, reason="serce medical (no records)")
    return render(
        request,
        "serce/medical.html",
        {
            "person": person,
            "filters": filters,
            "needs": needs,
            "can_change": policy.allows(
                request.user, "edit", "serce.medical", MedicalFilter(person=person), office=request.office
            ),
            "nav": "persons",
        },
    )
