"""The foreigner's, attorney's and employer's portal: own cases, case tracking, messages, supplements,
claiming a case that arrived from MOS, and the public status check by case number + PIN (no account, rate limited)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from przystan import access
from przystan.accounts.antispam import rate_limited
from przystan.audit.api import record_denied, record_event, record_read
from przystan.documents.http import pdf_response
from przystan.offices.enablement import hooks_for_office
from przystan.web.privacy import personal

from .. import attachments as files
from ..application_types import type_name
from ..claims import claim
from ..deadlines import clock_for
from ..documents import filing_receipt_pdf, supplement_letter_pdf
from ..models import Application, ApplicationStatus, Attachment, Case, CaseSource
from ..pins import PinCheck, check_status_pin, pin_locked_message, reset_pin
from ..policy import CASE, CLAIM
from ..scoping import party_cases
from ..services import answer_supplement, mark_read, post_message
from ..stages import stage
from .apply import serve_attachment
from .common import applicant_case_or_404, language, party_case_or_404

STATUS_RATE = "10/m"
PIN_RESET_RATE = "5/h"


@access.guard(CASE, "view")
def home(request: HttpRequest) -> HttpResponse:
    cases = party_cases(request.user, request.office).order_by("-filed_at", "-id")
    drafts = Application.objects.filter(
        applicant=request.user, office=request.office, status=ApplicationStatus.DRAFT
    )
    return render(request, "legalisation/home.html", {"cases": cases, "drafts": drafts})


def case_summary(case: Case) -> dict[str, Any]:
    """What a person sees about their case: stage meaning, next action, due date, legal clock."""
    info = stage(case.stage)
    clock = clock_for(case)
    open_supplement = case.supplements.filter(answered_on__isnull=True).first()
    due = open_supplement.due_date if open_supplement else None
    return {
        "case": case,
        "type_name": type_name(case.application_type),
        "stage": info,
        "due": due,
        "clock": clock,
        "history": [(change.at, stage(change.new_stage).name) for change in case.stage_changes.all()],
    }


@access.guard(CASE, "view")
def case_detail(request: HttpRequest, number: str) -> HttpResponse:
    case = party_case_or_404(request, number)
    is_person = case.applicant_id == request.user.pk
    if request.method == "POST" and is_person:
        body = request.POST.get("body", "").strip()
        if not body:
            messages.error(request, _("Write a message first."))
        else:
            message = post_message(case, request.user, body[:5000], from_office=False)
            upload = request.FILES.get("file")
            if upload is not None:
                _attach(request, upload, kind="message", case=case, message=message)
            messages.success(request, _("Your message has been sent."))
            return redirect("legalisation:case", case.number)
    if is_person:
        mark_read(case, by_office=False)
    hooks = hooks_for_office(request.office)
    pay_url = None
    if is_person and case.stage != "closed":
        from ..application_types import TYPES_BY_CODE

        fee_codes = list(TYPES_BY_CODE[case.application_type].fee_codes)
        pay_url = hooks.payment_request(
            office=request.office,
            payer=request.user,
            fee_codes=fee_codes,
            case_reference=case.number,
            return_url=request.build_absolute_uri(),
        )
    context = {
        **case_summary(case),
        "is_person": is_person,
        "is_employer": case.employer_id == request.user.pk,
        "messages_list": case.messages.all() if is_person else [],
        "supplements": case.supplements.all() if is_person else [],
        "pay_url": pay_url,
        "visits": [
            v
            for found in hooks.case_visits(office=request.office, case_reference=case.number)
            for v in found or []
        ],
        "annexes": case.attachments.filter(kind="employer_annex"),
        "receipts": case.receipts.all() if is_person else [],
    }
    return render(request, "legalisation/case.html", context)


@access.guard(CASE, "view")
def filing_receipt(request: HttpRequest, number: str) -> HttpResponse:
    """The person downloads the proof of filing of their case (the read is audited). Only for a case
    filed in this portal: a MOS filing has MOS's own confirmation, and the office never issues a
    second, different proof for it."""
    case = applicant_case_or_404(request, number)
    if case.source != CaseSource.PORTAL:
        raise Http404
    return pdf_response(
        filing_receipt_pdf(case, language(request)), f"proof-of-filing-{case.number}.pdf", inline=False
    )


@access.guard(CASE, "view")
def supplement_letter(request: HttpRequest, number: str, request_id: Any) -> HttpResponse:
    """The request to supplement as a letter (PDF) in the person's language."""
    case = applicant_case_or_404(request, number)
    supplement = case.supplements.filter(public_id=request_id).first()
    if supplement is None:
        raise Http404
    return pdf_response(
        supplement_letter_pdf(supplement, language(request)), f"request-{case.number}.pdf", inline=False
    )


@access.guard(CASE, "view")
def payment_receipt(request: HttpRequest, number: str, receipt_id: int) -> HttpResponse:
    """A payment receipt stored on the case by ``payment_settled``, for the person of the case."""
    case = applicant_case_or_404(request, number)
    found = case.receipts.filter(pk=receipt_id).first()
    if found is None or not found.pdf:
        raise Http404
    return pdf_response(found.pdf.read(), f"receipt-{found.reference}.pdf", inline=False)


def _attach(request: HttpRequest, upload: Any, *, kind: str, **owner: Any) -> Attachment | None:
    try:
        data, content_type = files.check_upload(upload, Attachment.objects.filter(**owner).count())
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return None
    return files.store(upload, data, content_type, kind=kind, user=request.user, **owner)


@access.guard(CASE, "view")
@require_POST
def answer_supplement_view(request: HttpRequest, number: str, request_id: Any) -> HttpResponse:
    case = applicant_case_or_404(request, number)
    supplement = case.supplements.filter(public_id=request_id, answered_on__isnull=True).first()
    if supplement is None:
        raise Http404
    uploads = request.FILES.getlist("files")
    if not uploads:
        messages.error(request, _("Attach the requested documents."))
        return redirect("legalisation:case", case.number)
    stored = [
        _attach(request, upload, kind="supplement", case=case, supplement=supplement) for upload in uploads
    ]
    if all(stored):
        answer_supplement(supplement, request.user, request.POST.get("text", "")[:2000])
        messages.success(request, _("Thank you: your documents have been sent to the office."))
    return redirect("legalisation:case", case.number)


@access.guard(CASE, "view")
@require_POST
def employer_annex(request: HttpRequest, number: str) -> HttpResponse:
    case = party_case_or_404(request, number)
    if case.employer_id != request.user.pk:
        raise Http404
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to attach."))
    elif _attach(request, upload, kind="employer_annex", case=case):
        messages.success(request, _("The annex has been sent to the office."))
    return redirect("legalisation:case", case.number)


@access.guard(CASE, "view")
def attachment(request: HttpRequest, attachment_id: Any) -> HttpResponse:
    found = Attachment.objects.filter(public_id=attachment_id).select_related("case", "application").first()
    if found is None:
        raise Http404
    allowed = False
    if found.application_id and found.application.applicant_id == request.user.pk:
        allowed = True
    elif found.case_id and party_cases(request.user, request.office).filter(pk=found.case_id).exists():
        allowed = found.case.applicant_id == request.user.pk or found.kind == "employer_annex"
    if not allowed:
        record_denied(request.user, f"{CASE}:view", found.case or found.application, request=request)
        raise Http404
    record_read(found.case or found.application, request=request, reason=f"attachment {found.public_id}")
    return serve_attachment(found)


# ----------------------------------------------------------------------------- public status check


class StatusForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Case number"), max_length=40)
    pin = forms.CharField(
        label=gettext_lazy("PIN"), max_length=10, widget=forms.PasswordInput(render_value=True)
    )
    website = forms.CharField(required=False, label=gettext_lazy("Leave empty"))  # honeypot


@access.public
@personal
def status_check(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST or None)
    summary = None
    status = 200
    if request.method == "POST":
        if rate_limited(request, "legalisation-status", STATUS_RATE):
            form.add_error(None, _("Too many attempts. Wait a minute and try again."))
            status = 429
        elif form.is_valid() and not form.cleaned_data["website"]:
            number = form.cleaned_data["number"].strip().upper()
            case = Case.objects.filter(office=request.office, number=number).first()
            outcome = check_status_pin(case, form.cleaned_data["pin"]) if case is not None else None
            if outcome is not None and outcome.ok:
                summary = case_summary(case)
            elif outcome is not None and outcome.result is PinCheck.LOCKED:
                form.add_error(None, pin_locked_message(outcome.locked_until))
                status = 429
            else:
                form.add_error(None, _("No case matches this number and PIN."))
                status = 404
    return render(request, "legalisation/status.html", {"form": form, "summary": summary}, status=status)


class NewPinForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Case number"), max_length=40)
    birth_date = forms.DateField(
        label=gettext_lazy("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    website = forms.CharField(required=False, label=gettext_lazy("Leave empty"))  # honeypot


@access.public
@personal
def new_pin_request(request: HttpRequest) -> HttpResponse:
    """Lost PIN: case number + date of birth; a new PIN goes only to the case's e-mail/phone.

    The answer is the same whether or not the details match, so it does not reveal which case
    numbers exist; attempts are rate limited per address and resets per case and day.
    """
    form = NewPinForm(request.POST or None)
    done = False
    status = 200
    if request.method == "POST":
        if rate_limited(request, "legalisation-new-pin", PIN_RESET_RATE):
            form.add_error(None, _("Too many attempts. Try again in an hour."))
            status = 429
        elif form.is_valid():
            done = True
            if not form.cleaned_data["website"]:
                number = form.cleaned_data["number"].strip().upper()
                case = Case.objects.filter(office=request.office, number=number).first()
                if case is not None and case.birth_date == form.cleaned_data["birth_date"]:
                    reset_pin(case, by=request.user if request.user.is_authenticated else None)
                elif case is not None:
                    record_event(
                        "denied", case, None, reason="status PIN reset: date of birth", request=request
                    )
        else:
            status = 400
    return render(request, "legalisation/new_pin.html", {"form": form, "done": done}, status=status)


@access.guard(CASE, "view")
@require_POST
def case_new_pin(request: HttpRequest, number: str) -> HttpResponse:
    """The signed-in person asks for a new status PIN from their case page."""
    case = applicant_case_or_404(request, number)
    if reset_pin(case, by=request.user):
        messages.success(
            request, _("A new PIN has been sent to the e-mail address and phone number given in the case.")
        )
    else:
        messages.error(request, _("A new PIN cannot be sent now. Try again tomorrow or contact the office."))
    return redirect("legalisation:case", case.number)


# ----------------------------------------------------------------------------- claiming a MOS case


class ClaimForm(forms.Form):
    case_number = forms.CharField(
        label=gettext_lazy("Case number"),
        max_length=40,
        help_text=gettext_lazy("As given in the office's letter, e-mail or text message."),
    )
    code = forms.CharField(
        label=gettext_lazy("One-time code"),
        max_length=20,
        help_text=gettext_lazy("12 letters and digits, e.g. ABCD-EFGH-JKLM."),
    )


@access.guard(CASE, CLAIM)
def claim_view(request: HttpRequest) -> HttpResponse:
    """A signed-in foreigner binds a case that arrived from MOS to the account (number + one-time code).

    The policy gives ``claim`` to foreigners only (an employer or staff member is refused, audited).
    """
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = claim(
            request.office, request.user, form.cleaned_data["case_number"], form.cleaned_data["code"]
        )
        if result.ok:
            messages.success(
                request,
                _("Case %(number)s is now in your account.") % {"number": result.case.number},
            )
            return redirect("legalisation:case", result.case.number)
        if result.limited:
            form.add_error(
                None,
                _("Too many wrong attempts. Try again in an hour, or contact the office."),
            )
        else:
            form.add_error(
                None,
                _(
                    "The case number and code do not match a case waiting to be added, or the code "
                    "was already used. Check both and try again."
                ),
            )
    return render(request, "legalisation/claim.html", {"form": form}, status=400 if form.errors else 200)
