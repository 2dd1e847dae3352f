"""How many SMS parts a text takes (GSM 03.38 7-bit alphabet or UCS-2), and what that costs.

GSM-7 carries 160 septets in a single message and 153 per part of a concatenated one (the UDH takes
the rest); characters of the extension table (``^{}\\[~]|€`` and form feed) take two septets (escape +
character). Any other character switches the whole message to UCS-2: 70 UTF-16 code units in a single
message, 67 per part; characters outside the BMP (emoji) are surrogate pairs and take two units.
A part never ends between the two septets of an extension character or inside a surrogate pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext

GSM7 = "GSM-7"
UCS2 = "UCS-2"

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}  # single message, per part of a concatenated one


@dataclass(frozen=True)
class SmsInfo:
    encoding: str  # "GSM-7" | "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    parts: int
    per_part: int  # capacity of one part for this message (160/153 or 70/67)


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def _unit_costs(text: str, encoding: str) -> list[int]:
    if encoding == GSM7:
        return [2 if ch in GSM7_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def _count_parts(costs: list[int], per_part: int) -> int:
    parts, room = 1, per_part
    for cost in costs:
        if cost > room:  # an extension pair or surrogate pair never straddles two parts
            parts, room = parts + 1, per_part
        room -= cost
    return parts


def sms_info(text: str) -> SmsInfo:
    """Encoding, length in units, number of parts and capacity per part of ``text``."""
    encoding = GSM7 if is_gsm7(text) else UCS2
    single, multi = LIMITS[encoding]
    costs = _unit_costs(text, encoding)
    units = sum(costs)
    if units == 0:
        return SmsInfo(encoding, 0, 0, single)
    if units <= single:
        return SmsInfo(encoding, units, 1, single)
    return SmsInfo(encoding, units, _count_parts(costs, multi), multi)


def sms_cost_text(text: str) -> str:
    """A translated description like "2 SMS parts (UCS-2, 67 characters per part)"."""
    info = sms_info(text)
    return ngettext(
        "%(parts)d SMS part (%(encoding)s, %(per_part)d characters per part)",
        "%(parts)d SMS parts (%(encoding)s, %(per_part)d characters per part)",
        info.parts,
    ) % {"parts": info.parts, "encoding": info.encoding, "per_part": info.per_part}
