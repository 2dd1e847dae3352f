import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from plugins.serce import register_numbers
from plugins.serce.models import Stay
from plugins.serce.search_keys import search_key
from plugins.serce.services.stays import admit, current_stay, discharge

from .factories import make_centre, make_person

pytestmark = pytest.mark.django_db


def test_person_gets_valid_unique_register_number(office):
    a = make_person(office)
    b = make_person(office, "Ivan", "Petrenko")
    assert register_numbers.is_valid(a.register_number)
    assert a.register_number != b.register_number


def test_transliterations_share_one_search_key():
    keys = {search_key(v) for v in ("Шевченко", "Shevchenko", "Szewczenko", "Schewtschenko", "Ševčenko")}
    assert len(keys) == 1
    assert search_key("Хмельницький") == search_key("Khmelnytskyi") == search_key("Chmielnicki")
    assert search_key("Євген") == search_key("Yevhen")
    assert search_key("Ганна") == search_key("Hanna") != search_key("Anna")


def test_pobyt_id_unique_per_office(office):
    make_person(office, pobyt_id="P-1")
    make_person(office, "Ivan", "Petrenko")  # blank ids do not collide
    make_person(office, "Oleh", "Petrenko")
    with pytest.raises(IntegrityError):
        make_person(office, "Anna", "Koval", pobyt_id="P-1")


def test_admit_moves_person_and_keeps_history(office):
    person = make_person(office)
    debak = make_centre(office, "debak")
    bp = make_centre(office, "biala", kind="reception")
    first = admit(person, bp, dt.date(2026, 1, 1))
    second = admit(person, debak, dt.date(2026, 1, 10), room="12")
    first.refresh_from_db()
    assert first.date_to == dt.date(2026, 1, 9)
    assert current_stay(person) == second
    assert discharge(person, dt.date(2026, 2, 1)).date_to == dt.date(2026, 2, 1)
    assert current_stay(person) is None
    assert Stay.objects.filter(person=person).count() == 2


def test_overlapping_stay_rejected(office):
    person = make_person(office)
    centre = make_centre(office)
    Stay.objects.create(
        person=person, centre=centre, date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 1, 31)
    )
    with pytest.raises(ValidationError):
        Stay(person=person, centre=centre, date_from=dt.date(2026, 1, 15)).full_clean()
    with pytest.raises(ValidationError):
        Stay(
            person=person, centre=centre, date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 1, 1)
        ).full_clean()


def test_admit_on_the_day_of_leaving_another_centre(office):
    person = make_person(office)
    a = make_centre(office, "a")
    b = make_centre(office, "b")
    c = make_centre(office, "c")
    admit(person, a, dt.date(2026, 1, 1))
    discharge(person, dt.date(2026, 1, 10))  # left A on the 10th ...
    second = admit(person, b, dt.date(2026, 1, 10))  # ... and sleeps in B that night
    first = Stay.objects.get(person=person, centre=a)
    assert first.date_to == dt.date(2026, 1, 9) and second.date_from == dt.date(2026, 1, 10)
    # a one-day stop-over (arrived and left on the same day) is kept as it is
    discharge(person, dt.date(2026, 1, 20))
    stop = admit(person, c, dt.date(2026, 1, 20))
    Stay.objects.filter(pk=stop.pk).update(date_to=dt.date(2026, 1, 20))
    third = admit(person, a, dt.date(2026, 1, 20))
    assert Stay.objects.get(pk=stop.pk).date_to == dt.date(2026, 1, 20) and third.date_to is None
    with pytest.raises(ValidationError):  # before the start of the open stay
        admit(person, b, dt.date(2026, 1, 5))
