from __future__ import annotations

import re

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from przystan.notifications.service import deliver_due
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


@pytest.fixture
def editor(user_factory, office):
    return user_factory(email="editor@uw.example.gov.pl", kind="staff", roles=("editor",), office=office)


def log_in(client, user):
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_staff_without_a_device_is_sent_to_setup_and_admin_opens_after_totp(client, editor):
    log_in(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/mfa/setup/?next=%2Fadmin%2F"
    assert client.get("/staff/").status_code == 302  # every page, not only the admin

    waiting = client.get(response["Location"])  # the password alone does not show a secret
    assert waiting.status_code == 200 and "secret" not in waiting.context
    deliver_due()
    link = re.search(r"http://testserver(/accounts/mfa/enrol/\S+/)", mail.outbox[-1].body).group(1)
    assert client.get(link)["Location"] == "/accounts/mfa/setup/"

    setup = client.get(response["Location"])
    assert setup.status_code == 200
    content = setup.content.decode()
    assert 'src="data:image/svg+xml;base64,' in content
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert setup.context["secret"].replace(" ", "") in content.replace(" ", "")

    wrong = client.post("/accounts/mfa/setup/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above throttled the device for a second
    device.save()

    confirmed = client.post("/accounts/mfa/setup/", {"code": current_code(device), "next": "/admin/"})
    assert confirmed.status_code == 200
    assert len(confirmed.context["codes"]) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_staff_with_a_device_verifies_with_totp_or_a_backup_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    from przystan.accounts.mfa import create_backup_codes

    codes = create_backup_codes(editor)
    log_in(client, editor)
    response = client.get("/admin/")
    assert response["Location"] == "/accounts/mfa/verify/?next=%2Fadmin%2F"
    ok = client.post("/accounts/mfa/verify/", {"code": current_code(device), "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    client.post("/accounts/logout/")
    log_in(client, editor)
    assert client.get("/admin/").status_code == 302
    ok = client.post("/accounts/mfa/verify/", {"code": codes[0].upper(), "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()  # a backup code works once


def test_throttled_device_refuses_even_the_right_code(client, editor):
    device = TOTPDevice.objects.create(
        user=editor,
        name="phone",
        confirmed=True,
        throttling_failure_count=10,
        throttling_failure_timestamp=timezone.now(),
    )
    log_in(client, editor)
    response = client.post("/accounts/mfa/verify/", {"code": current_code(device)})
    assert response.status_code == 400
    assert "Zbyt wiele błędnych kodów" in response.content.decode()  # in the user's language (pl)
    assert client.get("/admin/").status_code == 302


def test_foreigners_are_not_asked_for_mfa(client, user_factory):
    user = user_factory(email="olena@example.com")
    log_in(client, user)
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get("/portal/after-login/")["Location"] == "/accounts/profile/"


def test_staff_login_fixture_satisfies_mfa(client, editor, staff_login):
    staff_login(client, editor)
    assert client.get("/admin/").status_code == 200


def test_api_answers_403_for_staff_without_mfa(client, editor):
    log_in(client, editor)
    response = client.get("/api/")
    assert response.status_code == 403
    assert "MFA" in response.json()["detail"]


def test_demo_staff_are_pre_enrolled_and_log_in_with_a_printed_backup_code(client, editor):
    from przystan.demo.loader import _second_factor

    codes, _secret = _second_factor(editor)  # what `./przystan demo` prints for each staff account
    log_in(client, editor)
    assert client.get("/admin/")["Location"] == "/accounts/mfa/verify/?next=%2Fadmin%2F"  # no enrolment
    ok = client.post("/accounts/mfa/verify/", {"code": codes[0], "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
