"""What happens to applications and cases: submission, messages, supplements,
inquiries, assignment and the paper file. Views and hooks call these; they hold no HTTP logic."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan.offices.enablement import plugin_config

from .application_types import get_type
from .deadlines import recompute
from .fields import cross_errors, validate_value
from .numbering import hash_pin, new_pin, next_case_number, person_key


@dataclass(frozen=True)
class Submitted:
    case: Any
    pin: str


def section_errors(application: Any, section_code: str) -> dict[str, str]:
    kind = get_type(application.type_code)
    section = next(s for s in kind.sections if s.code == section_code)
    errors = {}
    for spec in section.fields:
        error = validate_value(spec, application.data.get(spec.name))
        if error:
            errors[spec.name] = error
    names = {spec.name for spec in section.fields}
    for name, error in cross_errors(kind.cross_rules, application.data).items():
        if name in names and name not in errors:
            errors[name] = error
    return errors


def all_errors(application: Any) -> dict[str, str]:
    errors: dict[str, str] = {}
    for section in get_type(application.type_code).sections:
        errors.update(section_errors(application, section.code))
    return errors


def missing_attachments(application: Any) -> list[Any]:
    have = set(application.attachments.values_list("kind", flat=True))
    return [
        spec
        for spec in get_type(application.type_code).attachments
        if spec.required and spec.code not in have
    ]


def _pin_length(office: Any) -> int:
    return int(plugin_config(office, "legalisation").get("status_pin_length", 8))


def _find_employer(tax_id: str) -> Any:
    digits = "".join(ch for ch in tax_id if ch.isdigit())
    if not digits:
        return None
    return get_user_model().objects.filter(kind="employer", organisation_tax_id=digits).first()


def submit(application: Any) -> Submitted:
    """File a complete draft in the portal (only types whose route is ``local_online``); raises
    ValidationError when the type is filed elsewhere or something is missing."""
    from .models import CaseSource
    from .routes import not_filed_here_message, route_for

    route = route_for(application.office, application.type_code)
    if not route.files_here:  # checked again at filing: a route may change while a draft waits
        raise ValidationError(not_filed_here_message(route))
    return open_case(application, source=CaseSource.PORTAL)


def open_case(
    application: Any,
    *,
    source: str,
    filed_at: datetime.date | None = None,
    documents_complete_at: datetime.date | None = None,
    mos_number: str = "",
) -> Submitted:
    """Open the case of a complete application, whichever way it was filed (``source``): the portal
    (for the types filed here) or an intake of an application filed elsewhere (MOS), whose filing
    dates come from that filing, never from the foreigner."""
    from .models import Application, ApplicationStatus, Case

    if all_errors(application) or missing_attachments(application):
        raise ValidationError(_("The application is not complete yet."))
    kind = get_type(application.type_code)
    data = application.data
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.DRAFT:
            raise ValidationError(_("This application has already been submitted."))
        number = next_case_number(application.office)
        pin = new_pin(_pin_length(application.office))
        today = timezone.localdate()
        birth = datetime.date.fromisoformat(data["birth_date"])
        employer = _find_employer(data.get("employer_nip", "")) if kind.employer_annex else None
        case = Case(
            office=application.office,
            number=number,
            pin_hash=hash_pin(number, pin),
            application_type=kind.code,
            person_name=f"{data['given_names']} {data['surname']}",
            passport_number=data["passport_number"].replace(" ", "").upper(),
            birth_date=birth,
            person_key=person_key(
                application.office, data["passport_number"], birth, str(application.applicant_id)
            ),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            language=application.language,
            applicant=application.applicant,
            employer=employer,
            employer_tax_id="".join(ch for ch in data.get("employer_nip", "") if ch.isdigit()),
            employer_annex_required=kind.employer_annex,
            filed_at=filed_at or today,
            documents_complete_at=documents_complete_at or filed_at or today,
            source=source,
            mos_number=mos_number,
        )
        recompute(case)
        case.save()
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = timezone.now()
        application.source = source
        application.case = case
        application.save()
        application.attachments.update(case=case)
        from .models import StageChange

        StageChange.objects.create(case=case, old_stage="", new_stage="filed", actor=application.applicant)
    return Submitted(case, pin)


# ----------------------------------------------------------------------------- messages


def post_message(case: Any, author: Any, body: str, *, from_office: bool) -> Any:
    from .models import Message
    from .notifying import announce_message

    message = Message.objects.create(case=case, author=author, body=body, from_office=from_office)
    if from_office:
        transaction.on_commit(lambda: announce_message(case))
    return message


def mark_read(case: Any, *, by_office: bool) -> int:
    """Read receipts: the other side's unread messages become read now."""
    return case.messages.filter(from_office=not by_office, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# ----------------------------------------------------------------------------- supplements


def request_supplement(case: Any, officer: Any, text: str, due_date: datetime.date) -> Any:
    """Open a request to supplement: the case moves to ``supplement_requested``, the clock pauses."""
    from .models import SupplementRequest
    from .notifying import announce_supplement
    from .workflow import transition

    with transaction.atomic():
        request = SupplementRequest.objects.create(
            case=case, text=text, due_date=due_date, requested_on=timezone.localdate(), requested_by=officer
        )
        transition(case, "supplement_requested", officer, note=text)
        transaction.on_commit(lambda: announce_supplement(case, request))
    return request


def answer_supplement(request: Any, user: Any, text: str) -> Any:
    """The person answered (with uploads): the pause ends, documents are complete from today."""
    from .models import Case

    with transaction.atomic():
        request.answered_on = timezone.localdate()
        request.answer_text = text
        request.save()
        case = Case.objects.select_for_update().get(pk=request.case_id)
        if not case.supplements.filter(answered_on__isnull=True).exists():
            case.documents_complete_at = request.answered_on
        recompute(case)
        case.save()
    return request


# ----------------------------------------------------------------------------- officers


def assign(case: Any, assignee: Any, by: Any) -> Any:
    """Make ``assignee`` the handler of the case (the policy's ``assignee`` and ``team`` scopes follow)."""
    import contextlib

    from przystan.audit.api import acting_as

    with transaction.atomic(), acting_as(by) if by is not None else contextlib.nullcontext():
        case.assignee = assignee
        case.save()
    return case


def add_inquiry(case: Any, officer: Any, authority: str, due_days: int = 30) -> Any:
    from .models import Inquiry

    today = timezone.localdate()
    return Inquiry.objects.create(
        case=case,
        authority=authority,
        sent_on=today,
        due_on=today + datetime.timedelta(days=due_days),
        created_by=officer,
    )


def answer_inquiry(inquiry: Any, answer: str) -> Any:
    inquiry.answered_on = timezone.localdate()
    inquiry.answer = answer
    inquiry.save()
    return inquiry


def move_file(case: Any, location: str, by: Any, holder: Any = None) -> Any:
    from .models import FileMove

    with transaction.atomic():
        move = FileMove.objects.create(case=case, location=location, holder=holder, moved_by=by)
        case.file_location = location
        case.save()
    return move


def store_receipt(office: Any, payment: dict[str, Any]) -> Any:
    """``payment_settled``: keep the receipt PDF on the case (once per payment reference)."""
    from django.core.files.base import ContentFile

    from .models import Case, CaseReceipt

    reference = payment.get("case_reference")
    case = Case.objects.filter(office=office, number=reference).first() if reference else None
    if case is None or CaseReceipt.objects.filter(reference=payment["reference"]).exists():
        return None
    receipt = CaseReceipt(
        case=case,
        reference=payment["reference"],
        fee_codes=list(payment.get("fee_codes") or []),
        amount_grosze=int(payment.get("amount_grosze") or 0),
        paid_at=payment.get("paid_at"),
    )
    receipt.pdf.save("receipt.pdf", ContentFile(payment.get("receipt_pdf") or b""), save=False)
    receipt.save()
    return receipt


def lookup(office: Any, number: str, secret: str | None) -> dict[str, Any] | None:
    """``case_lookup``: the live case dict, or ``None`` (unknown number or wrong PIN)."""
    from .models import Case
    from .pins import check_status_pin

    case = Case.objects.filter(office=office, number=(number or "").strip().upper()).first()
    if case is None or (secret is not None and not check_status_pin(case, secret).ok):
        return None
    return {
        "reference": case.number,
        "person_name": case.person_name,
        "person_key": case.person_key,
        "application_type": case.application_type,
        "stage": case.stage,
        "live": case.stage != "closed",
        "filed_at": case.filed_at,
    }
