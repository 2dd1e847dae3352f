"""Demo: the first demo case gets the electronic application MOS would deliver — answers (Polish address,
Ukrainian free text), two signatures' metadata, the UPO and four attachments, one of them a JPEG
declared as a PDF so the type check has something to flag. Idempotent (skips a case that has one)."""

from __future__ import annotations

import hashlib
import io
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from .models import Application, ApplicationStatus, Attachment, Case


def _pdf(title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica-Bold", 26)
    page.drawString(60, 760, title)
    page.setFont("Helvetica", 12)
    for line in range(20):
        page.drawString(60, 720 - line * 22, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _image(fmt: str, colour: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (350, 450), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((105, 70, 245, 230), fill=colour)
    draw.rectangle((75, 250, 275, 450), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def attach_file(application: Any, kind: str, name: str, data: bytes, declared: str) -> Any:
    """Store ``data`` as an attachment of the application declared as ``declared`` (as an intake would)."""
    attachment = Attachment(
        application=application,
        case=application.case,
        kind=kind,
        original_name=name,
        content_type=declared,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=application.applicant,
    )
    attachment.file.save("upload", ContentFile(data), save=False)
    attachment.save()
    return attachment


def load_electronic(office: Any, stdout: Any) -> None:
    case = Case.objects.filter(office=office, mos_number=f"MOS-DEMO-{office.pk}-001").first()
    if case is None or case.applicant is None or Application.objects.filter(case=case).exists():
        return
    filed = timezone.make_aware(timezone.datetime.combine(case.filed_at, timezone.datetime.min.time()))
    application = Application.objects.create(
        office=office,
        applicant=case.applicant,
        type_code=case.application_type,
        status=ApplicationStatus.SUBMITTED,
        language=case.language,
        submitted_at=filed,
        case=case,
        source="mos",
        data={
            "surname": "Shevchenko",
            "given_names": "Olena",
            "birth_date": case.birth_date.isoformat() if case.birth_date else "",
            "citizenship": "Ukraina",
            "passport_number": case.passport_number,
            "passport_expiry": "2031-01-01",
            "street": "ul. Żółkiewskiego 5/12",
            "postal_code": "00-624",
            "city": "Łódź",
            "email": case.applicant.email,
            "phone": "+48 600 100 200",
            "employer_name": "Zakład Łączności Demo Sp. z o.o.",
            "employer_nip": "526-000-12-46",
            "position": "Spawaczka",
            "employment_start": "2026-02-01",
            "employment_end": "2027-01-31",
            "monthly_salary": "6500",
            "purpose": "Робота зварювальницею на заводі в Лодзі",
        },
        signatures=[
            {
                "kind": "trusted_profile",
                "signer": "Olena Shevchenko",
                "signed_at": (filed + timezone.timedelta(hours=9)).isoformat(),
                "issuer": "Profil Zaufany (demo)",
                "valid": True,
            },
            {
                "kind": "qualified",
                "signer": "Jan Kowalski (pracodawca)",
                "signed_at": (filed + timezone.timedelta(hours=11)).isoformat(),
                "issuer": "Demo QCA",
                "serial": "DEMO-4F2A",
                "valid": True,
            },
        ],
        filing_confirmation={
            "upo_id": f"UPO-DEMO-{office.pk}-001",
            "filed_at": (filed + timezone.timedelta(hours=9, minutes=5)).isoformat(),
            "mos_number": case.mos_number,
        },
    )
    attach_file(application, "photo", "zdjecie.jpg", _image("JPEG", "#3a6ea5"), "image/jpeg")
    attach_file(application, "passport_copy", "paszport.pdf", _pdf("PASZPORT / PASSPORT"), "application/pdf")
    attach_file(application, "contract", "umowa-o-prace.pdf", _pdf("UMOWA O PRACE"), "application/pdf")
    attach_file(application, "insurance", "ubezpieczenie.pdf", _image("JPEG", "#a53a3a"), "application/pdf")
    stdout.write(f"legalisation: electronic application of demo case {case.number}\n")
