"""Log a user in for tests with MFA already satisfied (a real TOTP device, verified)."""

from __future__ import annotations

from typing import Any

from django.test import Client


def login_with_mfa(client: Client, user: Any) -> Any:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
