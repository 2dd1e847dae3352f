"""Amounts are kept in grosze and shown in złoty: ``1 234,56 zł``."""

from __future__ import annotations


def zl(grosze: int | None) -> str:
    """``123456`` → ``"1 234,56 zł"`` (a non-breaking space groups thousands); ``None`` → ``"—"``."""
    if grosze is None:
        return "—"
    sign = "−" if grosze < 0 else ""
    grosze = abs(int(grosze))
    whole = f"{grosze // 100:,}".replace(",", "\u00a0")
    return f"{sign}{whole},{grosze % 100:02d}\u00a0zł"
