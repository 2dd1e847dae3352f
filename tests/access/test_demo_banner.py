"""The demo banner prints, for every staff account, a TOTP secret an authenticator app accepts."""

from __future__ import annotations

import base64
import re

import pytest
from django.test import Client
from django_otp.oath import totp

from przystan.demo.loader import DEMO_PASSWORD, DEMO_STAFF, DemoSummary, load_demo_staff

pytestmark = pytest.mark.django_db


def secrets_by_email(banner: str) -> dict[str, str]:
    found: dict[str, str] = {}
    email = ""
    for line in banner.splitlines():
        words = line.split()
        if len(words) > 1 and words[1] in {e for e, _f, _l in DEMO_STAFF.values()}:
            email = words[1]
        match = re.search(r"TOTP secret:\s+([A-Z2-7]+)\s*$", line)
        if match and email:
            found[email] = match.group(1)
    return found


def current_code(secret: str) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def test_banner_prints_each_staff_users_totp_secret(office):
    summary = DemoSummary(office=office)
    load_demo_staff(summary)
    banner = summary.banner("http://127.0.0.1:8000")

    secrets = secrets_by_email(banner)
    assert set(secrets) == {email for email, _first, _last in DEMO_STAFF.values()}
    assert "platforma@demo.przystan.pl" in secrets  # the platform administrator is in the demo too

    # The printed secret is the one of the user's device: its current code passes the MFA step.
    email = DEMO_STAFF["officer"][0]
    client = Client()
    response = client.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, response.content[:500]
    response = client.post("/accounts/mfa/verify/", {"code": current_code(secrets[email]), "next": "/staff/"})
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_demo_has_no_superuser_and_the_office_admin_is_not_one(office):
    from django.contrib.auth import get_user_model

    load_demo_staff(DemoSummary(office=office))
    User = get_user_model()
    assert not User.objects.filter(is_superuser=True).exists()
    admin = User.objects.get(email=DEMO_STAFF["office_admin"][0])
    assert admin.home_office == office and admin.groups.filter(name="office_admin").exists()
    platform = User.objects.get(email=DEMO_STAFF["platform_admin"][0])
    assert platform.home_office is None and platform.groups.filter(name="platform_admin").exists()
