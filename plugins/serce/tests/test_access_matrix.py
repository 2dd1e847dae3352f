"""The access matrix of the issue's quality bar, through real HTTP requests with MFA sessions."""

import datetime as dt

import pytest
from django.urls import reverse

from plugins.serce.access import assign_to_centre, visible_persons
from plugins.serce.models import MedicalFilter, SchoolEnrolment
from plugins.serce.services.stays import admit
from przystan.audit.models import AuditEntry

from .factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def residents(serce_office, centres):
    grupa, linin = centres
    anna = make_person(serce_office, "Anna", "Kovalenko")
    ivan = make_person(serce_office, "Ivan", "Petrenko")
    admit(anna, grupa, dt.date(2026, 1, 5))
    admit(ivan, linin, dt.date(2026, 1, 5))
    MedicalFilter.objects.create(person=anna, examined_on=dt.date(2026, 1, 2), notes="TB negative")
    return anna, ivan


def _denials(user):
    return AuditEntry.objects.filter(action="denied", actor=user)


def test_social_worker_cannot_edit_education(client, staff, staff_login, residents):
    worker = staff("sw@example.gov.pl", "social_worker")
    staff_login(client, worker)
    anna, _ivan = residents
    url = reverse("serce:area-add", args=[anna.pk, "education", "schoolenrolment"])
    response = client.post(
        url, {"school_year": "2026/2027", "school_name": "SP 1", "enrolled_on": "2026-09-01"}
    )
    assert response.status_code == 403
    assert not SchoolEnrolment.objects.exists()
    assert _denials(worker).filter(reason="serce.change_schoolenrolment").count() == 1
    # ... while the same worker may grant a benefit (their own area) and sees the person
    assert client.get(reverse("serce:person-detail", args=[anna.pk])).status_code == 200
    response = client.post(
        reverse("serce:area-add", args=[anna.pk, "benefits", "benefit"]),
        {"kind": "pocket_money", "date_from": "2026-01-05", "payment_day": 15},
    )
    assert response.status_code == 302
    assert anna.benefits.count() == 1


def test_centre_staff_see_only_their_centre(client, staff, staff_login, residents, centres):
    grupa, _linin = centres
    anna, ivan = residents
    worker = staff("grupa@example.gov.pl", "centre_staff")
    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    assert list(visible_persons(worker, grupa.office)) == [anna]
    assert client.get(reverse("serce:person-detail", args=[anna.pk])).status_code == 200
    assert client.get(reverse("serce:person-detail", args=[ivan.pk])).status_code == 403
    assert _denials(worker).filter(reason="serce.work_in_centre", object_id=str(ivan.pk)).count() == 1
    listing = client.get(reverse("serce:person-list"), {"q": "Petrenko"}).content.decode()
    assert reverse("serce:person-detail", args=[ivan.pk]) not in listing
    found = client.get(reverse("serce:person-list"), {"q": "Коваленко"}).content.decode()
    assert reverse("serce:person-detail", args=[anna.pk]) in found
    # centre staff edit education of their own residents
    response = client.post(
        reverse("serce:area-add", args=[anna.pk, "education", "schoolenrolment"]),
        {"school_year": "2026/2027", "school_name": "SP Grupa", "enrolled_on": "2026-09-01"},
    )
    assert response.status_code == 302
    # once Ivan moves to Grupa, he becomes visible
    admit(ivan, grupa, dt.date(2026, 2, 1))
    assert client.get(reverse("serce:person-detail", args=[ivan.pk])).status_code == 200


@pytest.mark.parametrize("roles", [("social_worker",), ("centre_staff",), ("officer",), ("supervisor",)])
def test_no_medical_read_without_medical_role(client, staff, staff_login, residents, centres, roles):
    anna, _ivan = residents
    user = staff(f"{roles[0]}@example.gov.pl", *roles)
    assign_to_centre(user, centres[0])
    staff_login(client, user)
    response = client.get(reverse("serce:medical", args=[anna.pk]))
    assert response.status_code == 403
    assert "TB negative" not in response.content.decode()
    assert _denials(user).filter(reason="serce.view_medicalfilter").count() == 1
    detail = client.get(reverse("serce:person-detail", args=[anna.pk])).content.decode()
    assert "TB negative" not in detail


def test_medical_reads_are_logged(client, staff, staff_login, residents):
    anna, _ivan = residents
    doctor = staff("lekarz@example.gov.pl", "medical")
    staff_login(client, doctor)
    response = client.get(reverse("serce:medical", args=[anna.pk]))
    assert response.status_code == 200
    assert "TB negative" in response.content.decode()
    reads = AuditEntry.objects.filter(action="read", actor=doctor, content_type__model="medicalfilter")
    assert reads.count() == 1


def test_every_change_is_on_the_record(client, staff, staff_login, residents):
    anna, _ivan = residents
    officer = staff("urzednik@example.gov.pl", "officer")
    staff_login(client, officer)
    data = {
        "first_name": "Anna",
        "last_name": "Kowalenko",
        "date_of_birth": "1990-05-17",
        "nationality": "ua",
        "sex": "F",
        "language": "uk",
        "status": "active",
    }
    assert client.post(reverse("serce:person-edit", args=[anna.pk]), data).status_code == 302
    entry = AuditEntry.objects.for_object(anna).filter(action="update", actor=officer).latest("at")
    assert entry.changes["last_name"] == ["Kovalenko", "Kowalenko"]
    page = client.get(reverse("serce:person-detail", args=[anna.pk])).content.decode()
    assert "Kovalenko" in page and "Kowalenko" in page and "urzednik@example.gov.pl" in page


def test_anonymous_and_foreigners_are_refused(client, user_factory, staff_login, residents):
    anna, _ivan = residents
    assert client.get(reverse("serce:person-detail", args=[anna.pk])).status_code == 302
    foreigner = user_factory("f@example.com")
    staff_login(client, foreigner)
    assert client.get(reverse("serce:person-detail", args=[anna.pk])).status_code == 403
