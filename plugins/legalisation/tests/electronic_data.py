"""Test data of an electronically filed application (the shape a MOS import gives): answers in Polish
and Ukrainian, signatures' metadata, the UPO, and attachments whose declared type may not match."""

from __future__ import annotations

import io
from typing import Any

from .conftest import attach_required, make_application, png_bytes

CYRILLIC_PURPOSE = "Навчання в університеті та робота у Вроцлаві"
POLISH_STREET = "ul. Żółkiewskiego 5/12, Łódź"
UPO = "UPO-2026-000777"
MOS_NUMBER = "MOS/2026/123456"


def pdf_with_text(text: str = "Umowa o pracę") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 28)
    page.drawString(72, 720, text)
    page.rect(72, 300, 300, 300, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


def add_file(application: Any, kind: str, name: str, data: bytes, declared: str) -> Any:
    from plugins.legalisation.demo_electronic import attach_file

    return attach_file(application, kind, name, data, declared)


def electronic_case(office: Any, user: Any, **case_fields: Any) -> Any:
    """A submitted temp_work case turned into a MOS filing: Cyrillic/Polish answers, signatures, UPO,
    a real PDF contract, a PNG photo declared as PNG and a PNG declared as a PDF (a mismatch)."""
    from plugins.legalisation.models import CaseSource
    from plugins.legalisation.services import open_case

    work = {
        "employer_name": "Zakład Łączności Sp. z o.o.",
        "employer_nip": "526-000-12-46",
        "position": "Spawacz",
        "employment_start": "2026-02-01",
        "employment_end": "2027-01-31",
        "monthly_salary": "6500",
    }
    draft = make_application(office, user, "temp_work", **work)
    attach_required(draft)
    case = open_case(draft, source=CaseSource.MOS).case  # filed in MOS, opened here
    application = case.application
    application.data.update(
        {
            "street": POLISH_STREET,
            "purpose": CYRILLIC_PURPOSE,
            "employer_name": "Zakład Łączności Sp. z o.o.",
            "employer_nip": "526-000-12-46",
            "position": "Spawacz",
            "employment_start": "2026-02-01",
            "employment_end": "2027-01-31",
            "monthly_salary": "6500",
            "mos_reference_note": "Дані з MOS",
        }
    )
    application.source = "mos"
    application.signatures = [
        {
            "kind": "qualified",
            "signer": "Olena Shevchenko",
            "signed_at": "2026-11-30T09:15:00+00:00",
            "issuer": "Certum QCA 2017",
            "serial": "4F2A",
            "valid": True,
        },
        {
            "method": "trusted_profile",
            "signer": "Jan Kowalski (pracodawca)",
            "signed_at": "2026-11-30T10:00:00+00:00",
            "issuer": "Profil Zaufany",
            "valid": False,
        },
    ]
    application.filing_confirmation = {
        "upo_id": UPO,
        "filed_at": "2026-11-30T09:20:00+00:00",
        "mos_number": MOS_NUMBER,
    }
    application.save()
    application.attachments.all().delete()
    add_file(application, "photo", "zdjecie.png", png_bytes(), "image/png")
    add_file(application, "passport_copy", "paszport.pdf", png_bytes(), "application/pdf")  # mismatch
    add_file(application, "contract", "umowa.pdf", pdf_with_text(), "application/pdf")
    add_file(application, "insurance", "polisa.pdf", b"MZ\x90\x00 not a document", "application/pdf")
    case.source = "mos"
    case.mos_number = MOS_NUMBER
    for name, value in case_fields.items():
        setattr(case, name, value)
    case.save()
    application.refresh_from_db()
    return case
