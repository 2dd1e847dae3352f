"""Serve a rendered PDF from a view."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def pdf_response(data: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    """An ``application/pdf`` response; documents carry personal data, so nothing caches them."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["Cache-Control"] = "private, no-store"
    response["Content-Length"] = str(len(data))
    return response
