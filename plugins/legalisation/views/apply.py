"""Filling an application: type choice, steps with server validation (and a JS live check),
automatic draft saving, attachments, review, submission and the PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from przystan import access
from przystan.audit.api import record_denied, record_read
from przystan.documents.http import pdf_response

from .. import attachments as files
from ..application_types import TYPES_BY_CODE, get_type
from ..documents import application_pdf
from ..fields import cross_errors, validate_value
from ..models import Application, ApplicationStatus, Attachment
from ..policy import APPLICATION
from ..routes import not_filed_here_message, route_for, types_filed_here, types_prepared_for_mos
from ..services import all_errors, missing_attachments, section_errors, submit
from .common import language


def _own_application(request: HttpRequest, public_id: Any) -> Application:
    application = Application.objects.filter(public_id=public_id, office=request.office).first()
    if application is None:
        raise Http404
    if not access.allows(request.user, "edit", APPLICATION, application, office=request.office):
        record_denied(request.user, f"{APPLICATION}:edit", application, request=request)
        raise Http404  # a guessed id of someone else's application reveals nothing
    return application


def _steps(application: Application) -> list[dict[str, Any]]:
    kind = get_type(application.type_code)
    steps = [{"code": s.code, "title": s.title, "section": s} for s in kind.sections]
    steps.append({"code": "attachments", "title": _("Attachments"), "section": None})
    steps.append({"code": "review", "title": _("Review and submit"), "section": None})
    return steps


@access.guard(APPLICATION, "edit")
def choose_type(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "legalisation/choose_type.html",
        {"types": types_filed_here(request.office), "mos_types": types_prepared_for_mos(request.office)},
    )


@access.guard(APPLICATION, "edit")
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, type_code: str) -> HttpResponse:
    """POST starts a draft. A GET (a bookmarked or shared link) starts nothing: it leads to the guide of a
    MOS type or to the list of applications, instead of a blank "method not allowed"."""
    if type_code not in TYPES_BY_CODE:
        raise Http404
    route = route_for(request.office, type_code)
    if request.method == "GET":
        return (
            redirect("legalisation:mos-guide", type_code) if route.is_mos else redirect("legalisation:apply")
        )
    if not route.files_here:  # never start a filing the law routes elsewhere
        messages.error(request, not_filed_here_message(route))
        if route.is_mos:
            return redirect("legalisation:mos-guide", type_code)
        return redirect("legalisation:apply")
    application = Application.objects.create(
        office=request.office,
        applicant=request.user,
        type_code=type_code,
        language=language(request),
        data={"email": request.user.email, "phone": getattr(request.user, "phone", "")},
    )
    return redirect("legalisation:step", application.public_id, 0)


def _save_fields(application: Application, section: Any, data: Any) -> None:
    for spec in section.fields:
        if spec.name in data:
            application.data[spec.name] = str(data.get(spec.name, "")).strip()[: spec.max_length * 2]
    application.save(update_fields=["data", "updated_at"])


@access.guard(APPLICATION, "edit")
def step(request: HttpRequest, public_id: Any, index: int) -> HttpResponse:
    application = _own_application(request, public_id)
    if application.status != ApplicationStatus.DRAFT:
        return redirect("legalisation:submitted", application.public_id)
    steps = _steps(application)
    if not 0 <= index < len(steps):
        raise Http404
    current = steps[index]
    errors: dict[str, str] = {}
    if request.method == "POST" and current["section"] is not None:
        _save_fields(application, current["section"], request.POST)
        errors = section_errors(application, current["code"])
        if not errors and "next" in request.POST:
            return redirect("legalisation:step", application.public_id, index + 1)
        if "save" in request.POST:
            messages.success(request, _("The draft has been saved."))
            errors = {}
    section_fields = []
    if current["section"] is not None:
        for spec in current["section"].fields:
            section_fields.append(
                {
                    "spec": spec,
                    "value": application.data.get(spec.name, ""),
                    "error": errors.get(spec.name, ""),
                }
            )
    context = {
        "application": application,
        "kind": get_type(application.type_code),
        "steps": steps,
        "index": index,
        "current": current,
        "fields": section_fields,
        "errors": errors,
        "previous": index - 1 if index > 0 else None,
    }
    if current["code"] == "attachments":
        context["attachment_specs"] = get_type(application.type_code).attachments
        context["uploaded"] = application.attachments.all()
        context["missing"] = missing_attachments(application)
    route = route_for(application.office, application.type_code)
    context["route"] = route
    if not route.files_here:
        context["not_filed_here"] = not_filed_here_message(route)
    if current["code"] == "review":
        context["all_errors"] = all_errors(application)
        context["missing"] = missing_attachments(application)
        context["review"] = [
            (s.title, [(spec.label, application.data.get(spec.name, "")) for spec in s.fields])
            for s in get_type(application.type_code).sections
        ]
    return render(request, "legalisation/step.html", context, status=400 if errors else 200)


@access.guard(APPLICATION, "edit")
@require_POST
def validate(request: HttpRequest, public_id: Any) -> JsonResponse:
    """Live validation for the JS: check the posted fields of one section and save them to the draft."""
    application = _own_application(request, public_id)
    if application.status != ApplicationStatus.DRAFT:
        return JsonResponse({"errors": {}, "saved": False}, status=409)
    kind = get_type(application.type_code)
    specs = {spec.name: spec for spec in kind.all_fields}
    errors = {}
    for name, value in request.POST.items():
        spec = specs.get(name)
        if spec is None:
            continue
        application.data[name] = value.strip()[: spec.max_length * 2]
        error = validate_value(spec, value)
        if error:
            errors[name] = error
    # rules between answers: re-check every rule touching a posted field, report at the rule's field
    posted = set(request.POST) & set(specs)
    touched = [r for r in kind.cross_rules if r.field in posted or r.other in posted]
    checked = sorted({r.field for r in touched})
    for name, error in cross_errors(tuple(touched), application.data).items():
        errors.setdefault(name, error)
    application.save(update_fields=["data", "updated_at"])
    return JsonResponse(
        {
            "errors": errors,
            "checked": checked,
            "saved": True,
            "message": _("Draft saved automatically."),
        }
    )


@access.guard(APPLICATION, "edit")
@require_POST
def upload(request: HttpRequest, public_id: Any) -> HttpResponse:
    application = _own_application(request, public_id)
    steps = _steps(application)
    attachments_step = next(i for i, s in enumerate(steps) if s["code"] == "attachments")
    kind_codes = {spec.code for spec in get_type(application.type_code).attachments}
    upload_file = request.FILES.get("file")
    kind = request.POST.get("kind", "")
    if application.status != ApplicationStatus.DRAFT:
        raise Http404
    if kind not in kind_codes or upload_file is None:
        messages.error(request, _("Choose the document and a file to attach."))
    else:
        try:
            data, content_type = files.check_upload(upload_file, application.attachments.count())
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            files.store(
                upload_file, data, content_type, kind=kind, user=request.user, application=application
            )
            messages.success(
                request, _("The file “%(name)s” has been attached.") % {"name": upload_file.name}
            )
    return redirect("legalisation:step", application.public_id, attachments_step)


@access.guard(APPLICATION, "edit")
@require_POST
def remove_attachment(request: HttpRequest, public_id: Any, attachment_id: Any) -> HttpResponse:
    application = _own_application(request, public_id)
    if application.status != ApplicationStatus.DRAFT:
        raise Http404
    attachment = get_object_or_404(Attachment, public_id=attachment_id, application=application)
    attachment.file.delete(save=False)
    attachment.delete()
    steps = _steps(application)
    return redirect("legalisation:step", application.public_id, len(steps) - 2)


@access.guard(APPLICATION, "edit")
@require_POST
def submit_view(request: HttpRequest, public_id: Any) -> HttpResponse:
    application = _own_application(request, public_id)
    application.language = language(request)
    application.save(update_fields=["language"])
    try:
        result = submit(application)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("legalisation:step", application.public_id, len(_steps(application)) - 1)
    request.session[f"legal-pin-{result.case.number}"] = result.pin
    return redirect("legalisation:submitted", application.public_id)


@access.guard(APPLICATION, "edit")
def submitted(request: HttpRequest, public_id: Any) -> HttpResponse:
    application = _own_application(request, public_id)
    if application.case is None:
        return redirect("legalisation:step", application.public_id, 0)
    pin = request.session.pop(f"legal-pin-{application.case.number}", None)
    return render(
        request,
        "legalisation/submitted.html",
        {"application": application, "case": application.case, "pin": pin},
    )


@access.guard(APPLICATION, "edit")
def application_pdf_view(request: HttpRequest, public_id: Any) -> HttpResponse:
    application = _own_application(request, public_id)
    if application.case is None:
        raise Http404
    record_read(application, request=request, reason="application PDF")
    return pdf_response(application_pdf(application), f"{application.case.number}.pdf", inline=False)


def serve_attachment(attachment: Attachment) -> FileResponse:
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="{attachment.public_id}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
