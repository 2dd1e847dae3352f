"""The office's closures screen (/staff/closures/): who may use it (the policy: office administrators and
supervisors of the office), the year's list, adding and removing a day off with its names in four
languages and its source, the translated refusals, and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from przystan.audit.models import AuditEntry
from przystan.offices.models import OfficeClosure

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "designated",
    "name_pl": "Dzień wolny za święto 1 maja przypadające w sobotę",
    "name_en": "Day off for the 1 May holiday, which falls on a Saturday",
    "name_uk": "Вихідний день за свято 1 травня, що припадає на суботу",
    "name_ru": "Выходной день за праздник 1 мая, выпадающий на субботу",
    "source": "M.P. 2027 poz. 1 (przykład)",
}


@pytest.fixture
def signed_in(client, office, user_factory, staff_login):
    def sign_in(role: str = "office_admin", language: str = "pl", where=None):
        user = user_factory(f"{role}@example.gov.pl", kind="staff", roles=(role,), office=where or office)
        staff_login(client, user)
        client.cookies["django_language"] = language
        return user

    return sign_in


def test_the_list_shows_the_years_holidays_and_the_offices_days_off(client, signed_in):
    signed_in("supervisor")
    assert 'href="/staff/closures/"' in client.get("/staff/").text  # on the staff dashboard
    page = client.get("/staff/closures/?year=2026")
    assert page.status_code == 200
    assert "Wigilia Bożego Narodzenia" in page.text and "święto ustawowe" in page.text
    assert "Dzień wolny za święto 26 grudnia" in page.text and "M.P. 2026 poz. 36" in page.text
    assert "dzień wolny wyznaczony przez Prezesa Rady Ministrów" in page.text
    client.cookies["django_language"] = "ru"
    page = client.get("/staff/closures/?year=2026")
    assert "Сочельник" in page.text and "Выходной день за праздник 26 декабря" in page.text


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_an_office_admin_adds_a_day_off_and_removes_it(client, office, signed_in, language):
    admin = signed_in("office_admin", language)
    day = dt.date(2027, 5, 4)  # any working day ahead (the order for 2027 is not known yet)
    done = client.post("/staff/closures/", {**FORM, "date": day.isoformat()}, follow=True)
    assert done.status_code == 200
    assert {"pl": "Urząd jest zamknięty", "uk": "Управління не працює"}[language] in done.text
    closure = OfficeClosure.objects.get(office=office, date=day)
    assert (
        closure.created_by == admin
        and closure.kind == "designated"
        and closure.name_ru.startswith("Выходной")
    )
    added = AuditEntry.objects.filter(object_id=str(closure.pk), action="create").first()
    assert added is not None and added.actor_id == admin.pk
    asked = client.get(f"/staff/closures/{closure.pk}/remove/")
    assert asked.status_code == 200 and closure.name_in(language) in asked.text
    client.post(f"/staff/closures/{closure.pk}/remove/")
    assert not OfficeClosure.objects.filter(pk=closure.pk).exists()
    assert AuditEntry.objects.filter(object_id=str(closure.pk), action="delete").exists()


@pytest.mark.parametrize(
    ("language", "duplicate", "statutory", "required"),
    [
        (
            "pl",
            "Urząd ma już dzień wolny",
            "to ustawowe święto (Wigilia Bożego Narodzenia)",
            "To pole jest wymagane",
        ),
        ("uk", "Управління вже має вихідний день", "державне свято (Святий вечір)", "Це поле обов"),
        ("ru", "У учреждения уже есть выходной день", "праздник (Сочельник)", "Это поле обязательно"),
        (
            "en",
            "The office already has a day off",
            "is a statutory holiday (Christmas Eve)",
            "This field is required",
        ),
    ],
)
def test_refusals_are_translated(client, signed_in, language, duplicate, statutory, required):
    signed_in("office_admin", language)
    again = client.post("/staff/closures/", {**FORM, "date": "2026-12-28"})
    assert again.status_code == 400 and duplicate in again.text
    holiday = client.post("/staff/closures/", {**FORM, "date": "2026-12-24"})
    assert holiday.status_code == 400 and statutory in holiday.text
    no_russian = client.post("/staff/closures/", {**FORM, "date": "2027-05-04", "name_ru": ""})
    assert no_russian.status_code == 400 and required in no_russian.text


def test_a_past_day_with_visits_cannot_be_closed(client, office, enable_plugin, signed_in):
    from plugins.queue_booking.models import Booking, ServicePoint, ServiceType, Slot

    enable_plugin(office, "queue_booking")
    point = ServicePoint.objects.create(office=office, code="s1", name="Stanowisko 1")
    service = ServiceType.objects.create(office=office, code="filing", duration_minutes=20)
    past = timezone.localdate() - dt.timedelta(days=3)
    starts = timezone.make_aware(dt.datetime.combine(past, dt.time(9)))
    slot = Slot.objects.create(
        office=office,
        service_type=service,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=1,
        booked=1,
        released_at=starts - dt.timedelta(days=7),
    )
    Booking.objects.create(
        office=office,
        slot=slot,
        service_type=service,
        reference="PAST0001",
        full_name="Olena Shevchenko",
        identity_hash="x" * 64,
        person_key="x",
        document_kind="passport",
        status="served",
    )
    signed_in("office_admin", "uk")
    refused = client.post("/staff/closures/", {**FORM, "kind": "office", "date": past.isoformat()})
    assert refused.status_code == 400 and "минулий день не можна закрити" in refused.text
    assert not OfficeClosure.objects.filter(office=office, date=past).exists()


@pytest.mark.parametrize("role", ["officer", "queue_officer", "editor"])
def test_other_roles_may_not_use_the_screen(client, signed_in, role):
    signed_in(role)
    assert client.get("/staff/closures/").status_code == 403
    assert 'href="/staff/closures/"' not in client.get("/staff/").text


def test_another_offices_day_off_is_not_found(client, office, other_office, signed_in):
    signed_in("office_admin")
    theirs = OfficeClosure.objects.get(office=other_office, date=dt.date(2026, 12, 28))
    assert client.get(f"/staff/closures/{theirs.pk}/remove/").status_code == 404
    assert client.post(f"/staff/closures/{theirs.pk}/remove/").status_code == 404
    assert OfficeClosure.objects.filter(pk=theirs.pk).exists()


def test_a_foreigner_and_an_anonymous_visitor_are_kept_out(client, user_factory):
    assert client.get("/staff/closures/").status_code in (302, 403)
    client.force_login(user_factory("olena@example.com", kind="foreigner"))
    assert client.get("/staff/closures/").status_code == 403
