"""Phone numbers in E.164 (``+48601234567``); bare 9-digit numbers are Polish."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .errors import InvalidPhoneNumber

DEFAULT_COUNTRY_CODE = "48"
_SEPARATORS = re.compile(r"[\s\-./()]")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def normalize_phone(raw: str) -> str:
    """Return ``raw`` as E.164 or raise :class:`InvalidPhoneNumber` with a message saying why."""
    text = _SEPARATORS.sub("", raw or "")
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        if re.fullmatch(r"[1-9]\d{8}", text):
            text = f"+{DEFAULT_COUNTRY_CODE}{text}"
        elif re.fullmatch(r"48[1-9]\d{8}", text):
            text = f"+{text}"
    if not _E164.match(text):
        raise InvalidPhoneNumber(
            _(
                "'%(number)s' is not a valid mobile phone number. Use a 9-digit Polish number "
                "or an international number starting with + and the country code."
            )
            % {"number": raw}
        )
    if text.startswith(f"+{DEFAULT_COUNTRY_CODE}") and len(text) != 12:
        raise InvalidPhoneNumber(
            _("'%(number)s' is not a valid Polish phone number: it must have 9 digits after +48.")
            % {"number": raw}
        )
    return text
