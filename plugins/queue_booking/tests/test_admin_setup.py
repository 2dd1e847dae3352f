"""Booking set-up in the Wagtail admin: only where the plugin is enabled, only the office's own records."""

from __future__ import annotations

import re

import pytest

from plugins.queue_booking.models import ServicePoint, ServiceType, WeeklySchedule

pytestmark = pytest.mark.django_db
OTHER_HOST = "drugi.testserver"


@pytest.fixture
def admin_client(client, booking_office, other_office, user_factory, staff_login):
    admin = user_factory("admin@example.gov.pl", kind="staff", roles=("office_admin",), office=booking_office)
    staff_login(client, admin)
    return client


def test_menu_group_and_urls_exist_only_where_booking_is_enabled(admin_client):
    here = admin_client.get("/admin/")
    assert "Visit booking" in here.content.decode() or "Rezerwacja wizyt" in here.content.decode()
    assert admin_client.get("/admin/qb_points/").status_code == 200
    there = admin_client.get("/admin/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "qb_points" not in there
    assert admin_client.get("/admin/qb_points/", HTTP_HOST=OTHER_HOST).status_code == 404


def test_set_up_follows_the_policy_not_django_permissions(client, booking_office, user_factory, staff_login):
    supervisor = user_factory(
        "kier@example.gov.pl", kind="staff", roles=("supervisor",), office=booking_office
    )
    editor = user_factory("red@example.gov.pl", kind="staff", roles=("editor",), office=booking_office)
    staff_login(client, supervisor)
    assert client.get("/admin/qb_points/").status_code == 200  # view
    assert client.get("/admin/qb_points/new/").status_code in (302, 403)  # no manage
    assert client.post("/admin/qb_points/new/", {"code": "z1", "name": "Z", "active": "on"}).status_code in (
        302,
        403,
    )
    assert not ServicePoint.objects.filter(code="z1").exists()
    client.logout()
    staff_login(client, editor)
    assert client.get("/admin/qb_points/").status_code in (302, 403)


def test_new_records_belong_to_the_admins_office_and_choices_are_its_own(
    admin_client, booking_office, other_office
):
    foreign = ServiceType.objects.create(office=other_office, code="filing", duration_minutes=15)
    ours = ServiceType.objects.create(office=booking_office, code="filing", duration_minutes=20)
    form_page = admin_client.get("/admin/qb_points/new/").content.decode()
    assert 'name="office"' not in form_page
    response = admin_client.post("/admin/qb_points/new/", {"code": "w1", "name": "Okienko 1", "active": "on"})
    assert response.status_code == 302
    point = ServicePoint.objects.get(code="w1")
    assert point.office_id == booking_office.pk
    schedule_form = admin_client.get("/admin/qb_schedules/new/").content.decode()
    choices = re.search(r'<select name="service_type".*?</select>', schedule_form, re.S).group(0)
    assert set(re.findall(r'<option value="(\d+)"', choices)) == {str(ours.pk)}
    refused = admin_client.post(
        "/admin/qb_schedules/new/",
        {
            "service_type": foreign.pk,
            "service_point": point.pk,
            "weekday": 0,
            "start_time": "08:00",
            "end_time": "12:00",
            "capacity_per_slot": 1,
        },
    )
    assert refused.status_code == 200  # the other office's service type is not a valid choice
    assert not WeeklySchedule.objects.exists()
