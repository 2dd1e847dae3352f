"""Filling, validating, attaching, submitting and printing an application (HTML views, no JS)."""

import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from plugins.legalisation.models import Application, ApplicationStatus, Case

from .conftest import PDF_BYTES, VALID, attach_required, make_application, png_bytes, upload

pytestmark = pytest.mark.django_db


def test_step_error_is_translated_and_input_kept(client, legal_office, foreigner):
    client.force_login(foreigner)
    client.cookies["django_language"] = "uk"
    response = client.post(reverse("legalisation:start", args=["visa_extension"]))
    application = Application.objects.get(applicant=foreigner)
    assert response.status_code == 302
    contact = {k: VALID[k] for k in ("street", "city", "email", "phone")} | {
        "postal_code": "00624",
        "next": "1",
    }
    response = client.post(reverse("legalisation:step", args=[application.public_id, 1]), contact)
    assert response.status_code == 400
    with translation.override("uk"):
        expected = translation.gettext("A Polish postal code looks like 00-624.")
    assert expected in response.content.decode()
    assert (
        'value="00624"' in response.content.decode()
        and 'value="ul. Marszałkowska 10/2"' in response.content.decode()
    )
    application.refresh_from_db()
    assert application.data["postal_code"] == "00624"  # the draft keeps what was typed
    contact["postal_code"] = "00-624"
    response = client.post(reverse("legalisation:step", args=[application.public_id, 1]), contact)
    assert response.status_code == 302 and response["Location"].endswith("/step/2/")


def test_live_validation_endpoint_saves_draft(client, legal_office, foreigner):
    application = make_application(legal_office, foreigner, surname="")
    client.force_login(foreigner)
    url = reverse("legalisation:validate", args=[application.public_id])
    data = client.post(url, {"surname": "Шевченко", "birth_date": "2999-01-01", "unknown": "x"}).json()
    assert set(data["errors"]) == {"surname", "birth_date"} and data["saved"]
    application.refresh_from_db()
    assert application.data["surname"] == "Шевченко" and "unknown" not in application.data


@pytest.mark.parametrize(
    ("name", "data", "accepted"),
    [
        ("a.pdf", PDF_BYTES, True),
        ("a.png", None, True),
        ("a.jpg", b"\xff\xd8\xff\xe0rest", True),
        ("evil.pdf", b"MZ\x90\x00 not a pdf", False),
        (
            "eicar.pdf",
            b"%PDF-1.4 X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*",
            False,
        ),
    ],
)
def test_attachment_checked_by_content_and_scanned(client, legal_office, foreigner, name, data, accepted):
    application = make_application(legal_office, foreigner)
    client.force_login(foreigner)
    client.post(
        reverse("legalisation:upload", args=[application.public_id]),
        {"kind": "photo", "file": upload(name, data or png_bytes())},
    )
    assert application.attachments.count() == (1 if accepted else 0)


def test_attachment_size_and_count_limits(client, legal_office, foreigner, settings):
    from plugins.legalisation import attachments

    application = make_application(legal_office, foreigner)
    client.force_login(foreigner)
    url = reverse("legalisation:upload", args=[application.public_id])
    client.post(url, {"kind": "photo", "file": upload("big.pdf", PDF_BYTES + b"0" * attachments.MAX_BYTES)})
    assert application.attachments.count() == 0
    for _ in range(attachments.MAX_FILES + 2):
        client.post(url, {"kind": "other", "file": upload()})
    assert application.attachments.count() == attachments.MAX_FILES


def test_submit_creates_case_and_pdf_barcode_decodes_to_case_number(
    client, legal_office, foreigner, tmp_path
):
    from PIL import Image
    from pyzbar.pyzbar import decode

    application = make_application(legal_office, foreigner, "visa_extension", visa_number="AB1234567")
    client.force_login(foreigner)
    review = reverse("legalisation:submit", args=[application.public_id])
    client.post(review)
    assert Case.objects.count() == 0  # attachments missing
    attach_required(application)
    response = client.post(review)
    application.refresh_from_db()
    case = application.case
    assert application.status == ApplicationStatus.SUBMITTED and case.stage == "filed"
    assert case.source == "portal" and application.source == "portal"
    page = client.get(response["Location"]).content.decode()
    assert case.number in page
    pin = page.split('id="case-pin">')[1].split("<")[0]
    from plugins.legalisation.numbering import pin_matches

    assert pin_matches(case, pin)
    pdf = client.get(reverse("legalisation:pdf", args=[application.public_id]))
    assert pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "application.pdf"
    path.write_bytes(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Shevchenko" in text and case.number in text
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True
    )
    codes = {symbol.data.decode() for symbol in decode(Image.open(tmp_path / "page.png"))}
    assert codes == {case.number}
    # a second submission of the same application creates nothing
    client.post(review)
    assert Case.objects.count() == 1
