"""Office closures and visits: no slots on a closed day (statutory holiday, designated day off, the
office's own closure), and a closure added on a day with bookings never keeps selling it — the staff
member is told how many visits are booked and chooses to cancel them (the persons are told) or keep
them; removing the closure offers the day again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from plugins.queue_booking.models import Booking, BookingStatus, Slot, WeeklySchedule
from plugins.queue_booking.services.booking import book
from plugins.queue_booking.services.slots import generate_slots
from przystan.offices.closures import closed_days
from przystan.offices.models import OfficeClosure

from .conftest import person

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def weekly(service):
    for weekday in range(5):
        WeeklySchedule.objects.create(
            office=service.office,
            service_type=service,
            service_point=service.point,
            weekday=weekday,
            start_time=dt.time(9),
            end_time=dt.time(10),
            capacity_per_slot=2,
        )
    return service


def _days_with_slots(office):
    return {
        timezone.localdate(s) for s in Slot.objects.filter(office=office).values_list("starts_at", flat=True)
    }


def test_no_slots_on_holidays_designated_days_off_and_office_closures(weekly):
    office = weekly.office
    OfficeClosure.objects.create(office=office, date=d(2026, 12, 30), kind="office", name_pl="Inwentaryzacja")
    generate_slots(office, start=d(2026, 12, 21), days=11)  # Mon 21 – Thu 31 Dec 2026
    assert _days_with_slots(office) == {
        d(2026, 12, 21),
        d(2026, 12, 22),
        d(2026, 12, 23),
        d(2026, 12, 29),
        d(2026, 12, 31),
    }
    generate_slots(office, start=d(2026, 8, 10), days=7)
    assert d(2026, 8, 14) not in _days_with_slots(office) and d(2026, 8, 13) in _days_with_slots(office)


def _open_weekday(office, ahead=10):
    day = timezone.localdate() + dt.timedelta(days=ahead)
    while day.weekday() >= 5 or day in closed_days(office, day, day):
        day += dt.timedelta(days=1)
    return day


def _book_two(service, day):
    generate_slots(service.office, start=day, days=1)
    slot = Slot.objects.filter(office=service.office, starts_at__date=day).order_by("starts_at").first()
    Slot.objects.filter(pk=slot.pk).update(released_at=timezone.now() - dt.timedelta(hours=1))
    return [book(service.office, slot.pk, person(n)) for n in (1, 2)]


def _as_admin(client, office, user_factory, staff_login, language="pl"):
    admin = user_factory("admin@example.gov.pl", kind="staff", roles=("office_admin",), office=office)
    staff_login(client, admin)
    client.cookies["django_language"] = language
    return admin


FORM = {
    "kind": "office",
    "name_pl": "Awaria instalacji",
    "name_en": "Building failure",
    "name_uk": "Аварія в будівлі",
    "name_ru": "Авария в здании",
    "source": "Decyzja dyrektora generalnego",
}


def test_closing_a_day_with_bookings_warns_and_cancels_them_when_asked(
    client, weekly, user_factory, staff_login, django_capture_on_commit_callbacks
):
    from przystan.notifications.models import OutboundMessage

    office = weekly.office
    day = _open_weekday(office)
    first, second = _book_two(weekly, day)
    _as_admin(client, office, user_factory, staff_login)
    asked = client.post("/staff/closures/", {**FORM, "date": day.isoformat()})
    assert asked.status_code == 400  # nothing saved yet: the staff member has to choose
    assert "zarezerwowane wizyty: 2" in asked.text and "Odwołać je i zawiadomić osoby" in asked.text
    assert not OfficeClosure.objects.filter(office=office, date=day).exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            "/staff/closures/", {**FORM, "date": day.isoformat(), "bookings": "cancel"}, follow=True
        )
    told = OutboundMessage.objects.filter(type="queue_booking.booking_cancelled", channel="email")
    assert set(told.values_list("recipient", flat=True)) == {first.email, second.email}
    assert done.status_code == 200 and "2 zarezerwowane wizyty zostały odwołane" in done.text
    assert set(Booking.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        BookingStatus.CANCELLED
    }
    assert all(slot.free == 0 for slot in Slot.objects.filter(office=office, starts_at__date=day))
    assert (
        Slot.objects.filter(office=office, starts_at__date=day, booked=0, bookings__isnull=True).count() == 0
    )
    closure = OfficeClosure.objects.get(office=office, date=day)
    assert closure.created_by.email == "admin@example.gov.pl"
    # removing the closure offers the day again
    removed = client.post(f"/staff/closures/{closure.pk}/remove/", follow=True)
    assert removed.status_code == 200 and "Wizyty na ten dzień są znów oferowane" in removed.text
    assert not OfficeClosure.objects.filter(pk=closure.pk).exists()
    assert sum(slot.free for slot in Slot.objects.filter(office=office, starts_at__date=day)) > 0


def test_keeping_the_bookings_still_stops_selling_the_day(client, weekly, user_factory, staff_login):
    office = weekly.office
    day = _open_weekday(office)
    first, _second = _book_two(weekly, day)
    _as_admin(client, office, user_factory, staff_login, "uk")
    done = client.post("/staff/closures/", {**FORM, "date": day.isoformat(), "bookings": "keep"}, follow=True)
    assert "перенесіть їх у плані дня" in done.text
    first.refresh_from_db()
    assert first.status == BookingStatus.BOOKED
    assert all(slot.free == 0 for slot in Slot.objects.filter(office=office, starts_at__date=day))
    assert generate_slots(office, start=day, days=1) == 0
