"""An issued letter as a PDF with the office's letterhead (DejaVu fonts: Polish and Cyrillic)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from przystan.documents.pdf import DocumentBuilder, render_document


def letter_pdf(letter: Any) -> bytes:
    """Render ``letter`` in its own language (labels translated, texts as issued)."""
    from .issuing import letter_date

    case = letter.case

    def build(doc: DocumentBuilder) -> None:
        place_date = ", ".join(p for p in (letter.place, letter_date(letter.issued_on, letter.language)) if p)
        doc.paragraph(place_date)
        rows = [(_("Case number"), case.number)]
        if letter.register_number:
            rows.append((_("Decision number"), letter.register_number))
        if letter.authority:
            from ..models.tracking import Authority

            rows.append(
                (
                    pgettext("addressee", "To"),
                    str(dict(Authority.choices).get(letter.authority, letter.authority)),
                )
            )
        else:
            rows.append((_("Party"), case.person_name))
        doc.key_value_table(rows)
        doc.heading(letter.title)
        for part in letter.body.split("\n"):
            if part.strip():
                doc.paragraph(part)
        if letter.legal_basis:
            doc.heading(_("Legal basis"), level=2)
            doc.paragraph(letter.legal_basis)
        if letter.reasoning:
            doc.heading(_("Reasoning"), level=2)
            doc.paragraph(letter.reasoning)
        if letter.appeal_instruction:
            doc.heading(_("Appeal instruction"), level=2)
            doc.paragraph(letter.appeal_instruction)
        doc.signature_line(letter.signatory or _("Officer"), with_date=False)

    return render_document(
        letter.office,
        title=letter.title,
        language=letter.language,
        build=build,
        reference=letter.register_number or case.number,
    )
