"""Staff screens of the register: one date format (dd.mm.rrrr, HH:MM in office time where the time
matters) in every language, and the person's notes (a social worker's note) on the person's page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from plugins.serce.access import assign_to_centre
from plugins.serce.dates import staff_date
from plugins.serce.models import Benefit, FoodArrangement
from plugins.serce.services.stays import admit

from .factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(serce_office, centres):
    person = make_person(serce_office, notes="")
    admit(person, centres[0], dt.date(2026, 10, 1))
    FoodArrangement.objects.create(person=person, mode="meals", date_from=dt.date(2026, 10, 2))
    Benefit.objects.create(person=person, kind="hygiene", date_from=dt.date(2026, 10, 5), payment_day=15)
    return person


def _client(staff, centres, staff_login, role: str) -> Client:
    user = staff(f"{role}@example.gov.pl", role)
    assign_to_centre(user, centres[0])
    client = Client()
    staff_login(client, user)
    return client


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_person_page_shows_dates_as_dd_mm_yyyy(staff, centres, staff_login, resident, language):
    client = _client(staff, centres, staff_login, "social_worker")
    client.cookies["django_language"] = language
    body = client.get(f"/staff/serce/persons/{resident.pk}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    main = body[body.index("<main") :]
    for shown in ("17.05.1990", "01.10.2026", "02.10.2026", "05.10.2026"):
        assert shown in main, (language, shown)
    for iso in ("1990-05-17", "2026-10-01", "2026-10-05"):
        assert iso not in main.replace('datetime="', "")  # machine-readable attributes may stay ISO


def test_staff_date_reads_dates_moments_and_iso_text():
    moment = dt.datetime(2026, 12, 3, 23, 30, tzinfo=dt.UTC)
    assert staff_date(dt.date(2026, 12, 3)) == "03.12.2026"
    assert staff_date(moment) == "04.12.2026 00:30"  # office time (Europe/Warsaw)
    assert staff_date("2026-11-02") == "02.11.2026"
    assert staff_date(None) == "" and staff_date("unknown") == "unknown"


def test_a_social_worker_writes_a_note_the_centre_staff_read(staff, centres, staff_login, resident):
    worker = _client(staff, centres, staff_login, "social_worker")
    page = worker.get(f"/staff/serce/persons/{resident.pk}/").content.decode()
    assert f'href="/staff/serce/persons/{resident.pk}/edit/#id_notes"' in page
    form = worker.get(f"/staff/serce/persons/{resident.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "photo"}
    data["notes"] = "Rodzina potrzebuje wsparcia w szukaniu mieszkania."
    assert worker.post(f"/staff/serce/persons/{resident.pk}/edit/", data).status_code == 302
    other = _client(staff, centres, staff_login, "centre_staff")
    assert "Rodzina potrzebuje wsparcia" in other.get(f"/staff/serce/persons/{resident.pk}/").content.decode()
    doctor = _client(staff, centres, staff_login, "medical")  # no contact details, no notes
    assert (
        "Rodzina potrzebuje wsparcia"
        not in doctor.get(f"/staff/serce/persons/{resident.pk}/").content.decode()
    )
