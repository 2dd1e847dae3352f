"""The electronic application as an officer reads it: answers grouped as on the form (labels, values in
words), attachments with a type check (declared type against the content's magic bytes), the
signatures' metadata and the filing confirmation. Used by the staff case page, the staff PDF and the
counter page; works the same for applications filled here and for those imported from MOS."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .application_types import TYPES, TYPES_BY_CODE, ApplicationType
from .attachments import sniff
from .fields import FieldSpec

DATE_FORMAT = "j E Y"  # one format for every date the officer reads here (office time zone)
DATETIME_FORMAT = "j E Y, H:i"
EMPTY = "—"

# content types in words (declared or detected)
CONTENT_NAMES = {
    "application/pdf": gettext_lazy("PDF document"),
    "image/jpeg": gettext_lazy("JPEG image"),
    "image/png": gettext_lazy("PNG image"),
}
EXTENSIONS = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
PREVIEWABLE = frozenset(CONTENT_NAMES)
# the confirmation of filing MOS delivers in the package (its checksum and signature are verified at intake)
UPO_KIND = "mos_upo"
UPO_NAMES = {
    "application/xml": gettext_lazy("XML document"),
    "application/json": gettext_lazy("JSON document"),
}
SIGNATURE_KINDS = {
    "trusted_profile": gettext_lazy("Trusted profile (profil zaufany)"),
    "qualified": gettext_lazy("Qualified electronic signature"),
    "personal": gettext_lazy("Personal signature (e-ID card)"),
}


def format_date(value: Any) -> str:
    """A date (or ISO date text) in the one format of these pages, e.g. "3 grudnia 2026"."""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if not isinstance(value, datetime.date):
        return EMPTY
    return formats.date_format(value, DATE_FORMAT)


def format_datetime(value: Any) -> str:
    """A moment (or ISO text) in the office's time zone, in the same date format plus the time."""
    if isinstance(value, str):
        parsed = parse_datetime(value.strip())
        if parsed is None:
            return format_date(value)
        value = parsed
    if not isinstance(value, datetime.datetime):
        return format_date(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return formats.date_format(timezone.localtime(value), DATETIME_FORMAT)


def format_value(spec: FieldSpec, value: Any) -> str:
    """An answer as the officer reads it: dates in words, choices by their label, amounts grouped."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if spec.kind == "date":
        return format_date(value)
    if spec.kind == "choice":
        labels = {code: str(label) for code, label in spec.choices}
        return labels.get(str(value), str(value))
    if spec.kind == "number":
        try:
            amount = Decimal(str(value).replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            return str(value)
        return formats.number_format(
            amount, decimal_pos=0 if amount == amount.to_integral() else 2, use_l10n=True, force_grouping=True
        )
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@dataclass
class Answer:
    name: str
    label: str
    value: str
    missing: bool = False


@dataclass
class AnswerSection:
    code: str
    title: str
    answers: list[Answer] = field(default_factory=list)


def grouped_answers(application: Any) -> list[AnswerSection]:
    """The answers in the sections of the application type, in the form's order; answers the type
    does not know (e.g. extra data of a MOS package) come last under "Other data of the filing"."""
    kind: ApplicationType | None = TYPES_BY_CODE.get(application.type_code)
    data = application.data or {}
    sections: list[AnswerSection] = []
    known: set[str] = set()
    for section in kind.sections if kind else ():
        group = AnswerSection(section.code, str(section.title))
        for spec in section.fields:
            if spec.name in known:
                continue
            known.add(spec.name)
            raw = data.get(spec.name)
            group.answers.append(
                Answer(spec.name, str(spec.label), format_value(spec, raw), missing=spec.required and not raw)
            )
        sections.append(group)
    extra = [name for name in data if name not in known]
    if extra:
        group = AnswerSection("other", _("Other data of the filing"))
        specs = every_field()
        for name in extra:
            spec = specs.get(name) or FieldSpec(name, name.replace("_", " ").capitalize(), required=False)
            group.answers.append(Answer(name, str(spec.label), format_value(spec, data[name])))
        sections.append(group)
    return sections


def every_field() -> dict[str, FieldSpec]:
    """Field specs of all types by name (labels for answers another type's form would ask)."""
    return {spec.name: spec for kind in TYPES for spec in kind.all_fields}


@dataclass
class AttachmentCheck:
    attachment: Any
    label: str
    declared: str  # content type the file was declared as (by its sender or its name)
    detected: str | None  # content type recognised from the first bytes
    problem: str = ""  # the mismatch in words, empty when the check passed

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def previewable(self) -> bool:
        return self.detected in PREVIEWABLE

    @property
    def is_image(self) -> bool:
        return self.detected in ("image/jpeg", "image/png")

    @property
    def declared_name(self) -> str:
        return content_name(self.declared)

    @property
    def detected_name(self) -> str:
        return content_name(self.detected) if self.detected else _("not recognised")


def content_name(content_type: str | None) -> str:
    if not content_type:
        return _("not declared")
    return str(CONTENT_NAMES.get(content_type) or UPO_NAMES.get(content_type) or content_type)


def _upo_type(head: bytes) -> str | None:
    start = head.lstrip()[:1]
    return {b"<": "application/xml", b"{": "application/json"}.get(start)


def head_bytes(attachment: Any, length: int = 16) -> bytes:
    try:
        with attachment.file.open("rb") as handle:
            return handle.read(length)
    except (OSError, ValueError):
        return b""


def check_attachment(attachment: Any, label: str = "") -> AttachmentCheck:
    """Compare the declared type (the stored content type and the file name's extension) with the
    content recognised by its magic bytes; a difference is described in words."""
    head = head_bytes(attachment)
    detected = _upo_type(head) if attachment.kind == UPO_KIND else sniff(head)
    declared = (attachment.content_type or "").lower()
    by_name = EXTENSIONS.get(os.path.splitext(attachment.original_name or "")[1].lower())
    problem = ""
    if detected is None:
        problem = _(
            "The content is not a PDF, JPEG or PNG file (declared as %(declared)s): do not open it "
            "outside Przystań; ask the person for the document again."
        ) % {"declared": content_name(declared or by_name)}
    elif declared and declared != detected:
        problem = _("Declared as %(declared)s, but the content is a %(detected)s.") % {
            "declared": content_name(declared),
            "detected": content_name(detected),
        }
    elif by_name and by_name != detected:
        problem = _("The file name says %(declared)s, but the content is a %(detected)s.") % {
            "declared": content_name(by_name),
            "detected": content_name(detected),
        }
    return AttachmentCheck(attachment, label or attachment.kind, declared or by_name or "", detected, problem)


def attachment_labels(type_code: str) -> dict[str, str]:
    kind = TYPES_BY_CODE.get(type_code)
    labels = {spec.code: str(spec.label) for spec in kind.attachments} if kind else {}
    return {**labels, UPO_KIND: str(gettext_lazy("Confirmation of filing from MOS (UPO)"))}


def attachment_checks(application: Any) -> list[AttachmentCheck]:
    labels = attachment_labels(application.type_code)
    return [check_attachment(a, labels.get(a.kind, a.kind)) for a in application.attachments.all()]


@dataclass
class SignatureView:
    kind: str
    signer: str
    signed_at: str
    issuer: str
    serial: str
    valid: bool


def signatures(application: Any) -> list[SignatureView]:
    """The signatures' metadata in words (``kind`` or ``method``: trusted_profile, qualified, personal)."""
    found = []
    for item in application.signatures or []:
        if not isinstance(item, dict):
            continue
        code = str(item.get("kind") or item.get("method") or "")
        found.append(
            SignatureView(
                kind=str(SIGNATURE_KINDS.get(code, code or EMPTY)),
                signer=str(item.get("signer") or EMPTY),
                signed_at=format_datetime(item.get("signed_at")) if item.get("signed_at") else EMPTY,
                issuer=str(item.get("issuer") or EMPTY),
                serial=str(item.get("serial") or ""),
                valid=item.get("valid") is True,
            )
        )
    return found


def filing_confirmation(application: Any) -> list[tuple[str, str]]:
    """The external filing confirmation (MOS UPO) as label/value rows; empty when there is none."""
    confirmation = application.filing_confirmation or {}
    if not confirmation:
        return []
    case = application.case
    rows = []
    upo = confirmation.get("upo_id") or confirmation.get("number")
    if upo:
        rows.append((_("Confirmation (UPO) number"), str(upo)))
    filed = confirmation.get("filed_at") or confirmation.get("received_at")
    if filed:
        rows.append((_("Filed at"), format_datetime(filed)))
    mos = confirmation.get("mos_number") or (case.mos_number if case is not None else "")
    if mos:
        rows.append((_("MOS application number"), str(mos)))
    return rows


def required_documents(type_code: str) -> list[tuple[str, str]]:
    """(code, label) of the documents the type requires, for the counter checklist."""
    kind = TYPES_BY_CODE.get(type_code)
    return [(spec.code, str(spec.label)) for spec in kind.attachments if spec.required] if kind else []


def application_of(case: Any) -> Any:
    from .models import Application

    return Application.objects.filter(case=case).prefetch_related("attachments").first()


def electronic_context(case: Any) -> dict[str, Any]:
    """What the staff case page shows of the application (call only after the read_sensitive check)."""
    application = application_of(case)
    if application is None:
        return {"electronic": None, "counter_checks": counter_history(case)}
    return {
        "electronic": {
            "application": application,
            "sections": grouped_answers(application),
            "checks": attachment_checks(application),
            "signatures": signatures(application),
            "confirmation": filing_confirmation(application),
        },
        "counter_checks": counter_history(case),
    }


def counter_history(case: Any, limit: int = 10) -> list[dict[str, Any]]:
    """The latest counter checks of the case with their rows in words."""
    from .counter import check_rows

    labels = attachment_labels(case.application_type)
    return [
        {"check": check, "at": format_datetime(check.at), "rows": check_rows(check, labels)}
        for check in case.counter_checks.select_related("checked_by")[:limit]
    ]
