"""The officer portal (internal profile): case list, case file, transitions, assignment, messages,
requests to supplement, inquiries, paper file location and barcode scan."""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access
from przystan.audit.api import record_event, record_read
from przystan.documents.http import pdf_response
from przystan.offices.enablement import hooks_for_office, plugin_config

from .. import attachments as files
from ..application_types import TYPES, type_name
from ..deadlines import DONE, clock_for, is_overdue
from ..documents import decision_pdf, filing_receipt_pdf, supplement_letter_pdf
from ..electronic import electronic_context
from ..handlers import case_handlers, office_handlers
from ..models import Attachment, Case, CaseSource, Inquiry, MosPackage, QuarantinedPackage, Team
from ..models.tracking import Authority
from ..policy import ASSIGN, CASE, INTAKE, TEAM
from ..scoping import staff_cases
from ..services import (
    add_inquiry,
    answer_inquiry,
    assign,
    mark_read,
    move_file,
    post_message,
    request_supplement,
)
from ..stages import STAGES, stage_name
from ..workflow import DECISIONS, TransitionNotAllowed, allowed_next, transition
from .apply import serve_attachment
from .guards import staff_guard

PAGE_SIZE = 25


def warning_days(office: Any) -> int:
    return int(plugin_config(office, "legalisation").get("deadline_warning_days", 14))


def filtered_cases(user: Any, office: Any, params: Any) -> Any:
    """The officer's list: search by number, name or passport; filters by stage, deadline, assignee."""
    cases = staff_cases(user, office)
    q = (params.get("q") or "").strip()
    if q:
        cases = cases.filter(_search(q))
    if params.get("stage"):
        cases = cases.filter(stage=params["stage"])
    if params.get("type"):
        cases = cases.filter(application_type=params["type"])
    if params.get("deadline_before"):
        try:
            cases = cases.filter(legal_deadline__lte=datetime.date.fromisoformat(params["deadline_before"]))
        except ValueError:
            pass
    assignee = params.get("assignee")
    if assignee == "me":
        cases = cases.filter(assignee=user)
    elif assignee == "none":
        cases = cases.filter(assignee__isnull=True)
    elif assignee and assignee.isdigit():
        cases = cases.filter(assignee_id=int(assignee))
    if params.get("open"):
        cases = cases.exclude(stage__in=DONE)
    if params.get("at_risk"):
        horizon = timezone.localdate() + datetime.timedelta(days=warning_days(office))
        cases = cases.filter(legal_deadline__lte=horizon).exclude(stage__in=DONE)
    return cases.order_by("legal_deadline", "id")


CASE_NUMBER = re.compile(r"^[A-Z0-9]+-\d{4}-\d+$")


def _search(q: str) -> Q:
    """One index per kind of query: a case number, else a passport number or a name prefix."""
    upper = q.upper().replace(" ", "")
    if CASE_NUMBER.match(upper):
        return Q(number=upper)
    words = " ".join(q.lower().split())
    # two indexed prefixes: "given names surname" and "surname given names"
    name = Q(person_name_search__startswith=words) | Q(person_surname_search__startswith=words)
    if any(ch.isdigit() for ch in upper) and upper.isalnum():
        return Q(passport_number=upper) | name
    return name


def first_page(cases: Any, page: int = 1) -> tuple[list[Any], bool]:
    """A page without a COUNT over a million rows: fetch one extra row to know if there is a next page."""
    start = (page - 1) * PAGE_SIZE
    rows = list(cases.select_related("assignee")[start : start + PAGE_SIZE + 1])
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def _officers(office: Any) -> Any:
    return office_handlers(office)


@staff_guard(CASE, "view")
def case_list(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format") == "csv":
        return _case_list_csv(request)
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    rows, has_next = first_page(filtered_cases(request.user, request.office, request.GET), page)
    today = timezone.localdate()
    return render(
        request,
        "legalisation/staff/case_list.html",
        {
            "rows": [
                {
                    "case": c,
                    "type_name": type_name(c.application_type),
                    "stage_name": stage_name(c.stage),
                    "overdue": is_overdue(c, today),
                }
                for c in rows
            ],
            "has_next": has_next,
            "can_supervise": access.allows(request.user, "manage", TEAM, office=request.office),
            "can_export": access.allows(request.user, "export", CASE, office=request.office),
            "can_see_quarantine": access.allows(request.user, "view", INTAKE, office=request.office),
            "page": page,
            "stages": STAGES,
            "types": TYPES,
            "officers": _officers(request.office),
            "params": request.GET,
            "query_without_page": urlencode([(k, v) for k, v in request.GET.items() if k != "page"]),
        },
    )


EXPORT_LIMIT = 20_000


def _case_list_csv(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV (the ``export`` action: personal data, so the export is audited)."""
    access.require(request, "export", CASE)
    cases = access.visible(
        request.user,
        "export",
        CASE,
        filtered_cases(request.user, request.office, request.GET),
        office=request.office,
    ).select_related("assignee", "team")[:EXPORT_LIMIT]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            _("Case number"),
            _("Name"),
            _("Passport"),
            _("Application type"),
            _("Stage"),
            _("Filed on"),
            _("Legal deadline"),
            _("Assignee"),
            _("Team"),
        ]
    )
    count = 0
    for case in cases:
        count += 1
        writer.writerow(
            [
                case.number,
                case.person_name,
                case.passport_number,
                type_name(case.application_type),
                stage_name(case.stage),
                formats.date_format(case.filed_at, "SHORT_DATE_FORMAT") if case.filed_at else "",
                formats.date_format(case.legal_deadline, "SHORT_DATE_FORMAT") if case.legal_deadline else "",
                (case.assignee.get_full_name() or case.assignee.email) if case.assignee else "",
                case.team.name if case.team else "",
            ]
        )
    record_event(
        "export",
        Case,
        user=request.user,
        request=request,
        reason="case list",
        changes={"rows": count, "filters": {k: v for k, v in request.GET.items() if k != "format"}},
    )
    response = HttpResponse(
        ("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="sprawy-{stamp}.csv"'
    return response


def _case_or_404(request: HttpRequest, number: str, action: str = "view") -> Case:
    """The case of the request's office if the user may ``action`` on it: another office's → 404,
    outside the user's scope → 403 (audited)."""
    return access.get_or_404(request, action, CASE, Case.objects.filter(office=request.office), number=number)


def _allows(request: HttpRequest, action: str, case: Case) -> bool:
    return access.allows(request.user, action, CASE, case, office=request.office)


@staff_guard(CASE, "view")
def case_detail(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    record_read(case, request=request)
    sensitive = _allows(request, "read_sensitive", case)
    if sensitive:
        mark_read(case, by_office=True)
    hooks = hooks_for_office(request.office)
    payments = [
        p
        for found in hooks.case_payments(office=request.office, case_reference=case.number)
        for p in found or []
    ]
    visits = [
        v
        for found in hooks.case_visits(office=request.office, case_reference=case.number)
        for v in found or []
    ]
    application = getattr(case, "application", None) if hasattr(case, "application") else None
    can_change = _allows(request, "edit", case)
    can_approve = _allows(request, "approve", case)
    can_assign_others = _allows(request, ASSIGN, case)
    return render(
        request,
        "legalisation/staff/case_detail.html",
        {
            "case": case,
            "type_name": type_name(case.application_type),
            "stage_name": stage_name(case.stage),
            "clock": clock_for(case),
            "next_stages": [
                (code, stage_name(code))
                for code in allowed_next(case.application_type, case.stage)
                if code not in DECISIONS or can_approve
            ],
            "can_change": can_change,
            "can_read_sensitive": sensitive,
            "can_assign": can_assign_others or (can_change and case.assignee_id is None),
            "officers": case_handlers(case)
            if can_assign_others
            else case_handlers(case).filter(pk=request.user.pk),
            "history": case.stage_changes.select_related("actor"),
            "messages_list": case.messages.select_related("author"),
            "supplements": case.supplements.prefetch_related("attachments"),
            "inquiries": case.inquiries.all(),
            "authorities": Authority.choices,
            "file_moves": case.file_moves.select_related("moved_by", "holder")[:20],
            "attachments": case.attachments.all(),
            "payments": payments,
            "payments_answered": bool(payments),
            "visits": visits,
            "receipts": case.receipts.all(),
            "application": application,
            "is_decision": case.stage in DECISIONS,
            "teams": (
                Team.objects.filter(office=request.office).order_by("name")
                if can_change and access.allows(request.user, "manage", TEAM, office=request.office)
                else None
            ),
            **(electronic_context(case) if sensitive else {}),
        },
    )


@staff_guard(CASE, "edit")
@require_POST
def case_transition(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    new_stage = request.POST.get("stage", "")
    if new_stage in DECISIONS:
        access.require(request, "approve", CASE, case)  # a decision is issued by whom the policy allows
    try:
        if new_stage == "supplement_requested":
            raise TransitionNotAllowed(_("Use the request to supplement form (it needs a deadline)."))
        transition(case, new_stage, request.user, note=request.POST.get("note", "")[:2000])
    except TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("The case is now at stage: %(stage)s.") % {"stage": stage_name(new_stage)}
        )
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
@require_POST
def case_assign(request: HttpRequest, number: str) -> HttpResponse:
    """A supervisor gives the case to a handler; an officer takes an unassigned case of their team."""
    case = _case_or_404(request, number, "edit")
    target_id = request.POST.get("assignee", "")
    taking_it = target_id == str(request.user.pk) and case.assignee_id is None
    if not taking_it:
        access.require(request, ASSIGN, CASE, case)
    target = case_handlers(case).filter(pk=target_id).first() if target_id.isdigit() else None
    if target is None:
        messages.error(
            request,
            _(
                "This person cannot handle the case: choose a staff member of the office who may edit "
                "cases (for a case in a team, a member of that team)."
            ),
        )
        return redirect("legalisation-staff:case", case.number)
    assign(case, target, request.user)
    messages.success(
        request, _("The case is assigned to %(name)s.") % {"name": target.get_full_name() or target.email}
    )
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
@require_POST
def case_message(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    body = request.POST.get("body", "").strip()
    upload = request.FILES.get("file")
    checked = None
    if body and upload is not None:
        try:
            checked = files.check_upload(upload, 0)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("legalisation-staff:case", case.number)
    if body:
        message = post_message(case, request.user, body[:5000], from_office=True)
        if checked is not None:
            files.store(upload, *checked, kind="message", user=request.user, case=case, message=message)
        messages.success(request, _("The message has been sent."))
    else:
        messages.error(request, _("Write a message first."))
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
@require_POST
def case_supplement(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    text = request.POST.get("text", "").strip()
    try:
        days = int(request.POST.get("days", "14"))
    except ValueError:
        days = 0
    if not text or not 7 <= days <= 30:
        messages.error(request, _("Describe what is missing and give a deadline of 7 to 30 days."))
    else:
        try:
            request_supplement(
                case, request.user, text[:4000], timezone.localdate() + datetime.timedelta(days=days)
            )
        except TransitionNotAllowed as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("The request to supplement has been sent; the legal deadline is paused.")
            )
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
@require_POST
def case_inquiry(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    authority = request.POST.get("authority", "")
    if authority not in Authority.values:
        messages.error(request, _("Choose an authority."))
    else:
        add_inquiry(case, request.user, authority, due_days=30)
        messages.success(request, _("The inquiry has been recorded."))
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
@require_POST
def inquiry_answer(request: HttpRequest, number: str, inquiry_id: int) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    inquiry = Inquiry.objects.filter(pk=inquiry_id, case=case).first()
    if inquiry is None:
        raise Http404
    answer_inquiry(inquiry, request.POST.get("answer", "")[:4000])
    messages.success(request, _("The answer has been recorded."))
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
@require_POST
def case_file_move(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    location = request.POST.get("location", "").strip()
    if not location:
        messages.error(request, _("Give the room, shelf or person."))
    else:
        move_file(case, location[:120], request.user)
        messages.success(request, _("File location updated."))
    return redirect("legalisation-staff:case", case.number)


@staff_guard(CASE, "edit")
def file_scan(request: HttpRequest) -> HttpResponse:
    """A barcode scanner types the case number from the file cover; the file moves to the location given."""
    moved = None
    error = ""
    location = request.POST.get("location", request.GET.get("location", "")).strip()
    if request.method == "POST":
        code = request.POST.get("code", "").strip().upper()
        case = staff_cases(request.user, request.office, "edit").filter(number=code).first()
        if not location:
            error = _("Give the room, shelf or person first.")
        elif case is None:
            error = _("No case with the scanned number %(code)s.") % {"code": code}
        else:
            moved = move_file(case, location[:120], request.user)
    return render(
        request,
        "legalisation/staff/file_scan.html",
        {"moved": moved, "error": error, "location": location},
        status=400 if error else 200,
    )


@staff_guard(CASE, "read_sensitive")
def case_decision_pdf(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "read_sensitive")
    if case.stage not in DECISIONS:
        raise Http404
    record_read(case, request=request, reason="decision letter")
    return pdf_response(decision_pdf(case, request.LANGUAGE_CODE), f"decision-{case.number}.pdf")


@staff_guard(CASE, "read_sensitive")
def case_supplement_letter(request: HttpRequest, number: str, request_id: Any) -> HttpResponse:
    case = _case_or_404(request, number, "read_sensitive")
    supplement = case.supplements.filter(public_id=request_id).first()
    if supplement is None:
        raise Http404
    record_read(case, request=request, reason="request to supplement letter")
    return pdf_response(
        supplement_letter_pdf(supplement, request.LANGUAGE_CODE), f"request-{case.number}.pdf"
    )


@staff_guard(CASE, "read_sensitive")
def case_filing_receipt(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "read_sensitive")
    if case.source != CaseSource.PORTAL:  # MOS issues its own confirmation of filing
        raise Http404
    record_read(case, request=request, reason="proof of filing")
    return pdf_response(filing_receipt_pdf(case, request.LANGUAGE_CODE), f"proof-of-filing-{case.number}.pdf")


@staff_guard(CASE, "read_sensitive")
def case_payment_receipt(request: HttpRequest, number: str, receipt_id: int) -> HttpResponse:
    case = _case_or_404(request, number, "read_sensitive")
    found = case.receipts.filter(pk=receipt_id).first()
    if found is None or not found.pdf:
        raise Http404
    record_read(case, request=request, reason=f"payment receipt {found.reference}")
    return pdf_response(found.pdf.read(), f"receipt-{found.reference}.pdf")


@staff_guard(CASE, "read_sensitive")
def staff_attachment(request: HttpRequest, attachment_id: Any) -> HttpResponse:
    found = Attachment.objects.filter(public_id=attachment_id).first()
    if found is None:
        raise Http404
    case = found.case or (found.application.case if found.application_id else None)
    if case is None:
        raise Http404
    access.require(request, "read_sensitive", CASE, case)
    record_read(case, request=request, reason=f"attachment {found.public_id}")
    return serve_attachment(found)


@staff_guard(INTAKE, "view")
def quarantine_list(request: HttpRequest) -> HttpResponse:
    """Supervisors and office administrators: MOS packages refused into the quarantine, with the reason."""
    rows = QuarantinedPackage.objects.filter(office=request.office).order_by("-received_at", "-id")[:200]
    imported = (
        MosPackage.objects.filter(office=request.office).select_related("case").order_by("-imported_at")[:20]
    )
    return render(request, "legalisation/staff/quarantine.html", {"rows": rows, "imported": imported})
