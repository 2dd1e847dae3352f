"""Fixtures of the legalisation tests: an office with the plugin on, people, a submitted case."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from przystan.testing.factories import make_user

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

VALID = {
    "surname": "Shevchenko",
    "given_names": "Olena",
    "fathers_name": "",
    "birth_date": "1990-04-12",
    "citizenship": "Ukraine",
    "passport_number": "FE123456",
    "passport_expiry": "2031-01-01",
    "street": "ul. Marszałkowska 10/2",
    "postal_code": "00-624",
    "city": "Warszawa",
    "email": "olena@example.com",
    "phone": "+48 600 100 200",
    "sponsor_name": "Jan Kowalski",
    "sponsor_pesel": "44051401359",
    "purpose": "Leczenie w szpitalu klinicznym",
    "invited_name": "Ivan Petrenko",
    "employment_start": "2026-02-01",
    "visa_number": "AB1234567",
}


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name: str = "scan.pdf", data: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def legal_office(office: Any, enable_plugin: Any) -> Any:
    enable_plugin(office, "legalisation")
    return office


@pytest.fixture
def other_legal_office(other_office: Any, enable_plugin: Any) -> Any:
    enable_plugin(other_office, "legalisation")
    return other_office


@pytest.fixture
def foreigner(db: Any) -> Any:
    return make_user("olena@example.com", kind="foreigner", preferred_language="uk", phone="+48600100200")


@pytest.fixture
def other_foreigner(db: Any) -> Any:
    return make_user("ivan@example.com", kind="foreigner")


@pytest.fixture
def officer(legal_office: Any) -> Any:
    return make_user("officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)


@pytest.fixture
def supervisor(legal_office: Any) -> Any:
    return make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=legal_office)


def make_application(office: Any, user: Any, type_code: str = "temp_spouse", **data: Any) -> Any:
    from plugins.legalisation.models import Application

    return Application.objects.create(
        office=office, applicant=user, type_code=type_code, data={**VALID, **data}, language="uk"
    )


def attach_required(application: Any) -> None:
    from plugins.legalisation import attachments
    from plugins.legalisation.application_types import get_type

    for spec in get_type(application.type_code).attachments:
        if spec.required:
            attachments.store(
                upload(),
                PDF_BYTES,
                "application/pdf",
                kind=spec.code,
                user=application.applicant,
                application=application,
            )


def submitted_case(office: Any, user: Any, type_code: str = "temp_spouse") -> tuple[Any, str]:
    """A case of ``type_code`` as it exists after filing: filed in this portal for the types filed
    here, opened from the MOS filing for the types filed only in MOS."""
    from plugins.legalisation.models import CaseSource
    from plugins.legalisation.routes import route_for
    from plugins.legalisation.services import open_case, submit

    application = make_application(office, user, type_code)
    attach_required(application)
    if route_for(office, type_code).files_here:
        result = submit(application)
    else:
        result = open_case(application, source=CaseSource.MOS)
    return result.case, result.pin


@pytest.fixture
def case_and_pin(legal_office: Any, foreigner: Any) -> tuple[Any, str]:
    return submitted_case(legal_office, foreigner)


@pytest.fixture(autouse=True)
def seeded_deadline_rules(request: Any) -> None:
    """The deadline rules and suspensions migration 0008 seeds (a transactional test's flush removes them)."""
    from plugins.legalisation.deadline_rules import ensure_seeded

    names = request.fixturenames
    if request.node.get_closest_marker("django_db") is None:
        if "transactional_db" in names or "live_server" in names:
            request.getfixturevalue("transactional_db")
        elif "db" in names:
            request.getfixturevalue("db")
        else:
            return
    ensure_seeded()
