"""Przelewy24 pages exist in these languages only; ours are pl/en/uk/ru."""

from __future__ import annotations

SUPPORTED = ("bg", "cs", "de", "en", "es", "fr", "hr", "hu", "it", "nl", "pl", "pt", "se", "sk", "ro")
# Neither Ukrainian nor Russian is offered. English is the closest language most of our payers read
# besides Polish (an office can choose "pl" instead through the plugin configuration).
DEFAULT_FALLBACK = "en"


def gateway_language(language: str, fallback: str = DEFAULT_FALLBACK) -> tuple[str, bool]:
    """The P24 language for ``language`` and whether it is the same language (False: say so)."""
    code = (language or "pl")[:2].lower()
    if code in SUPPORTED:
        return code, True
    return (fallback if fallback in SUPPORTED else DEFAULT_FALLBACK), False
