"""The office's filing routes: which route applies to each application type today, the history, and
a new dated rule of the office (a change never rewrites an earlier row)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from przystan import access

from ..application_types import TYPES
from ..models import FilingRoute, FilingRouteKind
from ..policy import FILING_ROUTE
from ..routes import route_for, routes_for
from .guards import staff_guard


class FilingRouteForm(forms.ModelForm):
    type_code = forms.ChoiceField(label=gettext_lazy("application type"))

    class Meta:
        model = FilingRoute
        fields = [
            "type_code",
            "route",
            "effective_from",
            "legal_basis",
            "source_url",
            "filing_url",
            "to_verify",
            "note",
        ]
        widgets = {
            "effective_from": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: object, office: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.office = office
        self.fields["type_code"].choices = [(t.code, str(t.name)) for t in TYPES]

    def clean_legal_basis(self) -> str:
        basis = self.cleaned_data.get("legal_basis", "").strip()
        if len(basis) < 10:
            raise forms.ValidationError(_("Cite the act and its provision (e.g. the Dz.U. position)."))
        return basis

    def clean(self) -> dict:
        data = super().clean()
        if data.get("route") == FilingRouteKind.MOS and not data.get("filing_url"):
            self.add_error("filing_url", _("Give the MOS address the foreigner is sent to."))
        code, day = data.get("type_code"), data.get("effective_from")
        if code and day and data.get("route") and data["route"] != FilingRouteKind.MOS:
            national = route_for(None, code, day)
            if national.is_mos:  # an office cannot take what the act routes only through MOS
                self.add_error(
                    "route",
                    _(
                        "On that date the national rule files this application only in MOS; an office cannot change it."
                    ),
                )
        return data


@staff_guard(FILING_ROUTE, "view")
def route_list(request: HttpRequest) -> HttpResponse:
    may_manage = access.allows(request.user, "manage", FILING_ROUTE, office=request.office)
    form = FilingRouteForm(request.POST or None, office=request.office) if may_manage else None
    if request.method == "POST":
        access.require(request, "manage", FILING_ROUTE)
        if form is not None and form.is_valid():
            row = form.save(commit=False)
            row.office = request.office
            row.created_by = request.user
            row.save()
            messages.success(
                request, _("The filing route has been saved. It applies from the date you gave.")
            )
            return redirect("legalisation-staff:filing-routes")
    current = routes_for(request.office)
    names = {t.code: t.name for t in TYPES}
    history = FilingRoute.objects.filter(office__isnull=True) | FilingRoute.objects.filter(
        office=request.office
    )
    return render(
        request,
        "legalisation/staff/filing_routes.html",
        {
            "current": [(names[code], info) for code, info in current.items()],
            "history": history.order_by("type_code", "-effective_from", "-pk"),
            "names": names,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )
