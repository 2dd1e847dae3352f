"""One date format on staff screens: ``dd.mm.rrrr``, with ``HH:MM`` in the office time zone where the
time matters (the locale's ``SHORT_DATE_FORMAT`` / ``SHORT_DATETIME_FORMAT``, see :mod:`przystan.formats`).

Snapshots (transfer reports, audit values) keep dates as ISO text; :func:`staff_date` reads those too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format


def staff_date(value: Any) -> str:
    """``03.12.2026`` for a date, ``03.12.2026 14:05`` (office time) for a moment; ``""`` for nothing;
    text that is not a date is returned as it is."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        parsed = parse_datetime(value) if "T" in value or " " in value.strip() else None
        value = parsed or parse_date(value) or value
        if isinstance(value, str):
            return value
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
