"""PDFs: the filled application (Code128 + QR carrying the case number) and decision letters."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from przystan.documents.pdf import DocumentBuilder, render_document

from .application_types import get_type
from .stages import stage_name


def application_pdf(application: Any) -> bytes:
    case = application.case
    kind = get_type(application.type_code)

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Application: %(type)s") % {"type": kind.name})
        doc.key_value_table(
            [
                (_("Case number"), case.number),
                (_("Application type"), kind.name),
                (
                    _("Submitted"),
                    application.submitted_at.strftime("%Y-%m-%d %H:%M") if application.submitted_at else "",
                ),
            ]
        )
        for section in kind.sections:
            doc.heading(str(section.title), level=2)
            doc.key_value_table(
                [(spec.label, application.data.get(spec.name, "")) for spec in section.fields]
            )
        files = list(application.attachments.all())
        if files:
            doc.heading(_("Attachments"), level=2)
            doc.table(
                [_("Document"), _("File"), _("Size")],
                [(a.kind, a.original_name, f"{a.size // 1024 + 1} kB") for a in files],
                col_widths=[0.35, 0.45, 0.2],
            )
        doc.spacer(4)
        doc.paragraph(
            _("The code below carries the case number, to compare this paper with the electronic file."),
            small=True,
        )
        doc.code128(case.number, align="LEFT")
        doc.qr(case.number, size_mm=28)
        doc.signature_line(_("Signature of the applicant"))

    return render_document(
        application.office,
        title=_("Application %(number)s") % {"number": case.number},
        language=application.language,
        build=build,
        reference=case.number,
    )


def decision_pdf(case: Any, language: str = "pl") -> bytes:
    """A letter stating the current decision stage of the case (the officer signs the paper copy)."""

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Decision"))
        doc.key_value_table(
            [
                (_("Case number"), case.number),
                (_("Party"), case.person_name),
                (_("Passport number"), case.passport_number),
                (_("Application type"), get_type(case.application_type).name),
                (_("Outcome"), stage_name(case.stage)),
            ]
        )
        doc.paragraph(
            _(
                "An appeal lies to the Head of the Office for Foreigners within 14 days of delivery, through this office."
            )
        )
        doc.signature_line(_("Officer"))

    return render_document(
        case.office,
        title=_("Decision %(number)s") % {"number": case.number},
        language=language,
        build=build,
        reference=case.number,
    )


def filing_receipt_pdf(case: Any, language: str = "pl") -> bytes:
    """Proof of filing (like the UPO of e-government): what the office received, when, with the
    SHA-256 of every attached file so the person can later prove which files they gave."""
    from .models import Application

    application = Application.objects.filter(case=case).first()
    received = application.submitted_at if application and application.submitted_at else case.created_at
    received = timezone.localtime(received)
    files = list(application.attachments.all()) if application else []
    kind = get_type(case.application_type)
    labels = {spec.code: spec.label for spec in kind.attachments}

    def build(doc: DocumentBuilder) -> None:
        doc.heading(pgettext("document", "Proof of filing"))
        doc.paragraph(_("The office confirms that it has received the application described below."))
        rows = [
            (_("Office"), case.office.name),
            (_("Case number"), case.number),
            (_("Application type"), kind.name),
            (_("Applicant"), case.person_name),
            (_("Received on"), received.strftime("%Y-%m-%d %H:%M:%S %Z").strip()),
        ]
        if case.mos_number:
            rows.append((_("MOS application number"), case.mos_number))
        doc.key_value_table(rows)
        doc.heading(_("Attachments"), level=2)
        if not files:
            doc.paragraph(_("No files were attached here."))
        for index, attachment in enumerate(files, start=1):
            doc.paragraph(
                f"{index}. {labels.get(attachment.kind, attachment.kind)} — {attachment.original_name} "
                f"({attachment.size} B)"
            )
            doc.paragraph(f"SHA-256: {attachment.sha256}", small=True)
        doc.paragraph(
            _(
                "SHA-256 is a fingerprint of a file: any change to the file changes it, so it shows "
                "which files the office received."
            ),
            small=True,
        )
        doc.code128(case.number, align="LEFT")

    return render_document(
        case.office,
        title=_("Proof of filing %(number)s") % {"number": case.number},
        language=language,
        build=build,
        reference=case.number,
    )


def supplement_letter_pdf(request: Any, language: str = "pl") -> bytes:
    """The request to supplement (wezwanie) as a letter: what is missing, by when, and that the legal
    clock is paused until the answer."""
    case = request.case

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Request to supplement"))
        doc.key_value_table(
            [
                (_("Case number"), case.number),
                (_("Party"), case.person_name),
                (_("Application type"), get_type(case.application_type).name),
                (_("Sent on"), request.requested_on.isoformat()),
                (_("Deadline"), request.due_date.isoformat()),
            ]
        )
        doc.heading(_("What is missing"), level=2)
        doc.paragraph(request.text)
        doc.paragraph(
            _(
                "Send the documents by the deadline through your case page or bring them to the office. "
                "The time limit for deciding the case does not run until the documents are complete."
            )
        )
        doc.code128(case.number, align="LEFT")
        doc.signature_line(_("Officer"))

    return render_document(
        case.office,
        title=_("Request to supplement %(number)s") % {"number": case.number},
        language=language,
        build=build,
        reference=case.number,
    )
