"""The API's JSON parser: a body nested too deeply for Python's parser is a 400, not a server error."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, answering ``400 Bad Request`` for JSON that exceeds the recursion limit.

    ``json.loads`` raises ``RecursionError`` (not ``ValueError``) on e.g. 100,000 nested ``[``, which
    DRF's parser does not catch.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None
