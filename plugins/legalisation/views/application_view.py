"""Officers read the electronic application: attachment previews, the staff PDF of the application
and the counter page (scan or type the case number, compare the originals with the checklist)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access
from przystan.audit.api import record_denied, record_read
from przystan.documents.http import pdf_response

from ..application_types import type_name
from ..counter import checklist, normalise_number, record_check
from ..electronic import application_of, attachment_checks, counter_history, grouped_answers
from ..models import Attachment, Case
from ..policy import CASE
from ..previews import preview_png
from ..scoping import staff_cases
from ..stages import stage_name
from .guards import staff_guard

READ = "read_sensitive"


def _attachment_case(found: Attachment) -> Case | None:
    if found.case_id:
        return found.case
    if found.application_id and found.application.case_id:
        return found.application.case
    return None


@staff_guard(CASE, READ)
def attachment_preview(request: HttpRequest, attachment_id: Any) -> HttpResponse:
    """A thumbnail (image) or the first page (PDF) of an attachment, for whom may read the case's
    documents; another office's → 404, outside the scope → 403, both audited; the read is audited."""
    found = (
        Attachment.objects.select_related("case", "application__case").filter(public_id=attachment_id).first()
    )
    case = _attachment_case(found) if found is not None else None
    if case is None:
        raise Http404
    access.require(request, READ, CASE, case)
    record_read(case, request=request, reason=f"attachment preview {found.public_id}")
    png = preview_png(found)
    if png is None:
        raise Http404(_("There is no preview of this file."))
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


@staff_guard(CASE, READ)
def application_pdf(request: HttpRequest, number: str) -> HttpResponse:
    """The staff PDF of the application (answers, attachment checks, signatures, confirmation)."""
    from ..staff_documents import staff_application_pdf

    case = access.get_or_404(request, READ, CASE, Case.objects.filter(office=request.office), number=number)
    application = application_of(case)
    if application is None:
        raise Http404
    record_read(case, request=request, reason="staff application PDF")
    pdf = staff_application_pdf(case, application, getattr(request, "LANGUAGE_CODE", "pl"))
    return pdf_response(pdf, f"application-{case.number}.pdf", inline=False)


def _lookup(request: HttpRequest, number: str) -> Case | None:
    """The case the officer may read, else ``None``; a case that exists but is outside the officer's
    scope (or office) gives the same answer as an unknown number, and the attempt is audited."""
    case = staff_cases(request.user, request.office, READ).filter(number=number).first()
    if case is None:
        existing = Case.objects.filter(number=number).first()
        if existing is not None:
            record_denied(request.user, f"{CASE}:{READ}", existing, request=request)
    return case


def _counter_page(
    request: HttpRequest,
    number: str,
    case: Case | None,
    *,
    data: Any = None,
    errors: Any = (),
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {"number": number, "case": case, "errors": list(errors)}
    if case is not None:
        application = application_of(case)
        context.update(
            {
                "type_name": type_name(case.application_type),
                "stage_name": stage_name(case.stage),
                "sections": grouped_answers(application) if application else [],
                "checks": attachment_checks(application) if application else [],
                "checklist": checklist(case, data),
                "history": counter_history(case, limit=5),
                "can_record": access.allows(request.user, "edit", CASE, case, office=request.office),
                "note": (data.get("note", "") if data is not None else ""),
            }
        )
    return render(request, "legalisation/staff/application/counter.html", context, status=status)


@staff_guard(CASE, READ)
def counter(request: HttpRequest) -> HttpResponse:
    """The counter: a barcode scanner types the case number of the printout and Enter into the focused
    field (or the officer types it); the answers are shown beside the documents checklist."""
    raw = request.GET.get("number", "")
    number = normalise_number(raw)
    if not raw.strip():
        return _counter_page(request, "", None)
    case = _lookup(request, number)
    if case is None:
        error = _(
            "No case with the number %(number)s was found. Check the number on the printout and scan or "
            "type it again."
        ) % {"number": number or raw.strip()[:40]}
        return _counter_page(request, number, None, errors=[error], status=404)
    record_read(case, request=request, reason="counter")
    return _counter_page(request, number, case)


@staff_guard(CASE, "edit")
@require_POST
def counter_check(request: HttpRequest, number: str) -> HttpResponse:
    """Save the comparison at the counter (every required document: original seen or missing)."""
    case = _lookup(request, normalise_number(number))
    if case is None:
        raise Http404
    access.require(request, "edit", CASE, case)
    try:
        record_check(case, request.user, request.POST)
    except ValidationError as exc:
        return _counter_page(request, case.number, case, data=request.POST, errors=exc.messages, status=400)
    messages.success(request, _("The counter check of case %(number)s is saved.") % {"number": case.number})
    return redirect(f"{reverse('legalisation-staff:counter')}?number={case.number}")
