"""The "prepare for MOS" guide and the private checklist (public pages; nothing is filed here)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from przystan import access

from ..application_types import TYPES_BY_CODE, ApplicationType
from ..models import PreparationChecklist
from ..mos_guide import EMPLOYER_STEP, MISTAKES, checklist_items, document_items, fees
from ..routes import RouteInfo, route_for
from .common import language


def _mos_type(request: HttpRequest, type_code: str) -> tuple[ApplicationType, RouteInfo]:
    kind = TYPES_BY_CODE.get(type_code)
    if kind is None or request.office is None:
        raise Http404
    return kind, route_for(request.office, type_code)


@access.public
def guide(request: HttpRequest, type_code: str) -> HttpResponse:
    kind, route = _mos_type(request, type_code)
    if not route.is_mos:
        if route.files_here:
            return redirect("legalisation:apply")
        raise Http404
    lang = language(request)
    return render(
        request,
        "legalisation/mos_guide.html",
        {
            "kind": kind,
            "route": route,
            "documents": document_items(kind),
            "fees": fees(request.office, kind, lang),
            "mistakes": MISTAKES,
            "employer_step": EMPLOYER_STEP if kind.employer_annex else "",
        },
    )


def _session_key(type_code: str) -> str:
    return f"mos-checklist-{type_code}"


def _load(request: HttpRequest, type_code: str) -> list[str]:
    if request.user.is_authenticated:
        found = PreparationChecklist.objects.filter(
            office=request.office, user=request.user, type_code=type_code
        ).first()
        return list(found.ticked) if found else []
    return list(request.session.get(_session_key(type_code), []))


def _store(request: HttpRequest, type_code: str, ticked: list[str]) -> None:
    if request.user.is_authenticated:
        PreparationChecklist.objects.update_or_create(
            office=request.office, user=request.user, type_code=type_code, defaults={"ticked": ticked}
        )
    else:
        request.session[_session_key(type_code)] = ticked


@access.public
def checklist(request: HttpRequest, type_code: str) -> HttpResponse:
    """A private list the foreigner ticks to see what is still missing before going to MOS.

    Signed in, it is kept with the account; otherwise in the browser session. It is never an
    application: no case number, PIN or proof of filing comes out of it.
    """
    kind, route = _mos_type(request, type_code)
    if not route.is_mos:
        raise Http404
    items = checklist_items(request.office, kind, language(request))
    known = {item.code for item in items}
    if request.method == "POST":
        ticked = [code for code in request.POST.getlist("ready") if code in known]
        _store(request, type_code, ticked)
        messages.success(request, _("Your checklist has been saved. Nothing has been filed."))
        return redirect("legalisation:mos-checklist", type_code)
    ticked = set(_load(request, type_code)) & known
    missing = [item for item in items if item.code not in ticked and item.required]
    return render(
        request,
        "legalisation/mos_checklist.html",
        {
            "kind": kind,
            "route": route,
            "items": [(item, item.code in ticked) for item in items],
            "missing": missing,
            "ready_count": len(ticked),
            "total": len(items),
            "signed_in": request.user.is_authenticated,
        },
    )
