"""Service credentials: an office administrator issues them (secret shown once) and revokes them; a
credential calls only the API routes of its scopes, only for its office, and every use is audited."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from przystan.api.models import ServiceCredential, hash_secret
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user
from przystan.testing.plugins import build_system, use_plugin_system

pytestmark = pytest.mark.django_db
SCREEN = "/staff/service-credentials/"


@pytest.fixture
def office_admin(secured_office):
    return make_user("admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=secured_office)


def entries(credential, action):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ServiceCredential),
        object_id=str(credential.pk),
        action=action,
    ).order_by("pk")


def issue(client, name="Kiosk", scopes=("office-plugins",)):
    page = client.post(SCREEN, {"name": name, "scopes": list(scopes)}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200, page.content
    assert "no-store" in page["Cache-Control"]
    value = re.search(r'<code id="issued-secret">Service ([^<]+)</code>', page.content.decode()).group(1)
    return ServiceCredential.objects.get(name=name), value


def call(client, value, path="/api/office-plugins/", **extra):
    return client.get(path, HTTP_AUTHORIZATION=f"Service {value}", HTTP_ACCEPT_LANGUAGE="en", **extra)


def test_the_office_admin_issues_a_credential_whose_secret_is_shown_once(client, office_admin, staff_login):
    staff_login(client, office_admin)
    credential, value = issue(client)
    secret = value.split(".", 1)[1]
    assert credential.secret_hash == hash_secret(secret) and secret not in str(credential.__dict__)
    assert credential.office == office_admin.home_office and credential.created_by == office_admin
    assert credential.scopes == ["office-plugins"]
    listing = client.get(SCREEN).content.decode()
    assert "Kiosk" in listing and secret not in listing
    created = entries(credential, "create").get()
    assert created.actor == office_admin and created.changes["scopes"] == [None, ["office-plugins"]]


def test_a_credential_calls_only_its_scopes_at_its_office_and_every_use_is_audited(
    client, office_admin, staff_login, other_office
):
    staff_login(client, office_admin)
    credential, value = issue(client)
    client.logout()

    allowed = call(client, value, REMOTE_ADDR="198.51.100.4")
    assert allowed.status_code == 200
    use = entries(credential, "use").get()
    assert use.actor_repr.startswith("service:Kiosk") and use.ip == "198.51.100.4"
    assert "GET /api/office-plugins/" in use.reason and "office-plugins:list" in use.reason
    credential.refresh_from_db()
    assert credential.last_used_at is not None

    # a route outside its scopes, even one anybody may call without credentials
    outside = call(client, value, "/api/offices/")
    assert outside.status_code == 403
    # its own office only
    assert call(client, value, HTTP_HOST="drugi.testserver").status_code == 403
    assert entries(credential, "denied").count() == 2

    # a wrong secret or an unknown id
    assert call(client, value[:-2] + "xx").status_code == 401
    assert call(client, "not-a-uuid.secret").status_code == 401


def test_action_scopes_allow_only_that_action(client, secured_office, office_admin):
    credential, value = ServiceCredential.issue(
        name="Czytnik", office=secured_office, scopes=["office-plugins:retrieve"], created_by=office_admin
    )
    assert call(client, value, "/api/office-plugins/legalisation/").status_code == 200
    assert call(client, value, "/api/office-plugins/").status_code == 403


def test_revoked_or_expired_credentials_are_refused(client, office_admin, staff_login):
    staff_login(client, office_admin)
    credential, value = issue(client)
    revoked = client.post(f"{SCREEN}{credential.public_id}/revoke/")
    assert revoked.status_code == 302
    credential.refresh_from_db()
    assert credential.revoked_at is not None and credential.revoked_by == office_admin
    assert entries(credential, "update").get().reason == "service credential revoked"
    client.logout()
    refused = call(client, value)
    assert (
        refused.status_code == 401
        and refused.json()["detail"] == "The service credential is revoked or expired."
    )

    other, other_value = ServiceCredential.issue(
        name="Stary",
        office=credential.office,
        scopes=["office-plugins"],
        created_by=office_admin,
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    assert call(client, other_value).status_code == 401


def test_only_office_admins_of_the_office_manage_its_credentials(
    client, secured_office, other_office, staff_login
):
    officer = make_user("officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=secured_office)
    staff_login(client, officer)
    assert client.get(SCREEN).status_code == 403
    client.logout()
    foreign_admin = make_user(
        "admin@drugi.example.gov.pl", kind="staff", roles=("office_admin",), office=other_office
    )
    staff_login(client, foreign_admin)
    assert client.get(SCREEN).status_code == 404  # another office's screen is not revealed
    credential, _value = ServiceCredential.issue(
        name="Kiosk", office=secured_office, scopes=["office-plugins"], created_by=None
    )
    assert client.post(f"{SCREEN}{credential.public_id}/revoke/").status_code == 404
    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_the_screen_is_not_on_the_public_instance(client, office_admin, staff_login):
    staff_login(client, office_admin)
    with use_plugin_system(build_system(), profile="public"):
        assert client.get(SCREEN).status_code == 404


def test_a_kiosk_credential_checks_visitors_in_at_its_office_and_reads_nothing_else(
    client, secured_office, other_office, office_admin, resident, enable_plugin
):
    """The credential holds no role: the access policy gives it the office-wide grants of the routes
    its scopes name (check-in), nothing more — not the register, not another office's bookings."""
    from plugins.queue_booking.models import ServicePoint, ServiceType, Slot
    from plugins.queue_booking.services import booking as engine
    from plugins.queue_booking.services import queue
    from plugins.queue_booking.tests.conftest import person

    point = ServicePoint.objects.create(office=secured_office, code="k1", name="Stanowisko 1")
    service = ServiceType.objects.create(office=secured_office, code="filing", duration_minutes=20)
    starts = timezone.make_aware(dt.datetime.combine(queue.office_today(), dt.time(23, 0)))
    if starts <= timezone.now():
        starts = timezone.now() + dt.timedelta(minutes=1)
    slot = Slot.objects.create(
        office=secured_office,
        service_type=service,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=2,
        released_at=timezone.now() - dt.timedelta(days=1),
    )
    visit = engine.book(secured_office, slot.pk, person(7))
    enable_plugin(other_office, "queue_booking")  # served there too: the credential itself is refused
    _credential, value = ServiceCredential.issue(
        name="Kiosk w holu", office=secured_office, scopes=["booking-check-ins"], created_by=office_admin
    )
    body = {"reference": visit.reference, "document_kind": "passport", "document_number": "AB0000007"}

    checked = client.post(
        "/api/booking/check-ins/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Service {value}",
    )
    assert checked.status_code == 201, checked.content
    visit.refresh_from_db()
    assert visit.checked_in_at is not None
    # the register is outside its scopes; so is every other office
    assert call(client, value, f"/api/serce/persons/{resident.pk}/").status_code == 403
    assert (
        client.post(
            "/api/booking/check-ins/",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Service {value}",
            HTTP_HOST="drugi.testserver",
        ).status_code
        == 403
    )
