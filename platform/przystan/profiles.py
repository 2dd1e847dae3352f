"""Deployment profiles: one codebase, two exposures.

* ``public``   — information portal, foreigner/employer portal, booking, payments and their callbacks.
* ``internal`` — Wagtail admin, officer portal, registers, hotel base.
* ``all``      — both (single-machine install, the demo).

A URL contribution tagged with a profile that this instance does not serve is never added to the
URL configuration, so it answers 404.
"""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class Profile(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    ALL = "all"


class Exposure(StrEnum):
    """Where a URL contribution belongs."""

    PUBLIC = "public"
    INTERNAL = "internal"
    BOTH = "both"


def current_profile() -> Profile:
    raw = getattr(settings, "PRZYSTAN_PROFILE", "all")
    try:
        return Profile(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"PRZYSTAN_PROFILE={raw!r} is not one of: {', '.join(p.value for p in Profile)}"
        ) from exc


def serves(exposure: Exposure | str, profile: Profile | None = None) -> bool:
    """True if an instance running ``profile`` (default: the configured one) serves ``exposure``."""
    profile = profile or current_profile()
    exposure = Exposure(exposure)
    if profile is Profile.ALL or exposure is Exposure.BOTH:
        return True
    return exposure.value == profile.value
