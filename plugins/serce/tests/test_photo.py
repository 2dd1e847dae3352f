"""The person's photo: served only to staff with access to the person, every read audited, on the card."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from plugins.serce.access import assign_to_centre
from plugins.serce.services import printouts
from plugins.serce.services.stays import admit
from przystan.audit.models import AuditEntry

from .factories import make_person

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def photographed(serce_office, centres, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    grupa, linin = centres
    anna = make_person(serce_office, "Anna", "Kovalenko")
    anna.photo.save("anna.png", ContentFile(_png()))
    admit(anna, grupa, dt.date(2026, 1, 5))
    return anna


def test_photo_file_name_is_unguessable(photographed):
    assert "anna" not in photographed.photo.name and photographed.photo.name.endswith(".png")


def test_photo_served_to_centre_staff_of_the_centre_and_read_audited(
    client, staff, staff_login, photographed, centres
):
    grupa, linin = centres
    worker = staff("grupa@example.gov.pl", "centre_staff")
    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    page = client.get(reverse("serce:person-detail", args=[photographed.pk])).content.decode()
    url = reverse("serce:person-photo", args=[photographed.pk])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content == _png() and "no-store" in response["Cache-Control"]
    read = AuditEntry.objects.filter(action="read", actor=worker, object_id=str(photographed.pk))
    assert read.filter(reason="serce photo").count() == 1


def test_photo_refused_outside_the_centre_and_logged(client, staff, staff_login, photographed, centres):
    _grupa, linin = centres
    other = staff("linin@example.gov.pl", "centre_staff")
    assign_to_centre(other, linin)
    staff_login(client, other)
    assert client.get(reverse("serce:person-photo", args=[photographed.pk])).status_code == 403
    assert AuditEntry.objects.filter(action="denied", actor=other, object_id=str(photographed.pk)).exists()
    assert not AuditEntry.objects.filter(action="read", actor=other).exists()


def _resident_and_worker(staff, serce_office, centre):
    import datetime as dt

    from plugins.serce.services.stays import admit

    person = make_person(serce_office, "Ivan", "Petrenko")
    admit(person, centre, dt.date(2026, 1, 5))
    worker = staff("osrodek@example.gov.pl", "centre_staff")
    assign_to_centre(worker, centre)
    return person, worker


def test_no_photo_is_404(client, staff, staff_login, serce_office, centres):
    person, officer = _resident_and_worker(staff, serce_office, centres[0])
    staff_login(client, officer)
    assert client.get(reverse("serce:person-photo", args=[person.pk])).status_code == 404


def test_photo_upload_rejects_other_files(
    client, staff, staff_login, serce_office, centres, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    person, officer = _resident_and_worker(staff, serce_office, centres[0])
    staff_login(client, officer)
    data = {
        "first_name": "Ivan",
        "last_name": "Petrenko",
        "sex": "M",
        "language": "uk",
        "status": "active",
        "photo": ContentFile(b"not an image", name="x.png"),
    }
    response = client.post(reverse("serce:person-edit", args=[person.pk]), data)
    assert response.status_code == 200
    person.refresh_from_db()
    assert not person.photo


def test_photo_on_the_register_card(photographed):
    reader = PdfReader(io.BytesIO(printouts.person_card(photographed)))
    assert any(page.images for page in reader.pages)
    without = make_person(photographed.office, "Ivan", "Petrenko")
    assert not any(page.images for page in PdfReader(io.BytesIO(printouts.person_card(without))).pages)
