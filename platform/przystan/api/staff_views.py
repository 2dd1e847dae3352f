"""Staff screen of an office's service credentials: list, create (the secret shown once), revoke.

``/staff/service-credentials/`` (internal profile). Office administrators (``api.service_credential: manage`` in the access policy)
see and manage the credentials of the office that serves the host, and only of their own office.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from przystan import access
from przystan.pluginsys.manager import get_plugin_system
from przystan.profiles import serves

from .audit import record_issued, record_revoked
from .models import ServiceCredential

RESOURCE = "api.service_credential"


def route_choices() -> list[tuple[str, str]]:
    """The API routes this instance serves, by name (a scope allows every action of the route)."""
    routes = [route for route in get_plugin_system().registry("api_routes") if serves(route.exposure)]
    return [(route.name, f"{route.name} — /api/{route.prefix.strip('/')}/") for route in routes]


class CredentialForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the system"), max_length=100)
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("Allowed API operations"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Expires at (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = route_choices()


def _office_for_admin(request: HttpRequest) -> Any:
    """The request's office, whose credentials the user manages (asked of the access policy)."""
    office = getattr(request, "office", None)
    if office is None:
        raise Http404
    access.require(request, "manage", RESOURCE, office)
    return office


def _page(
    request: HttpRequest, office: Any, form: CredentialForm, issued: str = "", status: int = 200
) -> HttpResponse:
    response = render(
        request,
        "przystan/service_credentials.html",
        {
            "credentials": ServiceCredential.objects.filter(office=office).select_related(
                "created_by", "revoked_by"
            ),
            "form": form,
            "issued": issued,
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"  # the page may show a secret once
    return response


@access.guard(RESOURCE, "manage")
def credential_list(request: HttpRequest) -> HttpResponse:
    office = _office_for_admin(request)
    if request.method != "POST":
        return _page(request, office, CredentialForm())
    form = CredentialForm(request.POST)
    if not form.is_valid():
        return _page(request, office, form, status=400)
    credential, value = ServiceCredential.issue(
        name=form.cleaned_data["name"],
        office=office,
        scopes=form.cleaned_data["scopes"],
        created_by=request.user,
        expires_at=form.cleaned_data["expires_at"],
    )
    record_issued(request, credential)
    return _page(request, office, CredentialForm(), issued=f"Service {value}")


@access.guard(RESOURCE, "manage")
@require_POST
def credential_revoke(request: HttpRequest, public_id: Any) -> HttpResponse:
    office = _office_for_admin(request)
    credential = ServiceCredential.objects.filter(office=office, public_id=public_id).first()
    if credential is None:
        raise Http404
    if credential.revoked_at is None:
        credential.revoked_at = timezone.now()
        credential.revoked_by = request.user
        credential.save(update_fields=["revoked_at", "revoked_by"])
        record_revoked(request, credential)
        messages.success(request, _("The credential “%(name)s” is revoked.") % {"name": credential.name})
    return redirect("service-credentials:list")
