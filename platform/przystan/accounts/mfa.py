"""TOTP and backup codes for staff (django-otp): devices, QR code, verification with throttling."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
SETUP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup codes"


def has_confirmed_device(user: Any) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp_device(user: Any) -> TOTPDevice:
    """The user's unconfirmed TOTP device (created on first visit of the setup page)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=SETUP_DEVICE_NAME, confirmed=False)


def text_secret(device: TOTPDevice) -> str:
    """The base32 secret people type into an authenticator app, in groups of four."""
    raw = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_data_uri(text: str) -> str:
    """An inline SVG QR code (no external requests; the CSP allows data: images)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass
class VerifyResult:
    device: Any = None
    throttled: bool = False


def _normalise(token: str) -> str:
    return "".join(token.split()).lower()


def verify(user: Any, token: str, devices: list[Any] | None = None) -> VerifyResult:
    """Check a TOTP code (digits) or a backup code against the user's devices.

    Each device throttles itself after failures (django-otp): a throttled device is not asked.
    """
    token = _normalise(token)
    if not token:
        return VerifyResult()
    with transaction.atomic():
        if devices is None:
            candidates = list(devices_for_user(user, confirmed=True, for_verify=True))
        else:
            candidates = devices
        if token.isdigit() and len(token) == 6:
            candidates = [d for d in candidates if isinstance(d, TOTPDevice)]
        else:
            candidates = [d for d in candidates if isinstance(d, StaticDevice)]
        throttled = False
        for device in candidates:
            allowed, _info = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(token):
                return VerifyResult(device=device)
        return VerifyResult(throttled=throttled)


def create_backup_codes(user: Any) -> list[str]:
    """Replace the user's backup codes with new ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
