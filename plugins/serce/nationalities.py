"""Names of the nationalities recorded in the register (ISO 3166-1 alpha-2 codes), translated.

Staff screens show the name, never the code; a code not listed here is shown as it is.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NAMES: dict[str, Promise] = {
    "AF": _("Afghanistan"),
    "AM": _("Armenia"),
    "AZ": _("Azerbaijan"),
    "BY": _("Belarus"),
    "CN": _("China"),
    "ER": _("Eritrea"),
    "GE": _("Georgia"),
    "IN": _("India"),
    "IQ": _("Iraq"),
    "IR": _("Iran"),
    "KG": _("Kyrgyzstan"),
    "KZ": _("Kazakhstan"),
    "MD": _("Moldova"),
    "NG": _("Nigeria"),
    "PK": _("Pakistan"),
    "PL": _("Poland"),
    "RU": _("Russia"),
    "SO": _("Somalia"),
    "SY": _("Syria"),
    "TJ": _("Tajikistan"),
    "TR": _("Turkey"),
    "UA": _("Ukraine"),
    "UZ": _("Uzbekistan"),
    "VN": _("Vietnam"),
}


def nationality_name(code: str | None) -> str:
    """The translated name of ``code`` (``"UA"`` → "Ukraine"); an unknown code as it is, ``""`` as —."""
    if not code:
        return "—"
    return str(NAMES.get(code.upper(), code))
