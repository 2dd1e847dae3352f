"""Two staff admitting two people to the last free bed at once, through a real server: one wins."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
from django.db import connection
from django.test import Client

from plugins.hotel.models import Bed, Placement

from .conftest import add_room, make_centre, make_person

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
)


def _session(client: Client, live_server, path: str) -> tuple[httpx.Client, str]:
    http = httpx.Client(
        base_url=live_server.url, cookies={"sessionid": client.cookies["sessionid"].value}, timeout=30
    )
    page = http.get(path)
    assert page.status_code == 200, page.text[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return http, token


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_staff_admitting_to_the_last_free_bed_at_once(
    round_, live_server, hotel_office, user_factory, staff_login
):
    from plugins.hotel.access import grant_centre

    centre = make_centre(hotel_office, "ostatni", name="Ośrodek Ostatni")
    add_room(centre, "1", 1)
    bed = Bed.objects.get(centre=centre)
    people = [make_person(hotel_office, "Anna", "Nowak"), make_person(hotel_office, "Iryna", "Bondar")]
    sessions = []
    for index, person in enumerate(people):
        user = user_factory(
            f"staff{index}@example.com", kind="staff", roles=("centre_staff",), office=hotel_office
        )
        grant_centre(user, centre)
        client = Client()
        staff_login(client, user)
        path = f"/staff/hotel/centres/{centre.pk}/admit/?person={person.pk}"
        http, token = _session(client, live_server, path)
        sessions.append((http, token, path, person))

    barrier = threading.Barrier(2)
    statuses: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def post(http: httpx.Client, token: str, path: str, person) -> None:
        try:
            barrier.wait(timeout=30)
            response = http.post(
                path,
                data={"csrfmiddlewaretoken": token, f"bed_{person.pk}": bed.pk},
                headers={"Referer": live_server.url + path},
            )
            with lock:
                statuses.append(response.status_code)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=post, args=s) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sorted(statuses) == [302, 409]
    assert Placement.objects.filter(bed=bed, ended_at__isnull=True).count() == 1
    assert Placement.objects.count() == 1
