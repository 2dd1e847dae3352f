"""PDFs: the filled application (Code128 + QR carrying the case number) and decision letters."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

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
