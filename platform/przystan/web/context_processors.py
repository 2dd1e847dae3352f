"""Template context shared by every Przystań page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from przystan.profiles import current_profile


def przystan(request: HttpRequest) -> dict[str, Any]:
    return {
        "office": getattr(request, "office", None),
        "przystan_profile": current_profile().value,
        "przystan_languages": settings.LANGUAGES,
    }
