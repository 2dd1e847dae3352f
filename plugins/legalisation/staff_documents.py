"""The staff copy of an electronic application as a PDF: answers by section, the attachments with
their type check, the signatures' metadata, the filing confirmation and a Code128 barcode of the case
number (the same code the counter page reads)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from przystan.documents.pdf import DocumentBuilder, render_document

from .application_types import type_name
from .electronic import (
    EMPTY,
    attachment_checks,
    filing_confirmation,
    format_date,
    format_datetime,
    grouped_answers,
    signatures,
)


def staff_application_pdf(case: Any, application: Any, language: str = "pl") -> bytes:
    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Application in case %(number)s") % {"number": case.number})
        doc.code128(case.number, align="LEFT")
        doc.spacer(4)
        doc.key_value_table(
            [
                (_("Case number"), case.number),
                (_("Application type"), type_name(case.application_type)),
                (_("Filed through"), case.get_source_display()),
                (_("Filed on"), format_date(case.filed_at)),
                (_("Name"), case.person_name),
            ]
        )
        for section in grouped_answers(application):
            doc.heading(section.title, level=2)
            doc.key_value_table([(a.label, a.value) for a in section.answers])
        doc.heading(_("Attachments"), level=2)
        checks = attachment_checks(application)
        if checks:
            doc.table(
                [_("Document"), _("File"), _("Declared"), _("Content"), _("Type check")],
                [
                    (
                        c.label,
                        c.attachment.original_name,
                        c.declared_name,
                        c.detected_name,
                        c.problem or _("matches"),
                    )
                    for c in checks
                ],
                col_widths=[0.2, 0.17, 0.17, 0.16, 0.3],
            )
        else:
            doc.paragraph(_("No files were attached."))
        doc.heading(_("Signatures"), level=2)
        signed = signatures(application)
        if signed:
            doc.table(
                [_("Signature"), _("Signer"), _("Signed at"), _("Issuer"), _("Verification")],
                [
                    (s.kind, s.signer, s.signed_at, s.issuer, _("valid") if s.valid else _("NOT valid"))
                    for s in signed
                ],
                col_widths=[0.24, 0.2, 0.18, 0.22, 0.16],
            )
        else:
            doc.paragraph(_("The application carries no electronic signature."))
        doc.heading(_("Filing confirmation"), level=2)
        confirmation = filing_confirmation(application)
        if confirmation:
            doc.key_value_table(confirmation)
        else:
            doc.paragraph(_("No confirmation of an electronic filing."))
        doc.paragraph(
            _("Printed for the office on %(at)s.") % {"at": format_datetime(timezone.now()) or EMPTY},
            small=True,
        )

    return render_document(
        case.office,
        title=_("Application %(number)s") % {"number": case.number},
        language=language,
        build=build,
        reference=case.number,
    )
