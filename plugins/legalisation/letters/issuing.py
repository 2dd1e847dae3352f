"""Issuing a letter from a template: the preview, the decision register, the PDF, the workflow move
and, for an inquiry, the electronic dispatch — all in one transaction (nothing half-done)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _

from przystan import dispatch

from ..application_types import type_name
from .placeholders import render_text

DECISION_KINDS = (
    "decision_granted",
    "decision_refused",
    "decision_discontinued",
    "decision_left_unexamined",
)
DUE_DATE_KINDS = (
    "summons_appear",
    "summons_fingerprints",
    "summons_supplement",
    "summons_pay",
    "request_supplement",
    "inquiry",
)

# the stage a letter moves the case to, when its workflow allows that move from the current stage
FOLLOWING_STAGE = {"summons_fingerprints": "summons_fingerprints", "inquiry": "opinions_requested"}


def letter_date(value: datetime.date | None, language: str) -> str:
    """A date as letters print it (``3 grudnia 2026``), in the letter's language."""
    if value is None:
        return ""
    with translation.override(language):
        return dateformat.format(value, "j E Y")


def decision_number(office: Any, year: int, seq: int) -> str:
    prefix = "".join(ch for ch in office.code.upper() if ch.isalnum())[:8] or "WSC"
    return f"{prefix}/D/{year}/{seq:05d}"


def next_register_entry(office: Any, year: int) -> int:
    """The next decision number of ``office`` in ``year``; call inside the issuing transaction: the
    register row stays locked until it commits, and a rollback gives the number back (no gaps)."""
    from ..models import DecisionRegister

    DecisionRegister.objects.bulk_create(
        [DecisionRegister(office=office, year=year, last=0)], ignore_conflicts=True
    )
    register = DecisionRegister.objects.select_for_update().get(office=office, year=year)
    register.last += 1
    register.save(update_fields=["last"])
    return register.last


@dataclass
class Rendered:
    title: str
    body: str
    legal_basis: str
    reasoning: str
    appeal_instruction: str
    place: str
    signatory: str


def render(
    case: Any,
    template: Any,
    *,
    details: str = "",
    due_date: datetime.date | None = None,
    authority: str = "",
    number: str = "",
    issued_on: datetime.date | None = None,
) -> Rendered:
    """The template's texts with the case's values (``number`` empty in a preview)."""
    from ..models.tracking import Authority

    language = template.language
    issued_on = issued_on or timezone.localdate()
    with translation.override(language):
        authority_name = str(dict(Authority.choices).get(authority, "")) if authority else ""
        values = {
            "case_number": case.number,
            "applicant_name": case.person_name,
            "passport_number": case.passport_number,
            "application_type": str(type_name(case.application_type)),
            "filed_on": letter_date(case.filed_at, language),
            "office_name": case.office.name,
            "office_address": ", ".join(case.office.address_lines),
            "due_date": letter_date(due_date, language),
            "legal_basis": template.legal_basis,
            "decision_number": number or _("[number given on issue]"),
            "date": letter_date(issued_on, language),
            "place": template.place,
            "signatory": template.signatory,
            "authority": authority_name,
            "details": details,
        }
    return Rendered(
        title=render_text(template.title, values),
        body=render_text(template.body, values),
        legal_basis=render_text(template.legal_basis, values),
        reasoning=render_text(template.reasoning, values),
        appeal_instruction=render_text(template.appeal_instruction, values),
        place=template.place,
        signatory=template.signatory,
    )


def check_input(case: Any, template: Any, *, due_date: datetime.date | None, authority: str) -> None:
    """Raise a translated ``ValidationError`` for input that cannot make this letter."""
    from ..models.tracking import Authority
    from ..workflow import allowed_next

    errors: dict[str, str] = {}
    if template.office_id != case.office_id or not template.active:
        errors["template"] = _("Choose a template of this office that is in use.")
    if template.kind in DUE_DATE_KINDS:
        if due_date is None:
            errors["due_date"] = _("Give the date by which the person or the authority must act.")
        elif due_date <= timezone.localdate():
            errors["due_date"] = _("The due date must be after today.")
    if template.kind == "inquiry" and authority not in Authority.values:
        errors["authority"] = _("Choose the authority to ask.")
    if template.kind in DECISION_KINDS and template.kind not in allowed_next(
        case.application_type, case.stage
    ):
        from ..stages import stage_name

        errors["template"] = _("This decision cannot be issued at the stage “%(stage)s”.") % {
            "stage": stage_name(case.stage)
        }
    if template.kind in ("decision_granted", "decision_refused") and "template" not in errors:
        # a decision on the merits needs the evidence: no open request to supplement, and every
        # other authority has answered or let its time pass (its silence then counts as no objection)
        today = timezone.localdate()
        if case.supplements.filter(answered_on__isnull=True).exists():
            errors["template"] = _(
                "A request to supplement is still open: record the answer first, or leave the application "
                "unexamined if the time has passed."
            )
        elif case.inquiries.filter(answered_on__isnull=True, due_on__gte=today).exists():
            errors["template"] = _(
                "Another authority has not answered yet and its time has not passed: wait for the answer "
                "or for the due date of the inquiry."
            )
    if errors:
        raise ValidationError(errors)


def issue(
    case: Any,
    template: Any,
    actor: Any,
    *,
    details: str = "",
    due_date: datetime.date | None = None,
    authority: str = "",
    expected_version: int | None = None,
) -> Any:
    """Issue the letter (see the module docstring); returns the :class:`Letter`.

    Raises ``ValidationError`` for bad input, :class:`~plugins.legalisation.workflow.TransitionNotAllowed`
    when the case cannot move, :class:`przystan.dispatch.DispatchError` when an inquiry cannot be sent —
    in each case nothing is kept (no letter, no register number, no inquiry).
    """
    from ..models import Case, Inquiry, Letter, LetterTemplate
    from ..services import request_supplement
    from ..workflow import allowed_next, transition
    from .pdf import letter_pdf

    if template.kind not in DUE_DATE_KINDS:
        due_date = None  # a decision has no due date (the appeal runs from delivery)
    if template.kind != "inquiry":
        authority = ""
    check_input(case, template, due_date=due_date, authority=authority)
    today = timezone.localdate()
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        template = LetterTemplate.objects.select_for_update().get(pk=template.pk)
        if expected_version is not None and template.version != expected_version:
            raise ValidationError(
                {
                    "template": _(
                        "The template was changed meanwhile; look at the new preview and issue again."
                    )
                }
            )
        version = template.current_version()
        seq = number = None
        if template.kind in DECISION_KINDS:
            seq = next_register_entry(case.office, today.year)
            number = decision_number(case.office, today.year, seq)
        rendered = render(
            case, template, details=details, due_date=due_date, authority=authority, number=number or ""
        )
        inquiry = None
        if template.kind == "inquiry":
            inquiry = Inquiry.objects.create(
                case=case, authority=authority, sent_on=today, due_on=due_date, created_by=actor
            )
        letter = Letter(
            office=case.office,
            case=case,
            template_version=version,
            kind=template.kind,
            language=template.language,
            title=rendered.title[:300],
            body=rendered.body,
            legal_basis=rendered.legal_basis,
            reasoning=rendered.reasoning,
            appeal_instruction=rendered.appeal_instruction,
            place=rendered.place,
            signatory=rendered.signatory,
            issued_on=today,
            due_date=due_date,
            register_year=today.year if seq else None,
            register_seq=seq,
            register_number=number or "",
            authority=authority,
            inquiry=inquiry,
            issued_by=actor,
        )
        letter.pdf.save("letter.pdf", ContentFile(letter_pdf(letter)), save=False)
        letter.save()
        if template.kind in DECISION_KINDS:
            transition(case, template.kind, actor, note=_("Decision %(number)s") % {"number": number})
        elif template.kind == "request_supplement" and "supplement_requested" in allowed_next(
            case.application_type, case.stage
        ):
            request_supplement(case, actor, details or rendered.body, due_date)
        elif template.kind in FOLLOWING_STAGE and FOLLOWING_STAGE[template.kind] in allowed_next(
            case.application_type, case.stage
        ):
            transition(case, FOLLOWING_STAGE[template.kind], actor, note=rendered.title)
        if inquiry is not None:
            send_letter(letter)
    case.refresh_from_db()
    return letter


def send_letter(letter: Any) -> Any:
    """Send an inquiry letter with its PDF to the authority; records the :class:`Dispatch`."""
    from ..models import Dispatch

    message = dispatch.OutgoingMessage(
        recipient=letter.authority,
        reference=letter.case.number,
        subject=letter.title,
        body=letter.body,
        purpose="letter",
        attachments=(
            dispatch.Attachment(f"{letter.case.number}.pdf", "application/pdf", _pdf_bytes(letter)),
        ),
    )
    result = dispatch.send(letter.office, message)
    return Dispatch.objects.create(
        letter=letter,
        inquiry=letter.inquiry,
        purpose="letter",
        recipient=letter.authority,
        adapter=result.adapter,
        dispatch_id=result.dispatch_id,
        status=result.status,
        delivered_at=result.delivered_at,
    )


def _pdf_bytes(letter: Any) -> bytes:
    with letter.pdf.open("rb") as handle:
        return handle.read()
