"""A staff password alone cannot enrol an authenticator: enrolment needs the e-mailed one-time link
or a one-time code from an administrator."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from przystan.notifications.service import deliver_due
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
SETUP = "/accounts/mfa/setup/"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


@pytest.fixture
def officer(user_factory, office):
    return user_factory(
        email="officer@uw.example.gov.pl",
        kind="staff",
        roles=("editor",),
        office=office,
        preferred_language="en",
    )


def logged_in(user) -> Client:
    client = Client()
    assert client.post(LOGIN, {"username": user.email, "password": PASSWORD}).status_code == 302
    return client


def enrolment_link() -> str:
    deliver_due()
    return re.search(r"http://testserver(/accounts/mfa/enrol/\S+/)", mail.outbox[-1].body).group(1)


def test_the_password_alone_shows_no_secret_only_check_your_email(officer):
    attacker = logged_in(officer)
    page = attacker.get(SETUP)
    assert page.status_code == 200
    content = page.content.decode()
    with translation.override("en"):
        assert "Check your e-mail for the enrolment link" in content
    assert "totp-secret" not in content and "data:image/svg" not in content
    assert not TOTPDevice.objects.filter(user=officer).exists()
    # posting a code for a device the attacker never saw does nothing either
    assert attacker.post(SETUP, {"code": "123456"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()
    assert attacker.get("/admin/").status_code == 302


def test_the_page_is_translated(officer):
    officer.preferred_language = "uk"
    officer.save()
    page = logged_in(officer).get(SETUP)
    with translation.override("uk"):
        expected = translation.gettext("Check your e-mail for the enrolment link")
    assert expected != "Check your e-mail for the enrolment link" and expected in page.content.decode()


def test_the_emailed_link_works_once_for_the_owner_and_enrolment_then_completes(officer):
    owner = logged_in(officer)
    owner.get(SETUP)
    assert [m.to for m in mail.outbox] == []  # queued in the outbox; delivered below
    link = enrolment_link()
    assert mail.outbox[-1].to == [officer.email]

    assert owner.get(link)["Location"] == SETUP
    setup = owner.get(SETUP)
    assert "totp-secret" in setup.content.decode()
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    confirmed = owner.post(SETUP, {"code": current_code(device)})
    assert confirmed.status_code == 200 and len(confirmed.context["codes"]) == 10
    assert owner.get("/admin/").status_code == 200

    # the same link again (e.g. from the attacker's session) is refused
    other = logged_in(officer)
    assert other.get(link).status_code in (302, 400)
    assert "totp-secret" not in other.get(SETUP).content.decode()


def test_a_link_is_bound_to_its_session_user_and_expires(officer, user_factory, office, settings):
    owner = logged_in(officer)
    owner.get(SETUP)
    link = enrolment_link()
    colleague = user_factory(
        email="colleague@uw.example.gov.pl", kind="staff", roles=("officer",), office=office
    )
    assert logged_in(colleague).get(link).status_code == 400  # not theirs

    settings.PRZYSTAN_MFA_ENROLMENT_MAX_AGE = -1
    owner.post(SETUP, {"action": "resend"})
    expired = enrolment_link()
    assert owner.get(expired).status_code == 400
    assert "totp-secret" not in owner.get(SETUP).content.decode()


def test_an_administrators_one_time_code_allows_enrolment(officer):
    out = StringIO()
    call_command("mfa_enrolment_code", officer.email, stdout=out)
    code = out.getvalue().split()[0]
    person = logged_in(officer)
    assert person.post(SETUP, {"action": "code", "enrolment_code": "WRONG-CODE-0000"}).status_code == 400
    assert person.post(SETUP, {"action": "code", "enrolment_code": code.lower()})["Location"].startswith(
        SETUP
    )
    assert "totp-secret" in person.get(SETUP).content.decode()
    again = logged_in(officer)
    assert again.post(SETUP, {"action": "code", "enrolment_code": code}).status_code == 400  # once only


# ----------------------------------------------------------------------------- codes issued by office admins


def test_an_office_administrator_issues_a_one_time_code_to_a_colleague(
    officer, user_factory, office, staff_login
):
    admin = user_factory(
        email="admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=office
    )
    admin_client = Client()
    staff_login(admin_client, admin)
    page = admin_client.get("/accounts/mfa/enrolment-codes/")
    assert page.status_code == 200 and officer.email in page.content.decode()
    issued = admin_client.post("/accounts/mfa/enrolment-codes/", {"user": officer.pk})
    code = re.search(r'id="enrolment-code">([A-Z0-9-]+)<', issued.content.decode()).group(1)

    person = logged_in(officer)
    assert person.post(SETUP, {"action": "code", "enrolment_code": code})["Location"].startswith(SETUP)
    assert "totp-secret" in person.get(SETUP).content.decode()


def test_only_verified_office_administrators_issue_codes_and_only_for_their_office(
    officer, user_factory, office, other_office, staff_login
):
    stranger = user_factory(
        email="x@drugi.example.gov.pl", kind="staff", roles=("officer",), office=other_office
    )
    admin = user_factory(
        email="admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=office
    )
    unverified = logged_in(admin)
    assert unverified.get("/accounts/mfa/enrolment-codes/")["Location"].startswith("/accounts/mfa/verify/")
    colleague = Client()
    staff_login(
        colleague, user_factory(email="c@uw.example.gov.pl", kind="staff", roles=("officer",), office=office)
    )
    assert colleague.get("/accounts/mfa/enrolment-codes/").status_code == 403
    verified = Client()
    staff_login(verified, admin)
    assert verified.post("/accounts/mfa/enrolment-codes/", {"user": stranger.pk}).status_code == 404
